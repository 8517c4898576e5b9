// Restore, proven on whole databases: data across every model (made by the real flows, then
// free-text and number columns overwritten with random awkward values) -> a backup in each
// format -> restored into a fresh server -> every row, value and storage type the same.
// Point in time reproduces the state at a sequence exactly. A fuzz run over mutated backups
// of both formats: every one is either a valid backup or refused as BAD_USER_INPUT, never a
// crash, and a refused restore changes nothing.
import { createHash, randomUUID } from "node:crypto";
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { GraphQLError } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backedUpTables, q, takeBackup } from "../../api/modules/backups/index.js";
import { validateBackupFile } from "../../api/modules/restore/index.js";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";
import { uploadGql } from "../helpers/upload.js";
import { buy, waitFor } from "./sales-seed.js";
import { dbId, requestRefund } from "./refunds-seed.js";

const QUIET = { BACKUP_SCHEDULE: "off", RECONCILE_INTERVAL_MS: "600000" };

/** Every backed-up table, each row with each value and its SQLite storage class. */
function dump(file: string): Record<string, unknown[][]> {
  const db = new Database(file, { readonly: true });
  try {
    const out: Record<string, unknown[][]> = {};
    for (const t of backedUpTables(db)) {
      const cols = t.columns.map((c) => q(c.name));
      out[t.name] = db.prepare(`SELECT ${cols.join(", ")}, ${cols.map((c) => `typeof(${c})`).join(", ")} FROM ${q(t.name)} ORDER BY id`).raw().all() as unknown[][];
    }
    return out;
  } finally {
    db.close();
  }
}

const dbFileOf = (s: TestServer) => path.join(s.dataDir, "chillzone.db");

/** Real flows touching every model: users, a key, bundles, vouchers, a print batch, sales paid and pending, a refund, a router, outbox messages. */
async function seedEverything(server: TestServer) {
  const admin = { token: server.adminToken };
  await server.tokenFor("MANAGER");
  await server.gql(`mutation { createApiKey(input: { name: "partner", role: STAFF }) { key } }`, {}, admin);
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    const a = await server.gql(`mutation($i: AllocationInput!) { createAllocation(input: $i) { id } }`, { i: { name: `Bundle ${i}`, priceMinor: 100 + i, dataLimitMb: 100 * (i + 1), validityHours: 24 } }, admin);
    ids.push(a.data.createAllocation.id);
    await server.gql(`mutation($a: ID!) { generateVouchers(input: { allocationId: $a, count: 30 }) { count } }`, { a: a.data.createAllocation.id }, admin);
  }
  await server.gql(`mutation($i: PrintVouchersInput!) { printVouchers(input: $i) { id } }`, { i: { allocationId: ids[1], count: 5 } }, admin);
  const paid = [];
  for (let i = 0; i < 4; i++) {
    const r = await buy(server, ids[i % 2]!, { phoneNumber: `02412345${60 + i}` });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    paid.push(r.data.purchase.transaction);
  }
  const cash = await buy(server, ids[2]!, { phoneNumber: "0241234598", provider: "cash" }, admin);
  if (cash.errors) throw new Error(JSON.stringify(cash.errors));
  const refund = await requestRefund(server, admin, paid[0].id, { amountMinor: 50 });
  if (refund.errors) throw new Error(JSON.stringify(refund.errors));
  await server.app.services.prisma.router.create({ data: { name: "shop", host: "10.0.0.1", username: "api", password: "secret" } });
  // The outbox sends the SMS of each paid sale: wait until it is idle, so the data stays still.
  await waitFor("the outbox to be idle", async () => (await server.app.services.prisma.outboxMessage.count({ where: { status: "PENDING" } })) === 0);
  return ids;
}

const awkward = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "<td>&amp;</td>", "a\nb\r\nc", "\"'`", "</section><script>x</script>", "0", "NULL", "null", "1e3", "\u0000x", "💸 GH₵ 0.10", "x".repeat(3000)),
);
const number = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER));
const real = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0.1, 1e-300, 1.5e300, -0));

/** Random values in every free-text and number column (not keys, relations, enums, booleans or times). */
function scramble(file: string, seed: number): void {
  const db = new Database(file);
  db.function("cz_ctx", { varargs: true }, () => null); // the change triggers ask; this copy is never served
  try {
    const rnd = fc.sample(fc.tuple(awkward, number, real, fc.boolean()), { numRuns: 5000, seed });
    let k = 0;
    const next = () => rnd[k++ % rnd.length]!;
    for (const t of backedUpTables(db)) {
      const fks = new Set((db.prepare(`SELECT "from" FROM pragma_foreign_key_list(?)`).all(t.name) as { from: string }[]).map((r) => r.from));
      const unique = new Set((db.prepare(`SELECT ii.name FROM pragma_index_list(?) il, pragma_index_info(il.name) ii WHERE il."unique" = 1`).all(t.name) as { name: string }[]).map((r) => r.name));
      const notNull = new Set((db.prepare(`SELECT name FROM pragma_table_info(?) WHERE "notnull" = 1`).all(t.name) as { name: string }[]).map((r) => r.name));
      const free = t.columns.filter((c) => c.name !== "id" && !fks.has(c.name) && !unique.has(c.name) && /^(TEXT|INTEGER|REAL)$/i.test(c.type));
      const enumLike = (c: string) => (db.prepare(`SELECT count(*) FROM ${q(t.name)} WHERE ${q(c)} IS NOT NULL AND ${q(c)} NOT GLOB '[A-Z_]*' `).pluck().get() as number) === 0;
      const cols = free.filter((c) => !/^TEXT$/i.test(c.type) || !enumLike(c.name));
      const ids = db.prepare(`SELECT id FROM ${q(t.name)}`).pluck().all() as string[];
      for (const id of ids)
        for (const c of cols) {
          const [s, i, r, nul] = next();
          const v = nul && !notNull.has(c.name) ? null : /TEXT/i.test(c.type) ? s : /INTEGER/i.test(c.type) ? i : r;
          db.prepare(`UPDATE ${q(t.name)} SET ${q(c.name)} = ? WHERE id = ?`).run(v, id);
        }
    }
  } finally {
    db.close();
  }
}

let source: TestServer;
const fresh: TestServer[] = [];
afterAll(async () => {
  await source?.stop();
  for (const s of fresh) await s.stop();
});

beforeAll(async () => {
  source = await startTestServer({ env: QUIET });
  await seedEverything(source);
}, 120_000);

async function backupOf(server: TestServer, format: "SQLITE" | "HTML") {
  const r = await server.gql(`mutation($f: BackupFormat) { createBackup(format: $f) { id fileName sequence } }`, { f: format }, { token: server.adminToken });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return { id: r.data.createBackup.id as string, sequence: r.data.createBackup.sequence as number, file: path.join(server.dataDir, "backups", r.data.createBackup.fileName as string) };
}

describe("round trip into a fresh server", () => {
  it("every model, random awkward values: SQLITE and HTML restore the same rows, values and storage types", async () => {
    // The random values go into a SQLITE backup of the seeded shop, which a scratch server
    // restores (so the values pass through a restore, as the app would hold them) and then
    // backs up in both formats.
    const seeded = await backupOf(source, "SQLITE");
    const scrambled = path.join(source.dataDir, `scrambled-${randomUUID()}.db`);
    copyFileSync(seeded.file, scrambled);
    scramble(scrambled, 20261204);
    const changed = Object.entries(dump(scrambled)).filter(([t, rows]) => JSON.stringify(rows) !== JSON.stringify(dump(seeded.file)[t]));
    expect(changed.length).toBeGreaterThan(8); // the random values reached most tables
    const scratch = await startTestServer({ env: QUIET });
    fresh.push(scratch);
    const loaded = await uploadGql(scratch.url, `mutation($file: File!) { restoreBackup(file: $file) { sequence } }`, { path: scrambled }, { token: scratch.adminToken });
    expect(loaded.errors).toBeUndefined();
    // The scratch server's own admin is not in the restored data: their session ended with it.
    const me = await scratch.gql(`{ me { username } }`, {}, { token: scratch.adminToken });
    expect(me.data?.me ?? null).toBeNull();
    const expected = dump(scrambled);
    expect(dump(dbFileOf(scratch))).toEqual(expected);

    // Back up the scrambled shop in both formats with the backups module (no login needed).
    for (const format of ["SQLITE", "HTML"] as const) {
      const b = await takeBackup(scratch.app.services, format, "MANUAL");
      const file = path.join(scratch.dataDir, "backups", b.fileName);
      const target = await startTestServer({ env: QUIET });
      fresh.push(target);
      const r = await uploadGql(target.url, `mutation($file: File!) { restoreBackup(file: $file) { tables { table rows } } }`, { path: file }, { token: target.adminToken });
      expect(r.errors, format).toBeUndefined();
      const got = dump(dbFileOf(target));
      for (const table of Object.keys(expected)) expect({ format, table, rows: got[table] }).toEqual({ format, table, rows: expected[table] });
    }
  }, 180_000);
});

describe("point in time", () => {
  it("a backup plus the journal to a sequence in the middle is exactly the state at that sequence", async () => {
    const b = await backupOf(source, "SQLITE");
    const admin = { token: source.adminToken };
    for (let i = 0; i < 5; i++) await source.gql(`mutation($i: AllocationInput!) { createAllocation(input: $i) { id } }`, { i: { name: `Middle ${i}`, priceMinor: 900 + i, dataLimitMb: 50 } }, admin);
    const sale = await buy(source, (await source.gql(`{ allocations { id name } }`)).data.allocations.find((a: { name: string }) => a.name === "Bundle 0").id, { phoneNumber: "0241230001" });
    expect(sale.errors).toBeUndefined();
    await waitFor("the outbox to be idle", async () => (await source.app.services.prisma.outboxMessage.count({ where: { status: "PENDING" } })) === 0);
    const middle = Number(source.app.services.reader.value(`SELECT max(sequence) FROM LogEntry`));
    const atMiddle = dump(dbFileOf(source));
    for (let i = 0; i < 5; i++) await source.gql(`mutation($i: AllocationInput!) { createAllocation(input: $i) { id } }`, { i: { name: `Later ${i}`, priceMinor: 950 + i, dataLimitMb: 50 } }, admin);
    const r = await source.gql(`mutation($b: ID!, $s: Int) { restoreToPoint(backupId: $b, sequence: $s) { replayed report { sequence } } }`, { b: b.id, s: middle }, admin);
    expect(r.errors).toBeUndefined();
    expect(r.data.restoreToPoint.replayed).toBeGreaterThan(5);
    expect(dump(dbFileOf(source))).toEqual(atMiddle);
  }, 60_000);
});

describe("restoreDeleted on real records", () => {
  const bringBack = (model: string, recordId: string) => source.gql(`mutation($m: String!, $r: String!) { restoreDeleted(model: $m, recordId: $r) { kind recordId } }`, { m: model, r: recordId }, { token: source.adminToken });

  it("a deleted voucher comes back; one whose username was reused is refused, naming the username", async () => {
    const prisma = source.app.services.prisma;
    const [v1, v2] = await prisma.voucher.findMany({ where: { status: "AVAILABLE" }, take: 2, orderBy: { id: "asc" } });
    await prisma.voucher.delete({ where: { id: v1!.id } });
    expect((await bringBack("Voucher", v1!.id)).errors).toBeUndefined();
    expect(await prisma.voucher.findUnique({ where: { id: v1!.id } })).toMatchObject({ username: v1!.username, password: v1!.password, allocationId: v1!.allocationId });

    await prisma.voucher.delete({ where: { id: v2!.id } });
    await prisma.voucher.create({ data: { username: v2!.username, password: "other", allocationId: v2!.allocationId } });
    const r = await bringBack("Voucher", v2!.id);
    expect(codesOf(r)).toEqual(["CONFLICT"]);
    expect(r.errors![0]!.message).toContain(`same username (${v2!.username})`);
    expect(await prisma.voucher.findUnique({ where: { id: v2!.id } })).toBeNull();
  });

  it("a sale whose bundle is gone too is refused, naming what is missing", async () => {
    const prisma = source.app.services.prisma;
    const a = await source.gql(`mutation($i: AllocationInput!) { createAllocation(input: $i) { id } }`, { i: { name: "Doomed", priceMinor: 777, dataLimitMb: 10 } }, { token: source.adminToken });
    const allocationId = dbId(a.data.createAllocation.id);
    await prisma.voucher.create({ data: { username: `doomed-${randomUUID().slice(0, 6)}`, password: "x", allocationId } });
    const sale = await buy(source, a.data.createAllocation.id, { phoneNumber: "0241239991", provider: "cash" }, { token: source.adminToken });
    expect(sale.errors).toBeUndefined();
    const saleId = dbId(sale.data.purchase.transaction.id);
    await prisma.transaction.delete({ where: { id: saleId } });
    await prisma.voucher.deleteMany({ where: { allocationId } });
    await prisma.allocation.delete({ where: { id: allocationId } });
    const r = await bringBack("Transaction", saleId);
    expect(codesOf(r)).toEqual(["CONFLICT"]);
    expect(r.errors![0]!.extensions).toMatchObject({ reason: "broken-relation" });
    expect(r.errors![0]!.message).toMatch(/(Allocation|Voucher) .* gone too/);
    expect(await prisma.transaction.findUnique({ where: { id: saleId } })).toBeNull();
  });
});

describe("fuzz: mutated backups of both formats", () => {
  const RUNS = Number(process.env.RESTORE_FUZZ_RUNS ?? 1000);
  let small: TestServer;
  beforeAll(async () => {
    small = await startTestServer({ env: QUIET });
    fresh.push(small);
    const a = await small.gql(`mutation { createAllocation(input: { name: "Fuzz", priceMinor: 10, dataLimitMb: 10 }) { id } }`, {}, { token: small.adminToken });
    await small.gql(`mutation($a: ID!) { generateVouchers(input: { allocationId: $a, count: 5 }) { count } }`, { a: a.data.createAllocation.id }, { token: small.adminToken });
  });

  const mutation = (size: number) =>
    fc.oneof(
      fc.record({ kind: fc.constant("flip" as const), at: fc.nat({ max: size - 1 }), bits: fc.integer({ min: 1, max: 255 }) }),
      fc.record({ kind: fc.constant("cut" as const), at: fc.nat({ max: size - 1 }) }),
      fc.record({ kind: fc.constant("insert" as const), at: fc.nat({ max: size - 1 }), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
      fc.record({ kind: fc.constant("splice" as const), at: fc.nat({ max: size - 1 }), len: fc.integer({ min: 1, max: 200 }) }),
    );
  function apply(bytes: Buffer, m: { kind: string; at: number; bits?: number; bytes?: Uint8Array; len?: number }): Buffer {
    const b = Buffer.from(bytes);
    if (m.kind === "flip") b[m.at] = b[m.at]! ^ m.bits!;
    if (m.kind === "cut") return b.subarray(0, m.at);
    if (m.kind === "insert") return Buffer.concat([b.subarray(0, m.at), Buffer.from(m.bytes!), b.subarray(m.at)]);
    if (m.kind === "splice") return Buffer.concat([b.subarray(0, m.at), b.subarray(m.at + m.len!)]);
    return b;
  }

  it("refused restores over HTTP change nothing and the server keeps serving", async () => {
    const b = await backupOf(small, "HTML");
    const original = readFileSync(b.file);
    let before = dump(dbFileOf(small));
    const mutants = fc.sample(mutation(original.length), { numRuns: 40, seed: 3 });
    let refused = 0;
    for (const m of mutants) {
      const r = await uploadGql(small.url, `mutation($file: File!) { restoreBackup(file: $file) { sequence } }`, { bytes: apply(original, m), name: "mutant.html" }, { token: small.adminToken });
      if (!r.errors) {
        before = dump(dbFileOf(small)); // a mutant still valid (the change fell inside a value): restored whole
        continue;
      }
      expect(codesOf(r)).toEqual(["BAD_USER_INPUT"]);
      refused++;
      const now = dump(dbFileOf(small));
      expect(createHash("sha256").update(JSON.stringify(now)).digest("hex")).toBe(createHash("sha256").update(JSON.stringify(before)).digest("hex"));
    }
    expect(refused).toBeGreaterThan(10);
    expect((await fetch(`${small.url}/healthz`)).status).toBe(200);
  }, 120_000);

  it.each(["SQLITE", "HTML"] as const)("%s: each mutant is a valid backup or refused as BAD_USER_INPUT; none crashes", async (format) => {
    // In process, no HTTP: validation is synchronous SQLite work that holds the event loop, and
    // a keep-alive socket idle across it races the server's keep-alive timeout.
    const b = await takeBackup(small.app.services, format, "MANUAL");
    const original = readFileSync(path.join(small.dataDir, "backups", b.fileName));
    const file = path.join(small.dataDir, `mutant-${format}`);
    const outcomes = { valid: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(mutation(original.length), async (m) => {
        writeFileSync(file, apply(original, m));
        try {
          await validateBackupFile(small.app.services, file);
          outcomes.valid++;
        } catch (err) {
          if (!(err instanceof GraphQLError)) console.error(m, err);
          expect(err, String(err)).toBeInstanceOf(GraphQLError);
          expect((err as GraphQLError).extensions.code, (err as Error).message).toBe("BAD_USER_INPUT");
          outcomes.refused++;
        }
      }),
      { numRuns: RUNS, seed: format === "SQLITE" ? 1 : 2 },
    );
    expect(outcomes.refused).toBeGreaterThan(RUNS / 4); // the mutations do reach the checks
    // No work files left behind beside the backups.
    expect(readdirBackups(small).filter((f) => f.startsWith(".restore-") || f.startsWith(".upload-"))).toEqual([]);
  }, 300_000);
});

const readdirBackups = (server: TestServer) => readdirSync(path.join(server.dataDir, "backups"));

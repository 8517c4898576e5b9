// Restore through the real server: both formats round trip (every backed-up table equal to
// the backup's, byte for byte), the dry run changes nothing, every kind of bad file is
// refused with a message naming what and where and leaves every table as it was, point in
// time from the journal, the log and triggers after a restore, live sockets told to refetch,
// concurrent writes never lost, and who may do any of it.
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backedUpTables, q } from "../../api/modules/backups/index.js";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";
import { uploadGql } from "../helpers/upload.js";

let server: TestServer;
let n = 0;

const dbFile = () => path.join(server.dataDir, "chillzone.db");
const backupDir = () => path.join(server.dataDir, "backups");

/** Every backed-up table's rows, in key order: what a restore must make equal. */
function fingerprint(file = dbFile()): Map<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    return new Map(backedUpTables(db).map((t) => [t.name, createHash("sha256").update(JSON.stringify(db.prepare(`SELECT * FROM ${q(t.name)} ORDER BY id`).all())).digest("hex")]));
  } finally {
    db.close();
  }
}

function sql<T = unknown>(query: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile(), { readonly: true });
  try {
    return db.prepare(query).all(...params) as T[];
  } finally {
    db.close();
  }
}

async function allocation(name = `Bundle ${++n}`): Promise<{ id: string; name: string }> {
  const r = await server.gql(`mutation($n: String!, $p: Int!) { createAllocation(input: { name: $n, priceMinor: $p, dataLimitMb: 100 }) { id name } }`, { n: name, p: 100 + n }, { token: server.adminToken });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.createAllocation;
}

async function backup(format: "SQLITE" | "HTML" = "SQLITE") {
  const r = await server.gql(`mutation($f: BackupFormat) { createBackup(format: $f) { id fileName sequence } }`, { f: format }, { token: server.adminToken });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return { ...(r.data.createBackup as { id: string; fileName: string; sequence: number }), file: path.join(backupDir(), r.data.createBackup.fileName) };
}

const rawId = (id: string) => Buffer.from(id, "base64").toString().split(":")[1]!;
const names = () => new Set(sql<{ name: string }>(`SELECT name FROM Allocation`).map((r) => r.name));
const RESULT = `safetyBackup { id trigger fileName } tables { table rows } restoredAt sequence replayed report { format sequence migratedForward }`;
const restore = (file: string, token = server.adminToken) => uploadGql(server.url, `mutation($file: File!) { restoreBackup(file: $file) { ${RESULT} } }`, { path: file }, { token });
const validate = (file: { path: string } | { bytes: Uint8Array; name: string }, token = server.adminToken) =>
  uploadGql(server.url, `mutation($file: File) { validateBackup(file: $file) { format migration migratedForward sequence takenAt rows tables { table rows currentRows } } }`, file, { token });

beforeAll(async () => {
  server = await startTestServer({ env: { BACKUP_SCHEDULE: "off", BACKUP_MAX_UPLOAD_MB: "2" } });
  const a = await allocation("Seed bundle");
  const g = await server.gql(`mutation($a: ID!) { generateVouchers(input: { allocationId: $a, count: 50 }) { count } }`, { a: a.id }, { token: server.adminToken });
  expect(g.errors).toBeUndefined();
});
afterAll(() => server?.stop());

describe.each(["SQLITE", "HTML"] as const)("a %s backup", (format) => {
  it("validates without changing anything, then restores exactly what it holds", async () => {
    const kept = await allocation();
    const b = await backup(format);
    const atBackup = fingerprint();
    const lost = await allocation();
    await server.gql(`mutation($id: ID!) { deleteAllocation(id: $id) }`, { id: kept.id }, { token: server.adminToken });
    const before = fingerprint();

    const v = await validate({ path: b.file });
    expect(v.errors).toBeUndefined();
    expect(v.data.validateBackup).toMatchObject({ format, sequence: b.sequence, migratedForward: false });
    const allocs = v.data.validateBackup.tables.find((t: { table: string }) => t.table === "Allocation");
    expect(allocs).toEqual({ table: "Allocation", rows: names().size, currentRows: names().size }); // one added, one deleted since
    expect(fingerprint()).toEqual(before);

    const maxBefore = sql<{ m: number }>(`SELECT max(sequence) AS m FROM LogEntry`)[0]!.m;
    const r = await restore(b.file);
    expect(r.errors).toBeUndefined();
    const out = r.data.restoreBackup;
    expect(out.safetyBackup.trigger).toBe("PRE_RESTORE");
    expect(fingerprint()).toEqual(atBackup);
    expect(names().has(kept.name)).toBe(true);
    expect(names().has(lost.name)).toBe(false);
    // The safety copy holds exactly what was there before.
    expect(fingerprint(path.join(backupDir(), out.safetyBackup.fileName))).toEqual(before);

    // The log goes on: the BACKUP entry after every earlier one, naming who and what.
    expect(out.sequence).toBeGreaterThan(maxBefore);
    const [entry] = sql<{ kind: string; actorLabel: string; data: string }>(`SELECT kind, actorLabel, data FROM LogEntry WHERE sequence = ?`, out.sequence);
    expect(entry!.kind).toBe("BACKUP");
    expect(entry!.actorLabel).toContain("admin");
    expect(JSON.parse(entry!.data)).toMatchObject({ restored: true, format });

    // The admin's token still works and the change triggers are back: a write is logged once.
    const after = await allocation();
    const creates = sql(`SELECT sequence FROM LogEntry WHERE kind = 'CREATE' AND model = 'Allocation' AND recordId = ?`, rawId(after.id));
    expect(creates).toHaveLength(1);
    expect((creates[0] as { sequence: number }).sequence).toBeGreaterThan(out.sequence);
  });
});

describe("bad files are refused and change nothing", () => {
  let good: { file: string };
  let before: Map<string, string>;
  beforeAll(async () => {
    good = await backup("SQLITE");
    await allocation(); // the live data differs from the backup: a half-done restore would show
    before = fingerprint();
  });

  async function refused(bytes: Uint8Array, match: RegExp) {
    for (const r of [await validate({ bytes, name: "bad.db" }), await uploadGql(server.url, `mutation($file: File!) { restoreBackup(file: $file) { sequence } }`, { bytes, name: "bad.db" }, { token: server.adminToken })]) {
      expect(codesOf(r)).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors![0]!.message).toMatch(match);
      if (process.env.SHOW_MESSAGES) console.log(r.errors![0]!.message);
    }
    expect(fingerprint()).toEqual(before);
  }

  const mutate = (fn: (db: Database.Database) => void): Uint8Array => {
    const copy = path.join(server.dataDir, `mutated-${++n}.db`);
    copyFileSync(good.file, copy);
    const db = new Database(copy);
    db.function("cz_ctx", { varargs: true }, () => null); // what the change triggers call in the app
    fn(db);
    db.close();
    return readFileSync(copy);
  };

  it("a file that is not a backup", () => refused(new TextEncoder().encode("hello, this is a text file\n"), /neither a SQLite database nor an HTML backup/));
  it("a SQLite file cut short", () => refused(readFileSync(good.file).subarray(0, 8192), /./));
  it("a SQLite database that is not Chillzone's", () => refused(mutate((db) => db.exec(`DROP TABLE _prisma_migrations`)), /migration history/));
  it("a newer schema", () => refused(mutate((db) => db.prepare(`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x', 'x', '99990101000000_future', 0, 0, 1)`).run()), /newer Chillzone/));
  it("a table without a column", () => refused(
      mutate((db) => {
        for (const t of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Allocation'`).pluck().all() as string[]) db.exec(`DROP TRIGGER "${t}"`);
        db.exec(`ALTER TABLE Allocation DROP COLUMN active`);
      }),
      /Allocation/,
    ));
  it("a row pointing at a missing parent, named by table", () =>
    refused(
      mutate((db) => {
        db.pragma("foreign_keys = OFF");
        db.exec(`UPDATE Voucher SET allocationId = 'gone' WHERE rowid = (SELECT min(rowid) FROM Voucher)`);
      }),
      /Voucher/,
    ));
  it("a value of the wrong type, named by table and key", () => refused(mutate((db) => db.exec(`UPDATE Allocation SET priceMinor = 'lots' WHERE rowid = (SELECT min(rowid) FROM Allocation)`)), /Allocation.*priceMinor|priceMinor.*Allocation/));
  it("an HTML backup with one cell changed (the checksum)", async () => {
    const h = await backup("HTML");
    const text = readFileSync(h.file, "utf8");
    const changed = text.replace(/<td>Seed bundle<\/td>/, "<td>Seed bundlE</td>");
    expect(changed).not.toBe(text);
    before = fingerprint();
    await refused(new TextEncoder().encode(changed), /checksum|sha256|altered/i);
  });
  it("an HTML backup cut short", async () => {
    const h = await backup("HTML");
    before = fingerprint();
    await refused(readFileSync(h.file).subarray(0, 4000), /./);
  });

  it("over the upload limit: 413 before the body is read", async () => {
    const r = await uploadGql(server.url, `mutation($file: File!) { restoreBackup(file: $file) { sequence } }`, { bytes: new Uint8Array(3 * 1_048_576), name: "big.db" }, { token: server.adminToken });
    expect(r.status).toBe(413);
    expect(codesOf(r)).toEqual(["PAYLOAD_TOO_LARGE"]);
    expect(r.errors![0]!.message).toMatch(/2 MB upload limit/);
    expect(fingerprint()).toEqual(before);
  });

  it("no file, or a token from another request", async () => {
    const r = await server.gql(`mutation { restoreBackup(file: "cz-upload:00000000000000000000000000000000") { sequence } }`, {}, { token: server.adminToken });
    expect(codesOf(r)).toEqual(["BAD_USER_INPUT"]);
    const s = await server.gql(`mutation { restoreBackup(file: "/etc/passwd") { sequence } }`, {}, { token: server.adminToken });
    expect(codesOf(s)).toEqual(["BAD_USER_INPUT"]);
    expect(fingerprint()).toEqual(before);
  });

  it("managers, staff and strangers may not restore, validate or list deleted rows", async () => {
    const tokens = [await server.tokenFor("MANAGER"), await server.tokenFor("STAFF")];
    before = fingerprint(); // the users just made
    for (const token of tokens) {
      const r = await restore(good.file, token);
      expect(r.status).toBe(403);
      expect(codesOf(r)).toEqual(["FORBIDDEN"]);
      const d = await server.gql(`{ deletedRows { nodes { recordId } } }`, {}, { token });
      expect(codesOf(d)).toEqual(["FORBIDDEN"]);
    }
    // Without a login: refused by who it is (a small body) or by the anonymous body limit.
    const anon = await uploadGql(server.url, `mutation($file: File!) { restoreBackup(file: $file) { sequence } }`, { bytes: readFileSync(good.file).subarray(0, 4096), name: "x.db" });
    expect(anon.status).toBe(401);
    expect(codesOf(anon)).toEqual(["UNAUTHENTICATED"]);
    const anonBig = await uploadGql(server.url, `mutation($file: File!) { restoreBackup(file: $file) { sequence } }`, { path: good.file });
    expect([401, 413]).toContain(anonBig.status);
    expect(fingerprint()).toEqual(before);
  });
});

describe("point in time", () => {
  it("a backup plus the journal up to a change number, or up to a time", async () => {
    const b = await backup("SQLITE");
    const x = await allocation();
    const xSeq = sql<{ m: number }>(`SELECT max(sequence) AS m FROM LogEntry WHERE kind = 'CREATE' AND model = 'Allocation'`)[0]!.m;
    const xAt = sql<{ at: string }>(`SELECT at FROM LogEntry WHERE sequence = ?`, xSeq)[0]!.at;
    const y = await allocation();
    const r = await server.gql(`mutation($b: ID!, $s: Int) { restoreToPoint(backupId: $b, sequence: $s) { ${RESULT} } }`, { b: b.id, s: xSeq }, { token: server.adminToken });
    expect(r.errors).toBeUndefined();
    expect(r.data.restoreToPoint.replayed).toBeGreaterThan(0);
    expect(names().has(x.name)).toBe(true);
    expect(names().has(y.name)).toBe(false);

    const t = await server.gql(`mutation($b: ID!, $at: DateTime) { restoreToPoint(backupId: $b, at: $at) { report { sequence } } }`, { b: b.id, at: new Date(Date.parse(xAt) - 1).toISOString() }, { token: server.adminToken });
    expect(t.errors).toBeUndefined();
    expect(names().has(x.name)).toBe(false);
  });

  it("refuses a target before the backup and both kinds of target at once, changing nothing", async () => {
    const b = await backup("SQLITE");
    const before = fingerprint();
    const early = await server.gql(`mutation($b: ID!) { restoreToPoint(backupId: $b, sequence: 1) { sequence } }`, { b: b.id }, { token: server.adminToken });
    expect(codesOf(early)).toEqual(["BAD_USER_INPUT"]);
    expect(early.errors![0]!.message).toMatch(/at least/);
    const both = await server.gql(`mutation($b: ID!) { restoreToPoint(backupId: $b, sequence: 999999, at: "2026-01-01T00:00:00Z") { sequence } }`, { b: b.id }, { token: server.adminToken });
    expect(codesOf(both)).toEqual(["BAD_USER_INPUT"]);
    const missing = await server.gql(`mutation { restoreToPoint(backupId: "QmFja3VwOm5vcGU=") { sequence } }`, {}, { token: server.adminToken });
    expect(codesOf(missing)).toEqual(["NOT_FOUND"]);
    expect(fingerprint()).toEqual(before);
  });
});

describe("after a restore", () => {
  it("every live WebSocket is closed with 4205 so the UI refetches", async () => {
    const b = await backup("SQLITE");
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/graphql`, "graphql-transport-ws");
    const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      ws.on("open", () => ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${server.adminToken}` } })));
      ws.on("message", (m) => (JSON.parse(String(m)).type === "connection_ack" ? resolve() : undefined));
      ws.on("error", reject);
    });
    const r = await restore(b.file);
    expect(r.errors).toBeUndefined();
    expect(await closed).toBe(4205);
  });

  it("writes racing the restore are never lost: each is in the safety copy or in the restored data", async () => {
    const b = await backup("SQLITE");
    const racing = Array.from({ length: 12 }, (_, i) => allocation(`Racing ${i} ${++n}`).then((a) => a.name));
    const r = await restore(b.file);
    expect(r.errors).toBeUndefined();
    const acknowledged = await Promise.all(racing);
    const safety = new Database(path.join(backupDir(), r.data.restoreBackup.safetyBackup.fileName), { readonly: true });
    const inSafety = new Set((safety.prepare(`SELECT name FROM Allocation`).all() as { name: string }[]).map((x) => x.name));
    safety.close();
    const live = names();
    for (const name of acknowledged) expect(inSafety.has(name) || live.has(name)).toBe(true);
  });

  it("one restore at a time", async () => {
    const b = await backup("SQLITE");
    const [one, two] = await Promise.all([restore(b.file), restore(b.file)]);
    const codes = [...codesOf(one), ...codesOf(two)];
    expect(codes.filter((c) => c === "CONFLICT").length).toBeLessThanOrEqual(1);
    expect([one, two].some((r) => !r.errors)).toBe(true);
  });
});

describe("deleted rows, one by one", () => {
  const page = async (model?: string) => {
    const r = await server.gql(`query($m: String) { deletedRows(model: $m, first: 200) { nodes { sequence model recordId deletedAt actorLabel values } hasMore endCursor } }`, { m: model }, { token: server.adminToken });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data.deletedRows as { nodes: { model: string; recordId: string; actorLabel: string; values: Record<string, unknown> }[]; hasMore: boolean };
  };
  const bringBack = (model: string, recordId: string) => server.gql(`mutation($m: String!, $r: String!) { restoreDeleted(model: $m, recordId: $r) { kind model recordId } }`, { m: model, r: recordId }, { token: server.adminToken });

  it("lists a deleted row with who deleted it, brings it back once, then refuses", async () => {
    const a = await allocation();
    await server.gql(`mutation($id: ID!) { deleteAllocation(id: $id) }`, { id: a.id }, { token: server.adminToken });
    const listed = (await page("Allocation")).nodes.find((r) => r.recordId === rawId(a.id));
    expect(listed).toMatchObject({ model: "Allocation", actorLabel: expect.stringContaining("admin") });
    expect(listed!.values.name).toBe(a.name);

    const back = await bringBack("Allocation", rawId(a.id));
    expect(back.errors).toBeUndefined();
    expect(back.data.restoreDeleted).toEqual({ kind: "CREATE", model: "Allocation", recordId: rawId(a.id) });
    expect(names().has(a.name)).toBe(true);
    expect((await page("Allocation")).nodes.some((r) => r.recordId === rawId(a.id))).toBe(false);
    const again = await bringBack("Allocation", rawId(a.id));
    expect(codesOf(again)).toEqual(["CONFLICT"]);
  });

  it("refuses when another row now has the same unique key, and says which", async () => {
    const a = await allocation(`Twin ${++n}`);
    await server.gql(`mutation($id: ID!) { deleteAllocation(id: $id) }`, { id: a.id }, { token: server.adminToken });
    const twin = await server.gql(`mutation($n: String!, $p: Int!) { createAllocation(input: { name: $n, priceMinor: $p, dataLimitMb: 100 }) { id code } }`, { n: a.name, p: 100 + Number(a.name.split(" ")[1]) }, { token: server.adminToken });
    expect(twin.errors).toBeUndefined();
    const before = fingerprint();
    const r = await bringBack("Allocation", rawId(a.id));
    expect(codesOf(r)).toEqual(["CONFLICT"]);
    expect(r.errors![0]!.message).toMatch(/same code/);
    expect(r.errors![0]!.extensions).toMatchObject({ reason: "duplicate-key", columns: ["code"] });
    expect(fingerprint()).toEqual(before);
  });

  it("refuses when its parent is gone too, hides secrets, and refuses unknown tables", async () => {
    const r = await server.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { username: `gone${++n}`, password: "password-123", role: "STAFF" } }, { token: server.adminToken });
    const userId = rawId(r.data.createUser.id);
    await server.login(`gone${n}`, "password-123");
    const del = await server.gql(`mutation($id: ID!) { deleteUser(id: $id) }`, { id: r.data.createUser.id }, { token: server.adminToken });
    expect(del.errors).toBeUndefined();
    const session = (await page("Session")).nodes.find((s) => s.values.userId === userId);
    expect(session).toBeDefined();
    expect(Object.entries(session!.values).filter(([k]) => /hash|token/i.test(k)).every(([, v]) => v === "(hidden)")).toBe(true);
    const orphan = await bringBack("Session", session!.recordId);
    expect(codesOf(orphan)).toEqual(["CONFLICT"]);
    expect(orphan.errors![0]!.message).toMatch(/User .* gone too/);
    expect((await bringBack("User", userId)).errors).toBeUndefined();
    expect((await bringBack("Session", session!.recordId)).errors).toBeUndefined();

    expect(codesOf(await bringBack("LogEntry", "1"))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await bringBack("Allocation", "no-such-id"))).toEqual(["NOT_FOUND"]);
  });
});

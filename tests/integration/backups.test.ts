// Full backups through the real server: createBackup in both formats (file, modes, row,
// counts and sequence read back from the file), the list, deleteBackup, the BACKUP log
// entries, a backup directory that cannot be written, and consistency under concurrent
// writes (each table's rows in the backup = creates minus deletes in the log up to the
// backup's sequence).
import { createHash } from "node:crypto";
import { readFileSync, statSync, writeFileSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readHtmlBackup } from "../../api/modules/backups/html-read.js";
import { startTestServer, codesOf, type TestServer } from "../helpers/server.js";

let server: TestServer;
let allocationId: string;
let unique = 1000;

const BACKUP_FIELDS = `id createdAt format trigger status fileName sizeBytes sha256 sequence rows tables { table rows } downloadUrl`;

async function create(format: "SQLITE" | "HTML", token = server.adminToken) {
  const r = await server.gql(`mutation($f: BackupFormat) { createBackup(format: $f) { ${BACKUP_FIELDS} } }`, { f: format }, { token });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.createBackup as { id: string; fileName: string; sizeBytes: number; sha256: string; sequence: number; rows: number; status: string; format: string; trigger: string; tables: { table: string; rows: number }[]; downloadUrl: string };
}

const backupDir = () => path.join(server.dataDir, "backups");

/** Rows each table should hold at `sequence`, replayed from the live log: creates minus deletes. */
function expectedCounts(sequence: number): Map<string, number> {
  const db = new Database(path.join(server.dataDir, "chillzone.db"), { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT model, sum(CASE kind WHEN 'CREATE' THEN 1 WHEN 'DELETE' THEN -1 ELSE 0 END) AS n FROM LogEntry WHERE sequence <= ? AND kind IN ('CREATE','DELETE') GROUP BY model`)
      .all(sequence) as { model: string; n: number }[];
    return new Map(rows.map((r) => [r.model, r.n]));
  } finally {
    db.close();
  }
}

function checkAgainstLog(tables: { table: string; rows: number }[], sequence: number) {
  const expected = expectedCounts(sequence);
  for (const t of tables) expect({ table: t.table, rows: t.rows }).toEqual({ table: t.table, rows: expected.get(t.table) ?? 0 });
}

beforeAll(async () => {
  server = await startTestServer({ env: { BACKUP_SCHEDULE: "off" } });
  const a = await server.gql(`mutation { createAllocation(input: { name: "Backup bundle", priceMinor: 100, dataLimitMb: 100 }) { id } }`, {}, { token: server.adminToken });
  allocationId = a.data.createAllocation.id;
  // Enough rows that a copy takes many steps, so the concurrent writes below land during it.
  for (const count of [10_000, 10_000]) {
    const g = await server.gql(`mutation($a: ID!, $c: Int!) { generateVouchers(input: { allocationId: $a, count: $c }) { count } }`, { a: allocationId, c: count }, { token: server.adminToken });
    expect(g.errors).toBeUndefined();
  }
});

afterAll(async () => {
  await server?.stop();
});

describe("createBackup", () => {
  it("SQLITE: a whole database file, 0600 in a 0700 directory, whose counts and sequence are the row's", async () => {
    const b = await create("SQLITE");
    expect(b).toMatchObject({ format: "SQLITE", trigger: "MANUAL", status: "DONE" });
    const file = path.join(backupDir(), b.fileName);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(backupDir()).mode & 0o777).toBe(0o700);
    const bytes = readFileSync(file);
    expect(b.sizeBytes).toBe(bytes.length);
    expect(b.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
      expect(Number(copy.prepare(`SELECT max(sequence) FROM LogEntry`).pluck().get())).toBe(b.sequence);
      for (const t of b.tables) expect(Number(copy.prepare(`SELECT count(*) FROM "${t.table}"`).pluck().get())).toBe(t.rows);
    } finally {
      copy.close();
    }
    expect(b.tables.find((t) => t.table === "Voucher")?.rows).toBe(20_000);
    expect(b.tables.map((t) => t.table)).not.toContain("Backup");
    expect(b.rows).toBe(b.tables.reduce((n, t) => n + t.rows, 0));
    checkAgainstLog(b.tables, b.sequence);
  });

  it("HTML: parses back whole, with the row's counts and sequence in its manifest", async () => {
    const b = await create("HTML");
    const file = path.join(backupDir(), b.fileName);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(b.sha256).toBe(createHash("sha256").update(readFileSync(file)).digest("hex"));
    const seen = new Map<string, number>();
    const read = await readHtmlBackup(file, { row: (t) => seen.set(t.name, (seen.get(t.name) ?? 0) + 1) });
    expect(read.manifest.sequence).toBe(b.sequence);
    expect(read.manifest.tables).toEqual(b.tables);
    for (const t of b.tables) expect(seen.get(t.table) ?? 0).toBe(t.rows);
    expect(read.manifest.migration).toMatch(/^\d{14}_/);
    checkAgainstLog(b.tables, b.sequence);
  });

  it("a manager may make one; the list shows finished backups newest first; BACKUP log entries say what happened", async () => {
    const manager = await server.tokenFor("MANAGER");
    const b = await create("SQLITE", manager);
    const list = await server.gql(`{ backups(first: 50) { edges { node { id status } } } }`, {}, { token: manager });
    const ids = list.data.backups.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids[0]).toBe(b.id);
    expect(list.data.backups.edges.every((e: { node: { status: string } }) => e.node.status === "DONE")).toBe(true);
    await server.app.services.log.flush();
    const logs = await server.gql(`{ logs(first: 20, filter: { kinds: [BACKUP] }) { edges { node { message level recordId } } } }`, {}, { token: server.adminToken });
    const messages = logs.data.logs.edges.map((e: { node: { message: string } }) => e.node.message);
    expect(messages.some((m: string) => /^SQLITE backup \(manual\) started$/.test(m))).toBe(true);
    expect(messages.some((m: string) => /^SQLITE backup \(manual\) finished: \d+ rows in \d+ tables, .* up to change #\d+/.test(m))).toBe(true);
  });

  it("deleteBackup (admins) removes the file and the row and logs it; a manager is refused", async () => {
    const b = await create("HTML");
    const file = path.join(backupDir(), b.fileName);
    const manager = await server.tokenFor("MANAGER");
    const refused = await server.gql(`mutation($id: ID!) { deleteBackup(id: $id) }`, { id: b.id }, { token: manager });
    expect(codesOf(refused)).toEqual(["FORBIDDEN"]);
    expect(existsSync(file)).toBe(true);
    const r = await server.gql(`mutation($id: ID!) { deleteBackup(id: $id) }`, { id: b.id }, { token: server.adminToken });
    expect(r.data?.deleteBackup).toBe(b.id);
    expect(existsSync(file)).toBe(false);
    const again = await server.gql(`mutation($id: ID!) { deleteBackup(id: $id) }`, { id: b.id }, { token: server.adminToken });
    expect(codesOf(again)).toEqual(["NOT_FOUND"]);
    const wrongType = await server.gql(`mutation($id: ID!) { deleteBackup(id: $id) }`, { id: allocationId }, { token: server.adminToken });
    expect(codesOf(wrongType)).toEqual(["BAD_USER_INPUT"]);
    await server.app.services.log.flush();
    const logs = await server.gql(`{ logs(first: 5, filter: { kinds: [BACKUP] }) { edges { node { message } } } }`, {}, { token: server.adminToken });
    expect(logs.data.logs.edges[0].node.message).toMatch(/^HTML backup of .* deleted$/);
  });
});

describe("consistency under concurrent writes", () => {
  for (const format of ["SQLITE", "HTML"] as const) {
    it(`${format}: every table's rows match the log at the backup's sequence while writes go on`, async () => {
      const seqNow = () => Number(server.app.services.reader.read<{ s: number }>(`SELECT max(sequence) AS s FROM LogEntry`, [])[0]!.s);
      const before = seqNow();
      let finished = false;
      let writes = 0;
      const writer = async (n: number) => {
        // Creates and deletes, so both kinds of change race the copy.
        while (!finished) {
          const c = await server.gql(`mutation($i: AllocationInput!) { createAllocation(input: $i) { id } }`, { i: { name: `Race ${n}-${writes}`, priceMinor: ++unique, dataLimitMb: 10 } }, { token: server.adminToken });
          if (c.errors) throw new Error(JSON.stringify(c.errors));
          if (writes % 2 === 0) await server.gql(`mutation($id: ID!) { deleteAllocation(id: $id) }`, { id: c.data.createAllocation.id }, { token: server.adminToken });
          writes++;
        }
      };
      const writers = [writer(1), writer(2), writer(3)];
      // Writes are under way before the backup starts.
      while (writes < 3) await new Promise((r) => setImmediate(r));
      const b = await create(format).finally(() => (finished = true));
      await Promise.all(writers);
      // Not vacuous: allocations were written between the backup's start and its end.
      const id = Buffer.from(b.id, "base64").toString("utf8").split(":")[1]!;
      const [span] = server.app.services.reader.read<{ first: number; last: number }>(
        `SELECT min(sequence) AS first, max(sequence) AS last FROM LogEntry WHERE model = 'Backup' AND recordId = ? AND kind IN ('CREATE','UPDATE') AND sequence > ?`,
        [id, before],
      );
      const during = server.app.services.reader.read<{ n: number }>(`SELECT count(*) AS n FROM LogEntry WHERE model = 'Allocation' AND sequence > ? AND sequence < ?`, [span!.first, span!.last]);
      expect(during[0]!.n).toBeGreaterThan(0);
      checkAgainstLog(b.tables, b.sequence);
      if (format === "HTML") {
        const read = await readHtmlBackup(path.join(backupDir(), b.fileName));
        expect(read.manifest.tables).toEqual(b.tables);
      }
    });
  }
});

describe("a backup directory that cannot be written", () => {
  it("with the journal on, the server refuses to start and names BACKUP_DIR", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cz-backup-bad-"));
    const notADir = path.join(dir, "file");
    writeFileSync(notADir, "x");
    await expect(startTestServer({ env: { BACKUP_DIR: notADir, BACKUP_SCHEDULE: "off" } })).rejects.toThrow(`BACKUP_DIR ${notADir} cannot hold the backup journal (EEXIST)`);
  });

  it("createBackup fails with a clear error, a FAILED log entry, and nothing in the list", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cz-backup-bad-"));
    const notADir = path.join(dir, "file");
    writeFileSync(notADir, "x");
    const s = await startTestServer({ env: { BACKUP_DIR: notADir, BACKUP_SCHEDULE: "off", JOURNAL: "off" } });
    try {
      const r = await s.gql(`mutation { createBackup(format: HTML) { id } }`, {}, { token: s.adminToken });
      expect(codesOf(r)).toEqual(["UNAVAILABLE"]);
      expect(r.errors![0]!.message).toContain(notADir);
      const list = await s.gql(`{ backups(first: 5) { edges { node { id } } } }`, {}, { token: s.adminToken });
      expect(list.data.backups.edges).toEqual([]);
      await s.app.services.log.flush();
      const logs = await s.gql(`{ logs(first: 5, filter: { kinds: [BACKUP] }) { edges { node { message level } } } }`, {}, { token: s.adminToken });
      expect(logs.data.logs.edges[0].node).toMatchObject({ level: "ERROR", message: expect.stringMatching(/^HTML backup \(manual\) failed: /) });
    } finally {
      await s.stop();
    }
  });
});

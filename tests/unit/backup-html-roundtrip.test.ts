// The HTML backup format round-trips exactly: random rows of every SQLite storage class in
// columns of every declared type (null vs empty text, integers past 2^53, REAL vs INTEGER, booleans,
// dates, JSON text, control characters, emoji, lone surrogates' replacement, blobs) are
// written by writeHtmlBackup and read back by readHtmlBackup to the same values, classes
// and typed values. An edited value, a dropped row and a cut-off file are refused.
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { writeHtmlBackup } from "../../api/modules/backups/html-write.js";
import { readHtmlBackup, HtmlBackupError } from "../../api/modules/backups/html-read.js";
import { typedValue, type RawValue } from "../../api/modules/backups/html-format.js";

const dir = mkdtempSync(path.join(tmpdir(), "cz-html-rt-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const COLUMNS = [
  ["id", "TEXT NOT NULL PRIMARY KEY"],
  ["i", "INTEGER"],
  ["b", "BOOLEAN"],
  ["r", "REAL"],
  ["t", "TEXT"],
  ["d", "DATETIME"],
  ["bl", "BLOB"],
] as const;

/** A database shaped like the app's: a log, Prisma's migrations table, and one domain table. */
function makeDb(rows: RawValue[][], deleted: { id: string; values: string }[] = []): string {
  const file = path.join(dir, `db-${++n}.db`);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec(`CREATE TABLE "LogEntry" ("sequence" INTEGER PRIMARY KEY AUTOINCREMENT, "at" DATETIME, "kind" TEXT, "level" TEXT, "model" TEXT, "recordId" TEXT, "message" TEXT, "actorLabel" TEXT, "data" TEXT)`);
  db.exec(`CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY, "checksum" TEXT, "finished_at" DATETIME, "migration_name" TEXT, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME, "applied_steps_count" INTEGER)`);
  db.prepare(`INSERT INTO _prisma_migrations VALUES ('1', 'x', '2026-01-01', '20260101000000_init', NULL, NULL, '2026-01-01', 1)`).run();
  db.exec(`CREATE TABLE "Thing" (${COLUMNS.map(([c, t]) => `"${c}" ${t}`).join(", ")})`);
  const insert = db.prepare(`INSERT INTO "Thing" VALUES (${COLUMNS.map(() => "?").join(", ")})`);
  db.transaction(() => {
    for (const r of rows) insert.run(...r.map((v) => (v instanceof Uint8Array ? Buffer.from(v) : v)));
    for (const d of deleted) {
      db.prepare(`INSERT INTO LogEntry (at, kind, model, recordId, message, actorLabel, data) VALUES ('2026-01-02T00:00:00.000+00:00', 'DELETE', 'Thing', ?, 'Thing deleted', 'admin', json_object('before', json(?)))`).run(d.id, d.values);
    }
  })();
  db.close();
  return file;
}

function readAll(file: string): RawValue[][] {
  const db = new Database(file, { readonly: true });
  db.defaultSafeIntegers(true);
  try {
    return (db.prepare(`SELECT * FROM "Thing"`).raw(true).all() as RawValue[][]).map((r) => r.map((v) => (Buffer.isBuffer(v) ? new Uint8Array(v) : v)));
  } finally {
    db.close();
  }
}

async function roundTrip(file: string) {
  const out = path.join(dir, `backup-${++n}.html`);
  const written = await writeHtmlBackup(file, out, () => {});
  const rows: RawValue[][] = [];
  const read = await readHtmlBackup(out, { row: (t, values) => t.name === "Thing" && rows.push(values.map((v) => (Buffer.isBuffer(v) ? new Uint8Array(v) : v))) });
  return { out, written, read, rows };
}

// Any value of any storage class, in any column (SQLite does not enforce declared types).
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("", " ", "\n", "\r\n", "\r", "\0", "a\u0085b", "<script>alert(1)</script>", "&amp;", "&lt;", '"\'', "true", "null", "-0", "12", "Ɔkyere 🎉", "\uFFFE", "\t tab"),
  fc.json(),
);
const value: fc.Arbitrary<RawValue> = fc.oneof(
  fc.constant(null),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.constantFrom(0n, 1n, 2n ** 53n + 1n, -(2n ** 63n)),
  fc.double({ noNaN: true }),
  fc.constantFrom(-0, 0.1, 1e300, Number.MIN_VALUE, Infinity, -Infinity),
  text,
  fc.constantFrom("2026-12-03T20:00:00.000+00:00", "2026-12-03 20:00:00"),
  fc.uint8Array({ maxLength: 16 }),
);

/** What SQLite hands back for what was bound: its own affinity rules apply on insert. */
const stored = (file: string) => readAll(file);

describe("HTML backup round trip", () => {
  it("random rows come back with exactly the same values and storage classes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(value, { minLength: COLUMNS.length - 1, maxLength: COLUMNS.length - 1 }), { maxLength: 25 }), async (cells) => {
        const rows = cells.map((c, i) => [`row-${i}`, ...c]);
        const file = makeDb(rows);
        const expected = stored(file);
        const { rows: got, read, written } = await roundTrip(file);
        expect(got).toEqual(expected);
        // toEqual treats 1n and 1 alike in some versions: compare the classes too.
        expect(got.map((r) => r.map((v) => (v === null ? "null" : v instanceof Uint8Array ? "blob" : typeof v)))).toEqual(
          expected.map((r) => r.map((v) => (v === null ? "null" : v instanceof Uint8Array ? "blob" : typeof v))),
        );
        expect(read.manifest.tables).toEqual([{ table: "Thing", rows: rows.length }]);
        expect(read.manifest.contentSha256).toBe(written.contentSha256);
      }),
      { numRuns: 60 },
    );
  });

  it("typed values: booleans, dates, big integers as bigint, null is not empty text", async () => {
    const file = makeDb([
      ["a", 9007199254740993n, 1n, 1.5, "", "2026-12-03T20:00:00.000+00:00", null],
      ["b", 42n, 0n, 2.0, null, "2026-12-03 20:00:00", new Uint8Array([0, 255])],
    ]);
    const { rows, read } = await roundTrip(file);
    const cols = read.tables.find((t) => t.name === "Thing")!.columns;
    const typed = rows.map((r) => r.map((v, i) => typedValue(cols[i]!, v)));
    expect(typed[0]).toEqual(["a", 9007199254740993n, true, 1.5, "", new Date("2026-12-03T20:00:00.000Z"), null]);
    // 2.0 stays a REAL (a number), never turned into the INTEGER 2n.
    expect(typed[1]!.slice(0, 6)).toEqual(["b", 42, false, 2, null, new Date("2026-12-03T20:00:00.000Z")]);
    expect(typeof rows[1]![3]).toBe("number");
    expect(typeof rows[1]![1]).toBe("bigint");
  });

  it("deleted rows: each record's last DELETE whose row is gone, with its last values", async () => {
    const file = makeDb([["kept", 1n, 1n, 1, "x", null, null]], [
      { id: "gone", values: `{"id":"gone","t":"first"}` },
      { id: "gone", values: `{"id":"gone","t":"second"}` },
      { id: "kept", values: `{"id":"kept"}` },
    ]);
    const deleted: { key: string; values: string | null }[] = [];
    const out = path.join(dir, `backup-${++n}.html`);
    await writeHtmlBackup(file, out, () => {});
    const read = await readHtmlBackup(out, { deleted: (d) => deleted.push({ key: d.key, values: d.values }) });
    expect(deleted).toEqual([{ key: "gone", values: `{"id":"gone","t":"second"}` }]);
    expect(read.manifest.deletedRows).toBe(1);
  });

  it("refuses an edited value, a removed row and a cut-off file", async () => {
    const file = makeDb([
      ["a", 1n, 1n, 1.5, "hello", null, null],
      ["b", 2n, 0n, 2.5, "world", null, null],
    ]);
    const { out } = await roundTrip(file);
    const html = readFileSync(out, "utf8");
    const edited = path.join(dir, "edited.html");
    writeFileSync(edited, html.replace("<td>hello</td>", "<td>hullo</td>"));
    await expect(readHtmlBackup(edited)).rejects.toThrow(/does not match its checksum/);
    const dropped = path.join(dir, "dropped.html");
    writeFileSync(dropped, html.replace(/<tr id="r-Thing-b"[^\n]*\n/, ""));
    await expect(readHtmlBackup(dropped)).rejects.toThrow(/Thing has 1 rows but the manifest says 2/);
    const cut = path.join(dir, "cut.html");
    writeFileSync(cut, html.slice(0, Math.floor(html.length * 0.9)));
    await expect(readHtmlBackup(cut)).rejects.toBeInstanceOf(HtmlBackupError);
    const forged = path.join(dir, "forged.html");
    writeFileSync(forged, html.replace("<td>hello</td>", `<td data-t="nope">hello</td>`));
    await expect(readHtmlBackup(forged)).rejects.toThrow(/unknown cell type/);
  });
});

// A backup file turned into a candidate database: a private SQLite file at the current
// schema, every check passed, ready to be swapped in. Nothing here touches the live database
// (it is only read, to say how the backup differs from now). Both formats end the same way:
// tables at the backup's migration -> migrations forward -> the same checks on the result.
import { closeSync, copyFileSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { AppError, ErrorCode } from "../../core/errors.js";
import { applyMigrations, knownMigrations } from "../../db/migrate.js";
import { backedUpTables, migrationOf, q, readHtmlBackup, type Manifest, type TableInfo as TableShape } from "../backups/index.js";
import { checkCandidate } from "./checks.js";

export type BackupFileFormat = "SQLITE" | "HTML";

export type TableDiff = { table: string; rows: number; currentRows: number };

export type BackupReport = {
  format: BackupFileFormat;
  sizeBytes: number;
  /** The schema the backup was taken at, and whether it is migrated forward on restore. */
  migration: string;
  migratedForward: boolean;
  /** Last change sequence the backup holds, and when it was taken (HTML manifests say; SQLITE: its last change). */
  sequence: number;
  takenAt: string | null;
  tables: TableDiff[];
};

export type Candidate = { file: string; report: BackupReport };

const bad = (message: string, extra: Record<string, unknown> = {}) => new AppError(ErrorCode.BAD_USER_INPUT, message, { reason: "invalid-backup", ...extra });

export function detectFormat(file: string): BackupFileFormat {
  const fd = openSync(file, "r");
  const head = Buffer.alloc(512);
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (n >= 16 && head.subarray(0, 16).toString("latin1") === "SQLite format 3\u0000") return "SQLITE";
  if (/^\s*(<!doctype html|<html)/i.test(head.subarray(0, n).toString("utf8"))) return "HTML";
  throw bad("This file is not a Chillzone backup: it is neither a SQLite database nor an HTML backup");
}

/** Checks that `migration` is one this version ships (older is fine, newer is refused). */
function knownMigration(migration: string | null, where: string): string {
  if (!migration) throw bad(`${where} has no migration history: it is not a Chillzone backup`);
  const known = knownMigrations();
  if (known.some((m) => m.name === migration)) return migration;
  const newest = known[known.length - 1]?.name ?? "";
  if (migration > newest) throw bad(`${where} was taken by a newer Chillzone (schema ${migration}; this version knows up to ${newest}): upgrade Chillzone, then restore`, { reason: "newer-schema" });
  throw bad(`${where} has schema ${migration}, which no version of Chillzone shipped`);
}

/** Columns of the backed-up tables of `db`, for comparing a backup's tables with a migration's. */
function shapesOf(db: Database.Database): Map<string, string[]> {
  return new Map(backedUpTables(db).map((t) => [t.name, t.columns.map((c) => `${c.name} ${c.type.toUpperCase()}`)]));
}

function compareShapes(actual: Map<string, string[]>, expected: Map<string, string[]>, migration: string): void {
  for (const [table, cols] of expected) {
    const got = actual.get(table);
    if (!got) throw bad(`Table ${table} is missing from the backup (schema ${migration} has it)`, { table });
    const missing = cols.filter((c) => !got.includes(c));
    const extra = got.filter((c) => !cols.includes(c));
    if (missing.length || extra.length) throw bad(`Table ${table} does not match schema ${migration}: ${[...missing.map((c) => `missing column ${c}`), ...extra.map((c) => `unexpected column ${c}`)].join(", ")}`, { table });
  }
  for (const table of actual.keys()) if (!expected.has(table)) throw bad(`Table ${table} is not part of schema ${migration}`, { table });
}

function openCandidate(file: string): Database.Database {
  const db = new Database(file);
  // A backup is data, never code: nothing in its schema may call functions with side effects.
  db.pragma("trusted_schema = OFF");
  db.pragma("journal_mode = DELETE");
  db.pragma("synchronous = OFF");
  db.pragma("foreign_keys = OFF");
  return db;
}

async function fromSqlite(source: string, file: string): Promise<{ db: Database.Database; migration: string; sequence: number; takenAt: string | null }> {
  copyFileSync(source, file);
  let db: Database.Database;
  try {
    db = openCandidate(file);
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw bad(`The SQLite file is damaged: ${String(check)}`);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw bad(`The SQLite file cannot be read: ${(err as Error).message}`);
  }
  try {
    // Its triggers and views are not ours to run: ours are installed on the live database.
    for (const t of db.prepare(`SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')`).all() as { type: string; name: string }[]) db.exec(`DROP ${t.type.toUpperCase()} ${q(t.name)}`);
    const hasHistory = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    const migration = knownMigration(hasHistory ? migrationOf(db) : null, "The SQLite file");
    const applied = (db.prepare(`SELECT migration_name AS name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`).all() as { name: string; checksum: string }[]);
    const known = knownMigrations();
    const prefix = known.slice(0, known.findIndex((m) => m.name === migration) + 1);
    const gaps = prefix.filter((m) => !applied.some((a) => a.name === m.name && a.checksum === m.checksum));
    if (gaps.length) throw bad(`The SQLite file's migration history differs from this version's at ${gaps[0]!.name}: it was not made by Chillzone`);
    compareShapes(shapesOf(db), referenceShapes(migration), migration);
    const hasLog = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'LogEntry'`).get();
    const last = hasLog ? (db.prepare(`SELECT sequence, at FROM LogEntry ORDER BY sequence DESC LIMIT 1`).get() as { sequence: number; at: string } | undefined) : undefined;
    return { db, migration, sequence: last?.sequence ?? 0, takenAt: last?.at ?? null };
  } catch (err) {
    db.close();
    // SQLite refusing the file's content (a header it opens read-only, a page it cannot
    // decode) is a damaged backup, not our failure.
    if (err instanceof Database.SqliteError) throw bad(`The SQLite file cannot be used: ${err.message} (${err.code})`);
    throw err;
  }
}

const referenceCache = new Map<string, Map<string, string[]>>();
/** The backed-up tables' columns as the migrations up to `migration` create them. */
function referenceShapes(migration: string): Map<string, string[]> {
  let shapes = referenceCache.get(migration);
  if (!shapes) {
    const ref = new Database(":memory:");
    try {
      applyMigrations(ref, undefined, migration);
      shapes = shapesOf(ref);
    } finally {
      ref.close();
    }
    referenceCache.set(migration, shapes);
  }
  return shapes;
}

/**
 * HTML: rows go to staging tables without types (so nothing is converted on the way in),
 * then, with the manifest proven, into the tables the backup's migration creates. A value
 * of the wrong class, a duplicate key or a broken relation is found there and named.
 */
async function fromHtml(source: string, file: string): Promise<{ db: Database.Database; migration: string; sequence: number; takenAt: string | null }> {
  const db = openCandidate(file);
  try {
    const staged = new Map<string, { shape: TableShape; insert: Database.Statement }>();
    let rows = 0;
    db.exec("BEGIN");
    let read: { manifest: Manifest };
    try {
      read = await readHtmlBackup(source, {
        table(t) {
          if (staged.has(t.name)) throw bad(`The backup has table ${t.name} twice`, { table: t.name });
          if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(t.name)) throw bad(`The backup names a table ${JSON.stringify(t.name.slice(0, 40))}, which no Chillzone schema has`);
          db.exec(`CREATE TABLE ${q(`stage_${t.name}`)} (${t.columns.map((c) => q(c.name)).join(", ")})`);
          const insert = db.prepare(`INSERT INTO ${q(`stage_${t.name}`)} VALUES (${t.columns.map(() => "?").join(", ")})`);
          staged.set(t.name, { shape: { name: t.name, columns: t.columns, key: t.key }, insert });
        },
        row(t, values) {
          staged.get(t.name)!.insert.run(...values.map((v) => (v instanceof Uint8Array ? Buffer.from(v) : v)));
          if (++rows % 50_000 === 0) {
            db.exec("COMMIT");
            db.exec("BEGIN");
          }
        },
      });
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw bad(`The HTML backup is not valid: ${(err as Error).message}`);
    } finally {
      if (db.inTransaction) db.exec("COMMIT");
    }
    const { manifest } = read;
    const migration = knownMigration(manifest.migration, "The HTML backup");
    const expected = referenceShapes(migration);
    const actual = new Map([...staged].map(([name, s]) => [name, s.shape.columns.map((c) => `${c.name} ${c.type.toUpperCase()}`)]));
    compareShapes(actual, expected, migration);
    applyMigrations(db, undefined, migration);
    db.transaction(() => {
      for (const [name, s] of staged) {
        const cols = s.shape.columns.map((c) => q(c.name)).join(", ");
        try {
          db.exec(`INSERT INTO ${q(name)} (${cols}) SELECT ${cols} FROM ${q(`stage_${name}`)}`);
        } catch (err) {
          throw locateInsertError(db, s.shape, err as Error);
        }
        db.exec(`DROP TABLE ${q(`stage_${name}`)}`);
      }
    })();
    return { db, migration, sequence: manifest.sequence, takenAt: manifest.takenAt };
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Turns a failed bulk insert into which table, which key and why. */
function locateInsertError(db: Database.Database, t: TableShape, err: Error): AppError {
  const stage = q(`stage_${t.name}`);
  const keyOf = (row: Record<string, unknown>) => t.key.map((k) => `${k} ${JSON.stringify(row[k])}`).join(", ");
  if (/NOT NULL/.test(err.message)) {
    const col = /NOT NULL constraint failed: \w+\.(\w+)/.exec(err.message)?.[1];
    const row = col ? (db.prepare(`SELECT * FROM ${stage} WHERE ${q(col)} IS NULL LIMIT 1`).get() as Record<string, unknown> | undefined) : undefined;
    return bad(`Table ${t.name}${row ? `, row ${keyOf(row)}` : ""}: ${col ?? "a column"} is empty but must have a value`, { table: t.name });
  }
  const unique = /UNIQUE constraint failed: (.+)$/.exec(err.message);
  if (unique) {
    const cols = unique[1]!.split(", ").map((c) => c.split(".")[1]!);
    const dup = db.prepare(`SELECT ${cols.map(q).join(", ")}, count(*) AS n FROM ${stage} GROUP BY ${cols.map(q).join(", ")} HAVING n > 1 LIMIT 1`).get() as Record<string, unknown> | undefined;
    return bad(`Table ${t.name}: duplicate key ${cols.map((c) => `${c} ${JSON.stringify(dup?.[c])}`).join(", ")} (${dup?.n ?? 2} rows)`, { table: t.name, reason: "duplicate-key" });
  }
  return bad(`Table ${t.name}: ${err.message}`, { table: t.name });
}

/**
 * Builds and checks the candidate for `source` in `workDir` (a private directory the caller
 * removes). `live` is only read, for the report's "now" column.
 */
export async function prepareCandidate(source: string, workDir: string, live: Database.Database): Promise<Candidate> {
  const format = detectFormat(source);
  const file = path.join(workDir, "candidate.db");
  const built = format === "SQLITE" ? await fromSqlite(source, file) : await fromHtml(source, file);
  const { db } = built;
  try {
    applyMigrations(db);
    checkCandidate(db);
    const liveTables = new Set(backedUpTables(live).map((t) => t.name));
    const tables = backedUpTables(db).map((t) => ({
      table: t.name,
      rows: Number(db.prepare(`SELECT count(*) FROM ${q(t.name)}`).pluck().get()),
      currentRows: liveTables.has(t.name) ? Number(live.prepare(`SELECT count(*) FROM ${q(t.name)}`).pluck().get()) : 0,
    }));
    const newest = knownMigrations().at(-1)!.name;
    return {
      file,
      report: { format, sizeBytes: statSync(source).size, migration: built.migration, migratedForward: built.migration !== newest, sequence: built.sequence, takenAt: built.takenAt, tables },
    };
  } finally {
    db.close();
  }
}

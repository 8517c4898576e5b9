// The checks every candidate passes, whatever format it came from: each value of the storage
// class its column declares, every relation pointing at a row that exists. SQLite itself
// enforces NOT NULL and unique keys on the way in (and integrity_check proved a SQLITE file's
// indexes), so what is left is what SQLite lets through.
import type Database from "better-sqlite3";
import { AppError, ErrorCode } from "../../core/errors.js";
import { backedUpTables, q } from "../backups/index.js";

/** SQLite storage classes a declared column type may hold (null aside). */
function allowedClasses(declared: string): string[] | null {
  const t = declared.toUpperCase();
  if (t === "BOOLEAN" || t.includes("INT")) return ["integer"];
  if (t === "REAL" || t.includes("FLOA") || t.includes("DOUB") || t.includes("DECIMAL")) return ["real", "integer"];
  if (t === "TEXT" || t === "DATETIME" || t.includes("CHAR") || t === "JSONB" || t === "JSON") return ["text"];
  if (t === "BLOB") return ["blob"];
  return null; // undeclared: anything
}

const bad = (message: string, extra: Record<string, unknown>) => new AppError(ErrorCode.BAD_USER_INPUT, message, { reason: "invalid-backup", ...extra });

export function checkCandidate(db: Database.Database): void {
  for (const t of backedUpTables(db)) {
    for (const c of t.columns) {
      const allowed = allowedClasses(c.type);
      if (!allowed) continue;
      const row = db
        .prepare(`SELECT ${t.key.map(q).join(", ")}, typeof(${q(c.name)}) AS cls FROM ${q(t.name)} WHERE typeof(${q(c.name)}) NOT IN (${[...allowed, "null"].map((a) => `'${a}'`).join(", ")}) LIMIT 1`)
        .get() as Record<string, unknown> | undefined;
      if (row) {
        const key = t.key.map((k) => `${k} ${JSON.stringify(row[k])}`).join(", ");
        throw bad(`Table ${t.name}, row ${key}: ${c.name} holds a ${row.cls} value, but the column is ${c.type}`, { table: t.name, column: c.name });
      }
    }
    // Booleans are 0 or 1, nothing else.
    for (const c of t.columns.filter((c) => c.type.toUpperCase() === "BOOLEAN")) {
      const row = db.prepare(`SELECT ${t.key.map(q).join(", ")} FROM ${q(t.name)} WHERE ${q(c.name)} NOT IN (0, 1) LIMIT 1`).get() as Record<string, unknown> | undefined;
      if (row) throw bad(`Table ${t.name}, row ${t.key.map((k) => `${k} ${JSON.stringify(row[k])}`).join(", ")}: ${c.name} is not true or false`, { table: t.name, column: c.name });
    }
  }
  const broken = db.prepare(`SELECT "table", rowid, parent FROM pragma_foreign_key_check LIMIT 1`).get() as { table: string; rowid: number; parent: string } | undefined;
  if (broken) {
    const fk = (db.prepare(`SELECT "from", "to" FROM pragma_foreign_key_list(?) WHERE "table" = ?`).all(broken.table, broken.parent) as { from: string; to: string }[])[0];
    const row = db.prepare(`SELECT * FROM ${q(broken.table)} WHERE rowid = ?`).get(broken.rowid) as Record<string, unknown> | undefined;
    const id = row?.id ?? broken.rowid;
    throw bad(
      `Table ${broken.table}, row id ${JSON.stringify(id)}: ${fk ? `${fk.from} ${JSON.stringify(row?.[fk.from])} points at ${article(broken.parent)} ${broken.parent} that is not in the backup` : `refers to ${article(broken.parent)} ${broken.parent} that is not in the backup`}`,
      { table: broken.table, reason: "broken-relation" },
    );
  }
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? "an" : "a");

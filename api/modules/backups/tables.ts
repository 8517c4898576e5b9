// Which tables a backup holds and how to read them. Every domain table (the ones the change
// stream follows) except Backup: the list of backup files describes what is on disk beside
// the database, so a restore keeps the current list instead of an old one. The log itself is
// in the SQLITE file; the HTML document carries the deleted rows it knows of instead.
import type Database from "better-sqlite3";
import { domainTables } from "../../events/triggers.js";
import type { TableCount, TableInfo } from "./html-format.js";

export const NOT_BACKED_UP = new Set(["Backup"]);

export const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

export function backedUpTables(db: Database.Database): TableInfo[] {
  return domainTables(db)
    .filter((t) => !NOT_BACKED_UP.has(t))
    .map((name) => {
      const cols = db.prepare(`SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid`).all(name) as { name: string; type: string; pk: number }[];
      const key = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
      return { name, columns: cols.map((c) => ({ name: c.name, type: c.type })), key: key.length ? key : ["id"] };
    });
}

/** Row counts and the last change sequence, read in whatever transaction `db` is in. */
export function countsOf(db: Database.Database, tables: TableInfo[]): { tables: TableCount[]; sequence: number } {
  const sequence = Number(db.prepare(`SELECT coalesce(max("sequence"), 0) FROM "LogEntry"`).pluck().get());
  return {
    sequence,
    tables: tables.map((t) => ({ table: t.name, rows: Number(db.prepare(`SELECT count(*) FROM ${q(t.name)}`).pluck().get()) })),
  };
}

/** The newest applied migration: the schema version a backup was taken at. */
export function migrationOf(db: Database.Database): string | null {
  const row = db
    .prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`)
    .pluck()
    .get() as string | undefined;
  return row ?? null;
}

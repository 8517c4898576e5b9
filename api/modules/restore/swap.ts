// Replacing the live data with a checked candidate, in one SQLite transaction on the app's
// own connection, while the write lock is held (run as the step of takeBackupThen, right
// after the safety copy): every other request waits, then sees either all of the old data
// or all of the restored data. What is not replaced: the log (history goes on, with one
// BACKUP entry saying what was restored, so sequences are never reused), the Backup list
// (it describes the files on disk), Prisma's migration history and the dashboard's
// aggregates (rebuilt from the restored rows in the same transaction).
import type Database from "better-sqlite3";
import { AppError, ErrorCode } from "../../core/errors.js";
import { LAST_AT } from "../../events/triggers.js";
import { actorId, actorLabel, type Actor } from "../../db/request-context.js";
import { backedUpTables, q } from "../backups/index.js";
import { rebuildDashboard } from "../dashboard/index.js";

export type SwapResult = { tables: { table: string; rows: number }[]; sequence: number };

export type SwapOptions = {
  candidateFile: string;
  timeZone: string;
  actor: Actor;
  requestId: string | null;
  origin: string;
  /** The restoring admin's session, kept when their user is in the restored data. */
  keepSessionId?: string | null;
  /** What the BACKUP entry says was restored. */
  message: string;
  data: Record<string, unknown>;
};

export function swapIn(sqlite: Database.Database, o: SwapOptions): SwapResult {
  sqlite.prepare(`ATTACH DATABASE ? AS restore_src`).run(o.candidateFile);
  // Off for the swap only: the tables are emptied and refilled in whatever order, and the
  // result is checked as a whole (foreign_key_check) before it commits. The pragma cannot
  // change inside a transaction; nothing else runs on this connection while the lock is held.
  sqlite.pragma("foreign_keys = OFF");
  try {
    return sqlite.transaction(() => {
      const tables = backedUpTables(sqlite);
      const names = tables.map((t) => t.name);
      const source = new Set((sqlite.prepare(`SELECT name FROM restore_src.sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
      const missing = names.filter((n) => !source.has(n));
      if (missing.length) throw new AppError(ErrorCode.BAD_USER_INPUT, `The backup has no table ${missing[0]}`, { reason: "invalid-backup" });
      const kept = o.keepSessionId ? (sqlite.prepare(`SELECT * FROM "Session" WHERE id = ?`).get(o.keepSessionId) as Record<string, unknown> | undefined) : undefined;
      // The triggers (change stream, dashboard) would log or count every row twice over:
      // dropped for the bulk copy and put back exactly as they were.
      const triggers = sqlite.prepare(`SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name IN (${names.map(() => "?").join(", ")})`).all(...names) as { name: string; sql: string }[];
      for (const t of triggers) sqlite.exec(`DROP TRIGGER main.${q(t.name)}`);
      const counts: { table: string; rows: number }[] = [];
      for (const t of tables) {
        const cols = t.columns.map((c) => q(c.name)).join(", ");
        sqlite.exec(`DELETE FROM main.${q(t.name)}`);
        const r = sqlite.prepare(`INSERT INTO main.${q(t.name)} (${cols}) SELECT ${cols} FROM restore_src.${q(t.name)}`).run();
        counts.push({ table: t.name, rows: r.changes });
      }
      if (kept && sqlite.prepare(`SELECT 1 FROM "User" WHERE id = ?`).get(kept.userId)) {
        const cols = Object.keys(kept);
        sqlite.prepare(`INSERT OR IGNORE INTO "Session" (${cols.map(q).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`).run(...cols.map((c) => kept[c] as never));
      }
      const broken = sqlite.prepare(`SELECT "table", parent FROM pragma_foreign_key_check LIMIT 1`).get() as { table: string; parent: string } | undefined;
      if (broken) throw new AppError(ErrorCode.BAD_USER_INPUT, `After the restore a ${broken.table} row would point at a missing ${broken.parent}: nothing was changed`, { reason: "broken-relation" });
      for (const t of triggers) sqlite.exec(t.sql);
      rebuildDashboard(sqlite, o.timeZone);
      const entry = sqlite
        .prepare(
          `INSERT INTO "LogEntry" ("at","kind","level","model","recordId","message","actorId","actorLabel","requestId","origin","data")
           VALUES (max(strftime('%Y-%m-%dT%H:%M:%f+00:00','now'), coalesce(${LAST_AT}, '')), 'BACKUP', 'WARN', NULL, NULL, ?, ?, ?, ?, ?, ?) RETURNING "sequence"`,
        )
        .get(o.message, actorId(o.actor), actorLabel(o.actor), o.requestId, o.origin, JSON.stringify({ ...o.data, restored: true, tables: counts })) as { sequence: number };
      return { tables: counts.map((c) => ({ table: c.table, rows: Number(c.rows) })), sequence: Number(entry.sequence) };
    }).immediate();
  } finally {
    sqlite.pragma("foreign_keys = ON");
    sqlite.exec(`DETACH DATABASE restore_src`);
  }
}

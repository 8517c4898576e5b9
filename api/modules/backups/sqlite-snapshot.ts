// The SQLITE format: SQLite's online backup API (better-sqlite3's db.backup) copying the
// live database page by page while the app keeps writing.
//
// The copy runs on the app's own connection, on purpose: SQLite applies that connection's
// writes to a backup in progress as they happen (and restarts it after a rollback), while
// a write through any other connection restarts the copy from page one; with steady
// traffic a copy through a second connection might never finish. Whatever moment the
// finished copy stands for, its row counts and last sequence are read from the copy
// itself, so they describe exactly that moment.
import Database from "better-sqlite3";
import { backedUpTables, countsOf, migrationOf } from "./tables.js";
import type { TableCount } from "./html-format.js";

/** Pages copied per step: about 4 MB, a few milliseconds, so requests keep being served between steps. */
const PAGES_PER_STEP = 1000;

export async function writeSqliteSnapshot(
  live: Database.Database,
  dest: string,
  onProgress: (done: number, total: number) => void,
): Promise<{ sequence: number; tables: TableCount[]; migration: string | null }> {
  await live.backup(dest, {
    progress: ({ totalPages, remainingPages }) => {
      onProgress(totalPages - remainingPages, totalPages);
      return PAGES_PER_STEP;
    },
  });
  const copy = new Database(dest);
  try {
    // A single self-contained file to download and restore (the live database is WAL).
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`the copy failed its integrity check: ${String(check)}`);
    const { sequence, tables } = countsOf(copy, backedUpTables(copy));
    return { sequence, tables, migration: migrationOf(copy) };
  } finally {
    copy.close();
  }
}

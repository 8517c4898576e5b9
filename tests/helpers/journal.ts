// Helpers for journal tests: wait for a condition, and compare the journal with the log.
import Database from "better-sqlite3";
import path from "node:path";
import { verifyJournal } from "../../api/journal/read.js";

export async function poll<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, deadlineMs = 30_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const v = await Promise.resolve().then(fn).catch(() => undefined);
    if (v) return v;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const journalDir = (dataDir: string) => path.join(dataDir, "backups", "journal");

/** Checks the journal against the database's log: every frame equal to its LogEntry row. */
export function compareWithLog(dataDir: string, dir = journalDir(dataDir)): { verification: ReturnType<typeof verifyJournal>; logMax: number; mismatches: number[] } {
  const db = new Database(path.join(dataDir, "chillzone.db"), { readonly: true });
  try {
    const stmt = db.prepare("SELECT sequence, at, kind, level, model, recordId, message, actorId, actorLabel, requestId, origin, data FROM LogEntry WHERE sequence = ?");
    const mismatches: number[] = [];
    const verification = verifyJournal(dir, (f) => {
      const row = stmt.get(f.sequence);
      if (JSON.stringify(row) !== JSON.stringify(f.row)) mismatches.push(f.sequence);
    });
    const logMax = Number(db.prepare("SELECT coalesce(max(sequence), 0) FROM LogEntry").pluck().get());
    return { verification, logMax, mismatches };
  } finally {
    db.close();
  }
}

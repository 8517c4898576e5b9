// Point in time: a full backup's candidate plus the journal's change records after the
// backup's sequence, up to the target, applied in order. The journal is proven first
// (checksums, chain, contiguous sequences) over the whole range; a record whose table had
// other columns (a migration ran between the backup and the target) is applied after the
// candidate is migrated to the schema its segment was written at.
import path from "node:path";
import Database from "better-sqlite3";
import { AppError, ErrorCode } from "../../core/errors.js";
import { applyMigrations } from "../../db/migrate.js";
import { verifyJournal, type JournalFrame } from "../../journal/index.js";
import { backedUpTables, q } from "../backups/index.js";

export type PointTarget = { sequence?: number | null; at?: Date | null };

const bad = (message: string, extra: Record<string, unknown> = {}) => new AppError(ErrorCode.BAD_USER_INPUT, message, { reason: "point-in-time", ...extra });

/** The sequence a target means: the given one, or the last change at or before the time. */
export function resolveTarget(journalDir: string, target: PointTarget, from: number): number {
  if ((target.sequence == null) === (target.at == null)) throw bad("Give either a change number or a time to restore to, not both");
  if (target.sequence != null) {
    if (!Number.isSafeInteger(target.sequence) || target.sequence < from) throw bad(`The change number must be at least ${from}, the backup's last change`);
    return target.sequence;
  }
  const at = target.at!.toISOString();
  let found = from;
  verifyJournal(journalDir, (f) => {
    if (f.sequence > from && f.row.at <= at) found = f.sequence;
  });
  return found;
}

/** Applies the journal's records (from, to] to the candidate at `file`. Returns how many were applied. */
export function replayJournal(file: string, journalDir: string, from: number, to: number, startMigration: string): number {
  if (to === from) return 0;
  const db = new Database(file);
  db.pragma("foreign_keys = OFF");
  db.pragma("synchronous = OFF");
  let migration = startMigration;
  const tables = new Map<string, Set<string>>();
  const loadTables = () => {
    tables.clear();
    for (const t of backedUpTables(db)) tables.set(t.name, new Set(t.columns.map((c) => c.name)));
  };
  loadTables();
  let applied = 0;
  let next = from + 1;
  let problem: string | null = null;
  const segments = new Map<number, string>();
  try {
    const v = verifyJournal(journalDir);
    if (!v.ok) throw bad(`The journal cannot be trusted: ${v.problems[0]}`);
    if (v.firstSequence === null || v.firstSequence > from + 1) throw bad(`The journal starts at change ${v.firstSequence ?? "none"}, after the backup's last change ${from}: take the point from a later backup`);
    if ((v.lastSequence ?? 0) < to) throw bad(`The journal ends at change ${v.lastSequence ?? 0}, before change ${to}`);
    for (const s of v.segments) if (s.header) segments.set(s.header.firstSequence, s.header.schema);
    const starts = [...segments.keys()].sort((a, b) => a - b);
    const schemaAt = (seq: number) => {
      let schema = startMigration;
      for (const s of starts) if (s <= seq) schema = segments.get(s)!;
      return schema;
    };
    db.exec("BEGIN");
    verifyJournal(journalDir, (f: JournalFrame) => {
      if (problem || f.sequence <= from || f.sequence > to) return;
      if (f.sequence !== next) problem = `change ${next} is missing from the journal`;
      next = f.sequence + 1;
      const schema = schemaAt(f.sequence);
      if (schema > migration) {
        db.exec("COMMIT");
        applyMigrations(db, undefined, schema);
        migration = schema;
        loadTables();
        db.exec("BEGIN");
      }
      if (apply(db, tables, f)) applied++;
    });
    if (problem) throw bad(`The journal is not contiguous: ${problem}`);
    db.exec("COMMIT");
    applyMigrations(db);
    return applied;
  } finally {
    if (db.inTransaction) db.exec("ROLLBACK");
    db.close();
  }
}

/** One change record onto the candidate; false when it is not a change of a restored table. */
function apply(db: Database.Database, tables: Map<string, Set<string>>, f: JournalFrame): boolean {
  const { kind, model, recordId, data } = f.row;
  if (!model || !recordId || !data || !tables.has(model)) return false;
  const cols = tables.get(model)!;
  const parsed = JSON.parse(data) as { after?: Record<string, unknown>; before?: Record<string, unknown> };
  if (kind === "DELETE") {
    db.prepare(`DELETE FROM ${q(model)} WHERE id = ?`).run(recordId);
    return true;
  }
  if (kind !== "CREATE" && kind !== "UPDATE") return false;
  const row = parsed.after;
  if (!row) return false;
  const names = Object.keys(row).filter((c) => cols.has(c));
  const values = names.map((c) => {
    const v = row[c];
    return typeof v === "boolean" ? Number(v) : v === undefined ? null : typeof v === "object" && v !== null ? JSON.stringify(v) : v;
  });
  // An upsert, not REPLACE: REPLACE deletes first, which would cascade to the row's children.
  db.prepare(
    `INSERT INTO ${q(model)} (${names.map(q).join(", ")}) VALUES (${names.map(() => "?").join(", ")})
     ON CONFLICT(id) DO UPDATE SET ${names.filter((c) => c !== "id").map((c) => `${q(c)} = excluded.${q(c)}`).join(", ") || "id = id"}`,
  ).run(...(values as never[]));
  return true;
}

export const journalDirOf = (backupDir: string) => path.join(backupDir, "journal");

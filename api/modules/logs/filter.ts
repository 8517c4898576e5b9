// LogFilter, applied two ways that must agree: as SQL for the logs query and as a
// predicate for the live tail (logAdded).
import type { LogKind, LogLevel, LogRecord } from "../../events/types.js";

export type LogFilterValue = {
  kinds?: LogKind[] | null;
  levels?: LogLevel[] | null;
  model?: string | null;
  recordId?: string | null;
  search?: string | null;
  from?: Date | null;
  to?: Date | null;
};

/** Words as the full-text index (FTS5 unicode61) sees them: letters and digits, case and accents folded. */
const words = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** FTS5 query: every word must appear, each as a prefix ("moh" finds "Mohammed"). */
export function ftsQuery(search: string): string | null {
  const w = words(search);
  return w.length ? w.map((x) => `"${x}"*`).join(" AND ") : null;
}

export function toSql(f: LogFilterValue | null | undefined): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!f) return { where, params };
  if (f.kinds?.length) {
    where.push(`kind IN (${f.kinds.map(() => "?").join(",")})`);
    params.push(...f.kinds);
  }
  if (f.levels?.length) {
    where.push(`level IN (${f.levels.map(() => "?").join(",")})`);
    params.push(...f.levels);
  }
  if (f.model) {
    where.push("model = ?");
    params.push(f.model);
  }
  if (f.recordId) {
    where.push("recordId = ?");
    params.push(f.recordId);
  }
  if (f.from) {
    where.push("at >= ?");
    params.push(f.from.toISOString().replace("Z", "+00:00"));
  }
  if (f.to) {
    where.push("at < ?");
    params.push(f.to.toISOString().replace("Z", "+00:00"));
  }
  const q = f.search ? ftsQuery(f.search) : null;
  if (q) {
    where.push(`sequence IN (SELECT rowid FROM LogEntrySearch WHERE LogEntrySearch MATCH ?)`);
    params.push(q);
  }
  return { where, params };
}

export function matches(f: LogFilterValue | null | undefined, r: LogRecord): boolean {
  if (!f) return true;
  if (f.kinds?.length && !f.kinds.includes(r.kind)) return false;
  if (f.levels?.length && !f.levels.includes(r.level)) return false;
  if (f.model && r.model !== f.model) return false;
  if (f.recordId && r.recordId !== f.recordId) return false;
  if (f.from && r.at < f.from) return false;
  if (f.to && r.at >= f.to) return false;
  if (f.search) {
    const hay = words([r.message, r.model, r.recordId, r.actorLabel, r.data].filter(Boolean).join(" "));
    for (const w of words(f.search)) if (!hay.some((h) => h.startsWith(w))) return false;
  }
  return true;
}

// LogFilter, applied two ways that must agree: as SQL for the logs query and as a
// predicate for the live tail (logAdded).
import { sqlDate } from "../../db/sql-date.js";
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

/** Case and accents folded, as the full-text index (FTS5 unicode61) folds them. */
const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
/** Words as the full-text index sees them: runs of letters and digits. */
const words = (s: string) => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Does some word of `text` start with each of `prefixes` (already folded words)? The live-tail twin of the FTS query. */
export function hasWordPrefixes(text: string, prefixes: readonly string[]): boolean {
  const hay = fold(text);
  for (const w of prefixes) {
    // Cheap test first; most entries fail it. Then: an occurrence at the start of a word.
    let i = hay.indexOf(w);
    for (;;) {
      if (i < 0) return false;
      if (i === 0 || !/[\p{L}\p{N}]/u.test(hay[i - 1]!)) break;
      i = hay.indexOf(w, i + 1);
    }
  }
  return true;
}

/** The words of a search, as hasWordPrefixes takes them. */
export const searchWords = (search: string | null | undefined): string[] => (search ? words(search) : []);

/** The columns of LogEntrySearch that free text is matched against (kind and level are there for filters). */
export const TEXT_COLUMNS = "{actorLabel message model recordId data}";

/** FTS5 query: every word must appear in the text columns, each as a prefix ("moh" finds "Mohammed"). */
export function ftsQuery(search: string): string | null {
  const w = words(search);
  return w.length ? w.map((x) => `${TEXT_COLUMNS} : "${x}"*`).join(" AND ") : null;
}

/** An FTS5 phrase of a value's words, for `column : phrase` (null when it has none). */
export function ftsPhrase(value: string): string | null {
  const w = words(value);
  return w.length ? `"${w.join(" ")}"` : null;
}

/** Keys whose values are never searchable (see the log_search_no_secrets migration). */
const unsearchable = new Set(["password", "passwordHash", "keyHash", "body"]);

/** The values inside `data`, as the full-text index holds them (json_tree atoms; see the log_search_no_secrets migration). */
function dataValues(data: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return data;
  }
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (v === null || v === undefined) return;
    if (typeof v === "boolean") out.push(v ? "1" : "0");
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (typeof v === "object") {
      for (const [k, x] of Object.entries(v)) if (!unsearchable.has(k)) walk(x);
    } else out.push(String(v));
  };
  walk(parsed);
  return out.join(" ");
}

/** The text a search looks in: the entry's text columns and the values of its data. */
export function searchText(r: Pick<LogRecord, "message" | "model" | "recordId" | "actorLabel" | "data">): string {
  return [r.actorLabel, r.message, r.model, r.recordId, r.data === null ? null : dataValues(r.data)].filter(Boolean).join(" ");
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
    params.push(sqlDate(f.from));
  }
  if (f.to) {
    where.push("at < ?");
    params.push(sqlDate(f.to));
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
    const w = words(f.search);
    if (w.length && !hasWordPrefixes(searchText(r), w)) return false;
  }
  return true;
}

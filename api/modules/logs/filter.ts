// LogFilter: what it means is written once (conditions()), read off as SQL (toSql, the plain
// meaning readLogPage's fast plans are tested against) and as a predicate for the live tail.
import { sqlDate } from "../../db/sql-date.js";
import type { LogKind, LogLevel, LogRecord } from "../../events/types.js";

export type LogFilterValue = {
  kinds?: LogKind[] | null;
  levels?: LogLevel[] | null;
  model?: string | null;
  recordId?: string | null;
  requestId?: string | null;
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

/** One condition of a filter in both shapes: SQL over LogEntry, and the same test on a record. */
type Condition = { sql: string; params: unknown[]; test: (r: LogRecord) => boolean };

/**
 * What a filter means, written once: every condition it sets, each as SQL and as a test.
 * `matches` (live entries) and `toSql` (the plain-SQL meaning that tests check readLogPage's
 * plans against) are both read off this list, so they cannot drift apart.
 */
function conditions(f: LogFilterValue | null | undefined): Condition[] {
  if (!f) return [];
  const out: Condition[] = [];
  const list = (column: "kind" | "level", values: readonly string[] | null | undefined) => {
    if (values?.length) out.push({ sql: `${column} IN (${values.map(() => "?").join(",")})`, params: [...values], test: (r) => values.includes(r[column]) });
  };
  list("kind", f.kinds);
  list("level", f.levels);
  const { model, recordId, requestId, from, to } = f;
  if (model) out.push({ sql: "model = ?", params: [model], test: (r) => r.model === model });
  if (recordId) out.push({ sql: "recordId = ?", params: [recordId], test: (r) => r.recordId === recordId });
  if (requestId) out.push({ sql: "requestId = ?", params: [requestId], test: (r) => r.requestId === requestId });
  if (from) out.push({ sql: "at >= ?", params: [sqlDate(from)], test: (r) => r.at >= from });
  if (to) out.push({ sql: "at < ?", params: [sqlDate(to)], test: (r) => r.at < to });
  const q = f.search ? ftsQuery(f.search) : null;
  if (q) {
    const w = words(f.search!);
    out.push({ sql: "sequence IN (SELECT rowid FROM LogEntrySearch WHERE LogEntrySearch MATCH ?)", params: [q], test: (r) => hasWordPrefixes(searchText(r), w) });
  }
  return out;
}

/** The filter as plain SQL conditions on LogEntry (joined with AND). */
export function toSql(f: LogFilterValue | null | undefined): { where: string[]; params: unknown[] } {
  const c = conditions(f);
  return { where: c.map((x) => x.sql), params: c.flatMap((x) => x.params) };
}

/** The filter as a test of one entry (the live tail of subscriptions). */
export function matches(f: LogFilterValue | null | undefined, r: LogRecord): boolean {
  return conditions(f).every((c) => c.test(r));
}

// One page of the log for a filter, fast at millions of entries (see bench/logs.ts).
//
// toSql() in filter.ts says what a filter means; this file decides how to find a page of
// it without reading more than it must. The rules:
// - A page is a range of `sequence` read in order with a LIMIT, never a sort of all matches,
//   so every plan walks something already ordered by sequence: the table itself, an index
//   on (column, sequence) -- one per value for a list of kinds or levels, merged -- or the
//   full-text index, which returns rowids (= sequences) in order.
// - Of the indexed conditions (requestId, recordId, model, kind, level), the one with the fewest
//   entries in the page's range drives the walk; counting stops at CAP, so choosing costs
//   at most a few thousand index entries. The others are checked on the rows it finds
//   (written `+col` so SQLite does not pick another index and sort).
// - A time window becomes a sequence range, found through the index on `at`: entries are
//   appended with non-decreasing `at` (the writers clamp it), so the window is exactly the
//   entries between the first at/after `from` and the last before `to`.
// - A search walks the full-text index newest first, with kind, level, model and record id
//   added to the full-text query so the index intersects them itself (a common word with
//   a rare kind costs the rare kind, not the word) -- unless an indexed condition narrows
//   the range to fewer than CAP entries: then those are read and the words checked here,
//   with the same rules as the live tail (hasWordPrefixes, searchText).
import { sqlDate } from "../../db/sql-date.js";
import { LOG_COLUMNS, type RawRow } from "../../events/types.js";
import { ftsPhrase, ftsQuery, hasWordPrefixes, searchText, searchWords, type LogFilterValue } from "./filter.js";
import type { Read } from "../../db/reader.js";

export type PageRequest = {
  /** Only entries with a sequence below / above these. */
  below?: number | null;
  above?: number | null;
  /** DESC: newest first (first/after); ASC: oldest first (last/before, replays). */
  order: "ASC" | "DESC";
  limit: number;
};

export type RawEntry = RawRow;

const CAP = 2_000;
const COLUMNS = LOG_COLUMNS.split(", ")
  .map((c) => `e.${c}`)
  .join(", ");
type Cond = { sql: string; params: unknown[] };

/** Candidates to drive the walk: each a list of branches (one per value), equality on an indexed column. */
function drivers(f: LogFilterValue): { column: string; values: string[] }[] {
  const out: { column: string; values: string[] }[] = [];
  if (f.requestId) out.push({ column: "requestId", values: [f.requestId] });
  if (f.recordId) out.push({ column: "recordId", values: [f.recordId] });
  if (f.model) out.push({ column: "model", values: [f.model] });
  if (f.kinds?.length) out.push({ column: "kind", values: [...new Set(f.kinds)] });
  if (f.levels?.length) out.push({ column: "level", values: [...new Set(f.levels)] });
  return out;
}

/** Conditions on e.* other than the driver's, written so no index is chosen for them. */
function residual(f: LogFilterValue, except: string | null): Cond[] {
  const out: Cond[] = [];
  const list = (column: string, values: readonly string[]) =>
    out.push(values.length === 1 ? { sql: `+e.${column} = ?`, params: [values[0]] } : { sql: `+e.${column} IN (${values.map(() => "?").join(",")})`, params: [...values] });
  if (f.requestId && except !== "requestId") list("requestId", [f.requestId]);
  if (f.recordId && except !== "recordId") list("recordId", [f.recordId]);
  if (f.model && except !== "model") list("model", [f.model]);
  if (f.kinds?.length && except !== "kind") list("kind", [...new Set(f.kinds)]);
  if (f.levels?.length && except !== "level") list("level", [...new Set(f.levels)]);
  if (f.from) out.push({ sql: "+e.at >= ?", params: [sqlDate(f.from)] });
  if (f.to) out.push({ sql: "+e.at < ?", params: [sqlDate(f.to)] });
  return out;
}

/** The page's sequence range, the time window included, on column `key`. */
function range(f: LogFilterValue, req: PageRequest, key: string): Cond[] {
  const out: Cond[] = [];
  if (req.above != null) out.push({ sql: `${key} > ?`, params: [req.above] });
  if (req.below != null) out.push({ sql: `${key} < ?`, params: [req.below] });
  if (f.from) out.push({ sql: `${key} >= coalesce((SELECT sequence FROM LogEntry WHERE at >= ? ORDER BY at, sequence LIMIT 1), 9223372036854775807)`, params: [sqlDate(f.from)] });
  if (f.to) out.push({ sql: `${key} <= coalesce((SELECT sequence FROM LogEntry WHERE at < ? ORDER BY at DESC, sequence DESC LIMIT 1), -1)`, params: [sqlDate(f.to)] });
  return out;
}

const and = (conds: Cond[]): Cond => ({ sql: conds.length ? conds.map((c) => c.sql).join(" AND ") : "1", params: conds.flatMap((c) => c.params) });

/** How many entries (up to CAP) the driver's index holds in the range. */
function estimate(read: Read, f: LogFilterValue, req: PageRequest, d: { column: string; values: string[] }): number {
  let total = 0;
  for (const v of d.values) {
    const w = and([{ sql: `e.${d.column} = ?`, params: [v] }, ...range(f, req, "e.sequence")]);
    total += Number(read<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM LogEntry e WHERE ${w.sql} LIMIT ${CAP})`, w.params)[0]!.n);
    if (total >= CAP) return CAP;
  }
  return total;
}

/** A walk driven by one indexed column: one ordered branch per value, merged. */
function indexedWalk(f: LogFilterValue, req: PageRequest, d: { column: string; values: string[] } | null, limit: number): Cond {
  const rest = [...range(f, req, "e.sequence"), ...residual(f, d?.column ?? null)];
  const branch = (value?: string) => {
    const w = and(value === undefined ? rest : [{ sql: `e.${d!.column} = ?`, params: [value] }, ...rest]);
    return { sql: `SELECT ${COLUMNS} FROM LogEntry e WHERE ${w.sql} ORDER BY e.sequence ${req.order} LIMIT ${limit}`, params: w.params };
  };
  if (!d) return branch();
  if (d.values.length === 1) return branch(d.values[0]);
  const parts = d.values.map(branch);
  return {
    sql: `SELECT * FROM (${parts.map((p) => `SELECT * FROM (${p.sql})`).join(" UNION ALL ")}) ORDER BY sequence ${req.order} LIMIT ${limit}`,
    params: parts.flatMap((p) => p.params),
  };
}

/** Reads one page: up to req.limit entries matching f, in req.order. */
export function readLogPage(read: Read, filter: LogFilterValue | null | undefined, req: PageRequest): RawEntry[] {
  const f = filter ?? {};
  const fts = f.search ? ftsQuery(f.search) : null;
  const candidates = drivers(f);
  // Choosing is only worth its counting when there is a choice.
  const needChoice = candidates.length > 1 || (fts !== null && candidates.length > 0);
  let best: { column: string; values: string[] } | null = candidates[0] ?? null;
  let bestCount = CAP;
  if (needChoice) {
    for (const d of candidates) {
      const n = estimate(read, f, req, d);
      if (n < bestCount || best === null) {
        best = d;
        bestCount = n;
      }
    }
  }

  if (fts === null) {
    const q = indexedWalk(f, req, best, req.limit);
    return read<RawEntry>(q.sql, q.params);
  }

  if (best && bestCount < CAP) {
    // Few candidates: read them all and check the words here.
    const q = indexedWalk(f, req, best, CAP);
    const words = searchWords(f.search);
    const out: RawEntry[] = [];
    for (const r of read<RawEntry>(q.sql, q.params)) {
      if (hasWordPrefixes(searchText(r), words)) out.push(r);
      if (out.length >= req.limit) break;
    }
    return out;
  }

  // The full-text index drives: its rowids are sequences, returned in order. The indexed
  // conditions join the full-text query, so the index intersects them itself; the SQL
  // conditions stay, exact.
  const w = and([...range(f, req, "LogEntrySearch.rowid"), ...residual(f, null)]);
  return read<RawEntry>(
    `SELECT ${COLUMNS} FROM LogEntrySearch CROSS JOIN LogEntry e ON e.sequence = LogEntrySearch.rowid
     WHERE LogEntrySearch MATCH ? AND ${w.sql} ORDER BY LogEntrySearch.rowid ${req.order} LIMIT ${req.limit}`,
    [[fts, ...accelerators(f)].join(" AND "), ...w.params],
  );
}

/** Full-text column filters implied by the indexed conditions (supersets of them: the SQL stays exact). */
function accelerators(f: LogFilterValue): string[] {
  const out: string[] = [];
  const any = (column: string, values: readonly string[]) => {
    const phrases = values.map(ftsPhrase);
    if (phrases.length && phrases.every((p) => p !== null)) out.push(`(${phrases.map((p) => `${column} : ${p}`).join(" OR ")})`);
  };
  if (f.kinds?.length) any("kind", [...new Set(f.kinds)]);
  if (f.levels?.length) any("level", [...new Set(f.levels)]);
  if (f.model) any("model", [f.model]);
  if (f.recordId) any("recordId", [f.recordId]);
  return out;
}

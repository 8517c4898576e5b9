// TransactionFilter as SQL, shared by Query.transactions and the CSV export so the two always
// agree, plus the keyset (createdAt, id) both page with. Raw SQL rather than a Prisma where,
// because with 1,000,000 sales the plan matters and Prisma cannot steer it (measured, see
// tests/integration/transactions-plan.test.ts):
// - a common status (PAID) through the status index means sorting half the table for one
//   page (~1 s); scanning the createdAt index newest first and filtering stops after a page.
//   A rare status is the opposite. One bounded probe on the status index decides.
// - search: an identifier (reference, phone number, provider reference, voucher username) is
//   found through its own index; only a search that matches no identifier looks in names,
//   which is a substring match and so a scan (stopped early by LIMIT when the name is common).
import type { Read } from "../../db/reader.js";
import { badInput } from "../../core/errors.js";
import { idOf } from "../common/ids.js";
import { normalizePhone } from "../common/phone.js";
import { normalizeReference } from "../common/reference.js";
import { sqlDate } from "../../db/sql-date.js";

export const transactionStatuses = ["PENDING", "PAID", "FAILED", "PARTIALLY_REFUNDED", "REFUNDED"] as const;
export type TransactionStatusValue = (typeof transactionStatuses)[number];

export type TransactionFilterValue = {
  status?: readonly TransactionStatusValue[] | null;
  search?: string | null;
  allocationId?: string | number | null;
  from?: Date | null;
  to?: Date | null;
};


/** One condition; `steer` is the same test written to keep the planner off an index. */
type Condition = { sql: string; params: unknown[]; steer?: { page: boolean; count: boolean } };

export type TransactionSql = { conditions: Condition[]; index: string | null };

/** Statuses matching fewer rows than this are read through the status index and sorted. */
export const SELECTIVE_STATUS_ROWS = 5000;

const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** A phone number in any accepted form, as stored (0XXXXXXXXX); null when it is not one. */
function phoneOf(s: string): string | null {
  if (!/^[+\d][\d\s\-().]{8,}$/.test(s)) return null;
  try {
    return normalizePhone(s).number;
  } catch {
    return null;
  }
}

// Every provider key in use, by a loose index scan (one index seek per distinct provider),
// so (provider, providerReference) can be looked up through its unique index.
const providers = `WITH RECURSIVE p(v) AS (
    SELECT (SELECT min("provider") FROM "Transaction")
    UNION ALL SELECT (SELECT min("provider") FROM "Transaction" WHERE "provider" > p.v) FROM p WHERE p.v IS NOT NULL)
  SELECT v FROM p WHERE v IS NOT NULL`;

/** `indexed`: found through an index, so more selective than any status. */
function searchCondition(read: Read, raw: string): (Condition & { indexed: boolean }) | null {
  const s = raw.trim();
  if (!s) return null;
  const phone = phoneOf(s);
  if (phone) return { sql: `"phoneNumber" = ?`, params: [phone], indexed: true };
  // The start of a number: a range on the phone index (':' sorts right after '9').
  if (/^0\d{3,8}$/.test(s)) return { sql: `"phoneNumber" >= ? AND "phoneNumber" < ?`, params: [s, `${s}:`], indexed: true };
  const ids = read<{ id: string }>(
    `SELECT "id" FROM "Transaction" WHERE "reference" = ?
     UNION SELECT "id" FROM "Transaction" WHERE "voucherId" = (SELECT "id" FROM "Voucher" WHERE "username" = ?)
     UNION SELECT "id" FROM "Transaction" WHERE "provider" IN (${providers}) AND "providerReference" = ?`,
    [normalizeReference(s), s, s],
  ).map((r) => r.id);
  if (ids.length) return { sql: `"id" IN (${marks(ids.length)})`, params: ids, indexed: true };
  return { sql: `"fullName" LIKE ? ESCAPE '\\'`, params: [`%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`], indexed: false };
}

export function transactionSql(read: Read, f: TransactionFilterValue | null | undefined): TransactionSql {
  const conditions: Condition[] = [];
  let index: string | null = null;
  if (f?.from && f?.to && f.from >= f.to) throw badInput("`from` must be before `to`", "filter.from");
  if (f?.from) conditions.push({ sql: `"createdAt" >= ?`, params: [sqlDate(f.from)] });
  if (f?.to) conditions.push({ sql: `"createdAt" < ?`, params: [sqlDate(f.to)] });
  if (f?.allocationId) conditions.push({ sql: `"allocationId" = ?`, params: [idOf(String(f.allocationId), "Allocation")] });
  const search = f?.search ? searchCondition(read, f.search) : null;
  if (search) conditions.push(search);
  const statuses = [...new Set(f?.status ?? [])];
  if (statuses.length) {
    const sql = `"status" IN (${marks(statuses.length)})`;
    const [{ n }] = read<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM "Transaction" WHERE ${sql} LIMIT ${SELECTIVE_STATUS_ROWS})`,
      statuses,
    ) as [{ n: number }];
    // Steering writes the test as `+"status" IN (...)`: the unary + hides the column from the
    // planner, so the status is checked row by row while another index gives the order (the
    // page) or the rows (a count narrowed by date, bundle or an indexed search). A count
    // with nothing else to go on counts on the status index.
    const useStatusIndex = n < SELECTIVE_STATUS_ROWS && !search?.indexed;
    const narrowed = Boolean(f?.from || f?.to || f?.allocationId || search?.indexed);
    if (useStatusIndex) index = "Transaction_status_expiresAt_idx";
    conditions.push({ sql, params: statuses, steer: { page: !useStatusIndex, count: !useStatusIndex && narrowed } });
  }
  return { conditions, index };
}

/** WHERE clause and parameters, steered for reading a page in order or for counting. */
export function whereOf(q: TransactionSql, use: "page" | "count", extra: Condition[] = []): { where: string; params: unknown[] } {
  const all = [...q.conditions, ...extra];
  return {
    where: all.length ? `WHERE ${all.map((c) => `(${c.steer?.[use] ? `+${c.sql}` : c.sql})`).join(" AND ")}` : "",
    params: all.flatMap((c) => c.params),
  };
}

export const fromTransactions = (q: TransactionSql) => `"Transaction"${q.index ? ` INDEXED BY "${q.index}"` : ""}`;

/** Sales are listed newest first; (createdAt, id) orders them totally. createdAt is the stored text. */
export type Key = { createdAt: string; id: string };

export const cursorOf = (k: Key) => Buffer.from(`tx:${k.createdAt}|${k.id}`).toString("base64url");

export function keyOf(cursor: string): Key {
  const m = /^tx:(\d{4}-[\d\-T:.+Z ]+)\|([a-z0-9]+)$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!m) throw badInput(`"${cursor}" is not a transactions cursor`);
  return { createdAt: m[1]!, id: m[2]! };
}

// `createdAt <= c AND (createdAt < c OR id < i)` rather than a plain OR, so SQLite can still
// range-scan the createdAt index from the cursor on.
export const olderThan = (k: Key): Condition => ({
  sql: `"createdAt" <= ? AND ("createdAt" < ? OR "id" < ?)`,
  params: [k.createdAt, k.createdAt, k.id],
});
export const newerThan = (k: Key): Condition => ({
  sql: `"createdAt" >= ? AND ("createdAt" > ? OR "id" > ?)`,
  params: [k.createdAt, k.createdAt, k.id],
});

export const NEWEST_FIRST = `ORDER BY "createdAt" DESC, "id" DESC`;
export const OLDEST_FIRST = `ORDER BY "createdAt" ASC, "id" ASC`;

/** The keys (id, createdAt) of one page, newest first, or oldest first when paging backward. */
export function pageQuery(q: TransactionSql, o: { after?: Key | null; before?: Key | null; backward?: boolean; limit: number }) {
  const bounds = [...(o.after ? [olderThan(o.after)] : []), ...(o.before ? [newerThan(o.before)] : [])];
  const { where, params } = whereOf(q, "page", bounds);
  return {
    sql: `SELECT "id", "createdAt" FROM ${fromTransactions(q)} ${where} ${o.backward ? OLDEST_FIRST : NEWEST_FIRST} LIMIT ?`,
    params: [...params, o.limit],
  };
}

export function countQuery(q: TransactionSql) {
  const { where, params } = whereOf(q, "count");
  return { sql: `SELECT count(*) AS n FROM ${fromTransactions(q)} ${where}`, params };
}

// The cash-up: what the sales of each shop day took, per member of staff and per payment
// provider, for a range of local dates in TIME_ZONE. One grouped SQL aggregate over the
// sales' createdAt (the instant the Transactions list and the dashboard count a sale at, so
// the three pages agree), each local day a [start, end) range on the createdAt index; the
// day, staff, provider and overall totals are then added up from those groups in integers,
// never from a page of rows. Shared by Query.cashUp and GET /exports/cash-up.csv.
import type { Read } from "../../db/reader.js";
import { sqlDate } from "../../db/sql-date.js";
import { badInput, forbidden } from "../../core/errors.js";
import { roleAtLeast } from "../../core/roles.js";
import type { Viewer } from "../../core/auth.js";
import { addLocalDays, shopDayStart } from "../dashboard/index.js";
import { moneyTakenSql } from "./money-taken.js";

export const MAX_CASH_UP_DAYS = 366;
/** How a sale nobody at the shop recorded (the customer paid on /buy) is named. */
export const ONLINE = "Online (customer paid)";
/** A sale recorded by a user since deleted. */
export const FORMER_USER = "Former user";

export type Figures = { count: number; grossMinor: number; refundedMinor: number };
export type CashUpLine = Figures & { day: string; staffId: string | null; staffName: string; provider: string };
export type CashUpGroup = Figures & { day: string | null; staffId: string | null; staffName: string | null; provider: string | null };
export type CashUp = {
  from: string;
  to: string;
  timeZone: string;
  /** Whose sales: null for everyone's; a user id when only one member of staff's are counted. */
  staffId: string | null;
  lines: CashUpLine[];
  days: CashUpGroup[];
  staff: CashUpGroup[];
  providers: CashUpGroup[];
  total: CashUpGroup;
};

/** A "YYYY-MM-DD" that is a real calendar date, or BAD_USER_INPUT naming the field. */
export function localDateOf(value: string, field: string): string {
  const s = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== s) throw badInput(`"${value.slice(0, 40)}" is not a date for ${field}: use YYYY-MM-DD, e.g. 2026-03-31`, field);
  return s;
}

/**
 * Whose sales a caller may count: managers and admins everyone's (or one member of staff's,
 * when asked); staff only their own (DOMAIN.md: staff sell and look up single sales, managers
 * see everything), so a staff member can count their drawer but not read a colleague's.
 */
export function cashUpScope(viewer: Viewer | null, askedStaffId: string | null): string | null {
  if (roleAtLeast(viewer?.role, "MANAGER")) return askedStaffId;
  if (!viewer?.userId) throw forbidden("The cash-up of your own sales needs a signed-in user (not an API key)");
  if (askedStaffId && askedStaffId !== viewer.userId) throw forbidden("Staff see the cash-up of their own sales only; ask a manager for the others'");
  return viewer.userId;
}

// Each day is a range on the createdAt index; the unary + keeps the planner off the status
// index, which would read every paid sale ever once per day (measured: cash-up.test.ts).
export const linesSql = (oneStaff: boolean) => `SELECT d.value ->> 0 AS day, t."soldById" AS staffId, u."username" AS username, t."provider" AS provider,
    count(*) AS count, sum(t."amountMinor") AS grossMinor, sum(t."refundedMinor") AS refundedMinor
  FROM json_each(?) AS d
  JOIN "Transaction" AS t ON t."createdAt" >= d.value ->> 1 AND t."createdAt" < d.value ->> 2
  LEFT JOIN "User" AS u ON u."id" = t."soldById"
  WHERE ${moneyTakenSql(`+t."status"`)}${oneStaff ? ` AND t."soldById" = ?` : ""}
  GROUP BY d.value ->> 0, t."soldById", t."provider"
  ORDER BY day, username IS NULL, username, provider`;

function add(into: Map<string, CashUpGroup>, key: string, base: Omit<CashUpGroup, keyof Figures>, f: Figures) {
  let g = into.get(key);
  if (!g) into.set(key, (g = { ...base, count: 0, grossMinor: 0, refundedMinor: 0 }));
  g.count += f.count;
  g.grossMinor += f.grossMinor;
  g.refundedMinor += f.refundedMinor;
}

export function cashUp(read: Read, timeZone: string, range: { from: string; to: string; staffId: string | null }): CashUp {
  const from = localDateOf(range.from, "from");
  const to = localDateOf(range.to, "to");
  if (from > to) throw badInput("`from` must be on or before `to`", "from");
  const days: [string, string, string][] = [];
  for (let day = from; day <= to; day = addLocalDays(day, 1)) {
    if (days.length === MAX_CASH_UP_DAYS) throw badInput(`A cash-up covers at most ${MAX_CASH_UP_DAYS} days: pick a shorter range`, "to");
    days.push([day, sqlDate(shopDayStart(timeZone, day)), sqlDate(shopDayStart(timeZone, addLocalDays(day, 1)))]);
  }
  const rows = read<Figures & { day: string; staffId: string | null; username: string | null; provider: string }>(
    linesSql(range.staffId !== null),
    [JSON.stringify(days), ...(range.staffId !== null ? [range.staffId] : [])],
  );
  const lines: CashUpLine[] = rows.map((r) => ({
    day: r.day,
    staffId: r.staffId,
    staffName: r.staffId === null ? ONLINE : (r.username ?? FORMER_USER),
    provider: r.provider,
    count: r.count,
    grossMinor: r.grossMinor,
    refundedMinor: r.refundedMinor,
  }));
  const byDay = new Map<string, CashUpGroup>();
  const byStaff = new Map<string, CashUpGroup>();
  const byProvider = new Map<string, CashUpGroup>();
  const total = new Map<string, CashUpGroup>();
  const none = { day: null, staffId: null, staffName: null, provider: null };
  for (const l of lines) {
    add(byDay, l.day, { ...none, day: l.day }, l);
    add(byStaff, l.staffId ?? "", { ...none, staffId: l.staffId, staffName: l.staffName }, l);
    add(byProvider, l.provider, { ...none, provider: l.provider }, l);
    add(total, "", none, l);
  }
  const net = (g: CashUpGroup) => g.grossMinor - g.refundedMinor;
  return {
    from,
    to,
    timeZone,
    staffId: range.staffId,
    lines,
    days: [...byDay.values()],
    staff: [...byStaff.values()].sort((a, b) => net(b) - net(a)),
    providers: [...byProvider.values()].sort((a, b) => net(b) - net(a)),
    total: total.get("") ?? { ...none, count: 0, grossMinor: 0, refundedMinor: 0 },
  };
}

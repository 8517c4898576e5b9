// Query.transactionTotals: count, gross, refunded and net of exactly the sales the
// Transactions page's filter shows, from one SQL aggregate over the same WHERE clause as the
// list (filter.ts), never by adding up a page. Money is integer minor units end to end.
import { builder } from "../../core/builder.js";
import { Money, money } from "../common/money.js";
import { CURRENCY, moneyTakenSql } from "./money-taken.js";
import { fromTransactions, transactionSql, whereOf, type TransactionSql } from "./filter.js";
import { TransactionFilter } from "./transactions-query.js";

export type Totals = { count: number; paidCount: number; grossMinor: number; refundedMinor: number };

export function totalsQuery(q: TransactionSql) {
  const { where, params } = whereOf(q, "count");
  const taken = moneyTakenSql();
  return {
    sql: `SELECT count(*) AS count,
        count(CASE WHEN ${taken} THEN 1 END) AS paidCount,
        coalesce(sum(CASE WHEN ${taken} THEN "amountMinor" END), 0) AS grossMinor,
        coalesce(sum(CASE WHEN ${taken} THEN "refundedMinor" END), 0) AS refundedMinor
      FROM ${fromTransactions(q)} ${where}`,
    params,
  };
}

// As on the dashboard: counts for staff, the shop's money for managers (staff count their own
// drawer on the cash-up, which shows them only their own sales).
const MONEY = { manager: true } as const;

const TransactionTotals = builder.objectRef<Totals>("TransactionTotals").implement({
  description:
    "Totals of the sales a filter matches. Gross, refunded and net count only sales that took money (PAID, PARTIALLY_REFUNDED, REFUNDED); a pending or failed sale took none.",
  fields: (t) => ({
    count: t.exposeInt("count", { description: "Sales matching the filter, whatever their status (the list's totalCount)." }),
    paidCount: t.exposeInt("paidCount", { description: "Of those, the sales that took money." }),
    gross: t.field({ type: Money, authScopes: MONEY, description: "What those sales took, before refunds.", resolve: (x) => money(x.grossMinor, CURRENCY) }),
    refunded: t.field({ type: Money, authScopes: MONEY, description: "What was given back of them.", resolve: (x) => money(x.refundedMinor, CURRENCY) }),
    net: t.field({ type: Money, authScopes: MONEY, description: "Gross minus refunded.", resolve: (x) => money(x.grossMinor - x.refundedMinor, CURRENCY) }),
  }),
});

builder.queryFields((t) => ({
  transactionTotals: t.field({
    type: TransactionTotals,
    description: "Staff: count, gross, refunded and net of the sales `transactions(filter:)` lists with the same filter (the money fields need a manager).",
    authScopes: { staff: true },
    args: { filter: t.arg({ type: TransactionFilter }) },
    resolve: (_r, args, ctx) => {
      const read = ctx.services.reader.reader;
      const { sql, params } = totalsQuery(transactionSql(read, args.filter));
      return read<Totals>(sql, params)[0]!;
    },
  }),
}));

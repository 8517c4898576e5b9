// The Refund page's KPI strip: what waits for a decision, what failed, and what went back
// today and this week (Ghana time, which is UTC all year; weeks start on Monday).
import { builder } from "../../core/builder.js";
import { Money, money } from "../common/money.js";

type Summary = { pendingCount: number; pendingMinor: number; failedCount: number; todayMinor: number; weekMinor: number; todayCount: number; weekCount: number };

const RefundSummary = builder.objectRef<Summary>("RefundSummary").implement({
  fields: (t) => ({
    pendingCount: t.exposeInt("pendingCount", { description: "Refunds awaiting a decision (REQUESTED)." }),
    pendingAmount: t.field({ type: Money, resolve: (s) => money(s.pendingMinor, "GHS") }),
    failedCount: t.exposeInt("failedCount", { description: "Refunds the provider refused: retry or look into them." }),
    refundedToday: t.field({ type: Money, resolve: (s) => money(s.todayMinor, "GHS") }),
    refundedTodayCount: t.exposeInt("todayCount"),
    refundedThisWeek: t.field({ type: Money, resolve: (s) => money(s.weekMinor, "GHS") }),
    refundedThisWeekCount: t.exposeInt("weekCount"),
  }),
});

export function periodStarts(now: Date): { day: Date; week: Date } {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return { day, week: new Date(day.getTime() - sinceMonday * 86_400_000) };
}

builder.queryFields((t) => ({
  refundSummary: t.field({
    type: RefundSummary,
    description: "Staff: counts and amounts for the Refund page.",
    authScopes: { staff: true },
    resolve: async (_r, _a, ctx) => {
      const { day, week } = periodStarts(new Date());
      const p = ctx.prisma.refund;
      const [pending, failedCount, today, thisWeek] = await Promise.all([
        p.aggregate({ where: { status: "REQUESTED" }, _sum: { amountMinor: true }, _count: true }),
        p.count({ where: { status: "FAILED" } }),
        p.aggregate({ where: { status: "COMPLETED", completedAt: { gte: day } }, _sum: { amountMinor: true }, _count: true }),
        p.aggregate({ where: { status: "COMPLETED", completedAt: { gte: week } }, _sum: { amountMinor: true }, _count: true }),
      ]);
      return {
        pendingCount: pending._count,
        pendingMinor: pending._sum.amountMinor ?? 0,
        failedCount,
        todayMinor: today._sum.amountMinor ?? 0,
        todayCount: today._count,
        weekMinor: thisWeek._sum.amountMinor ?? 0,
        weekCount: thisWeek._count,
      };
    },
  }),
}));

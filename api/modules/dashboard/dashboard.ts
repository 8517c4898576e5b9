// The Dashboard type and Query.dashboard. Counts and stock are for staff; every money field
// needs a manager (FORBIDDEN below that), so the page asks for them only when it may.
import { builder } from "../../core/builder.js";
import { badInput } from "../../core/errors.js";
import { Money, money } from "../common/money.js";
import { byHourOfDay, groupBy, pointCount, series, type Figures, type Granularity } from "./figures.js";
import { buildView, type Period, type StockRow, type View } from "./view.js";

const MONEY = { manager: true } as const;
const HOUR_SERIES_DAYS = 62;

type AllocationFigures = Figures & { allocationId: string; currency: string };
type ProviderFigures = Figures & { provider: string; currency: string };
type PointShape = Figures & { bucket: number; currency: string };
type HourShape = Figures & { hour: number; currency: string };
type PeriodShape = Period & { currency: string };
type StockShape = StockRow;

const at = (s: number) => new Date(s * 1000);

export const GranularityEnum = builder.enumType("Granularity", { values: ["HOUR", "DAY", "WEEK", "MONTH"] as const });

const AllocationSales = builder.objectRef<AllocationFigures>("AllocationSales").implement({
  description: "One bundle's sales in the range.",
  fields: (t) => ({
    allocation: t.prismaField({
      type: "Allocation",
      // One findUnique per row: Prisma batches those of one tick into one query.
      resolve: (query, p, _a, ctx) => ctx.prisma.allocation.findUniqueOrThrow({ ...query, where: { id: p.allocationId } }),
    }),
    sales: t.exposeInt("sales"),
    revenue: t.field({ type: Money, authScopes: MONEY, resolve: (f) => money(f.revenueMinor, f.currency) }),
    refunds: t.exposeInt("refunds", { description: "Sales of the bundle with money returned." }),
  }),
});

const ProviderSales = builder.objectRef<ProviderFigures>("ProviderSales").implement({
  description: "Sales by payment provider (mobile money, cash, sandbox).",
  fields: (t) => ({
    provider: t.exposeString("provider"),
    sales: t.exposeInt("sales"),
    revenue: t.field({ type: Money, authScopes: MONEY, resolve: (f) => money(f.revenueMinor, f.currency) }),
  }),
});

const SeriesPoint = builder.objectRef<PointShape>("SeriesPoint").implement({
  description: "One bucket of a series: a local hour, day, week (from Monday) or month of TIME_ZONE.",
  fields: (t) => ({
    bucket: t.field({ type: "DateTime", description: "When the bucket starts (its local start, as an instant).", resolve: (p) => at(p.bucket) }),
    sales: t.exposeInt("sales"),
    revenue: t.field({ type: Money, authScopes: MONEY, resolve: (p) => money(p.revenueMinor, p.currency) }),
    refunds: t.exposeInt("refunds"),
    refundedAmount: t.field({ type: Money, authScopes: MONEY, resolve: (p) => money(p.refundedMinor, p.currency) }),
    newCustomers: t.exposeInt("newCustomers"),
  }),
});

const HourSales = builder.objectRef<HourShape>("HourSales").implement({
  description: "Sales in one local hour of the day (0-23), summed over the range.",
  fields: (t) => ({
    hour: t.exposeInt("hour"),
    sales: t.exposeInt("sales"),
    revenue: t.field({ type: Money, authScopes: MONEY, resolve: (h) => money(h.revenueMinor, h.currency) }),
  }),
});

const DashboardPeriod = builder.objectRef<PeriodShape>("DashboardPeriod").implement({
  description: "Totals of one period, for comparisons.",
  fields: (t) => ({
    from: t.field({ type: "DateTime", resolve: (p) => at(p.from) }),
    to: t.field({ type: "DateTime", resolve: (p) => at(p.to) }),
    sales: t.exposeInt("sales"),
    revenue: t.field({ type: Money, authScopes: MONEY, resolve: (p) => money(p.revenueMinor, p.currency) }),
    refunds: t.exposeInt("refunds"),
    refundedAmount: t.field({ type: Money, authScopes: MONEY, resolve: (p) => money(p.refundedMinor, p.currency) }),
    newCustomers: t.exposeInt("newCustomers"),
  }),
});

const BundleStock = builder.objectRef<StockShape>("BundleStock").implement({
  description: "Voucher stock of one bundle and how long it lasts at the last 7 days' rate.",
  fields: (t) => ({
    allocation: t.prismaField({
      type: "Allocation",
      // One findUnique per row: Prisma batches those of one tick into one query.
      resolve: (query, p, _a, ctx) => ctx.prisma.allocation.findUniqueOrThrow({ ...query, where: { id: p.allocationId } }),
    }),
    available: t.exposeInt("available", { description: "Vouchers free to sell now." }),
    reserved: t.exposeInt("reserved", { description: "Held by purchases waiting for payment." }),
    sold: t.exposeInt("sold"),
    soldLast7Days: t.exposeInt("soldLast7Days"),
    daysLeft: t.exposeFloat("daysLeft", { nullable: true, description: "Days of stock at the last 7 days' rate; null when none sold in them." }),
    warning: t.exposeBoolean("warning", { description: "An active bundle with no stock, or fewer than STOCK_WARN_DAYS days of it." }),
  }),
});

const withCurrency = <T extends object>(v: View, x: T) => ({ ...x, currency: v.currency });
type PeriodKey = keyof NonNullable<View["periods"]>;
const periodOf = (v: View, key: PeriodKey) => withCurrency(v, v.periods![key]);

const Dashboard = builder.objectRef<View>("Dashboard").implement({
  description:
    "Business figures for [from, to), exact as of the last commit. A sale is a transaction in PAID, PARTIALLY_REFUNDED or REFUNDED, " +
    "counted at its createdAt (as the transactions list filters); its refunds count with it. Revenue is what the sales took, before refunds.",
  fields: (t) => ({
    from: t.field({ type: "DateTime", description: "The range's start, rounded down to the hour of TIME_ZONE.", resolve: (v) => at(v.from) }),
    to: t.field({ type: "DateTime", description: "The range's end (exclusive), rounded up to the hour.", resolve: (v) => at(v.to) }),
    timeZone: t.string({ description: "The shop's TIME_ZONE: the calendar of days, weeks and months.", resolve: (v) => v.zone.zone }),
    revenue: t.field({ type: Money, authScopes: MONEY, resolve: (v) => money(v.totals.revenueMinor, v.currency) }),
    sales: t.int({ resolve: (v) => v.totals.sales }),
    refunds: t.int({ description: "Sales in the range with money returned (partly or fully).", resolve: (v) => v.totals.refunds }),
    refundedAmount: t.field({ type: Money, authScopes: MONEY, resolve: (v) => money(v.totals.refundedMinor, v.currency) }),
    netRevenue: t.field({ type: Money, authScopes: MONEY, description: "Revenue minus refunded amount.", resolve: (v) => money(v.totals.revenueMinor - v.totals.refundedMinor, v.currency) }),
    averageSale: t.field({
      type: Money,
      authScopes: MONEY,
      description: "Revenue per sale, rounded to the minor unit (0 without sales).",
      resolve: (v) => money(v.totals.sales ? Math.round(v.totals.revenueMinor / v.totals.sales) : 0, v.currency),
    }),
    refundRate: t.float({ description: "refunds / sales (0 without sales).", resolve: (v) => (v.totals.sales ? v.totals.refunds / v.totals.sales : 0) }),
    newCustomers: t.int({ description: "Phone numbers whose first sale ever is in the range.", resolve: (v) => v.totals.newCustomers }),
    repeatSales: t.int({ description: "Sales in the range to a phone number that had bought before.", resolve: (v) => v.totals.sales - v.totals.newCustomers }),
    vouchersAvailable: t.int({ description: "Vouchers free to sell now, all bundles (not range-bound).", resolve: (v) => v.vouchersAvailable }),
    salesByAllocation: t.field({
      type: [AllocationSales],
      description: "Every bundle with sales in the range, most sales first.",
      resolve: (v) => byAllocation(v),
    }),
    topBundles: t.field({
      type: [AllocationSales],
      args: { limit: t.arg.int({ defaultValue: 5 }) },
      resolve: (v, { limit }) => {
        if (limit == null || limit < 1 || limit > 100) throw badInput("limit must be between 1 and 100", "limit");
        return byAllocation(v).slice(0, limit);
      },
    }),
    providerSplit: t.field({
      type: [ProviderSales],
      resolve: (v) =>
        [...groupBy(v.cells, (c) => c.provider)]
          .filter(([, f]) => f.sales !== 0)
          .map(([provider, f]) => ({ ...f, provider, currency: v.currency }))
          .sort((a, b) => b.sales - a.sales || a.provider.localeCompare(b.provider)),
    }),
    series: t.field({
      type: [SeriesPoint],
      args: { granularity: t.arg({ type: GranularityEnum, required: true }) },
      description: "Every bucket overlapping the range in order, empty ones included. HOUR covers at most 62 days.",
      resolve: (v, { granularity }) => {
        const g = granularity as Granularity;
        if (g === "HOUR" && v.to - v.from > HOUR_SERIES_DAYS * 86400) throw badInput(`An hourly series covers at most ${HOUR_SERIES_DAYS} days: choose DAY, WEEK or MONTH`, "granularity");
        if (pointCount(v.zone, g, v.from, v.to) > 4000) throw badInput("Too many points: choose a coarser granularity", "granularity");
        return series(v.zone, g, v.from, v.to, () => v.cells, () => v.hours ?? []).map((p) => withCurrency(v, p));
      },
    }),
    salesByHour: t.field({
      type: [HourSales],
      description: "Sales per local hour of the day (0-23) over the range.",
      resolve: (v) => byHourOfDay(v.zone, v.hours ?? []).map((f, hour) => ({ ...f, hour, currency: v.currency })),
    }),
    stock: t.field({ type: [BundleStock], description: "Stock per bundle, warnings first.", resolve: (v) => v.stock ?? [] }),
    previousPeriod: t.field({ type: DashboardPeriod, description: "The period of the same length just before `from` (for deltas).", resolve: (v) => periodOf(v, "previousPeriod") }),
    today: t.field({ type: DashboardPeriod, description: "Today so far (local day of TIME_ZONE).", resolve: (v) => periodOf(v, "today") }),
    yesterday: t.field({ type: DashboardPeriod, description: "Yesterday up to the same time of day as now.", resolve: (v) => periodOf(v, "yesterday") }),
    thisWeek: t.field({ type: DashboardPeriod, description: "This week (from Monday) so far.", resolve: (v) => periodOf(v, "thisWeek") }),
    lastWeek: t.field({ type: DashboardPeriod, description: "Last week up to the same point of the week as now.", resolve: (v) => periodOf(v, "lastWeek") }),
  }),
});

function byAllocation(v: View): AllocationFigures[] {
  return [...groupBy(v.cells, (c) => c.allocationId)]
    .filter(([, f]) => f.sales !== 0)
    .map(([allocationId, f]) => ({ ...f, allocationId, currency: v.currency }))
    .sort((a, b) => b.sales - a.sales || b.revenueMinor - a.revenueMinor || a.allocationId.localeCompare(b.allocationId));
}

builder.queryFields((t) => ({
  dashboard: t.field({
    type: Dashboard,
    authScopes: { staff: true },
    description: "Business figures for a range (default: the last 30 local days, today included). Money fields need a manager.",
    args: { from: t.arg({ type: "DateTime" }), to: t.arg({ type: "DateTime" }) },
    resolve: (_root, args, ctx, info) => buildView(ctx.services, info, args),
  }),
}));

// One dashboard answer, computed in one read transaction from the aggregates: the root
// resolver reads only what the query selects, then the fields are plain lookups.
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import type { Services } from "../../core/context.js";
import { badInput } from "../../core/errors.js";
import { FigureReader, groupBy, total, type Cell, type Figures, type HourTotal } from "./figures.js";
import { modelFor } from "./install.js";
import { addDays, bucketOf, ceilBucket, dayOfBucket, dayStart, localDate, weekStart, type ZoneModel } from "./zone.js";

export type Period = Figures & { from: number; to: number };
export type StockRow = { allocationId: string; available: number; reserved: number; sold: number; soldLast7Days: number; daysLeft: number | null; warning: boolean };

export type View = {
  zone: ZoneModel;
  from: number;
  to: number;
  currency: string;
  cells: Cell[];
  totals: Figures;
  hours: HourTotal[] | null;
  stock: StockRow[] | null;
  vouchersAvailable: number;
  periods: { previousPeriod: Period; today: Period; yesterday: Period; thisWeek: Period; lastWeek: Period } | null;
};

const MAX_DAYS = 3700;
// Prepared statements per read connection (one per running app), made on first use.
const readers = new WeakMap<object, FigureReader>();

export function readerFor(services: Services): FigureReader {
  let r = readers.get(services.reader);
  if (!r) readers.set(services.reader, (r = new FigureReader(services.reader.sqlite, modelFor(services.config.timeZone))));
  return r;
}

function requested(info: GraphQLResolveInfo): Set<string> {
  const out = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) out.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else visit(info.fragments[s.name.value]?.selectionSet);
    }
  };
  for (const n of info.fieldNodes) visit(n.selectionSet);
  return out;
}

/** The range as bucket starts: `from` rounded down, `to` up. Defaults: the last 30 local days, today included. */
export function rangeOf(z: ZoneModel, from: Date | null | undefined, to: Date | null | undefined, now: number): { from: number; to: number } {
  const sec = (d: Date) => Math.floor(d.getTime() / 1000);
  const tomorrow = dayStart(z, addDays(localDate(z.zone, now), 1));
  const t = to ? ceilBucket(z, sec(to)) : from ? Math.max(tomorrow, ceilBucket(z, sec(from) + 1)) : tomorrow;
  const f = from ? bucketOf(z, sec(from)) : dayStart(z, addDays(dayOfBucket(z, t - 3600), -29));
  if (from && to && from >= to) throw badInput("`from` must be before `to`", "from");
  if (f >= t) throw badInput("`from` must be before `to`", "from");
  if ((t - f) / 86400 > MAX_DAYS) throw badInput("Choose a range of at most 10 years", "from");
  return { from: f, to: t };
}

function period(r: FigureReader, from: number, to: number): Period {
  return { ...total(r.cells(from, to)), from, to };
}

function stockRows(r: FigureReader, allocations: { id: string; active: number }[], now: number, warnDays: number): StockRow[] {
  const z = r.zone;
  const end = ceilBucket(z, now);
  const sold7 = groupBy(r.cells(end - 7 * 86400, end), (c) => c.allocationId);
  const counts = new Map<string, Record<string, number>>();
  for (const s of r.stock()) {
    const c = counts.get(s.allocationId) ?? {};
    c[s.state] = s.vouchers;
    counts.set(s.allocationId, c);
  }
  return allocations
    .filter((a) => a.active || counts.has(a.id))
    .map((a) => {
      const c = counts.get(a.id) ?? {};
      const available = c.AVAILABLE ?? 0;
      const soldLast7Days = sold7.get(a.id)?.sales ?? 0;
      const daysLeft = soldLast7Days > 0 ? available / (soldLast7Days / 7) : null;
      const warning = Boolean(a.active) && (available === 0 || (daysLeft !== null && daysLeft < warnDays));
      return { allocationId: a.id, available, reserved: c.RESERVED ?? 0, sold: c.SOLD ?? 0, soldLast7Days, daysLeft, warning };
    })
    .sort((x, y) => Number(y.warning) - Number(x.warning) || (x.daysLeft ?? Infinity) - (y.daysLeft ?? Infinity));
}

export function buildView(services: Services, info: GraphQLResolveInfo, args: { from?: Date | null; to?: Date | null }, nowMs = Date.now()): View {
  const r = readerFor(services);
  const z = r.zone;
  const now = Math.floor(nowMs / 1000);
  const { from, to } = rangeOf(z, args.from, args.to, now);
  const want = requested(info);
  return r.snapshot(() => {
    const cells = r.cells(from, to);
    const allocations = r.db.prepare(`SELECT "id", "active", "currency" FROM "Allocation"`).all() as { id: string; active: number; currency: string }[];
    const needStock = want.has("stock") || want.has("vouchersAvailable");
    const stock = needStock ? stockRows(r, allocations, now, services.config.stockWarnDays) : null;
    let periods: View["periods"] = null;
    if (["previousPeriod", "today", "yesterday", "thisWeek", "lastWeek"].some((f) => want.has(f))) {
      const end = ceilBucket(z, now);
      const todayKey = localDate(z.zone, now);
      const today = dayStart(z, todayKey);
      const yesterday = dayStart(z, addDays(todayKey, -1));
      const week = dayStart(z, weekStart(todayKey));
      const lastWeek = dayStart(z, addDays(weekStart(todayKey), -7));
      periods = {
        previousPeriod: period(r, from - (to - from), from),
        today: period(r, today, end),
        // Up to the same time of day / of the week: a fair comparison with a period still running.
        yesterday: period(r, yesterday, Math.min(today, yesterday + (end - today))),
        thisWeek: period(r, week, end),
        lastWeek: period(r, lastWeek, Math.min(week, lastWeek + (end - week))),
      };
    }
    return {
      zone: z,
      from,
      to,
      currency: allocations[0]?.currency ?? "GHS",
      cells,
      totals: total(cells),
      hours: want.has("series") || want.has("salesByHour") ? r.hourTotals(from, to) : null,
      stock,
      vouchersAvailable: stock ? stock.reduce((n, s) => n + s.available, 0) : 0,
      periods,
    };
  });
}

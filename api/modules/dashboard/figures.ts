// Reading the aggregates: a range is cut into whole local days (DashboardDay) and the hours
// at its edges (DashboardHour), so a year is ~365 rows per bundle and provider, never a scan
// of the sales. Everything else (totals, per bundle, per provider, series by day, week or
// month) is summed from those cells in JS.
import type Database from "better-sqlite3";
import { addDays, addMonths, bucketOf, dayOfBucket, dayStart, hourOfBucket, monthStart, weekStart, type ZoneModel } from "./zone.js";

export type Figures = { sales: number; revenueMinor: number; refunds: number; refundedMinor: number; newCustomers: number };
export type Cell = Figures & { day: string; allocationId: string; provider: string };
export type HourTotal = Figures & { bucket: number };

export const zero = (): Figures => ({ sales: 0, revenueMinor: 0, refunds: 0, refundedMinor: 0, newCustomers: 0 });
export function add(into: Figures, f: Figures): Figures {
  into.sales += f.sales;
  into.revenueMinor += f.revenueMinor;
  into.refunds += f.refunds;
  into.refundedMinor += f.refundedMinor;
  into.newCustomers += f.newCustomers;
  return into;
}

const FIG = `"sales", "revenueMinor", "refunds", "refundedMinor", "newCustomers"`;

/** Statements prepared once per connection. */
export class FigureReader {
  private readonly hours: Database.Statement;
  private readonly days: Database.Statement;
  private readonly totals: Database.Statement;
  private readonly stockRows: Database.Statement;
  constructor(readonly db: Database.Database, readonly zone: ZoneModel) {
    this.hours = db.prepare(`SELECT "bucket", "allocationId", "provider", ${FIG} FROM "DashboardHour" WHERE "bucket" >= ? AND "bucket" < ?`);
    this.days = db.prepare(`SELECT "day", "allocationId", "provider", ${FIG} FROM "DashboardDay" WHERE "day" >= ? AND "day" < ?`);
    this.totals = db.prepare(`SELECT "bucket", ${FIG} FROM "DashboardHourTotal" WHERE "bucket" >= ? AND "bucket" < ? ORDER BY "bucket"`);
    this.stockRows = db.prepare(`SELECT "allocationId", "state", "vouchers" FROM "DashboardStock" WHERE "vouchers" <> 0`);
  }

  /** Runs fn in one read transaction: every figure of one answer comes from the same commit. */
  snapshot<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Cells (local day x bundle x provider) covering [from, to), both bucket starts. */
  cells(from: number, to: number): Cell[] {
    const z = this.zone;
    if (from >= to) return [];
    let first = dayOfBucket(z, from);
    if (dayStart(z, first) < from) first = addDays(first, 1);
    const last = dayOfBucket(z, to); // the day `to` falls in; only its part before `to` counts
    const s0 = dayStart(z, first);
    const e = dayStart(z, last);
    const out: Cell[] = [];
    const hourCells = (a: number, b: number) => {
      for (const r of this.hours.all(a, b) as (Figures & { bucket: number; allocationId: string; provider: string })[]) {
        out.push({ day: dayOfBucket(z, r.bucket), allocationId: r.allocationId, provider: r.provider, sales: r.sales, revenueMinor: r.revenueMinor, refunds: r.refunds, refundedMinor: r.refundedMinor, newCustomers: r.newCustomers });
      }
    };
    if (s0 >= e) {
      hourCells(from, to);
      return out;
    }
    hourCells(from, s0);
    out.push(...(this.days.all(first, last) as Cell[]));
    hourCells(e, to);
    return out;
  }

  hourTotals(from: number, to: number): HourTotal[] {
    return this.totals.all(from, to) as HourTotal[];
  }

  stock(): { allocationId: string; state: string; vouchers: number }[] {
    return this.stockRows.all() as { allocationId: string; state: string; vouchers: number }[];
  }
}

export function total(cells: Iterable<Figures>): Figures {
  const t = zero();
  for (const c of cells) add(t, c);
  return t;
}

export function groupBy<K extends string>(cells: Cell[], key: (c: Cell) => K): Map<K, Figures> {
  const m = new Map<K, Figures>();
  for (const c of cells) {
    const k = key(c);
    let f = m.get(k);
    if (!f) m.set(k, (f = zero()));
    add(f, c);
  }
  return m;
}

export type Granularity = "HOUR" | "DAY" | "WEEK" | "MONTH";
export type Point = Figures & { bucket: number };

/** Local days from the one holding `from` to the one holding the last bucket before `to`. */
function daysOf(z: ZoneModel, from: number, to: number): string[] {
  const out: string[] = [];
  const end = dayOfBucket(z, to - 3600);
  for (let d = dayOfBucket(z, from); d <= end; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Every bucket of the granularity overlapping [from, to), empty ones included, in order. */
export function series(z: ZoneModel, g: Granularity, from: number, to: number, cells: () => Cell[], hours: () => HourTotal[]): Point[] {
  if (g === "HOUR") {
    const byBucket = new Map(hours().map((h) => [h.bucket, h]));
    const out: Point[] = [];
    for (let b = bucketOf(z, from); b < to; b += 3600) out.push({ ...zero(), ...(byBucket.get(b) ?? {}), bucket: b });
    return out;
  }
  const perDay = groupBy(cells(), (c) => c.day);
  const keyOf = g === "DAY" ? (d: string) => d : g === "WEEK" ? weekStart : monthStart;
  const points = new Map<string, Figures>();
  for (const d of daysOf(z, from, to)) {
    const k = keyOf(d);
    let f = points.get(k);
    if (!f) points.set(k, (f = zero()));
    const day = perDay.get(d);
    if (day) add(f, day);
  }
  return [...points].map(([k, f]) => ({ ...f, bucket: dayStart(z, k) }));
}

/** How many points a series would have, to refuse absurd requests before computing them. */
export function pointCount(z: ZoneModel, g: Granularity, from: number, to: number): number {
  const days = (to - from) / 86400;
  return g === "HOUR" ? Math.ceil((to - from) / 3600) : g === "DAY" ? Math.ceil(days) + 1 : g === "WEEK" ? Math.ceil(days / 7) + 1 : Math.ceil(days / 28) + 1;
}

/** Sales per local hour of day (0-23) over the hour totals. */
export function byHourOfDay(z: ZoneModel, hours: HourTotal[]): Figures[] {
  const out = Array.from({ length: 24 }, zero);
  for (const h of hours) add(out[hourOfBucket(z, h.bucket)]!, h);
  return out;
}

export { addMonths };

// Exactness of the dashboard aggregates: thousands of random writes (sales, settlements,
// partial/full/failed refunds, cancellations, deletions, bulk updates, raw SQL, voucher
// changes) across a month end, the year end and both daylight-saving changes, then every
// figure, for many random ranges and every granularity, is compared with a recomputation
// from the Transaction and Voucher rows written here with Intl only. Finally the tables the
// triggers kept are compared with a full rebuild. Run in Europe/London and Africa/Accra.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { rebuildDashboard } from "../../api/modules/dashboard/index.js";
import { localParts } from "../../api/modules/dashboard/zone.js";

const SALE = new Set(["PAID", "PARTIALLY_REFUNDED", "REFUNDED"]);
const PROVIDERS = ["sandbox", "cash", "paystack"];
// Windows around a month end + DST end (London 2025-10-26), the year end, DST start (2026-03-29) + month end.
const WINDOWS: [string, string][] = [
  ["2025-10-20T00:00:00Z", "2025-11-04T00:00:00Z"],
  ["2025-12-24T00:00:00Z", "2026-01-06T00:00:00Z"],
  ["2026-03-24T00:00:00Z", "2026-04-04T00:00:00Z"],
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

type Tx = { id: string; phoneNumber: string; allocationId: string; amountMinor: number; status: string; provider: string; refundedMinor: number; createdAt: string };
type Fig = { sales: number; revenue: number; refunds: number; refunded: number };

const pad = (n: number) => String(n).padStart(2, "0");
function local(zone: string, t: number) {
  const p = localParts(zone, t);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, hour: p.hour, p };
}
function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
const sec = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function expected(zone: string, rows: Tx[], from: number, to: number) {
  const sales = rows.filter((r) => SALE.has(r.status));
  const first = new Map<string, Tx>();
  for (const r of [...sales].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))) {
    if (!first.has(r.phoneNumber)) first.set(r.phoneNumber, r);
  }
  const inRange = sales.filter((r) => sec(r.createdAt) >= from && sec(r.createdAt) < to);
  const fig = (xs: Tx[]): Fig => ({
    sales: xs.length,
    revenue: xs.reduce((n, r) => n + r.amountMinor, 0),
    refunds: xs.filter((r) => r.status !== "PAID" || r.refundedMinor > 0).length,
    refunded: xs.reduce((n, r) => n + r.refundedMinor, 0),
  });
  const group = (key: (r: Tx) => string) => {
    const m = new Map<string, Tx[]>();
    for (const r of inRange) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return new Map([...m].map(([k, v]) => [k, fig(v)]));
  };
  return {
    totals: fig(inRange),
    newCustomers: [...first.values()].filter((r) => sec(r.createdAt) >= from && sec(r.createdAt) < to).length,
    byAllocation: group((r) => r.allocationId),
    byProvider: group((r) => r.provider),
    byHourOfDay: group((r) => String(local(zone, sec(r.createdAt)).hour)),
    HOUR: group((r) => String(Math.floor(sec(r.createdAt) / 3600) * 3600)),
    DAY: group((r) => local(zone, sec(r.createdAt)).date),
    WEEK: group((r) => mondayOf(local(zone, sec(r.createdAt)).date)),
    MONTH: group((r) => local(zone, sec(r.createdAt)).date.slice(0, 7)),
  };
}

const QUERY = `query($from: DateTime, $to: DateTime, $g: Granularity!) {
  dashboard(from: $from, to: $to) {
    from to sales refunds newCustomers repeatSales vouchersAvailable
    revenue { amountMinor } refundedAmount { amountMinor }
    salesByAllocation { allocation { id } sales refunds revenue { amountMinor } }
    providerSplit { provider sales revenue { amountMinor } }
    salesByHour { hour sales revenue { amountMinor } }
    stock { allocation { id } available reserved sold }
    series(granularity: $g) { bucket sales refunds revenue { amountMinor } refundedAmount { amountMinor } }
  }
}`;

// The app's connection returns BigInts (safeIntegers); plain numbers here.
const prep = (db: Database.Database, sql: string) => db.prepare(sql).safeIntegers(false);
const globalId = (id: string) => Buffer.from(`Allocation:${id}`).toString("base64");

describe.each(["Europe/London", "Africa/Accra"])("dashboard figures in %s", (zone) => {
  let server: TestServer;
  const allocations: string[] = [];
  const random = rng(zone.length * 7919);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const int = (n: number) => Math.floor(random() * n);
  const run = <T>(fn: (db: Database.Database) => T) => server.app.services.db.exclusive(fn);
  const randomInstant = () => {
    const [a, b] = pick(WINDOWS);
    return new Date(Date.parse(a) + random() * (Date.parse(b) - Date.parse(a)));
  };
  const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");

  beforeAll(async () => {
    server = await startTestServer({ env: { TIME_ZONE: zone } });
    for (let i = 0; i < 4; i++) {
      const a = await server.app.services.prisma.allocation.create({ data: { code: `B${i}_${zone.length}`, name: `Bundle ${i}`, priceMinor: 100 * (i + 1) } });
      allocations.push(a.id);
    }
  }, 60_000);
  afterAll(() => server?.stop());

  it("every figure equals a recomputation after thousands of random writes", { timeout: 240_000 }, async () => {
    let n = 0;
    const phones = Array.from({ length: 40 }, (_, i) => `02400${String(i).padStart(5, "0")}`);
    const insertTx = (db: Database.Database, status: string) => {
      const a = pick(allocations);
      const amount = 100 + int(900);
      prep(db, 
        `INSERT INTO "Transaction" ("id","reference","fullName","phoneNumber","allocationId","amountMinor","status","provider","refundedMinor","createdAt","updatedAt")
         VALUES (?,?,?,?,?,?,?,?,0,?,?)`,
      ).run(`tx${++n}`, `CZ-P${n}`, "Ama", pick(phones), a, amount, status, pick(PROVIDERS), iso(randomInstant()), iso(new Date()));
    };
    const someTx = (db: Database.Database, where: string) =>
      prep(db, `SELECT * FROM "Transaction" WHERE ${where} ORDER BY random() LIMIT 1`).get() as Tx | undefined;
    const voucher = (db: Database.Database) => {
      prep(db, `INSERT INTO "Voucher" ("id","username","password","allocationId","status","updatedAt") VALUES (?,?,?,?,?,?)`).run(
        `v${++n}`, `u${n}`, "pw", pick(allocations), pick(["AVAILABLE", "AVAILABLE", "SOLD", "DISABLED"]), iso(new Date()),
      );
    };

    for (let round = 0; round < 6; round++) {
      await run((db) => {
        for (let i = 0; i < 500; i++) {
          const op = int(14) - 1;
          let t: Tx | undefined;
          if (op <= 2) insertTx(db, pick(["PENDING", "PAID", "PAID", "FAILED"]));
          else if (op === 3 && (t = someTx(db, `status = 'PENDING'`))) prep(db, `UPDATE "Transaction" SET status = 'PAID' WHERE id = ?`).run(t.id);
          else if (op === 4 && (t = someTx(db, `status IN ('PAID','PARTIALLY_REFUNDED')`))) {
            // Partial refund: less than what is left.
            const left = t.amountMinor - t.refundedMinor;
            const x = 1 + int(Math.max(1, left - 1));
            if (x < left) prep(db, `UPDATE "Transaction" SET status = 'PARTIALLY_REFUNDED', "refundedMinor" = "refundedMinor" + ? WHERE id = ?`).run(x, t.id);
          } else if (op === 5 && (t = someTx(db, `status IN ('PAID','PARTIALLY_REFUNDED')`))) {
            prep(db, `UPDATE "Transaction" SET status = 'REFUNDED', "refundedMinor" = "amountMinor" WHERE id = ?`).run(t.id);
          } else if (op === 6 && (t = someTx(db, `status = 'PAID'`))) {
            // A failed refund touches the sale without moving money.
            prep(db, `UPDATE "Transaction" SET "updatedAt" = ?, "failureReason" = 'refund failed' WHERE id = ?`).run(iso(new Date()), t.id);
          } else if (op === 7 && (t = someTx(db, `status IN ('PENDING','PAID')`))) prep(db, `UPDATE "Transaction" SET status = 'FAILED' WHERE id = ?`).run(t.id);
          else if (op === 8 && (t = someTx(db, "1"))) prep(db, `DELETE FROM "Transaction" WHERE id = ?`).run(t.id);
          else if (op === 9 && (t = someTx(db, "1"))) prep(db, `UPDATE "Transaction" SET "createdAt" = ?, "phoneNumber" = ? WHERE id = ?`).run(iso(randomInstant()), pick(phones), t.id);
          else if (op === 10) prep(db, `UPDATE "Transaction" SET status = 'FAILED' WHERE status = 'PENDING' AND "phoneNumber" = ?`).run(pick(phones)); // bulk
          else if (op === 11) voucher(db);
          else {
            const v = prep(db, `SELECT id FROM "Voucher" ORDER BY random() LIMIT 1`).get() as { id: string } | undefined;
            if (!v) continue;
            const change = int(4);
            if (change === 0) prep(db, `UPDATE "Voucher" SET "reservedUntil" = ? WHERE id = ? AND status = 'AVAILABLE'`).run(iso(new Date()), v.id);
            else if (change === 1) prep(db, `UPDATE "Voucher" SET status = 'SOLD', "reservedUntil" = NULL WHERE id = ?`).run(v.id);
            else if (change === 2) prep(db, `UPDATE "Voucher" SET "allocationId" = ? WHERE id = ?`).run(pick(allocations), v.id);
            else prep(db, `DELETE FROM "Voucher" WHERE id = ?`).run(v.id);
          }
        }
      });
      // Some writes through Prisma too (single and bulk), as the app's code makes them.
      const some = await server.app.services.prisma.transaction.findMany({ where: { status: "PAID" }, take: 5, orderBy: { id: "asc" } });
      for (const t of some.slice(0, 2)) await server.app.services.prisma.transaction.update({ where: { id: t.id }, data: { status: "PARTIALLY_REFUNDED", refundedMinor: 1 } });
      await server.app.services.prisma.transaction.updateMany({ where: { id: { in: some.slice(2).map((t) => t.id) } }, data: { status: "REFUNDED", refundedMinor: 50 } });
    }

    const rows = await run((db) => prep(db, `SELECT * FROM "Transaction"`).all() as Tx[]);
    const vouchers = await run((db) => prep(db, `SELECT "allocationId", status, "reservedUntil" FROM "Voucher"`).all() as { allocationId: string; status: string; reservedUntil: string | null }[]);
    expect(rows.filter((r) => SALE.has(r.status)).length).toBeGreaterThan(200);
    expect(rows.filter((r) => r.status === "PARTIALLY_REFUNDED").length).toBeGreaterThan(20);

    const ranges: [number, number, string][] = [];
    const lo = sec(WINDOWS[0]![0]), hi = sec(WINDOWS[2]![1]);
    for (let i = 0; i < 40; i++) {
      const g = pick(["HOUR", "DAY", "WEEK", "MONTH"]);
      const maxHours = g === "HOUR" ? 24 * 40 : 24 * 200;
      const from = lo + int((hi - lo) / 3600) * 3600 - 3600 * 24;
      ranges.push([from, from + 3600 * (1 + int(maxHours)), g]);
    }
    // Local-day-aligned ranges (the page's presets) through the DST days.
    for (const [a, b] of [["2025-10-26T00:00:00+01:00", "2025-10-27T00:00:00Z"], ["2026-03-29T00:00:00Z", "2026-03-30T00:00:00+01:00"], ["2025-12-01T00:00:00Z", "2026-02-01T00:00:00Z"]] as const) {
      for (const g of ["HOUR", "DAY", "WEEK", "MONTH"]) ranges.push([sec(a), sec(b), g]);
    }

    for (const [from, to, g] of ranges) {
      const r = await server.gql(QUERY, { from: new Date(from * 1000).toISOString(), to: new Date(to * 1000).toISOString(), g }, { token: server.adminToken });
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      const d = r.data.dashboard;
      const e = expected(zone, rows, from, to);
      const label = `${zone} ${new Date(from * 1000).toISOString()}..${new Date(to * 1000).toISOString()} ${g}`;
      expect([d.from, d.to], label).toEqual([new Date(from * 1000).toISOString(), new Date(to * 1000).toISOString()]);
      expect({ sales: d.sales, revenue: d.revenue.amountMinor, refunds: d.refunds, refunded: d.refundedAmount.amountMinor }, label).toEqual(e.totals);
      expect(d.newCustomers, label).toBe(e.newCustomers);
      expect(d.repeatSales, label).toBe(e.totals.sales - e.newCustomers);
      const byAlloc = Object.fromEntries(d.salesByAllocation.map((x: any) => [x.allocation.id, { sales: x.sales, revenue: x.revenue.amountMinor, refunds: x.refunds }]));
      expect(byAlloc, label).toEqual(Object.fromEntries([...e.byAllocation].map(([k, f]) => [globalId(k), { sales: f.sales, revenue: f.revenue, refunds: f.refunds }])));
      expect(Object.fromEntries(d.providerSplit.map((x: any) => [x.provider, { sales: x.sales, revenue: x.revenue.amountMinor }])), label).toEqual(
        Object.fromEntries([...e.byProvider].map(([k, f]) => [k, { sales: f.sales, revenue: f.revenue }])),
      );
      expect(d.salesByHour.map((h: any) => [h.sales, h.revenue.amountMinor]), label).toEqual(
        Array.from({ length: 24 }, (_, h) => [e.byHourOfDay.get(String(h))?.sales ?? 0, e.byHourOfDay.get(String(h))?.revenue ?? 0]),
      );
      // Series: keyed as the recomputation keys them; every bucket starts a local hour/day/week/month; no bucket missing.
      const keyOf = (b: number) => {
        const l = local(zone, b);
        return g === "HOUR" ? String(b) : g === "DAY" ? l.date : g === "WEEK" ? mondayOf(l.date) : l.date.slice(0, 7);
      };
      const got = new Map<string, Fig>();
      for (const p of d.series) {
        const b = sec(p.bucket);
        const l = local(zone, b);
        if (g !== "HOUR") expect([l.p.hour, l.p.minute], `${label} bucket ${p.bucket} is a local midnight`).toEqual([0, 0]);
        if (g === "WEEK") expect(mondayOf(l.date), label).toBe(l.date);
        if (g === "MONTH") expect(l.date.endsWith("-01"), label).toBe(true);
        expect(got.has(keyOf(b)), `${label} duplicate bucket ${p.bucket}`).toBe(false);
        got.set(keyOf(b), { sales: p.sales, revenue: p.revenue.amountMinor, refunds: p.refunds, refunded: p.refundedAmount.amountMinor });
      }
      const buckets = [...got.keys()];
      expect(buckets, label).toEqual([...buckets].sort());
      for (const [k, f] of e[g as "HOUR"]) expect(got.get(k), `${label} ${k}`).toEqual(f);
      for (const [k, f] of got) if (!e[g as "HOUR"].has(k)) expect(f, `${label} ${k} is empty`).toEqual({ sales: 0, revenue: 0, refunds: 0, refunded: 0 });
      if (g === "HOUR") expect(d.series.length, label).toBe((to - from) / 3600);
      if (g === "DAY") expect(d.series.length, label).toBe(new Set(Array.from({ length: (to - from) / 3600 }, (_, i) => local(zone, from + i * 3600).date)).size);
      // Stock is not range-bound.
      const stock = Object.fromEntries(d.stock.map((s: any) => [s.allocation.id, [s.available, s.reserved, s.sold]]));
      for (const a of allocations) {
        const mine = vouchers.filter((v) => v.allocationId === a);
        expect(stock[globalId(a)], label).toEqual([
          mine.filter((v) => v.status === "AVAILABLE" && !v.reservedUntil).length,
          mine.filter((v) => v.status === "AVAILABLE" && v.reservedUntil).length,
          mine.filter((v) => v.status === "SOLD").length,
        ]);
      }
      expect(d.vouchersAvailable).toBe(vouchers.filter((v) => v.status === "AVAILABLE" && !v.reservedUntil).length);
    }
  });

  it("the tables kept by the triggers equal a full rebuild", async () => {
    const tables = ["DashboardHour", "DashboardHourTotal", "DashboardDay", "DashboardCustomer", "DashboardStock"];
    const dump = (db: Database.Database) =>
      Object.fromEntries(
        tables.map((t) => {
          const rows = prep(db, `SELECT * FROM "${t}" ORDER BY 1, 2, 3`).all() as Record<string, unknown>[];
          // Rows netted to zero stay behind after a cancellation; the rebuild has none.
          return [t, rows.filter((r) => Object.entries(r).some(([k, v]) => typeof v === "number" && v !== 0 && !["bucket"].includes(k)) || t === "DashboardCustomer")];
        }),
      );
    const kept = await server.app.services.db.exclusive(dump);
    expect(kept.DashboardHour!.length).toBeGreaterThan(100);
    await server.app.services.db.exclusive((db) => rebuildDashboard(db, zone));
    expect(await server.app.services.db.exclusive(dump)).toEqual(kept);
  });
});

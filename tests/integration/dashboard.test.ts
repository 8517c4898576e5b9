// The dashboard over HTTP: a sale through the API moves the figures at once; staff read
// counts and stock; bad ranges are refused with a reason; a database whose triggers were
// lost is rebuilt exact at the next start; a TIME_ZONE that cannot be bucketed stops the start.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";
import { buy, seedAllocation } from "./sales-seed.js";
import { buildApp } from "../../api/app.js";
import { loadConfig } from "../../api/core/config.js";

const FIGURES = `query($from: DateTime, $to: DateTime) { dashboard(from: $from, to: $to) {
  from to sales refunds vouchersAvailable newCustomers repeatSales revenue { amountMinor formatted } averageSale { amountMinor }
  salesByAllocation { allocation { name } sales revenue { amountMinor } }
  stock { allocation { name } available reserved sold soldLast7Days daysLeft warning }
  today { sales } yesterday { sales } thisWeek { sales } lastWeek { sales } previousPeriod { sales }
} }`;

let server: TestServer;
let bundle: { id: string; dbId: string };

beforeAll(async () => {
  server = await startTestServer({ keepData: true });
  bundle = await seedAllocation(server, { vouchers: 5, priceMinor: 250, name: "Day pass" });
});
afterAll(() => server?.stop());

describe("dashboard", () => {
  it("a sale through the API is in the figures as soon as it is answered", async () => {
    const before = (await server.gql(FIGURES, {}, { token: server.adminToken })).data.dashboard;
    const r = await buy(server, bundle.id, { phoneNumber: "0244000001" });
    expect(r.data?.purchase.transaction.status, JSON.stringify(r.errors)).toBe("PAID");
    const after = (await server.gql(FIGURES, {}, { token: server.adminToken })).data.dashboard;
    expect(after.sales).toBe(before.sales + 1);
    expect(after.revenue.amountMinor).toBe(before.revenue.amountMinor + 250);
    expect(after.today.sales).toBe(before.today.sales + 1);
    expect(after.thisWeek.sales).toBe(before.thisWeek.sales + 1);
    expect(after.newCustomers).toBe(before.newCustomers + 1);
    expect(after.vouchersAvailable).toBe(before.vouchersAvailable - 1);
    const stock = after.stock.find((s: any) => s.allocation.name === "Day pass");
    expect(stock).toMatchObject({ available: 4, reserved: 0, sold: 1, soldLast7Days: 1 });
    expect(stock.daysLeft).toBeCloseTo(28);
    // The same buyer again is a repeat sale, not a new customer.
    await buy(server, bundle.id, { phoneNumber: "0244000001" });
    const again = (await server.gql(FIGURES, {}, { token: server.adminToken })).data.dashboard;
    expect([again.sales, again.newCustomers, again.repeatSales]).toEqual([after.sales + 1, after.newCustomers, after.repeatSales + 1]);
    expect(again.averageSale.amountMinor).toBe(250);
  });

  it("staff read counts and stock; money is FORBIDDEN to them", async () => {
    const staff = await server.tokenFor("STAFF");
    const counts = await server.gql(`{ dashboard { sales refunds vouchersAvailable refundRate stock { available warning } salesByAllocation { sales } } }`, {}, { token: staff });
    expect(counts.errors).toBeUndefined();
    expect(counts.data.dashboard.sales).toBeGreaterThanOrEqual(2);
    const money = await server.gql(`{ dashboard { sales revenue { amountMinor } } }`, {}, { token: staff });
    expect(codesOf(money)).toEqual(["FORBIDDEN"]);
    expect(money.data).toBeNull();
    const manager = await server.tokenFor("MANAGER");
    expect((await server.gql(`{ dashboard { revenue { amountMinor } } }`, {}, { token: manager })).errors).toBeUndefined();
    expect(codesOf(await server.gql(`{ dashboard { sales } }`))).toEqual(["UNAUTHENTICATED"]);
  });

  it("refuses ranges it cannot answer, saying why", async () => {
    const q = (v: Record<string, unknown>, extra = "sales") => server.gql(`query($from: DateTime, $to: DateTime) { dashboard(from: $from, to: $to) { ${extra} } }`, v, { token: server.adminToken });
    const backwards = await q({ from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" });
    expect(codesOf(backwards)).toEqual(["BAD_USER_INPUT"]);
    expect(backwards.errors![0]!.message).toMatch(/before/);
    expect(codesOf(await q({ from: "2000-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }))[0]).toBe("BAD_USER_INPUT");
    const hourly = await q({ from: "2026-01-01T00:00:00Z", to: "2026-06-01T00:00:00Z" }, "series(granularity: HOUR) { sales }");
    expect(codesOf(hourly)).toEqual(["BAD_USER_INPUT"]);
    expect(hourly.errors![0]!.message).toMatch(/DAY, WEEK or MONTH/);
    expect(codesOf(await q({}, "topBundles(limit: 0) { sales }"))).toEqual(["BAD_USER_INPUT"]);
    // Not on an hour: rounded outwards, and the answer says so.
    const r = await q({ from: "2026-01-01T10:20:00Z", to: "2026-01-01T11:05:00Z" }, "from to");
    expect(r.data.dashboard).toEqual({ from: "2026-01-01T10:00:00.000Z", to: "2026-01-01T12:00:00.000Z" });
  });

  it("a start rebuilds figures written while the triggers were missing (bulk load, old backup)", async () => {
    const expected = (await server.gql(FIGURES, {}, { token: server.adminToken })).data.dashboard;
    const dataDir = server.dataDir;
    // Raw SQL with the triggers dropped: a sale the aggregates never saw.
    await server.app.services.db.exclusive((db) => {
      for (const t of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'dash_%'`).pluck().all() as string[]) db.exec(`DROP TRIGGER "${t}"`);
      db.prepare(
        `INSERT INTO "Transaction" (id, reference, "fullName", "phoneNumber", "allocationId", "amountMinor", status, provider, "createdAt", "updatedAt")
         VALUES ('bulk1', 'CZ-BULK1', 'Kofi', '0244000002', ?, 250, 'PAID', 'cash', ?, ?)`,
      ).run(bundle.dbId, new Date().toISOString().replace("Z", "+00:00"), new Date().toISOString());
    });
    await server.stop();
    server = await startTestServer({ dataDir, keepData: true });
    const after = (await server.gql(FIGURES, {}, { token: server.adminToken })).data.dashboard;
    expect([after.sales, after.revenue.amountMinor, after.newCustomers]).toEqual([expected.sales + 1, expected.revenue.amountMinor + 250, expected.newCustomers + 1]);
  });

  it("a TIME_ZONE that cannot be bucketed in hours stops the start with the reason", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cz-lh-"));
    const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dir, LOG_LEVEL: "silent", TIME_ZONE: "Australia/Lord_Howe" });
    await expect(buildApp(config)).rejects.toThrow(/TIME_ZONE: Australia\/Lord_Howe changes its UTC offset by less than an hour/);
    rmSync(dir, { recursive: true, force: true });
    expect(() => loadConfig({ TIME_ZONE: "Mars/Olympus" })).toThrow(/TIME_ZONE: "Mars\/Olympus" is not an IANA time zone/);
  });
});

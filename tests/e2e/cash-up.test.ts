// The cash-up and the Transactions totals in Chromium: the figures on screen equal a plain
// SQL aggregate of the same sales, days are the shop's (America/New_York here, so a sale at
// 04:59 UTC is the day before), staff see their own sales only, and on a phone the tables
// are cards. Desktop and phone screenshots.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { sqlDate } from "../../api/db/sql-date.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { launch, phone, shot, signIn, skipReason } from "./browser.js";

const ZONE = "America/New_York";
const money = (minor: number) => `GHS ${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;

describe.skipIf(skipReason !== null)("cash-up and transaction totals", () => {
  let server: TestServer;
  let browser: Browser;
  const manager = { username: "owner-efua", password: "password-123" };
  const staff = { username: "counter-kojo", password: "password-123" };
  const ids: Record<string, string> = {};

  /** Sum of the sales that took money between two instants, by plain SQL. */
  function sqlTotals(from: string, to: string, soldById?: string) {
    const [r] = server.app.services.reader.read<{ n: number; gross: number; refunded: number }>(
      `SELECT count(*) AS n, coalesce(sum(amountMinor), 0) AS gross, coalesce(sum(refundedMinor), 0) AS refunded FROM "Transaction"
       WHERE status IN ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED') AND createdAt >= ? AND createdAt < ? ${soldById ? "AND soldById = ?" : ""}`,
      [sqlDate(new Date(from)), sqlDate(new Date(to)), ...(soldById ? [soldById] : [])],
    );
    return r!;
  }

  beforeAll(async () => {
    server = await startTestServer({ env: { TIME_ZONE: ZONE } });
    browser = await launch();
    const auth = { token: server.adminToken };
    for (const [u, role] of [[manager, "MANAGER"], [staff, "STAFF"]] as const) {
      const r = await server.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { ...u, role } }, auth);
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      ids[u.username] = Buffer.from(r.data.createUser.id, "base64").toString().split(":")[1]!;
    }
    const a = await server.gql(`mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`, { input: { name: "Day pass 1 GB", priceMinor: 500, dataLimitMb: 1024 } }, auth);
    const allocationId = Buffer.from(a.data.createAllocation.id, "base64").toString().split(":")[1]!;
    const kojo = ids[staff.username]!;
    const efua = ids[manager.username]!;
    const sales = [
      { at: "2026-03-02T04:59:00Z", soldById: kojo, provider: "cash", amountMinor: 500 }, // 1 Mar, 23:59 in New York
      { at: "2026-03-02T05:00:00Z", soldById: kojo, provider: "cash", amountMinor: 500 }, // 2 Mar, 00:00
      { at: "2026-03-02T15:10:00Z", soldById: kojo, provider: "cash", amountMinor: 1000 },
      { at: "2026-03-02T16:00:00Z", soldById: efua, provider: "cash", amountMinor: 2500, refundedMinor: 500, status: "PARTIALLY_REFUNDED" },
      { at: "2026-03-02T18:30:00Z", soldById: null, provider: "paystack", amountMinor: 1250 },
      { at: "2026-03-03T13:00:00Z", soldById: null, provider: "paystack", amountMinor: 2000, refundedMinor: 2000, status: "REFUNDED" },
      { at: "2026-03-03T14:00:00Z", soldById: kojo, provider: "cash", amountMinor: 750 },
      { at: "2026-03-03T14:30:00Z", soldById: null, provider: "paystack", amountMinor: 9900, status: "FAILED" },
    ];
    await server.app.services.prisma.transaction.createMany({
      data: sales.map((s, i) => ({
        reference: `CZ-E2E-CU-${i}`,
        fullName: ["Ama Mensah", "Kofi Boateng", "Akosua Owusu"][i % 3]!,
        phoneNumber: `024555010${i}`,
        allocationId,
        amountMinor: s.amountMinor,
        refundedMinor: s.refundedMinor ?? 0,
        status: (s.status ?? "PAID") as "PAID",
        provider: s.provider,
        soldById: s.soldById,
        createdAt: new Date(s.at),
      })),
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function figures(page: Page, scope: string) {
    const text = async (k: string) => (await page.locator(`${scope} [data-total="${k}"]`).innerText()).trim();
    return { count: await text("count"), gross: await text("gross"), refunded: await text("refunded"), net: await text("net") };
  }

  it("shows the cash-up per day, staff and payment method as SQL counts it", async () => {
    const problems: string[] = [];
    const { context, page } = await signIn(browser, server.url, manager, problems);
    await page.goto(`${server.url}/transactions/cash-up?from=2026-03-01&to=2026-03-03`);
    await page.locator('tbody.day[data-day="2026-03-03"]').waitFor();
    // New York days: 1 Mar 05:00Z .. 4 Mar 05:00Z.
    const all = sqlTotals("2026-03-01T05:00:00Z", "2026-03-04T05:00:00Z");
    expect(await figures(page, "section.summary")).toEqual({
      count: String(all.n), gross: money(all.gross), refunded: money(all.refunded), net: money(all.gross - all.refunded),
    });
    for (const [day, from, to] of [["2026-03-01", "2026-03-01T05:00:00Z", "2026-03-02T05:00:00Z"], ["2026-03-02", "2026-03-02T05:00:00Z", "2026-03-03T05:00:00Z"], ["2026-03-03", "2026-03-03T05:00:00Z", "2026-03-04T05:00:00Z"]] as const) {
      const want = sqlTotals(from, to);
      expect(await page.locator(`tbody.day[data-day="${day}"] [data-day-net]`).innerText()).toBe(money(want.gross - want.refunded));
    }
    const staffRow = page.locator('table[data-breakdown="Staff"] tr', { hasText: staff.username });
    const kojo = sqlTotals("2026-03-01T05:00:00Z", "2026-03-04T05:00:00Z", ids[staff.username]);
    expect(await staffRow.locator("td").last().innerText()).toBe(money(kojo.gross - kojo.refunded));
    await page.locator('table[data-breakdown="Payment"] tr', { hasText: "Mobile money (Paystack)" }).waitFor();
    await page.locator('table[data-breakdown="Staff"] tr', { hasText: "Online (customer paid)" }).waitFor();
    await shot(page, "cash-up-desktop");
    const csv = await page.locator('a:has-text("Export CSV")').getAttribute("href");
    expect(csv).toBe("/exports/cash-up.csv?from=2026-03-01&to=2026-03-03");
    // A quick range: today has no sales.
    await page.click('button:has-text("Today")');
    await page.locator("text=No sales took money in these days.").waitFor();

    // The Transactions page: totals of the filtered view, whatever page is shown.
    await page.goto(`${server.url}/transactions?status=PAID&status=PARTIALLY_REFUNDED&status=REFUNDED`);
    await page.locator("[data-totals] [data-total=net]", { hasText: "GHS" }).waitFor();
    const [t] = server.app.services.reader.read<{ n: number; gross: number; refunded: number }>(
      `SELECT count(*) AS n, sum(amountMinor) AS gross, sum(refundedMinor) AS refunded FROM "Transaction" WHERE status IN ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')`,
      [],
    );
    expect(await figures(page, "[data-totals]")).toEqual({ count: String(t!.n), gross: money(t!.gross), refunded: money(t!.refunded), net: money(t!.gross - t!.refunded) });
    await shot(page, "transactions-totals-desktop");
    await context.close();

    // On a phone: the tables are cards, nothing wider than the screen.
    const p = (await signIn(browser, server.url, manager, problems, phone)).page;
    await p.goto(`${server.url}/transactions/cash-up?from=2026-03-01&to=2026-03-03`);
    await p.locator('tbody.day[data-day="2026-03-03"]').waitFor();
    expect(await p.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    expect(await p.evaluate(`getComputedStyle(document.querySelector('table[data-breakdown="Staff"] thead')).display`)).toBe("none");
    await shot(p, "cash-up-phone");
    await p.goto(`${server.url}/transactions`);
    await p.locator("[data-totals] [data-total=net]", { hasText: "GHS" }).waitFor();
    await shot(p, "transactions-totals-phone");
    await p.context().close();
    expect(problems).toEqual([]);
  }, 120_000);

  it("shows a member of staff their own sales only, and no shop takings on Transactions", async () => {
    const problems: string[] = [];
    const { context, page } = await signIn(browser, server.url, staff, problems);
    await page.goto(`${server.url}/transactions/cash-up?from=2026-03-01&to=2026-03-03`);
    await page.locator('tbody.day[data-day="2026-03-03"]').waitFor();
    const own = sqlTotals("2026-03-01T05:00:00Z", "2026-03-04T05:00:00Z", ids[staff.username]);
    expect((await figures(page, "section.summary")).net).toBe(money(own.gross - own.refunded));
    expect(await page.locator("text=Online (customer paid)").count()).toBe(0);
    expect(await page.locator('a:has-text("Export CSV")').count()).toBe(0);
    await shot(page, "cash-up-staff-desktop");
    await page.goto(`${server.url}/transactions`);
    await page.locator("[data-totals] [data-total=count]", { hasText: "8" }).waitFor();
    expect(await page.locator("[data-totals] [data-total=gross]").count()).toBe(0);
    await context.close();
    expect(problems).toEqual([]);
  }, 60_000);
});

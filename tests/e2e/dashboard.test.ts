// The dashboard page in Chromium: with a month of sales behind it, the charts render
// (screenshots on a desktop and a 390x844 phone), staff see no money, and a sale made
// through the API moves the figures on the open page without a reload.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type Database from "better-sqlite3";
import { ADMIN, startTestServer, type TestServer } from "../helpers/server.js";
import { launch, phone, shot, signIn, skipReason, waitForExpression } from "./browser.js";

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** A month of sales by raw SQL (the triggers keep the figures), busier at midday and in the evening. */
function seedHistory(db: Database.Database, bundles: { id: string; price: number }[]) {
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const insert = db.prepare(
    `INSERT INTO "Transaction" (id, reference, "fullName", "phoneNumber", "allocationId", "amountMinor", status, provider, "refundedMinor", "createdAt", "updatedAt")
     VALUES (?, ?, 'Customer', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = Date.now();
  for (let i = 0; i < 600; i++) {
    const day = Math.floor(random() * 30);
    const hour = [8, 10, 12, 12, 13, 17, 18, 19, 19, 20, 21][Math.floor(random() * 11)]!;
    const at = now - day * 86_400_000 - ((now / 3_600_000) % 24 - hour) * 3_600_000 - random() * 3_000_000;
    if (at > now) continue;
    const b = bundles[Math.floor(random() ** 1.6 * bundles.length)]!;
    const refunded = random() < 0.04;
    insert.run(`h${i}`, `CZ-H${i}`, `024${String(1000000 + Math.floor(random() * 150)).slice(0, 7)}`, b.id, b.price,
      refunded ? "REFUNDED" : "PAID", random() < 0.3 ? "cash" : "paystack", refunded ? b.price : 0, iso(at), iso(at));
  }
}

describe.skipIf(skipReason !== null)("dashboard page in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let liveBundle: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    const bundles: { id: string; price: number }[] = [];
    for (const [name, price, vouchers] of [["1 GB day", 500, 40], ["300 MB hour", 150, 6], ["5 GB week", 2000, 25]] as const) {
      const r = await server.gql(`mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`, { input: { name, priceMinor: price, dataLimitMb: 300 } }, { token: server.adminToken });
      const id = r.data.createAllocation.id as string;
      await server.gql(`mutation($id: ID!, $n: Int!) { generateVouchers(input: {allocationId: $id, count: $n}) { __typename } }`, { id, n: vouchers }, { token: server.adminToken });
      bundles.push({ id: Buffer.from(id, "base64").toString().split(":")[1]!, price });
      if (!liveBundle) liveBundle = id;
    }
    await server.app.services.db.exclusive((db) => seedHistory(db, bundles));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const salesValue = `document.querySelector('[data-kpi="Sales"] .value')?.textContent?.trim()`;

  it("renders its charts and follows a sale made through the API", async () => {
    const problems: string[] = [];
    const { page } = await signIn(browser, server.url, ADMIN, problems);
    await page.locator('[data-chart="Revenue"] path.lc-area-path').first().waitFor();
    await page.locator('[data-chart="Sales"] .lc-bar, [data-chart="Sales"] rect').first().waitFor();
    await page.locator("h2", { hasText: "Voucher stock" }).waitFor();
    await page.locator("tr.warn").first().waitFor(); // the small bundle runs out within days
    await page.click('button:has-text("30 days")');
    await page.locator('[data-chart="Revenue"] path.lc-area-path').first().waitFor();
    await shot(page, "dashboard-desktop");

    const before = Number(((await page.evaluate(salesValue)) as string).replace(/,/g, ""));
    const r = await server.gql(
      `mutation($id: ID!) { purchase(input: {allocationId: $id, fullName: "Live buyer", phoneNumber: "0209998877", idempotencyKey: "e2e-live"}) { transaction { status } } }`,
      { id: liveBundle },
    );
    expect(r.data?.purchase.transaction.status, JSON.stringify(r.errors)).toBe("PAID");
    await waitForExpression(page, `Number((${salesValue} || '').replace(/,/g, '')) === ${before + 1}`);
    expect(problems).toEqual([]);
  });

  it("fits a phone, and shows staff counts without money", async () => {
    const problems: string[] = [];
    const staffToken = await server.tokenFor("STAFF");
    expect(staffToken).toBeTruthy();
    const { page } = await signIn(browser, server.url, ADMIN, problems, phone);
    await page.locator('[data-chart="Revenue"] path.lc-area-path').first().waitFor();
    const overflow = await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, "dashboard-phone");

    const username = `stafftv${Date.now() % 100000}`;
    await server.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { username, password: "password-123", role: "STAFF" } }, { token: server.adminToken });
    const staff = await signIn(browser, server.url, { username, password: "password-123" }, problems);
    await staff.page.locator('[data-chart="Sales"] path.lc-area-path').first().waitFor();
    expect(await staff.page.locator('[data-kpi="Revenue"]').count()).toBe(0);
    expect(await staff.page.locator("text=GHS").count()).toBe(0);
    await shot(staff.page, "dashboard-staff");
    expect(problems).toEqual([]);
  });
});

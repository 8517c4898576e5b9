// Every admin page on a 390x844 phone and on a desktop, over a shop with real-looking data:
// list pages show their rows as cards (no table scrolling sideways), the filters fold into a
// drawer, nothing on any page is wider than the screen. Screenshots of every page at both
// sizes go to test-results/screenshots/layout-<page>-<size>.png (look at them).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ADMIN, startTestServer, type TestServer } from "../helpers/server.js";
import { desktop, launch, phone, screenshotDir, signIn, skipReason } from "./browser.js";

const listPages: [string, string][] = [
  ["transactions", "/transactions"],
  ["vouchers", "/vouchers"],
  ["allocations", "/allocations"],
  ["refunds", "/refunds"],
  ["users", "/users"],
];
const otherPages: [string, string][] = [
  ["dashboard", "/"],
  ["logs", "/logs"],
  ["routers", "/routers"],
  ["backups", "/backups"],
];

describe.skipIf(skipReason !== null)("every page on a phone and a desktop", () => {
  let server: TestServer;
  let browser: Browser;
  let batchId = "";
  let transactionId = "";
  let voucherId = "";

  beforeAll(async () => {
    server = await startTestServer({ env: { HOTSPOT_LOGIN_URL: "http://hotspot.chillzone.test/login" } });
    browser = await launch();
    const auth = { token: server.adminToken };
    const ok = async (query: string, variables: Record<string, unknown>, a: typeof auth | {} = auth) => {
      const r = await server.gql(query, variables, a);
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      return r.data;
    };
    const bundles = [
      { name: "Quick 500 MB", priceMinor: 200, dataLimitMb: 500, uptimeLimit: "1h", validityHours: 24 },
      { name: "Weekly 1 GB", priceMinor: 500, dataLimitMb: 1024, uptimeLimit: "2h", validityHours: 168 },
      { name: "Night unlimited", priceMinor: 1000, validityHours: 12, sharedUsers: 2 },
    ];
    const ids: string[] = [];
    for (const input of bundles) {
      const d = await ok(`mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`, { input });
      ids.push(d.createAllocation.id);
      await ok(`mutation($input: GenerateVouchersInput!) { generateVouchers(input: $input) { count } }`, { input: { allocationId: d.createAllocation.id, count: 12 } });
    }
    const buyers = [
      ["Akosua Mensah-Bonsu", "0244123456"],
      ["Kwame Owusu", "0201234567"],
      ["Efua Boateng", "0551230000"], // ends 0000: the sandbox declines it
      ["Yaw Asante", "0269879999"], // ends 9999: stays pending
      ["Abena Darko", "0277001122"],
    ];
    for (const [i, [fullName, phoneNumber]] of buyers.entries()) {
      // Declined ones answer with an error and stay in the list as FAILED.
      const r = await server.gql(`mutation($input: PurchaseInput!) { purchase(input: $input) { transaction { id status voucher { id } } } }`, {
        input: { allocationId: ids[i % 2], fullName, phoneNumber, idempotencyKey: randomUUID() },
      });
      const d = r.data;
      if (!transactionId && d?.purchase.transaction.voucher) {
        transactionId = d.purchase.transaction.id;
        voucherId = d.purchase.transaction.voucher.id;
      }
    }
    await ok(`mutation($input: RequestRefundInput!) { requestRefund(input: $input) { id } }`, {
      input: { transactionId, reason: "The voucher did not connect at the shop, customer asked for the money back.", idempotencyKey: randomUUID() },
    });
    const batch = await ok(`mutation($input: PrintVouchersInput!) { printVouchers(input: $input) { id } }`, { input: { allocationId: ids[2], count: 6 } });
    batchId = batch.printVouchers.id;
    await ok(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { username: "counter-ama", password: "password-123", role: "STAFF", email: "ama@chillzone.test", phoneNumber: "0244000111" },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Wider than the screen anywhere means something scrolls sideways. */
  const overflow = (page: Page) => page.evaluate(`document.documentElement.scrollWidth - window.innerWidth`) as Promise<number>;

  /** The top of the page (two screens at most: long lists would make an unreadable strip). */
  async function shot(page: Page, name: string, fullPage = true) {
    const { width, height } = page.viewportSize()!;
    const tall = (await page.evaluate(`document.documentElement.scrollHeight`)) as number;
    await page.waitForTimeout(250);
    await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage, clip: fullPage ? { x: 0, y: 0, width, height: Math.min(tall, height * 2) } : undefined });
  }

  async function visit(page: Page, path: string, ready: string) {
    await page.goto(`${server.url}${path}`);
    await page.locator(ready).first().waitFor();
  }

  it("shows list rows as cards on a phone, filters in a drawer, and nothing wider than the screen", async () => {
    const problems: string[] = [];
    const { context: desk, page: deskPage } = await signIn(browser, server.url, ADMIN, problems, desktop);
    const { context: mobile, page } = await signIn(browser, server.url, ADMIN, problems, phone);
    for (const [name, path] of listPages) {
      for (const [size, p] of [["desktop", deskPage], ["phone", page]] as const) {
        await visit(p, path, "table.table tbody tr:not(.skeleton)");
        await shot(p, `layout-${name}-${size}`);
      }
      // On the phone the header row is gone and each row stands alone as a card.
      expect(await page.locator("table.table thead").first().isVisible(), `${name}: table header hidden`).toBe(false);
      const card = page.locator("table.table tbody tr").first();
      expect(await card.evaluate((tr) => getComputedStyle(tr).display), `${name}: rows are cards`).not.toBe("table-row");
      expect(await overflow(page), `${name} wider than the phone`).toBeLessThanOrEqual(0);
      expect(await deskPage.locator("table.table thead").first().isVisible(), `${name}: desktop keeps the table`).toBe(true);
    }

    // Filters fold into a drawer on the phone and open from their button.
    await visit(page, "/transactions", "table.table tbody tr:not(.skeleton)");
    const filters = page.locator(".filter-bar .folded").first();
    expect(await filters.isVisible()).toBe(false);
    await page.locator('button:has-text("Filters")').click();
    await filters.waitFor({ state: "visible" });
    await page.locator('.filter-bar label:has-text("From") input').waitFor();
    await shot(page, "layout-transactions-filters-phone", false);
    await page.locator('.filter-bar button:has-text("Show results")').click();
    await filters.waitFor({ state: "hidden" });

    for (const [name, path] of otherPages) {
      for (const [size, p] of [["desktop", deskPage], ["phone", page]] as const) {
        await visit(p, path, "h1");
        await p.waitForLoadState("networkidle", { timeout: 3000 }).catch(() => undefined);
        await shot(p, `layout-${name}-${size}`);
      }
      expect(await overflow(page), `${name} wider than the phone`).toBeLessThanOrEqual(0);
    }

    const details: [string, string, string][] = [
      ["transaction-detail", `/transactions/${encodeURIComponent(transactionId)}`, "h1"],
      ["voucher-detail", `/vouchers/${encodeURIComponent(voucherId)}`, "h1"],
      ["print", `/vouchers/print?batch=${encodeURIComponent(batchId)}`, ".sheet .voucher"],
    ];
    for (const [name, path, ready] of details) {
      for (const [size, p] of [["desktop", deskPage], ["phone", page]] as const) {
        await visit(p, path, ready);
        await shot(p, `layout-${name}-${size}`);
      }
      expect(await overflow(page), `${name} wider than the phone`).toBeLessThanOrEqual(0);
    }
    // The print preview's sheet fits the phone's width.
    const sheet = await page.locator(".sheet").first().boundingBox();
    expect(sheet && sheet.x >= 0 && sheet.x + sheet.width <= 390).toBe(true);

    // The same plain words for a bundle on the print cards, the admin and /buy.
    await visit(deskPage, `/vouchers/print?batch=${encodeURIComponent(batchId)}`, ".sheet .voucher");
    expect(await deskPage.locator(".sheet .voucher").first().innerText()).toContain("Unlimited data · valid 12 hours");
    await visit(deskPage, "/allocations", "table.table tbody tr:not(.skeleton)");
    const weekly = await deskPage.locator("tbody tr", { hasText: "Weekly 1 GB" }).innerText();
    expect(weekly).toContain("1 GB · valid 7 days · 2 h online time");
    expect(weekly).toContain("5_GHS__1GB");
    // An unsold voucher has no expiry yet: the column is empty, never "Created …".
    await visit(deskPage, "/vouchers?status=AVAILABLE", "table.table tbody tr:not(.skeleton)");
    expect(await deskPage.locator("tbody").innerText()).not.toContain("Created");

    // A refused field is marked on the field itself, with the server's or the form's words.
    await visit(deskPage, "/users", "table.table tbody tr:not(.skeleton)");
    await deskPage.click('button:has-text("New user")');
    await deskPage.locator('#user-form label:has-text("Username") input').fill("counter-ama");
    await deskPage.locator('#user-form label:has-text("Password") input').fill("short");
    await deskPage.click('button:has-text("Create user")');
    await deskPage.locator("#user-password-error").waitFor();
    expect(await deskPage.locator('#user-form label:has-text("Password") input').getAttribute("aria-invalid")).toBe("true");
    await deskPage.locator('#user-form label:has-text("Password") input').fill("password-456");
    await deskPage.locator('#user-form label:has-text("Phone") input').fill("+233 24 400 0999");
    await deskPage.click('button:has-text("Create user")');
    // The username is taken: the server names the field (extensions.field), the form marks it.
    await deskPage.locator("#user-username-error", { hasText: "is taken" }).waitFor();
    expect(await deskPage.locator('#user-form label:has-text("Username") input').getAttribute("aria-invalid")).toBe("true");
    await shot(deskPage, "layout-user-form-errors-desktop", false);
    await deskPage.keyboard.press("Escape");

    const buyer = await browser.newContext(phone);
    const buy = await buyer.newPage();
    await buy.goto(`${server.url}/buy`);
    await buy.locator("text=Quick 500 MB").first().waitFor();
    expect(await buy.locator("button", { hasText: "Quick 500 MB" }).innerText()).toContain("Valid 1 day · 1 h online time");
    await shot(buy, "layout-buy-phone");
    expect(await overflow(buy)).toBeLessThanOrEqual(0);
    await buyer.close();

    await desk.close();
    await mobile.close();
    assert.deepEqual(problems, []);
  }, 180_000);
});

// The Settings page in Chromium: an admin changes the shop name and the cards per A4 page,
// sees "Saved" and which values are the environment's defaults, and the change reaches
// appInfo, the print page (cards per sheet, the name on each card) and /buy; "Use default"
// puts a value back; a refused value shows under its field; staff get no Settings link.
// Desktop and phone (390 x 844) screenshots.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startTestServer, ADMIN, type TestServer } from "../helpers/server.js";
import { launch, phone, shot, signIn, skipReason } from "./browser.js";

describe.skipIf(skipReason !== null)("settings", () => {
  let server: TestServer;
  let browser: Browser;
  let batchId: string;
  const staff = { username: "counter-yaw", password: "password-123" };

  const appInfo = async () => (await server.gql(`query { appInfo { shopName cardsPerPage hotspotLoginUrl } }`)).data.appInfo;

  beforeAll(async () => {
    server = await startTestServer({ env: { SHOP_NAME: "Env Shop", HOTSPOT_LOGIN_URL: "http://10.0.0.1/login" } });
    browser = await launch();
    const auth = { token: server.adminToken };
    const a = await server.gql(`mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`, { input: { name: "Hour 500 MB", priceMinor: 200, dataLimitMb: 500 } }, auth);
    assert.equal(a.errors, undefined, JSON.stringify(a.errors));
    const allocationId = a.data.createAllocation.id;
    const g = await server.gql(`mutation($input: GenerateVouchersInput!) { generateVouchers(input: $input) { count } }`, { input: { allocationId, count: 10 } }, auth);
    assert.equal(g.errors, undefined, JSON.stringify(g.errors));
    const p = await server.gql(`mutation($input: PrintVouchersInput!) { printVouchers(input: $input) { id } }`, { input: { allocationId, count: 10 } }, auth);
    assert.equal(p.errors, undefined, JSON.stringify(p.errors));
    batchId = p.data.printVouchers.id;
    const u = await server.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { ...staff, role: "STAFF" } }, auth);
    assert.equal(u.errors, undefined, JSON.stringify(u.errors));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("changes the shop name and cards per page; appInfo, the print page and /buy follow; Use default resets", async () => {
    const problems: string[] = [];
    const { context, page } = await signIn(browser, server.url, ADMIN, problems);
    await page.click('nav a:has-text("Settings")');
    await page.waitForURL(`${server.url}/settings`);
    await page.locator("#setting-shopName").waitFor();
    expect(await page.inputValue("#setting-shopName")).toBe("Env Shop");
    expect(await page.locator(".badge", { hasText: "Default" }).count()).toBe(6);
    await page.locator("text=from the server's environment (SHOP_NAME)").waitFor();

    // The print page before: 21 to a sheet, so 10 cards on one.
    await page.goto(`${server.url}/vouchers/print?batch=${encodeURIComponent(batchId)}`);
    await page.locator(".sheet .voucher").nth(9).waitFor();
    expect(await page.locator(".sheet").count()).toBe(1);

    await page.goto(`${server.url}/settings`);
    await page.locator("#setting-shopName").waitFor();
    await page.fill("#setting-shopName", "Kofi's Corner Wi-Fi");
    await page.selectOption("#setting-cardsPerPage", "4");
    // A value the server refuses (a password in the link) is shown under its field, and nothing is saved.
    await page.fill("#setting-hotspotLoginUrl", "http://user:secret@10.0.0.1/login");
    await page.click('button:has-text("Save")');
    await page.locator("#hotspotLoginUrl-error", { hasText: "may not carry a user name or password" }).waitFor();
    expect(await appInfo()).toEqual({ shopName: "Env Shop", cardsPerPage: 21, hotspotLoginUrl: "http://10.0.0.1/login" });
    // A value the form itself refuses.
    await page.fill("#setting-hotspotLoginUrl", "http://10.0.0.1/login");
    await page.fill("#setting-smsSender", "Kofi Corner WiFi");
    await page.click('button:has-text("Save")');
    await page.locator("#smsSender-error", { hasText: "11 letters and digits" }).waitFor();
    await shot(page, "settings-errors-desktop");
    await page.fill("#setting-smsSender", "Chillzone");

    await page.click('button:has-text("Save")');
    await page.locator(".toast", { hasText: "Saved" }).first().waitFor();
    expect(await appInfo()).toEqual({ shopName: "Kofi's Corner Wi-Fi", cardsPerPage: 4, hotspotLoginUrl: "http://10.0.0.1/login" });
    expect(await page.locator(".badge", { hasText: "Changed here" }).count()).toBe(2);
    expect(await page.locator(".badge", { hasText: "Default" }).count()).toBe(4); // the untouched ones stay defaults
    await page.locator("text=default: Env Shop").waitFor();
    await shot(page, "settings-desktop");

    // The print page: 4 to a sheet (3 sheets for 10 cards), the shop's name on every card.
    await page.click('nav a:has-text("Vouchers")');
    await page.goto(`${server.url}/vouchers/print?batch=${encodeURIComponent(batchId)}`);
    await page.locator(".sheet .voucher").nth(9).waitFor();
    expect(await page.locator(".sheet").count()).toBe(3);
    expect(await page.locator(".sheet").first().locator(".voucher").count()).toBe(4);
    expect(await page.locator(".sheet").last().locator(".voucher").count()).toBe(2);
    expect(await page.locator(".voucher .brand", { hasText: "Kofi's Corner Wi-Fi" }).count()).toBe(10);
    await shot(page, "settings-print-4-per-page", false);

    // /buy shows the name.
    const buy = await context.newPage();
    await buy.goto(`${server.url}/buy`);
    await buy.locator(".brand", { hasText: "Kofi's Corner Wi-Fi" }).waitFor();
    await buy.close();

    // Use default: the environment's name again.
    await page.goto(`${server.url}/settings`);
    await page.locator('[data-testid="default-shopName"]').click();
    await page.locator(".toast", { hasText: "shop name is the default again" }).waitFor();
    expect(await page.inputValue("#setting-shopName")).toBe("Env Shop");
    expect(await appInfo()).toMatchObject({ shopName: "Env Shop", cardsPerPage: 4 });
    await context.close();

    // The log says what changed, in words.
    const log = await server.gql(`query { logs(first: 5, filter: { kinds: [SYSTEM], model: "ShopSetting" }) { edges { node { message } } } }`, {}, { token: server.adminToken });
    expect(log.data.logs.edges.map((e: { node: { message: string } }) => e.node.message)).toEqual(["Settings changed: shop name", "Settings changed: shop name, cards per page"]);
    expect(problems).toEqual([]);
  }, 120_000);

  it("fits a phone, and staff see no Settings", async () => {
    const problems: string[] = [];
    const p = (await signIn(browser, server.url, ADMIN, problems, phone)).page;
    await p.goto(`${server.url}/settings`);
    await p.locator("#setting-shopName").waitFor();
    expect(await p.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await shot(p, "settings-phone");
    await p.context().close();

    const s = await signIn(browser, server.url, staff, problems);
    expect(await s.page.locator('nav a:has-text("Settings")').count()).toBe(0);
    await s.page.goto(`${server.url}/settings`);
    await s.page.locator("text=Only an administrator can change the shop's settings.").waitFor();
    await s.context.close();
    expect(problems).toEqual([]);
  }, 60_000);
});

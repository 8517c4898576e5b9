// The public buy page on a phone, then the sale in the admin: a buyer pays for a bundle
// (sandbox provider) and sees the voucher's username and password; an admin finds the sale
// on the Transactions page as Paid, in a table that fits a 1280px window.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ADMIN, startTestServer, type TestServer } from "../helpers/server.js";
import { launch, phone, shot, signIn, skipReason, watch } from "./browser.js";

describe.skipIf(skipReason !== null)("buy page on a phone, then the sale in the admin", () => {
  let server: TestServer;
  let browser: Browser;
  const bundleName = "Weekend Unlimited Streaming Bundle";

  beforeAll(async () => {
    server = await startTestServer({ env: { HOTSPOT_LOGIN_URL: "http://hotspot.chillzone.test/login" } });
    browser = await launch();
    // Seed through the API: a bundle with a pool of vouchers to sell.
    const auth = { token: server.adminToken };
    const created = await server.gql(
      `mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`,
      { input: { name: bundleName, priceMinor: 1250, dataLimitMb: 5120, uptimeLimit: "1d", validityHours: 48 } },
      auth,
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const generated = await server.gql(
      `mutation($input: GenerateVouchersInput!) { generateVouchers(input: $input) { count } }`,
      { input: { allocationId: created.data.createAllocation.id, count: 5 } },
      auth,
    );
    assert.equal(generated.data?.generateVouchers.count, 5, JSON.stringify(generated.errors));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("sells a voucher on /buy and lists the sale as Paid", async () => {
    const problems: string[] = [];
    const buyerContext = await browser.newContext(phone);
    const buyer = watch(await buyerContext.newPage(), "buyer", problems);
    await buyer.goto(`${server.url}/buy`);
    await buyer.locator("button.bundle", { hasText: bundleName }).click();
    await buyer.fill('input[autocomplete="name"]', "Nana Akosua Boatemaa Agyeman-Prempeh");
    await buyer.fill('input[type="tel"]', "024 555 0199");
    await shot(buyer, "buy-phone-filled");
    await buyer.click('button:has-text("Pay GHS 12.50")');
    await buyer.locator("text=Payment received").waitFor({ timeout: 15_000 });

    const reference = (await buyer.locator(".ref strong").innerText()).trim();
    const [username, password] = (await buyer.locator(".cred strong").allInnerTexts()).map((t) => t.trim());
    expect(reference).toMatch(/^CZ-/);
    expect(username).toMatch(/\S/);
    expect(password).toMatch(/\S/);
    expect(password).not.toBe("—");
    await buyer.locator('a:has-text("Connect now")').waitFor();
    // Nothing on the phone page is wider than the screen.
    expect(await buyer.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await shot(buyer, "buy-phone-paid");
    await buyerContext.close();

    // The credentials shown are the voucher the server sold on this sale.
    const sale = await server.gql(
      `query($ref: String!) { transactionByReference(reference: $ref) { status voucher { username password } } }`,
      { ref: reference },
      { token: server.adminToken },
    );
    expect(sale.data.transactionByReference).toEqual({ status: "PAID", voucher: { username, password } });

    const { page } = await signIn(browser, server.url, ADMIN, problems, { viewport: { width: 1280, height: 860 } });
    await page.locator("nav >> text=Transactions").click();
    const row = page.locator("tbody tr", { hasText: reference });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain("Paid");
    expect(text).toContain("GHS 12.50");
    expect(text).toContain(username);
    // The whole table fits a 1280px window: no sideways scrolling, the voucher column included.
    const fit = (await page.evaluate(
      `(() => { const w = document.querySelector('.table-wrap'); return { scroll: w.scrollWidth, client: w.clientWidth }; })()`,
    )) as { scroll: number; client: number };
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    await shot(page, "buy-transactions-1280");

    await row.click();
    await page.locator("h1", { hasText: reference }).waitFor();
    await page.locator("text=No refunds for this sale.").waitFor();
    await shot(page, "buy-transaction-detail");
    assert.deepEqual(problems, []);
  }, 90_000);
});

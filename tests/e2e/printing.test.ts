// Printed cards never reach an online buyer: a member of staff prints a batch on the print
// page, online purchases then sell only the vouchers left, and a printed card is sold at the
// counter from the Vouchers page. Desktop and phone screenshots of the pages involved.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { launch, phone, shot, signIn, skipReason, watch } from "./browser.js";

describe.skipIf(skipReason !== null)("printing cards vs online sales", () => {
  let server: TestServer;
  let browser: Browser;
  let allocationId: string;
  const bundleName = "Evening 2 GB";
  const staff = { username: "counter-ama", password: "password-123" };

  beforeAll(async () => {
    server = await startTestServer({ env: { HOTSPOT_LOGIN_URL: "http://hotspot.chillzone.test/login", SANDBOX_MODE: "succeed" } });
    browser = await launch();
    const auth = { token: server.adminToken };
    const created = await server.gql(
      `mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`,
      { input: { name: bundleName, priceMinor: 500, dataLimitMb: 2048, uptimeLimit: "3h", validityHours: 24 } },
      auth,
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    allocationId = created.data.createAllocation.id;
    const generated = await server.gql(`mutation($input: GenerateVouchersInput!) { generateVouchers(input: $input) { count } }`, { input: { allocationId, count: 6 } }, auth);
    assert.equal(generated.data?.generateVouchers.count, 6, JSON.stringify(generated.errors));
    const user = await server.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { ...staff, role: "STAFF" } }, auth);
    assert.equal(user.errors, undefined, JSON.stringify(user.errors));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("prints a batch, online buyers get only the rest, and a printed card is sold at the counter", async () => {
    const problems: string[] = [];
    const { context, page } = await signIn(browser, server.url, staff, problems);
    await page.goto(`${server.url}/vouchers/print`);
    await page.locator("text=Nothing printed yet").waitFor();
    await page.selectOption("form.new select", { label: `${bundleName} · GHS 5.00` });
    await page.locator("text=6 free to print").waitFor();
    await page.fill('form.new input[type="number"]', "4");
    await shot(page, "print-new-batch");
    await page.click('button:has-text("Take 4 cards and preview")');
    await page.waitForURL(/\/vouchers\/print\?batch=/);
    await page.locator(".sheet .voucher").nth(3).waitFor();
    expect(await page.locator(".sheet .voucher").count()).toBe(4);
    const printed = (await page.locator(".sheet .voucher .row strong").allInnerTexts()).filter((_, i) => i % 2 === 0);
    expect(printed).toHaveLength(4);
    // Every card has its password and a QR code for the staff member printing it.
    expect(await page.locator(".sheet .voucher .qr").count()).toBe(4);
    await shot(page, "print-batch-desktop");
    const batchUrl = page.url();

    // Online buyers, four of them, for the 2 vouchers left.
    const buys = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        server.gql(`mutation($input: PurchaseInput!) { purchase(input: $input) { transaction { status voucher { username } } } }`, {
          input: { allocationId, fullName: "Yaw Online", phoneNumber: `024555010${i}`, idempotencyKey: randomUUID() },
        }),
      ),
    );
    const soldOnline = buys.filter((r) => r.data?.purchase).map((r) => r.data.purchase.transaction.voucher.username as string);
    expect(soldOnline).toHaveLength(2);
    expect(buys.filter((r) => r.errors?.[0]?.extensions?.code === "SOLD_OUT")).toHaveLength(2);
    for (const u of soldOnline) expect(printed).not.toContain(u);

    // The first card is sold at the counter, typed in capitals as people do.
    await page.goto(`${server.url}/vouchers`);
    await page.locator(".stock li", { hasText: bundleName }).waitFor();
    await page.click('button:has-text("Sell a printed card")');
    await page.fill('input[name="code"]', printed[0]!.toUpperCase());
    await page.fill('input[name="fullName"]', "Abena Walk-in");
    await shot(page, "sell-card-filled");
    await page.click('button:has-text("Record cash sale")');
    await page.locator("text=Sell another card").waitFor();
    await shot(page, "sell-card-done");
    // The same card again: refused, nothing sold.
    await page.click('button:has-text("Sell another card")');
    await page.fill('input[name="code"]', printed[0]!);
    await page.click('button:has-text("Record cash sale")');
    await page.locator("text=it cannot be sold twice").waitFor();
    await page.keyboard.press("Escape");

    const stock = page.locator(".stock li", { hasText: bundleName });
    await expect.poll(() => stock.innerText()).toMatch(/Available\s*0\s*Reserved\s*0\s*Printed\s*3\s*Sold\s*3/);
    await page.selectOption("label.cards select", "printed");
    await page.locator("tbody tr", { hasText: printed[1]! }).waitFor();
    // The printed rows are in the unfiltered list too: wait for the filtered list to replace it.
    await expect.poll(() => page.locator("tbody tr").count()).toBe(4);
    expect(await page.locator("tbody tr", { hasText: "Printed" }).count()).toBe(4);
    await shot(page, "vouchers-printed-desktop");

    await page.goto(`${server.url}/allocations`);
    await page.locator("tbody tr", { hasText: bundleName }).locator("text=Printed").waitFor();
    await shot(page, "allocations-stock-desktop");

    // A reprint shows the 3 unsold cards only, and says why.
    await page.goto(batchUrl);
    await page.locator("text=already sold and not shown again").waitFor();
    expect(await page.locator(".sheet .voucher").count()).toBe(3);
    await context.close();

    // The same pages on a phone: nothing wider than the screen, the cards readable.
    const phoneSession = await signIn(browser, server.url, staff, problems, phone);
    const p = phoneSession.page;
    await p.goto(batchUrl);
    await p.locator(".sheet .voucher").nth(2).waitFor();
    expect(await p.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await shot(p, "print-batch-phone");
    await p.goto(`${server.url}/vouchers/print`);
    await p.locator("text=Recent batches").waitFor();
    await p.locator("text=Print again").waitFor();
    expect(await p.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await shot(p, "print-new-phone");
    await p.goto(`${server.url}/vouchers`);
    await p.locator(".stock li", { hasText: bundleName }).waitFor();
    await shot(p, "vouchers-stock-phone");
    await phoneSession.context.close();
    expect(problems).toEqual([]);
  }, 150_000);
});

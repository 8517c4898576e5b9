// Customer care on a sale's page in Chromium: staff send the voucher SMS again (the
// notifications list grows by one), print a receipt (the shop's words, the voucher login
// for the member of staff who sold it, print CSS hides the screen furniture), and follow
// the other sales to the same number (cards on a phone). Then /buy on a phone: a declined
// payment reads in our words, never the provider's.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ADMIN, startTestServer, type TestServer } from "../helpers/server.js";
import { launch, phone, shot, signIn, skipReason, watch } from "./browser.js";

const DECLINED = "Declined by your mobile money provider. No money was taken. Try again or pay at the counter.";

describe.skipIf(skipReason !== null)("customer care on the transaction page", () => {
  let server: TestServer;
  let browser: Browser;
  const staff = { username: "counter-abena", password: "password-123" };
  const bundleName = "Week 5 GB";
  const number = "0245550111";
  let allocationId = "";
  let cashSale = { id: "", reference: "" };
  const online: { id: string; reference: string }[] = [];

  beforeAll(async () => {
    server = await startTestServer({ env: { TIME_ZONE: "Africa/Accra" } });
    browser = await launch();
    const admin = { token: server.adminToken };
    const u = await server.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { ...staff, role: "STAFF" } }, admin);
    assert.equal(u.errors, undefined, JSON.stringify(u.errors));
    const a = await server.gql(
      `mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`,
      { input: { name: bundleName, priceMinor: 1250, dataLimitMb: 5120, validityHours: 168 } },
      admin,
    );
    allocationId = a.data.createAllocation.id;
    const g = await server.gql(`mutation($input: GenerateVouchersInput!) { generateVouchers(input: $input) { count } }`, { input: { allocationId, count: 6 } }, admin);
    assert.equal(g.data?.generateVouchers.count, 6, JSON.stringify(g.errors));

    // Two earlier online purchases to the number, then a cash sale at the counter by Abena.
    for (let i = 0; i < 2; i++) {
      const r = await server.gql(
        `mutation($input: PurchaseInput!) { purchase(input: $input) { transaction { id reference status } } }`,
        { input: { allocationId, fullName: "Esi Appiah", phoneNumber: number, idempotencyKey: randomUUID() } },
      );
      assert.equal(r.data?.purchase.transaction.status, "PAID", JSON.stringify(r.errors));
      online.push(r.data.purchase.transaction);
    }
    const token = await server.login(staff.username, staff.password);
    const p = await server.gql(
      `mutation($input: PurchaseInput!) { purchase(input: $input) { transaction { id reference } } }`,
      { input: { allocationId, fullName: "Esi Appiah", phoneNumber: number, provider: "cash", idempotencyKey: randomUUID() } },
      { token },
    );
    assert.equal(p.errors, undefined, JSON.stringify(p.errors));
    cashSale = p.data.purchase.transaction;
    const c = await server.gql(`mutation($input: ConfirmPaymentInput!) { confirmPayment(input: $input) { status } }`, { input: { reference: cashSale.reference, providerReference: "R-0042" } }, { token });
    assert.equal(c.data?.confirmPayment.status, "PAID", JSON.stringify(c.errors));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("resends the voucher SMS, prints a receipt and lists the other sales to the number", async () => {
    const problems: string[] = [];
    const { page } = await signIn(browser, server.url, staff, problems);
    await page.goto(`${server.url}/transactions/${encodeURIComponent(cashSale.id)}`);
    await page.locator("h1", { hasText: cashSale.reference }).waitFor();

    // Other sales to this number: the two online ones, not this one, each a link.
    const others = page.locator('[data-testid="other-sales"]');
    for (const o of online) await others.locator("a", { hasText: o.reference }).waitFor();
    expect(await others.locator("a", { hasText: cashSale.reference }).count()).toBe(0);
    expect(await others.locator("tbody tr").count()).toBe(2);

    // Resend: a toast, and the notifications list has one more SMS.
    const notifications = page.locator("section", { has: page.locator("h2", { hasText: "Notifications" }) });
    const smsRows = notifications.locator("tbody tr", { hasText: "SMS" });
    await smsRows.first().waitFor();
    const before = await smsRows.count();
    await page.click('button:has-text("Resend voucher SMS")');
    await page.locator("text=Voucher SMS queued for").waitFor();
    await page.waitForFunction(
      ([n]) => [...document.querySelectorAll("section")].filter((s) => s.querySelector("h2")?.textContent?.includes("Notifications")).flatMap((s) => [...s.querySelectorAll("tbody tr")]).filter((r) => r.textContent?.includes("SMS")).length === n,
      [before + 1],
    );
    await shot(page, "care-detail-resent");
    // A second click within the minute is refused in plain words, and nothing more is queued.
    await page.click('button:has-text("Resend voucher SMS")');
    await page.locator("text=wait").first().waitFor();
    expect(await server.app.services.prisma.outboxMessage.count({ where: { transaction: { reference: cashSale.reference }, channel: "SMS" } })).toBe(before + 1);

    // The receipt.
    await page.click('a:has-text("Print receipt")');
    await page.waitForURL(/\/receipt$/);
    const receipt = page.locator('[data-testid="receipt"]');
    await receipt.waitFor();
    const text = await receipt.innerText();
    const sale = await server.app.services.prisma.transaction.findUniqueOrThrow({ where: { reference: cashSale.reference }, include: { voucher: true } });
    expect(text).toContain(cashSale.reference);
    expect(text).toContain(bundleName);
    expect(text).toContain("5 GB");
    expect(text).toContain("GHS 12.50");
    expect(text).toContain("Cash");
    expect(text).toContain(staff.username); // served by
    expect(text).toContain("Africa/Accra");
    expect(text).toContain(sale.voucher!.username);
    // Passwords follow the API's rule for node(id): staff read them on no sale's page; managers do.
    expect(text).not.toContain(sale.voucher!.password);
    expect(text).toContain("The password was sent to the customer by SMS.");
    await shot(page, "care-receipt");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".toolbar").isVisible()).toBe(false);
    expect(await page.locator(".side").isVisible()).toBe(false);
    expect(await page.locator(".toaster").isVisible()).toBe(false);
    expect(await receipt.isVisible()).toBe(true);
    await shot(page, "care-receipt-print");
    await page.emulateMedia({ media: "screen" });

    // Back, then follow an other sale's link.
    await page.click('a:has-text("Back to the sale")');
    await page.locator("h1", { hasText: cashSale.reference }).waitFor();
    await page.locator('[data-testid="other-sales"] a', { hasText: online[0]!.reference }).click();
    await page.locator("h1", { hasText: online[0]!.reference }).waitFor();
    await page.locator('[data-testid="other-sales"] a', { hasText: cashSale.reference }).waitFor();

    const { page: boss } = await signIn(browser, server.url, ADMIN, problems);
    await boss.goto(`${server.url}/transactions/${encodeURIComponent(cashSale.id)}/receipt`);
    await boss.locator('[data-testid="receipt"]').waitFor();
    expect(await boss.locator('[data-testid="receipt"]').innerText()).toContain(sale.voucher!.password);
    assert.deepEqual(problems, []);
  }, 90_000);

  it("on a phone the other sales are cards", async () => {
    const problems: string[] = [];
    const { page } = await signIn(browser, server.url, staff, problems, phone);
    await page.goto(`${server.url}/transactions/${encodeURIComponent(cashSale.id)}`);
    const others = page.locator('[data-testid="other-sales"]');
    await others.locator("a", { hasText: online[1]!.reference }).waitFor();
    // A card: the header row is hidden and the row is a block, not a table row.
    expect(await others.locator("thead").isVisible()).toBe(false);
    expect(await others.locator("tbody tr").first().evaluate((r) => getComputedStyle(r).display)).not.toBe("table-row");
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await others.scrollIntoViewIfNeeded();
    await shot(page, "care-other-sales-phone");
    assert.deepEqual(problems, []);
  }, 60_000);

  it("/buy: a declined payment reads in our words, on the spot and when looked up", async () => {
    const problems: string[] = [];
    const context = await browser.newContext(phone);
    const buyer = watch(await context.newPage(), "buyer", problems);
    await buyer.goto(`${server.url}/buy`);
    await buyer.locator("button.bundle", { hasText: bundleName }).click();
    await buyer.fill('input[autocomplete="name"]', "Kwame Declined");
    // The sandbox declines numbers ending in 0000.
    await buyer.fill('input[type="tel"]', "024 555 0000");
    await buyer.click('button:has-text("Pay GHS 12.50")');
    await buyer.locator(`text=${DECLINED}`).waitFor();
    expect(await buyer.locator("body").innerText()).not.toContain("sandbox");
    expect(await buyer.locator("body").innerText()).not.toContain("insufficient");
    await shot(buyer, "care-buy-declined");

    const failed = await server.app.services.prisma.transaction.findFirstOrThrow({ where: { phoneNumber: "0245550000" } });
    expect(failed.failureReason).toBe("sandbox: insufficient funds"); // staff keep the provider's reason
    await buyer.goto(`${server.url}/buy?ref=${failed.reference}`);
    await buyer.locator("text=Payment not completed").waitFor();
    await buyer.locator(`text=${DECLINED}`).waitFor();
    expect(await buyer.locator("body").innerText()).not.toContain("sandbox");
    await shot(buyer, "care-buy-declined-lookup");
    await context.close();
    assert.deepEqual(problems, []);
  }, 60_000);
});

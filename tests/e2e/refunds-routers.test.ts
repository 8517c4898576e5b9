// The Refunds and Routers pages in the browser. Refunds: a staff member requests one from
// the sale's page, a manager in another browser context sees it arrive live and approves it,
// the sale ends REFUNDED with its voucher DISABLED (desktop and phone screenshots). Adding
// routers is not served yet, so router rows are written straight to the database; a default
// router is preselected when generating vouchers and shown on the voucher.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ADMIN, startTestServer, type TestServer } from "../helpers/server.js";
import { launch, phone, shot, signIn, skipReason, watch } from "./browser.js";

describe.skipIf(skipReason !== null)("refunds and routers pages in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  let allocationId = "";
  let reference = "";

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    const auth = { token: server.adminToken };
    const created = await server.gql(
      `mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`,
      { input: { name: "Refundable 1 GB", priceMinor: 500, dataLimitMb: 1024 } },
      auth,
    );
    allocationId = created.data.createAllocation.id;
    await server.gql(`mutation($input: GenerateVouchersInput!) { generateVouchers(input: $input) { count } }`, { input: { allocationId, count: 2 } }, auth);
    const sale = await server.gql(
      `mutation($input: PurchaseInput!) { purchase(input: $input) { transaction { reference status } } }`,
      { input: { allocationId, fullName: "Kofi Refund", phoneNumber: "0245550177", idempotencyKey: "refunds-routers-1" } },
    );
    assert.equal(sale.data?.purchase.transaction.status, "PAID", JSON.stringify(sale.errors));
    reference = sale.data.purchase.transaction.reference;
    ({ page } = await signIn(browser, server.url, ADMIN, problems));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const prisma = () => server.app.services.prisma;

  it("Routers: empty state, then a router appears live with its status", async () => {
    await page.locator("nav >> text=Routers").click();
    await page.locator("text=No routers yet").waitFor();
    expect(await page.locator("main").innerText()).toContain("RouterOS integration");
    await shot(page, "routers-empty", false);

    await prisma().router.create({
      data: {
        name: "Main gate", host: "192.168.88.1", username: "chillzone", password: "secret", isDefault: true,
        status: "ONLINE", lastSeenAt: new Date(Date.now() - 60_000), identity: "MikroTik-Gate", version: "7.14.3 (stable)",
      },
    });
    await prisma().router.create({
      data: { name: "Lounge", host: "10.0.0.2", port: 8729, tls: true, username: "api", password: "secret", status: "OFFLINE", lastError: "connect ETIMEDOUT 10.0.0.2:8729" },
    });
    const card = page.locator("section.router", { hasText: "Main gate" });
    await card.waitFor({ timeout: 10_000 });
    const text = await card.innerText();
    expect(text).toContain("Default");
    expect(text).toContain("Online");
    expect(text).toContain("MikroTik-Gate");
    expect(text).toContain("7.14.3");
    await page.locator("section.router", { hasText: "Lounge" }).locator("text=connect ETIMEDOUT").waitFor();
    await shot(page, "routers");
  });

  it("Refunds: staff request from the sale, a manager sees it live in another window, approves; the sale is REFUNDED, the voucher DISABLED", async () => {
    const auth = { token: server.adminToken };
    for (const [username, role] of [["kwame", "STAFF"], ["efua", "MANAGER"]] as const) {
      const r = await server.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { username, password: "password-123", role } }, auth);
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    }
    const staff = await signIn(browser, server.url, { username: "kwame", password: "password-123" }, problems);
    const manager = await signIn(browser, server.url, { username: "efua", password: "password-123" }, problems);
    const m = manager.page;
    await m.locator("nav >> text=Refunds").click();
    await m.locator("text=Nothing waiting").waitFor();
    await m.locator("text=No refunds yet").waitFor();
    await shot(m, "refunds-empty", false);

    // Staff, in their own window: the sale's page, "Request refund", the remaining amount pre-filled.
    const s = staff.page;
    const sale = await prisma().transaction.findFirstOrThrow({ where: { reference } });
    await s.goto(`${server.url}/transactions/${encodeURIComponent(Buffer.from(`Transaction:${sale.id}`).toString("base64"))}`);
    await s.click('button:has-text("Request refund")');
    const amount = s.locator('dialog[open] input[aria-label="Refund amount"]');
    expect(await amount.inputValue()).toBe("5.00");
    await s.locator("dialog[open] textarea").fill("Voucher never connected");
    await shot(s, "refund-request", false);
    await s.click('dialog[open] button:has-text("Request refund")');
    await s.locator("text=a manager will decide").waitFor();
    await s.locator("section", { has: s.locator("h2", { hasText: "Refunds" }) }).locator("text=Voucher never connected").waitFor();

    // The manager's queue picks it up without a reload.
    const card = m.locator("article.item", { hasText: reference });
    await card.waitFor({ timeout: 10_000 });
    const text = await card.innerText();
    expect(text).toContain("GHS 5.00");
    expect(text).toContain("Kofi Refund");
    expect(text).toContain("Voucher never connected");
    expect(text).toContain("Asked by kwame");
    await shot(m, "refunds-queue");
    await card.locator('button:has-text("Approve")').click();
    const dialog = m.locator("dialog[open]");
    expect(await dialog.innerText()).toMatch(/will be disabled/);
    await shot(m, "refund-approve-dialog", false);
    await dialog.locator('button:has-text("Refund GHS 5.00")').click();
    await m.locator("text=refunded to Kofi Refund").waitFor();
    await m.locator("text=Nothing waiting").waitFor();
    const history = m.locator("tbody tr", { hasText: reference });
    await history.locator("text=Completed").waitFor();

    // Staff see the page but no decision buttons.
    await s.locator("nav >> text=Refunds").click();
    await s.locator("text=A manager or admin approves").waitFor();
    expect(await s.locator('article button:has-text("Approve")').count()).toBe(0);

    await m.click('[aria-label="Status"] button:has-text("Rejected")');
    await m.locator("text=No refunds match").waitFor();
    expect(m.url()).toContain("status=REJECTED");
    await m.click('[aria-label="Status"] button:has-text("Rejected")');
    await history.waitFor();
    await shot(m, "refunds");

    await history.locator(`a:has-text("${reference}")`).click();
    await m.locator("h1", { hasText: reference }).waitFor();
    const main = m.locator("main");
    await main.locator("text=Refunded").first().waitFor();
    expect(await main.innerText()).toMatch(/Disabled/);
    await shot(m, "refunds-on-sale");
    const after = await prisma().transaction.findFirstOrThrow({ where: { reference }, include: { voucher: true } });
    expect(after.status).toBe("REFUNDED");
    expect(after.voucher?.status).toBe("DISABLED");

    // The same page on a phone: KPI strip, cards.
    const onPhone = await signIn(browser, server.url, { username: "efua", password: "password-123" }, problems, phone);
    await onPhone.page.goto(`${server.url}/refunds`);
    await onPhone.page.locator("tbody tr", { hasText: reference }).waitFor();
    await shot(onPhone.page, "refunds-phone");

    // A buyer reports a problem from /buy's check-a-purchase; it waits in the queue, marked as theirs.
    const second = await server.gql(
      `mutation($input: PurchaseInput!) { purchase(input: $input) { transaction { reference status } } }`,
      { input: { allocationId, fullName: "Abena Report", phoneNumber: "0245550178", idempotencyKey: "refunds-routers-2" } },
    );
    const ref2 = second.data.purchase.transaction.reference as string;
    const buyer = watch(await (await browser.newContext(phone)).newPage(), "buyer", problems);
    await buyer.goto(`${server.url}/buy?ref=${encodeURIComponent(ref2)}`);
    await buyer.click('button:has-text("Report a problem")');
    await buyer.fill("#problem", "I paid but the voucher does not log in");
    await buyer.click('button:has-text("Send report")');
    await buyer.locator("text=Our staff will look at your purchase").waitFor();
    await shot(buyer, "buy-report-problem");
    const reported = m.locator("article.item", { hasText: ref2 });
    await m.locator("nav >> text=Refunds").click();
    await reported.locator("text=Reported by customer").first().waitFor({ timeout: 10_000 });
    expect(await reported.innerText()).toContain("I paid but the voucher does not log in");
    await Promise.all([staff.context.close(), manager.context.close(), onPhone.context.close(), buyer.context().close()]);
  });

  it("Generate vouchers preselects the default router; the voucher shows it", async () => {
    await page.locator("nav >> text=Vouchers").click();
    await page.click('button:has-text("Generate")');
    const routerSelect = page.locator('#generate-form label:has-text("Router") select');
    await routerSelect.waitFor();
    const selected = (await routerSelect.locator("option:checked").innerText()).trim();
    expect(selected).toMatch(/^Main gate/);
    await page.locator('#generate-form label:has-text("Bundle") select').selectOption(allocationId);
    await page.locator('#generate-form input[type="number"]').fill("3");
    await shot(page, "generate-with-router", false);
    await page.click('dialog[open] button:has-text("Generate")');
    await page.locator("text=3 vouchers generated").waitFor();
    await page.click('dialog[open] button:has-text("Done")');

    const r = await server.gql(
      `{ vouchers(first: 20) { edges { node { id router { name } } } } }`,
      {},
      { token: server.adminToken },
    );
    const withRouter = (r.data.vouchers.edges as { node: { id: string; router: { name: string } | null } }[]).map((e) => e.node).filter((v) => v.router);
    expect(withRouter).toHaveLength(3);
    const voucher = withRouter[0];
    expect(voucher.router).toEqual({ name: "Main gate" });
    await page.goto(`${server.url}/vouchers/${encodeURIComponent(voucher.id)}`);
    await page.locator('section:has(h2:has-text("Router")) a:has-text("Main gate")').waitFor();
    await shot(page, "voucher-router", false);
    assert.deepEqual(problems, []);
  });
});

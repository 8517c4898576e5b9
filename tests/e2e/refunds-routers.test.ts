// The read-only Refunds and Routers pages in the browser. Adding routers and requesting
// refunds are not served yet, so rows are written straight to the database, as the
// RouterOS integration and the refunds module will: the pages show their empty states,
// pick new rows up live, filter refunds by status, and link them to the sale; a default
// router is preselected when generating vouchers and shown on the voucher.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ADMIN, startTestServer, type TestServer } from "../helpers/server.js";
import { launch, shot, signIn, skipReason } from "./browser.js";

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

  it("Refunds: empty state, a refund appears live, status chips filter, the row opens the sale", async () => {
    await page.locator("nav >> text=Refunds").click();
    await page.locator("text=No refunds yet").waitFor();
    expect(await page.locator("main").innerText()).toMatch(/not available in this version yet/);
    await shot(page, "refunds-empty", false);

    const transaction = await prisma().transaction.findFirstOrThrow({ where: { reference } });
    const admin = await prisma().user.findFirstOrThrow({ where: { username: ADMIN.username } });
    await prisma().refund.create({
      data: { transactionId: transaction.id, amountMinor: 500, reason: "Voucher never connected", requestedById: admin.id, idempotencyKey: "r-1" },
    });
    const row = page.locator("tbody tr", { hasText: reference });
    await row.waitFor({ timeout: 10_000 });
    const text = await row.innerText();
    expect(text).toContain("GHS 5.00");
    expect(text).toContain("Requested");
    expect(text).toContain("Voucher never connected");
    expect(text).toContain("Kofi Refund");

    await page.click('[aria-label="Status"] button:has-text("Completed")');
    await page.locator("text=No refunds match").waitFor();
    expect(page.url()).toContain("status=COMPLETED");
    await page.click('[aria-label="Status"] button:has-text("Requested")');
    await row.waitFor();
    await shot(page, "refunds");

    await row.locator(`a:has-text("${reference}")`).click();
    await page.locator("h1", { hasText: reference }).waitFor();
    const refunds = page.locator("section", { has: page.locator("h2", { hasText: "Refunds" }) });
    expect(await refunds.innerText()).toContain("Voucher never connected");
    await shot(page, "refunds-on-sale");
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

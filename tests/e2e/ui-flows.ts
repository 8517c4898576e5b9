// End-to-end walk through the UI in headless Chromium against a running server:
// allocations, vouchers (generate, import, print), the public buy page, cash sales,
// transactions, the live log, users and API keys, and what a staff login hides.
// Screenshots of each step go to test-results/screenshots/flow-*.png.
//
// Run by tests/e2e/ui.test.ts against a test server, or by hand against any server:
//   BASE_URL=http://localhost:3999 ADMIN_USERNAME=admin ADMIN_PASSWORD=... npx tsx tests/e2e/ui-flows.ts
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { waitForExpression } from "./browser.js";

const out = "test-results/screenshots";

function watch(page: Page, label: string, problems: string[]) {
  page.on("pageerror", (e) => problems.push(`[${label}] page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().includes("Failed to load resource")) problems.push(`[${label}] console: ${m.text()}`);
  });
}

async function shot(page: Page, name: string, fullPage = false) {
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${out}/flow-${name}.png`, fullPage });
}

/** Runs a GraphQL operation from inside the page, with its session cookie. */
async function gql<T = any>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = JSON.stringify({ query, variables });
  const result = (await page.evaluate(
    `fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' }, body: ${JSON.stringify(body)} }).then((r) => r.json())`,
  )) as { data?: T; errors?: { message: string }[] };
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join("; "));
  return result.data as T;
}

async function login(base: string, browser: Browser, username: string, password: string, problems: string[]) {
  const context = await browser.newContext({ viewport: { width: 1380, height: 900 } });
  const page = await context.newPage();
  watch(page, username, problems);
  await page.goto(`${base}/login`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('button:has-text("Sign in")');
  await page.waitForURL(`${base}/`);
  return page;
}

async function waitForCount(page: Page, selector: string, count: number, timeout = 10_000) {
  await waitForExpression(page, `document.querySelectorAll(${JSON.stringify(selector)}).length === ${count}`, timeout);
}

export type FlowOptions = {
  base: string;
  admin: { username: string; password: string };
  log?: (line: string) => void;
};

export async function runUiFlows({ base, admin, log = console.log }: FlowOptions): Promise<void> {
  mkdirSync(out, { recursive: true });
  const stamp = Date.now().toString(36);
  const bundleName = `E2E Bundle ${stamp}`;
  // Bundle codes are PRICE_CURRENCY__SIZE and unique, so each run uses its own size.
  const dataMb = 300 + Math.floor(Math.random() * 700);
  let current: Page | undefined;

  async function step(name: string, fn: () => Promise<void>) {
    const started = Date.now();
    try {
      await fn();
      log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      log(`FAIL ${name}`);
      // Best effort: a page that cannot be captured must not hide the step's own error, thrown below.
      await current?.screenshot({ path: `${out}/flow-failure.png`, fullPage: true }).catch((e: Error) => log(`(no failure screenshot: ${e.message})`));
      throw new Error(`UI flow "${name}" failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
  const problems: string[] = [];
  try {
    const page = await login(base, browser, admin.username, admin.password, problems);
    current = page;
    let allocationId = "";

    await step("allocations: create and edit a bundle", async () => {
      await page.goto(`${base}/allocations`);
      await page.click('button:has-text("New allocation")');
      const form = page.locator("#allocation-form");
      await form.locator('label:has-text("Name") input').fill(bundleName);
      await form.locator('label:has-text("Price") input').fill("2.50");
      await form.getByLabel("Data limit").fill(String(dataMb));
      await form.locator('label:has-text("Uptime limit") input').fill("2h");
      await form.locator('label:has-text("Validity") input').fill("24");
      await shot(page, "allocation-form");
      await page.click('button:has-text("Create allocation")');
      const row = page.locator("tr", { hasText: bundleName });
      await row.waitFor();
      assert.match(await row.innerText(), /GHS 2\.50/);
      await row.locator('button:has-text("Edit")').click();
      await shot(page, "allocation-edit");
      await form.locator('label:has-text("Price") input').fill("3");
      await page.click('button:has-text("Save changes")');
      await page.locator("tr", { hasText: bundleName }).locator("text=GHS 3.00").waitFor();
      const data = await gql<{ allocations: { id: string; name: string }[] }>(page, "{ allocations(includeInactive: true) { id name } }");
      allocationId = data.allocations.find((a) => a.name === bundleName)!.id;
      await shot(page, "allocations");
    });

    await step("vouchers: generate, import, filter and print", async () => {
      await page.goto(`${base}/vouchers`);
      await page.click('button:has-text("Generate")');
      // The dialog also has a Router select once routers exist.
      await page.locator('#generate-form label:has-text("Bundle") select').selectOption(allocationId);
      await page.locator('#generate-form input[type="number"]').fill("25");
      await page.click('dialog[open] button:has-text("Generate")');
      await page.locator("text=25 vouchers generated").waitFor();
      await shot(page, "vouchers-generated");
      await page.click('dialog[open] button:has-text("Done")');

      await page.click('button:has-text("Import CSV")');
      await page.locator("#import-form select").selectOption(allocationId);
      const csv = `Login,Password,Uptime Limit\nimp-${stamp}-1,pw1-${stamp},1d\nimp-${stamp}-2,pw2-${stamp},1d\nimp-${stamp}-3,pw3-${stamp},1d`;
      await page.locator("#import-form textarea").fill(csv);
      await page.click('dialog[open] button:has-text("Import")');
      await page.locator("dialog[open] >> text=imported").waitFor();
      assert.match(await page.locator("dialog[open]").innerText(), /3\s+imported/);
      await shot(page, "vouchers-imported");
      await page.click('dialog[open] button:has-text("Done")');

      await page.locator('input[type="search"]').fill(`imp-${stamp}`);
      await waitForCount(page, "tbody tr", 3);
      await page.locator('input[type="search"]').fill("");
      await page.locator(".toolbar .alloc select").selectOption(allocationId);
      await page.locator("text=1–28 of").waitFor();
      await shot(page, "vouchers", true);

      // One A4 page of cards; the rest stay on sale online for the buy step.
      await page.goto(`${base}/vouchers/print?allocationId=${encodeURIComponent(allocationId)}`);
      await page.locator("text=28 free to print").waitFor();
      await page.click('button:has-text("Take 21 cards and preview")');
      await waitForCount(page, ".voucher", 21);
      await shot(page, "print");
    });

    let reference = "";
    await step("buy page: pay on a phone and see the voucher", async () => {
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      const buyer = await phone.newPage();
      watch(buyer, "buyer", problems);
      current = buyer;
      await buyer.goto(`${base}/buy`);
      await buyer.locator("button.bundle", { hasText: bundleName }).click();
      await buyer.fill('input[autocomplete="name"]', "Abena Mensah");
      await buyer.fill('input[type="tel"]', "+233 24 555 0101");
      await shot(buyer, "buy-filled", true);
      await buyer.click('button:has-text("Pay GHS 3.00")');
      await buyer.locator("text=Payment received").waitFor({ timeout: 15_000 });
      reference = (await buyer.locator(".ref strong").innerText()).trim();
      const creds = await buyer.locator(".cred strong").allInnerTexts();
      assert.equal(creds.length, 2);
      assert.ok(creds.every((c) => c.trim().length > 0 && c.trim() !== "—"), "username and password shown");
      await shot(buyer, "buy-paid", true);

      await buyer.click('button:has-text("Buy another bundle")');
      await buyer.fill('input[aria-label="Purchase reference"]', reference);
      await buyer.click('button:has-text("Check")');
      await buyer.locator(".ref strong", { hasText: reference }).waitFor();
      // An unknown reference says so in plain words (and leaves the purchase shown as it was).
      await buyer.fill('input[aria-label="Purchase reference"]', "CZ-NOPE0000");
      await buyer.click('button:has-text("Check")');
      await buyer.getByText("No purchase has that reference. Check it and try again.").waitFor();
      await buyer.locator(".ref strong", { hasText: reference }).waitFor();
      await phone.close();
      current = page;
    });

    await step("buy page: pending payment polls until staff confirm it; a declined one can be retried", async () => {
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      const buyer = await phone.newPage();
      watch(buyer, "buyer", problems);
      current = buyer;
      await buyer.goto(`${base}/buy`);
      await buyer.locator("button.bundle", { hasText: bundleName }).click();
      await buyer.fill('input[autocomplete="name"]', "Kwame Pending");
      await buyer.fill('input[type="tel"]', "0249999999"); // sandbox: stays PENDING
      await buyer.click('button:has-text("Pay GHS 3.00")');
      await buyer.locator("text=Waiting for your payment").waitFor({ timeout: 15_000 });
      const pendingRef = (await buyer.locator(".ref strong").innerText()).trim();
      await shot(buyer, "buy-pending", true);

      // Staff record the payment from the transaction page; the buyer's page notices by polling.
      await page.goto(`${base}/transactions?search=${pendingRef}`);
      await page.locator("tbody tr", { hasText: pendingRef }).click();
      await page.locator("text=Waiting for payment").waitFor();
      await shot(page, "transaction-pending");
      await page.fill('input[aria-label="Provider reference"]', `MANUAL-${stamp}`);
      await page.click('button:has-text("Confirm payment")');
      await page.locator("h1 + .badge, .title-row").locator("text=Paid").first().waitFor({ timeout: 10_000 });
      await buyer.locator("text=Payment received").waitFor({ timeout: 10_000 });

      await buyer.click('button:has-text("Buy another bundle")');
      await buyer.locator("button.bundle", { hasText: bundleName }).click();
      await buyer.fill('input[autocomplete="name"]', "Kwame Declined");
      await buyer.fill('input[type="tel"]', "0240000000"); // sandbox: declined
      await buyer.click('button:has-text("Pay GHS 3.00")');
      // A declined payment is either an inline error or a FAILED sale, depending on the provider.
      await buyer.locator("form .alert").or(buyer.getByText("Payment not completed")).first().waitFor({ timeout: 15_000 });
      await shot(buyer, "buy-failed");
      await phone.close();
      current = page;
    });

    await step("transactions: search, detail, cash sale", async () => {
      await page.goto(`${base}/transactions`);
      await page.locator('input[type="search"]').fill(reference);
      await waitForCount(page, "tbody tr", 1);
      await page.locator("tbody tr", { hasText: reference }).click();
      await page.locator("h1", { hasText: reference }).waitFor();
      await page.locator("text=Notifications").waitFor();
      await shot(page, "transaction-detail", true);
      const history = await page.locator('a:has-text("History")').getAttribute("href");
      assert.match(history ?? "", /^\/logs\?model=Transaction&recordId=/);

      await page.goto(`${base}/transactions`);
      await page.click('button:has-text("Record cash sale")');
      await page.locator("#cash-sale-form select").selectOption(allocationId);
      await page.locator('#cash-sale-form label:has-text("Customer name") input').fill("Yaw Counter");
      await page.locator('#cash-sale-form input[type="tel"]').fill("0201234567");
      await page.locator('#cash-sale-form label:has-text("Receipt number") input').fill(`R-${stamp}`);
      await shot(page, "cash-sale-form");
      await page.click('button:has-text("Record payment")');
      await page.locator("text=Payment recorded").waitFor({ timeout: 15_000 });
      await shot(page, "cash-sale-done");
      await page.click('dialog[open] button:has-text("Done")');
      await page.locator("tbody tr", { hasText: `R-${stamp}` }).waitFor();
      const exportHref = await page.locator('a:has-text("Export CSV")').getAttribute("href");
      assert.match(exportHref ?? "", /^\/exports\/transactions\.csv/);
      await shot(page, "transactions");
    });

    await step("logs: history of one record, diff, live tail, pause", async () => {
      const recordId = Buffer.from(allocationId, "base64").toString().split(":")[1] ?? allocationId;
      await page.goto(`${base}/logs?model=Allocation&recordId=${encodeURIComponent(recordId)}`);
      const update = page.locator("li.entry", { hasText: "Allocation updated" }).first();
      await update.waitFor();
      await update.locator("button.summary").click();
      await page.locator("table.diff tr.changed").first().waitFor();
      assert.match(await page.locator("table.diff").first().innerText(), /priceMinor\s+250\s+300/);
      await shot(page, "logs-diff", true);

      await page.click('button:has-text("Pause")');
      await gql(page, `mutation($id: ID!) { updateAllocation(id: $id, input: { name: "${bundleName}", priceMinor: 350, dataLimitMb: ${dataMb}, uptimeLimit: "2h", validityHours: 24 }) { id } }`, { id: allocationId });
      await page.locator("text=1 new entry waiting").waitFor({ timeout: 10_000 });
      await shot(page, "logs-paused");
      await page.click('button:has-text("Resume")');
      await page.locator("li.entry.live", { hasText: "Allocation updated" }).waitFor();
      await page.goto(`${base}/logs`);
      await page.locator("li.entry").first().waitFor();
      await shot(page, "logs");
    });

    let staffName = "";
    await step("users: create a staff user and an API key", async () => {
      staffName = `e2e-staff-${stamp}`;
      await page.goto(`${base}/users`);
      await page.click('button:has-text("New user")');
      await page.locator('#user-form label:has-text("Username") input').fill(staffName);
      await page.locator('#user-form input[type="password"]').fill("staff-pass-123");
      await page.locator("#user-form input[type=email]").fill("staff@example.com");
      await shot(page, "user-form");
      await page.click('button:has-text("Create user")');
      await page.locator("tr", { hasText: staffName }).waitFor();

      await page.click('button:has-text("New API key")');
      await page.locator('#api-key-form input').fill(`e2e-${stamp}`);
      await page.click('button:has-text("Create key")');
      await page.locator("text=Copy the key now").waitFor();
      const key = (await page.locator(".key-box code").innerText()).trim();
      assert.ok(key.length > 16, "key shown once");
      await shot(page, "api-key-created");
      await page.click('dialog[open] button:has-text("Done")');
      const row = page.locator("tr", { hasText: `e2e-${stamp}` });
      await row.locator('button:has-text("Revoke")').click();
      await page.click('dialog[open] button:has-text("Revoke key")');
      await row.locator("text=Revoked").waitFor();
      await shot(page, "users");
    });

    await step("staff login: admin-only actions are hidden", async () => {
      const staff = await login(base, browser, staffName, "staff-pass-123", problems);
      current = staff;
      assert.equal(await staff.locator('nav a:has-text("Users")').count(), 0);
      await staff.goto(`${base}/allocations`);
      await staff.locator("tbody tr").first().waitFor();
      assert.equal(await staff.locator('button:has-text("New allocation")').count(), 0);
      await staff.goto(`${base}/transactions`);
      await staff.locator('button:has-text("Record cash sale")').waitFor();
      await shot(staff, "staff-transactions");
      await staff.click('button[aria-label="Sign out"]');
      await staff.waitForURL(/\/login/);
    });

    await step("signed out: admin pages send you to the login", async () => {
      const context = await browser.newContext();
      const anon = await context.newPage();
      await anon.goto(`${base}/transactions?status=PAID`);
      await anon.waitForURL(/\/login\?next=/);
      assert.match(decodeURIComponent(anon.url()), /next=\/transactions\?status=PAID/);
      await context.close();
    });

    if (problems.length) throw new Error(`${problems.length} browser errors:\n${problems.join("\n")}`);
    log("all UI flows passed");
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runUiFlows({
    base: process.env.BASE_URL ?? "http://localhost:3999",
    admin: { username: process.env.ADMIN_USERNAME ?? "admin", password: process.env.ADMIN_PASSWORD ?? "admin-pass-123" },
  });
}

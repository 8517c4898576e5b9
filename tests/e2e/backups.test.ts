// The Backups page in Chromium: the schedule, making a backup in either format with the
// live progress bar, the new row, downloading it, deleting one after confirming, the phone
// layout as cards; and an HTML backup opened straight in the browser shows every table.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ADMIN, startTestServer, type TestServer } from "../helpers/server.js";
import { launch, phone, shot, signIn, skipReason, waitForExpression } from "./browser.js";

describe.skipIf(skipReason !== null)("backups page in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  // Daily, twelve hours from now (the shop's time zone, Africa/Accra, is UTC): it cannot fire
  // during the test and add a backup to the list this test reads.
  const hour = (new Date().getUTCHours() + 12) % 24;
  const schedule = `0 ${hour} * * *`;

  beforeAll(async () => {
    server = await startTestServer({ env: { BACKUP_SCHEDULE: schedule } });
    browser = await launch();
    const auth = { token: server.adminToken };
    const created = await server.gql(`mutation { createAllocation(input: { name: "Daily 1 GB", priceMinor: 500, dataLimitMb: 1024 }) { id } }`, {}, auth);
    const allocationId = created.data.createAllocation.id;
    // Enough rows that the HTML copy takes a while, so the progress bar has something to show.
    for (let i = 0; i < 3; i++) {
      const g = await server.gql(`mutation($a: ID!) { generateVouchers(input: { allocationId: $a, count: 10000 }) { count } }`, { a: allocationId }, auth);
      assert.equal(g.errors, undefined, JSON.stringify(g.errors));
    }
    ({ page } = await signIn(browser, server.url, ADMIN, problems));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the schedule and an empty list, then makes an HTML backup with a live progress bar", async () => {
    await page.locator("nav >> text=Backups").click();
    await page.locator("text=No backups yet").waitFor();
    expect(await page.locator("main").innerText()).toContain(`Every day at ${String(hour).padStart(2, "0")}:00`);
    // Every value the bar shows is recorded in the page, however briefly it is there.
    await page.evaluate(`(() => {
      window.__progress = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"]');
        if (bar) window.__progress.push(Number(bar.getAttribute('aria-valuenow')));
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    })()`);
    await page.locator("button:has-text('Readable copy (HTML)')").click();
    await page.locator('[role="progressbar"]').waitFor();
    await shot(page, "backups-progress", false);
    await page.locator("[data-testid=backup-row]").first().waitFor({ timeout: 60_000 });
    await page.locator('[role="progressbar"]').waitFor({ state: "detached" });
    const seen = (await page.evaluate("window.__progress")) as number[];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const row = await page.locator("[data-testid=backup-row]").first().innerText();
    expect(row).toContain("HTML");
    expect(row).toContain("Made by hand");
    expect(row).toMatch(/30,00\d/);
  });

  it("makes a SQLite backup and downloads the file", async () => {
    await page.locator("button:has-text('Back up now')").click();
    await page.locator("[data-testid=backup-row]", { hasText: "SQLite" }).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-testid=backup-row]", { hasText: "SQLite" }).locator("a:has-text('Download')").click()]);
    expect(download.suggestedFilename()).toMatch(/^chillzone-\d{8}-\d{6}-[0-9a-f]{8}\.sqlite$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 15).toString("latin1")).toBe("SQLite format 3");
    await shot(page, "backups");
  });

  it("deletes a backup after confirming", async () => {
    const before = await page.locator("[data-testid=backup-row]").count();
    await page.locator("[data-testid=backup-row]", { hasText: "SQLite" }).locator("button:has-text('Delete')").click();
    await page.locator("text=Delete this backup?").waitFor();
    await page.locator("button:has-text('Delete backup')").click();
    await waitForExpression(page, `document.querySelectorAll('[data-testid=backup-row]').length === ${before - 1}`);
  });

  it("on a phone the list is cards", async () => {
    const { page: mobile } = await signIn(browser, server.url, ADMIN, problems, phone);
    await mobile.goto(`${server.url}/backups`);
    await mobile.locator("[data-testid=backup-row]").first().waitFor();
    expect(await mobile.evaluate(`getComputedStyle(document.querySelector('table.backups thead')).display`)).toBe("none");
    expect(await mobile.evaluate(`document.documentElement.scrollWidth <= window.innerWidth`)).toBe(true);
    await shot(mobile, "backups-phone");
    await mobile.context().close();
  });

  it("an HTML backup opens in the browser and shows every table", async () => {
    // A shop's worth of rows of every kind (a document of 30,000 rows takes Chromium a long
    // while to lay out on a loaded test machine, and shows nothing more).
    const small = await startTestServer({ env: { BACKUP_SCHEDULE: "off" } });
    try {
      const auth = { token: small.adminToken };
      const a = await small.gql(`mutation { createAllocation(input: { name: "Weekly <5 GB> & more", priceMinor: 2000, dataLimitMb: 5120 }) { id } }`, {}, auth);
      await small.gql(`mutation($a: ID!) { generateVouchers(input: { allocationId: $a, count: 20 }) { count } }`, { a: a.data.createAllocation.id }, auth);
      const sale = await small.gql(
        `mutation($i: PurchaseInput!) { purchase(input: $i) { transaction { status } } }`,
        { i: { allocationId: a.data.createAllocation.id, fullName: "Ama O'Serwa-Mensah", phoneNumber: "0245550123", idempotencyKey: "backup-html-1" } },
      );
      assert.equal(sale.data?.purchase.transaction.status, "PAID", JSON.stringify(sale.errors));
      const made = await small.gql(`mutation { createBackup(format: HTML) { fileName tables { table rows } } }`, {}, auth);
      const html = made.data.createBackup as { fileName: string; tables: { table: string; rows: number }[] };
      const context = await browser.newContext({ viewport: { width: 1380, height: 900 } });
      const doc = await context.newPage();
      await doc.goto(pathToFileURL(path.join(small.dataDir, "backups", html.fileName)).href);
      for (const t of html.tables) {
        const heading = doc.locator(`section[data-table="${t.table}"] h2`);
        await heading.scrollIntoViewIfNeeded();
        expect(await heading.isVisible()).toBe(true);
        expect(await heading.innerText()).toBe(`${t.table} ${t.rows} ${t.rows === 1 ? "row" : "rows"}`);
        expect(await doc.locator(`section[data-table="${t.table}"] tbody tr`).count()).toBe(t.rows);
      }
      expect(html.tables.find((t) => t.table === "Transaction")?.rows).toBe(1);
      expect(await doc.locator("nav#contents li").count()).toBe(html.tables.length + 2);
      expect(await doc.locator('section[data-table="Transaction"]').innerText()).toContain("Ama O'Serwa-Mensah");
      expect(await doc.locator("#manifest").innerText()).toContain("Content SHA-256");
      await doc.evaluate("window.scrollTo(0, 0)");
      await doc.screenshot({ path: "test-results/screenshots/backup-html.png" });
      await context.close();
    } finally {
      await small.stop();
    }
  });

  it("no browser errors", () => {
    expect(problems).toEqual([]);
  });
});

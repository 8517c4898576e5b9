// Restoring in Chromium, as an admin would: a listed backup (the dry-run report, typing
// RESTORE, the data replaced, every open page reloading), a downloaded file uploaded with its
// progress bar, a damaged file refused with nothing changed, and a deleted row brought back
// from the Deleted rows tab; the dialog and the tab on a phone.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ADMIN, startTestServer, type TestServer } from "../helpers/server.js";
import { launch, phone, shot, signIn, skipReason, waitForExpression } from "./browser.js";

describe.skipIf(skipReason !== null)("restore in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let watcher: Page;
  const problems: string[] = [];
  let backupFile = "";
  let keptId = "";
  const saleCount = async () => {
    const r = await server.gql(`{ transactions(first: 50) { edges { node { reference } } } }`, {}, auth());
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return (r.data.transactions.edges as unknown[]).length;
  };
  const auth = () => ({ token: server.adminToken });
  const bundleNames = async () => {
    const r = await server.gql(`{ allocations { name } }`, {}, auth());
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return (r.data.allocations as { name: string }[]).map((a) => a.name).sort();
  };
  let made = 0;
  const createBundle = async (name: string) => {
    // Each bundle its own size: a bundle's code (price and size) is unique.
    const mb = 1024 + 100 * made++;
    const r = await server.gql(`mutation($n: String!, $mb: Int!) { createAllocation(input: { name: $n, priceMinor: 500, dataLimitMb: $mb }) { id } }`, { n: name, mb }, auth());
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data.createAllocation.id as string;
  };

  /** Clicks the dialog's Restore and waits for the reload that follows a restore, then its note. */
  const confirmRestore = async (note = "Restored") => {
    await page.evaluate("window.__beforeRestore = true");
    await page.locator("dialog button:has-text('Restore')").last().click();
    await waitForExpression(page, "window.__beforeRestore === undefined && document.readyState === 'complete'", 30_000);
    await page.locator(".toast", { hasText: note }).waitFor();
  };

  beforeAll(async () => {
    server = await startTestServer({ env: { BACKUP_SCHEDULE: "off" } });
    browser = await launch();
    keptId = await createBundle("Kept bundle");
    await server.gql(`mutation($a: ID!) { generateVouchers(input: { allocationId: $a, count: 25 }) { count } }`, { a: keptId }, auth());
    // Both admins sign in before the backup, so their sessions are in it and survive the restore.
    ({ page } = await signIn(browser, server.url, ADMIN, problems));
    ({ page: watcher } = await signIn(browser, server.url, ADMIN, problems));
    const made = await server.gql(`mutation { createBackup(format: SQLITE) { fileName } }`, {}, auth());
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    backupFile = path.join(server.dataDir, "backups", made.data.createBackup.fileName);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("restores a listed backup after the dry run and typing RESTORE: the sale made since is gone, every open page reloads", async () => {
    await createBundle("Made after the backup");
    const sale = await server.gql(
      `mutation($i: PurchaseInput!) { purchase(input: $i) { transaction { status } } }`,
      { i: { allocationId: keptId, fullName: "Ama Mensah", phoneNumber: "0245550123", idempotencyKey: "restore-e2e-sale" } },
    );
    assert.equal(sale.data?.purchase.transaction.status, "PAID", JSON.stringify(sale.errors));
    expect(await bundleNames()).toEqual(["Kept bundle", "Made after the backup"]);
    expect(await saleCount()).toBe(1);

    await watcher.goto(`${server.url}/backups`);
    await watcher.locator("[data-testid=backup-row]").first().waitFor();
    await watcher.evaluate("window.__beforeRestore = true");

    await page.goto(`${server.url}/backups`);
    await page.locator("[data-testid=backup-row]").first().locator("button:has-text('Restore')").click();
    const report = page.locator("[data-testid=backup-report]");
    await report.waitFor();
    // The report compares each table with now: one bundle in the backup, two today.
    const allocationRow = report.locator("tr", { hasText: "Allocation" });
    expect((await allocationRow.innerText()).replace(/\s+/g, " ")).toContain("Allocation 1 2 (-1)");
    const restore = page.locator("dialog button:has-text('Restore')").last();
    expect(await restore.isDisabled()).toBe(true);
    await page.fill("input[aria-label='Type RESTORE to confirm']", "restore");
    expect(await restore.isDisabled()).toBe(true);
    await page.fill("input[aria-label='Type RESTORE to confirm']", "RESTORE");
    await shot(page, "restore-dialog", false);
    // The page reloads and says what happened; the list now holds the safety copy.
    await confirmRestore();
    expect(await page.locator(".toast").innerText()).toMatch(/A safety backup of the data before was kept: chillzone-.*\.sqlite/);
    await page.locator("[data-testid=backup-row]", { hasText: "Before a restore" }).waitFor();
    expect(await bundleNames()).toEqual(["Kept bundle"]);
    expect(await saleCount()).toBe(0);
    // The other admin's page was told through its socket and reloaded with fresh data.
    await waitForExpression(watcher, "window.__beforeRestore === undefined && document.querySelectorAll('[data-testid=backup-row]').length === 2", 20_000);
    expect(watcher.url()).toBe(`${server.url}/backups`);
  });

  it("refuses a damaged file and changes nothing", async () => {
    const bytes = readFileSync(backupFile);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    const damaged = path.join(server.dataDir, "damaged.sqlite");
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    await createBundle("Still here");
    const before = await bundleNames();

    await page.locator("button:has-text('Restore from a file')").click();
    await page.locator("dialog input[type=file]").setInputFiles(damaged);
    await page.locator("dialog button:has-text('Check the file')").click();
    const error = page.locator("[data-testid=restore-error]");
    await error.waitFor({ timeout: 30_000 });
    expect(await error.innerText()).toContain("cannot be restored");
    expect(await page.locator("[data-testid=backup-report]").count()).toBe(0);
    expect(await bundleNames()).toEqual(before);
    await page.locator("dialog button:has-text('Cancel')").click();
  });

  it("restores a downloaded file with an upload progress bar", async () => {
    expect(await bundleNames()).toEqual(["Kept bundle", "Still here"]);
    await page.evaluate(`(() => {
      window.__upload = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"][aria-label="Upload progress"]');
        if (bar) window.__upload.push(Number(bar.getAttribute('aria-valuenow')));
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    })()`);
    await page.locator("button:has-text('Restore from a file')").click();
    await page.locator("dialog input[type=file]").setInputFiles(backupFile);
    await page.locator("dialog button:has-text('Check the file')").click();
    await page.locator("[data-testid=backup-report]").waitFor({ timeout: 30_000 });
    const seen = (await page.evaluate("window.__upload")) as number[];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    await page.fill("input[aria-label='Type RESTORE to confirm']", "RESTORE");
    await confirmRestore();
    expect(await bundleNames()).toEqual(["Kept bundle"]);
  });

  it("brings back a deleted row from the Deleted rows tab", async () => {
    const id = await createBundle("Deleted by mistake");
    const del = await server.gql(`mutation($id: ID!) { deleteAllocation(id: $id) }`, { id }, auth());
    assert.equal(del.errors, undefined, JSON.stringify(del.errors));
    expect(await bundleNames()).toEqual(["Kept bundle"]);

    await page.goto(`${server.url}/backups?tab=deleted`);
    const row = page.locator("[data-testid=deleted-row]", { hasText: "Deleted by mistake" });
    await row.waitFor();
    expect(await row.innerText()).toContain("Allocation");
    await shot(page, "restore-deleted-rows");
    await row.locator("button:has-text('Bring back')").click();
    await page.locator(".toast", { hasText: "Allocation brought back" }).waitFor();
    await row.waitFor({ state: "detached" });
    expect(await bundleNames()).toEqual(["Deleted by mistake", "Kept bundle"]);
  });

  it("restores a backup to a later change from the journal", async () => {
    const made = await server.gql(`mutation { createBackup(format: SQLITE) { id } }`, {}, auth());
    assert.equal(made.errors, undefined, JSON.stringify(made.errors));
    const pointId = await createBundle("Point A");
    const log = await server.gql(`query($r: String) { logs(filter: { kinds: [CREATE], recordId: $r }, first: 1) { edges { node { sequence } } } }`, { r: pointId }, auth());
    const sequence = log.data.logs.edges[0].node.sequence as number;
    await createBundle("Point B");
    expect(await bundleNames()).toEqual(["Deleted by mistake", "Kept bundle", "Point A", "Point B"]);

    await page.goto(`${server.url}/backups`);
    await page.locator("[data-testid=backup-row]").first().locator("button:has-text('Restore')").click();
    await page.locator("[data-testid=backup-report]").waitFor();
    await page.locator("dialog label:has-text('A later change') input[type=radio]").check();
    await page.fill("input[aria-label='Last change to keep']", String(sequence));
    await page.fill("input[aria-label='Type RESTORE to confirm']", "RESTORE");
    await confirmRestore("later changes");
    expect(await bundleNames()).toEqual(["Deleted by mistake", "Kept bundle", "Point A"]);
  });

  it("on a phone the dialog and the deleted rows fit the screen", async () => {
    const { page: mobile } = await signIn(browser, server.url, ADMIN, problems, phone);
    await mobile.goto(`${server.url}/backups`);
    await mobile.locator("[data-testid=backup-row]").first().locator("button:has-text('Restore')").click();
    await mobile.locator("[data-testid=backup-report]").waitFor();
    expect(await mobile.evaluate(`document.documentElement.scrollWidth <= window.innerWidth`)).toBe(true);
    await shot(mobile, "restore-dialog-phone", false);
    await mobile.locator("dialog button:has-text('Cancel')").click();
    await mobile.locator("button[role=tab]:has-text('Deleted rows')").click();
    await mobile.locator("text=Each row here was deleted").waitFor();
    expect(await mobile.evaluate(`document.documentElement.scrollWidth <= window.innerWidth`)).toBe(true);
    await shot(mobile, "restore-deleted-phone");
    await mobile.context().close();
  });

  it("no browser errors", () => {
    expect(problems).toEqual([]);
  });
});

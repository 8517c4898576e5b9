// Allocations in the browser: sign in through the login form, create a bundle through the
// form, and see it listed with its legacy code and formatted price.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ADMIN, startTestServer, type TestServer } from "../helpers/server.js";
import { launch, shot, signIn, skipReason } from "./browser.js";

describe.skipIf(skipReason !== null)("allocations page in Chromium", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("creates an allocation through the form and lists it with its code and price", async () => {
    const problems: string[] = [];
    const { page } = await signIn(browser, server.url, ADMIN, problems);
    await page.locator("nav >> text=Allocations").click();
    await page.waitForURL(`${server.url}/allocations`);
    await page.locator("text=No bundles yet").waitFor();

    await page.click('button:has-text("New allocation")');
    const form = page.locator("#allocation-form");
    await form.locator('label:has-text("Name") input').fill("Evening 2 GB");
    await form.locator('label:has-text("Price") input').fill("4.50");
    await form.getByLabel("Data limit").fill("2048");
    await form.locator('label:has-text("Uptime limit") input').fill("3h");
    await form.locator('label:has-text("Validity") input').fill("48");
    await shot(page, "allocations-form", false);
    await page.click('button:has-text("Create allocation")');

    const row = page.locator("tbody tr", { hasText: "Evening 2 GB" });
    await row.waitFor();
    const text = await row.innerText();
    // PRICE_CURRENCY__SIZE: 4.50 GHS, 2048 MB = 2 GB.
    expect(text).toContain("4.5_GHS__2GB");
    expect(text).toContain("GHS 4.50");
    expect(text).toMatch(/2 GB/);
    expect(text).toMatch(/Active/);
    await shot(page, "allocations-created");

    // The server agrees with what the page shows.
    const r = await server.gql(`{ allocations { name code price { formatted currency } } }`);
    expect(r.data.allocations).toEqual([{ name: "Evening 2 GB", code: "4.5_GHS__2GB", price: { formatted: "4.50", currency: "GHS" } }]);
    assert.deepEqual(problems, []);
  }, 60_000);
});

// The Logs page's live tail in the browser: with the page open, a change made through the
// API shows up in the list without a reload. Prints how long that took, from the API call
// returning to the entry being in the page (no timing assertion: the number is reported).
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ADMIN, startTestServer, type TestServer } from "../helpers/server.js";
import { launch, rowIdOf, shot, signIn, skipReason } from "./browser.js";

// Records, in the page, when each log entry first appears (wall clock, like Date.now()
// in the test), so the delay does not include the test's polling.
const recordArrivals = `(() => {
  window.__arrivals = [];
  const seen = new WeakSet();
  const scan = () => {
    for (const li of document.querySelectorAll('li.entry')) {
      if (seen.has(li)) continue;
      seen.add(li);
      window.__arrivals.push({ at: Date.now(), text: li.textContent || '' });
    }
  };
  scan();
  new MutationObserver(scan).observe(document.body, { childList: true, subtree: true });
})()`;

describe.skipIf(skipReason !== null)("logs page live tail in Chromium", () => {
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

  it("shows an entry for a change made through the API while the page is open", async () => {
    const problems: string[] = [];
    const { page } = await signIn(browser, server.url, ADMIN, problems);
    // The full audit view: every row change (the Activity view shows business events only).
    await page.goto(`${server.url}/logs?view=full`);
    // History is loaded (the sign-in itself is logged) and the live socket is up.
    await page.locator("li.entry").first().waitFor();
    await page.locator(".status-bar >> text=Live").waitFor();
    await page.locator("text=Live updates on").waitFor();
    await page.evaluate(recordArrivals);

    const apiCalledAt = Date.now();
    const r = await server.gql(
      `mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`,
      { input: { name: "Live log bundle", priceMinor: 150, dataLimitMb: 300 } },
      { token: server.adminToken },
    );
    const apiReturnedAt = Date.now();
    expect(r.errors).toBeUndefined();
    const recordId = rowIdOf(r.data.createAllocation.id);

    const entry = page.locator("li.entry.live", { hasText: "Allocation created" }).filter({ hasText: recordId });
    await entry.waitFor({ timeout: 10_000 });
    const visibleAt = Date.now();
    const arrivals = (await page.evaluate("window.__arrivals")) as { at: number; text: string }[];
    const arrival = arrivals.find((a) => a.text.includes("Allocation created") && a.text.includes(recordId));
    assert.ok(arrival, "the entry was added to the page after the observer started");

    // The server runs in this process, so under load the entry can reach the page before
    // the HTTP response reaches the test: a negative delay, printed as measured.
    console.log(
      `logs-live: entry in the page ${arrival.at - apiReturnedAt} ms after the API call returned ` +
        `(${arrival.at - apiCalledAt} ms after it was sent; the test's waitFor saw it after ${visibleAt - apiReturnedAt} ms)`,
    );
    await shot(page, "logs-live", false);

    // The new entry is near the top (the request's own entry may land above it) and opens
    // to its field values.
    const top = (await page.evaluate("[...document.querySelectorAll('li.entry')].slice(0, 3).map((li) => li.textContent).join(' | ')")) as string;
    expect(top).toContain("Allocation created");
    await entry.locator("button.summary").click();
    await page.locator("text=Live log bundle").first().waitFor();
    await shot(page, "logs-live-expanded", false);

    // The Activity view: one line per business event, no row changes or page views; the
    // login opens to the rows its request changed (the session it created).
    await page.click('button[role="tab"]:has-text("Activity")');
    const login = page.locator("li.entry", { hasText: "logged in" }).first();
    await login.waitFor();
    expect(await page.locator("li.entry", { hasText: "Allocation created" }).count()).toBe(0);
    await login.locator("button.summary").click();
    await login.locator(".changes", { hasText: "Session created" }).waitFor();
    await shot(page, "logs-activity-expanded", false);
    assert.deepEqual(problems, []);
  }, 60_000);
});

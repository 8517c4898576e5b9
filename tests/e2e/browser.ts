// Shared pieces of the focused browser tests (allocations, logs-live, buy): headless
// Chromium, sign-in through the login form, screenshots, and a record of browser errors.
// Pass page.evaluate strings, not functions: the test transform would otherwise add
// helpers the page does not have. Wait with waitForExpression, not page.waitForFunction:
// the pages' script policy forbids the string eval that waitForFunction runs in the page.
import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { chromiumPath, hasChromium, missing } from "../helpers/external.js";

export const screenshotDir = "test-results/screenshots";

/** Why these tests cannot run here (no Chromium, no UI build), or null. */
export const skipReason =
  missing("Chromium", hasChromium()) ?? missing("the UI build (ui/build)", existsSync("ui/build/handler.js"));

export const desktop = { viewport: { width: 1380, height: 900 } };
export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export async function launch(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
}

/**
 * Polls a JavaScript expression in the page (through the DevTools protocol, which the
 * page's script policy does not govern) until it is truthy, across reloads; throws after
 * `timeout` ms.
 */
export async function waitForExpression(page: Page, expression: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    // A page that reloads meanwhile has no context for a moment: ask again in the new one.
    const value = await page.evaluate(expression).catch((err: Error) => {
      if (/Execution context was destroyed|navigat/i.test(err.message)) return false;
      throw err;
    });
    if (value) return;
    if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for: ${expression}`);
    await page.waitForTimeout(50);
  }
}

/** Collects page errors and console errors; assert the list is empty at the end. */
export function watch(page: Page, label: string, problems: string[]): Page {
  page.on("pageerror", (e) => problems.push(`[${label}] page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().includes("Failed to load resource")) problems.push(`[${label}] console: ${m.text()}`);
  });
  return page;
}

export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage });
}

/** A new desktop window signed in through the login form, on the dashboard. */
export async function signIn(
  browser: Browser,
  base: string,
  user: { username: string; password: string },
  problems: string[],
  options: Parameters<Browser["newContext"]>[0] = desktop,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = watch(await context.newPage(), user.username, problems);
  await page.goto(`${base}/login`);
  await page.fill('input[name="username"]', user.username);
  await page.fill('input[name="password"]', user.password);
  await page.click('button:has-text("Sign in")');
  await page.waitForURL(`${base}/`);
  return { context, page };
}

/** The row id a log entry names for a global GraphQL id ("Allocation:abc" in base64). */
export function rowIdOf(id: string): string {
  const text = Buffer.from(id, "base64").toString();
  return /^[A-Z]\w*:(.+)$/.exec(text)?.[1] ?? id;
}

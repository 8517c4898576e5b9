// The pages' script policy, in a real browser: injected markup (an inline <script>, an
// inline event handler, a script from another origin) does not run, while the page itself
// (SvelteKit's nonce'd bootstrap, our own files) does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { launch, phone, skipReason } from "./browser.js";

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  if (skipReason) return;
  server = await startTestServer();
  browser = await launch();
});
afterAll(() => Promise.allSettled([browser?.close(), server?.stop()]));

describe.skipIf(skipReason)("script policy", () => {
  it("every page names a fresh nonce, no unsafe-inline or unsafe-eval for script, and forbids framing", async () => {
    const nonces = new Set<string>();
    for (const p of ["/login", "/buy", "/buy", "/"]) {
      const res = await fetch(`${server.url}${p}`, { redirect: "manual" });
      const csp = res.headers.get("content-security-policy") ?? "";
      const script = /script-src ([^;]+)/.exec(csp)?.[1] ?? "";
      expect(script, p).toMatch(/'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(script, p).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(csp, p).toMatch(/frame-ancestors 'none'/);
      expect(csp, p).toMatch(/object-src 'none'/);
      nonces.add(/'nonce-([^']+)'/.exec(script)![1]);
    }
    expect(nonces.size).toBe(4);
  });

  it("the buy page runs, and markup injected into it cannot run script", async () => {
    const problems: string[] = [];
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    // Page errors only: the refusals themselves are console errors, by design.
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${server.url}/buy`);
    // The page hydrated: its own scripts ran under the policy.
    await page.locator("h1").first().waitFor();
    expect(await page.evaluate("document.querySelectorAll('script[nonce]').length")).toBeGreaterThan(0);
    await page.evaluate(`(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.appendChild(s);
      document.body.insertAdjacentHTML('beforeend', '<img src="data:," onload="window.__handler = 1" onerror="window.__handler = 1">');
      const remote = document.createElement('script');
      remote.src = 'http://198.51.100.7/evil.js';
      document.body.appendChild(remote);
    })()`);
    // Wait for the browser to report the three refusals before asserting none ran.
    for (let i = 0; i < 100 && ((await page.evaluate("window.__violations.length")) as number) < 3; i++) await page.waitForTimeout(20);
    expect(await page.evaluate("[window.__inline ?? null, window.__handler ?? null]")).toEqual([null, null]);
    const violated = (await page.evaluate("window.__violations")) as string[];
    expect(violated.length).toBeGreaterThanOrEqual(3);
    expect(violated.every((d) => d.startsWith("script-src"))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});

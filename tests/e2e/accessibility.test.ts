// Accessibility of every page, checked by axe-core (the maintained WCAG rule engine) in
// headless Chromium at desktop and phone size: text contrast at least 4.5:1 (3:1 for large
// text), names for every control, landmarks, labels. And the keyboard: Tab reaches every
// control of the sidebar and the page, each with a visible focus ring.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ADMIN, startTestServer, type TestServer } from "../helpers/server.js";
import { desktop, launch, phone, signIn, skipReason, watch } from "./browser.js";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const adminPages: [string, string][] = [
  ["dashboard", "/"],
  ["transactions", "/transactions"],
  ["cash-up", "/transactions/cash-up"],
  ["vouchers", "/vouchers"],
  ["print", "/vouchers/print"],
  ["allocations", "/allocations"],
  ["refunds", "/refunds"],
  ["users", "/users"],
  ["logs", "/logs"],
  ["routers", "/routers"],
  ["backups", "/backups"],
];

type Violation = { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] };

/** axe's WCAG 2.1 A and AA rules on the page as it is now; one line per failing element. */
async function violations(page: Page): Promise<string[]> {
  // page.evaluate goes through the DevTools protocol, which the pages' script policy does not govern.
  if (!(await page.evaluate(`typeof window.axe !== "undefined"`))) await page.evaluate(axeSource);
  const found = (await page.evaluate(
    `axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`,
  )) as Violation[];
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`));
}

describe.skipIf(skipReason !== null)("accessibility", () => {
  let server: TestServer;
  let browser: Browser;
  let transactionId = "";

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    const auth = { token: server.adminToken };
    const ok = async (query: string, variables: Record<string, unknown>) => {
      const r = await server.gql(query, variables, auth);
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      return r.data;
    };
    const a = await ok(`mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`, {
      input: { name: "Weekly 1 GB", priceMinor: 500, dataLimitMb: 1024, validityHours: 168 },
    });
    await ok(`mutation($input: GenerateVouchersInput!) { generateVouchers(input: $input) { count } }`, { input: { allocationId: a.createAllocation.id, count: 6 } });
    for (const [fullName, phoneNumber] of [["Akosua Mensah", "0244123456"], ["Efua Boateng", "0551230000"]]) {
      const r = await server.gql(`mutation($input: PurchaseInput!) { purchase(input: $input) { transaction { id } } }`, {
        input: { allocationId: a.createAllocation.id, fullName, phoneNumber, idempotencyKey: randomUUID() },
      });
      transactionId ||= r.data?.purchase.transaction.id ?? "";
    }
    assert.ok(transactionId);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("every page passes axe's WCAG 2.1 AA rules at desktop and phone size", async () => {
    const problems: string[] = [];
    const found: string[] = [];
    const pages = [...adminPages, ["transaction-detail", `/transactions/${encodeURIComponent(transactionId)}`] as [string, string]];
    for (const [size, options] of [["desktop", desktop], ["phone", phone]] as const) {
      const { context, page } = await signIn(browser, server.url, ADMIN, problems, options);
      for (const [name, path] of pages) {
        await page.goto(`${server.url}${path}`);
        await page.locator("h1").first().waitFor();
        await page.waitForLoadState("networkidle", { timeout: 3000 }).catch(() => undefined);
        found.push(...(await violations(page)).map((v) => `${name} (${size}): ${v}`));
      }
      await context.close();
      // The public pages, signed out.
      const anon = await browser.newContext(options);
      const p = watch(await anon.newPage(), "anonymous", problems);
      for (const [name, path, ready] of [["buy", "/buy", "text=Weekly 1 GB"], ["login", "/login", "h1"]] as const) {
        await p.goto(`${server.url}${path}`);
        await p.locator(ready).first().waitFor();
        found.push(...(await violations(p)).map((v) => `${name} (${size}): ${v}`));
      }
      await anon.close();
    }
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
  }, 180_000);

  it("Tab reaches the sidebar and the page's controls, each with a visible focus ring", async () => {
    const problems: string[] = [];
    const { context, page } = await signIn(browser, server.url, ADMIN, problems, desktop);
    await page.goto(`${server.url}/transactions`);
    await page.locator("table.table tbody tr:not(.skeleton)").first().waitFor();
    // Rings fade in: read their final style, not the first frame of the transition.
    await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; }" });
    const seen: string[] = [];
    const unringed: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const f = (await page.evaluate(`(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== "none");
        return { label: (el.getAttribute("aria-label") || (el.tagName === "INPUT" ? "input " + el.type : "") || el.textContent || el.getAttribute("name") || el.tagName).trim().replace(/\\s+/g, " ").slice(0, 40), ring: !!ring, inSidebar: !!el.closest("nav.sidebar") };
      })()`)) as { label: string; ring: boolean; inSidebar: boolean } | null;
      if (!f) continue;
      seen.push(`${f.inSidebar ? "sidebar" : "page"}:${f.label}`);
      if (!f.ring) unringed.push(f.label);
    }
    // The sidebar's links and then the page's own controls (filters, rows) are reachable.
    expect(seen.some((s) => s === "sidebar:Vouchers"), seen.join(", ")).toBe(true);
    expect(seen.some((s) => s.startsWith("page:")), seen.join(", ")).toBe(true);
    expect(unringed, "focused without a visible ring").toEqual([]);
    await context.close();
    expect(problems).toEqual([]);
  }, 60_000);
});

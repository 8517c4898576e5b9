// Visual check of every UI page against a running server: signs in, visits each page
// and saves full-page screenshots to test-results/screenshots/. Console errors are
// printed. Usage: BASE_URL=http://localhost:3999 npx tsx tests/e2e/screenshots.ts [page-name...]
import { mkdirSync } from "node:fs";
import { chromium, errors, type Page } from "playwright-core";

const base = process.env.BASE_URL ?? "http://localhost:3999";
const out = "test-results/screenshots";
const username = process.env.ADMIN_USERNAME ?? "admin";
const password = process.env.ADMIN_PASSWORD ?? "admin-pass-123";
const only = process.argv.slice(2);

const adminPages: [string, string][] = [
  ["dashboard", "/"],
  ["transactions", "/transactions"],
  ["vouchers", "/vouchers"],
  ["allocations", "/allocations"],
  ["refunds", "/refunds"],
  ["logs", "/logs"],
  ["backups", "/backups"],
  ["routers", "/routers"],
  ["users", "/users"],
  ["vouchers-print", "/vouchers/print"],
];

function watch(page: Page, name: string) {
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") console.log(`[${name}] console.${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => console.log(`[${name}] page error: ${e.message}`));
}

async function shot(page: Page, name: string) {
  // A page holding a live subscription never goes idle: shoot it anyway, but only for that.
  await page.waitForLoadState("networkidle", { timeout: 5000 }).catch((e: unknown) => {
    if (!(e instanceof errors.TimeoutError)) throw e;
  });
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(`saved ${name}.png`);
}

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
});
try {
  const want = (name: string) => only.length === 0 || only.includes(name);

  const desktop = await browser.newContext({ viewport: { width: 1380, height: 860 } });
  const page = await desktop.newPage();
  watch(page, "desktop");
  await page.goto(`${base}/login`);
  if (want("login")) await shot(page, "login");
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('button:has-text("Sign in")');
  await page.waitForURL(`${base}/`);
  for (const [name, path] of adminPages) {
    if (!want(name)) continue;
    await page.goto(`${base}${path}`);
    await shot(page, name);
  }

  if (want("voucher-detail") || want("transaction-detail")) {
    const ids = (await page.evaluate(
      `fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' }, body: JSON.stringify({ query: '{ vouchers(first: 1, filter: { status: [SOLD] }) { edges { node { id transaction { id } } } } }' }) }).then((r) => r.json())`,
    )) as { data?: { vouchers: { edges: { node: { id: string; transaction: { id: string } | null } }[] } } };
    const node = ids.data?.vouchers.edges[0]?.node;
    if (node && want("voucher-detail")) {
      await page.goto(`${base}/vouchers/${encodeURIComponent(node.id)}`);
      await shot(page, "voucher-detail");
    }
    if (node?.transaction && want("transaction-detail")) {
      await page.goto(`${base}/transactions/${encodeURIComponent(node.transaction.id)}`);
      await shot(page, "transaction-detail");
    }
  }

  if (want("admin-mobile")) {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, storageState: await desktop.storageState() });
    const mobile = await phone.newPage();
    watch(mobile, "admin-mobile");
    await mobile.goto(`${base}/transactions`);
    await shot(mobile, "admin-mobile");
    await mobile.click('button[aria-label="Open menu"]');
    await shot(mobile, "admin-mobile-menu");
    await phone.close();
  }

  if (want("buy") || want("buy-mobile")) {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const mobile = await phone.newPage();
    watch(mobile, "mobile");
    await mobile.goto(`${base}/buy`);
    await shot(mobile, "buy-mobile");
    await phone.close();
  }
  await desktop.close();
} finally {
  await browser.close();
}

// Dashboard latency from the aggregates vs the naive GROUP BY over the sales, at 10,000
// and 1,000,000 sales over two years, for a day, 30 days and a year. Writes the
// "## Dashboard" section of bench/RESULTS.md.
//
//   npx tsx bench/dashboard.ts                   # both sizes
//   npx tsx bench/dashboard.ts --sizes 10000 --runs 20 --no-write
//
// Seeding: one transaction of prepared INSERTs straight into the file, with the change-log
// and dashboard triggers absent (a bulk load) and Transaction's secondary indexes rebuilt at the end, then the aggregates are rebuilt once
// (installDashboard does it when it finds its triggers missing). The seeded sales have no
// log entries. The dashboard is then measured over HTTP against the started server; the
// naive query runs on a read-only connection to the same file (no HTTP: it is favoured).
process.env.NODE_ENV = "production";

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const { buildApp } = await import("../api/app.js");
const { loadConfig } = await import("../api/core/config.js");
const { openDatabase } = await import("../api/db/client.js");
const { installDashboard } = await import("../api/modules/dashboard/index.js");

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const sizes = arg("sizes", "10000,1000000").split(",").map(Number);
const runs = Number(arg("runs", "30"));
const naiveRunsArg = arg("naive-runs", "");
const naiveRunsFor = (n: number) => Number(naiveRunsArg || (n >= 1_000_000 ? 3 : 8));
const write = !process.argv.includes("--no-write");
const ZONE = "Africa/Accra";

const stamp = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const BUNDLES = [["0.50 GHS 100 MB", 50], ["1 GHS 300 MB", 100], ["2 GHS 1 GB", 200], ["5 GHS 3 GB", 500], ["10 GHS 8 GB", 1000], ["20 GHS week", 2000]] as const;
// Customers buy mostly from late morning to late evening.
const HOUR_WEIGHTS = [1, 1, 0, 0, 0, 1, 2, 4, 6, 7, 8, 9, 10, 9, 8, 8, 9, 10, 12, 12, 10, 7, 4, 2];

function seed(dbFile: string, n: number, now: number): { seconds: number } {
  const sqlite = new Database(dbFile);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  for (const t of sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'cz\\_%' ESCAPE '\\' OR name LIKE 'dash\\_%' ESCAPE '\\')`).pluck().all() as string[]) {
    sqlite.exec(`DROP TRIGGER "${t}"`);
  }
  let s = 12345;
  const random = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const cumulative = HOUR_WEIGHTS.map((_, i) => HOUR_WEIGHTS.slice(0, i + 1).reduce((a, b) => a + b, 0));
  const totalWeight = cumulative[23]!;
  const started = performance.now();
  const allocation = sqlite.prepare(`INSERT INTO "Allocation" ("id","code","name","priceMinor","currency","active","createdAt","updatedAt") VALUES (?, ?, ?, ?, 'GHS', 1, ?, ?)`);
  const voucher = sqlite.prepare(`INSERT INTO "Voucher" ("id","username","password","allocationId","status","createdAt","updatedAt") VALUES (?, ?, 'pw', ?, 'AVAILABLE', ?, ?)`);
  const sale = sqlite.prepare(
    `INSERT INTO "Transaction" ("id","reference","fullName","phoneNumber","network","allocationId","amountMinor","currency","status","provider","refundedMinor","paidAt","createdAt","updatedAt")
     VALUES (?, ?, 'Seed Buyer', ?, 'MTN', ?, ?, 'GHS', ?, ?, ?, ?, ?, ?)`,
  );
  const twoYears = 730 * 86_400_000;
  // The secondary indexes are built once after the load (a sort) rather than row by row.
  const indexes = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Transaction' AND sql IS NOT NULL`).all() as { name: string; sql: string }[];
  sqlite.transaction(() => {
    for (const i of indexes) sqlite.exec(`DROP INDEX "${i.name}"`);
    const t = stamp(now);
    BUNDLES.forEach(([name, price], i) => {
      allocation.run(`bundle${i}`, `B${i}`, name, price, t, t);
      for (let v = 0; v < 500 * (i + 1); v++) voucher.run(`v${i}x${v}`, `u${i}x${v}`, `bundle${i}`, t, t);
    });
    for (let i = 0; i < n; i++) {
      const day = Math.floor(((i + random()) / n) * 730);
      const r = random() * totalWeight;
      const hour = cumulative.findIndex((c) => r < c);
      const at = Math.min(now - 1000, now - twoYears + day * 86_400_000 + hour * 3_600_000 + Math.floor(random() * 3_600_000));
      const b = Math.min(5, Math.floor(random() ** 1.8 * 6));
      const price = BUNDLES[b]![1];
      const x = random();
      const status = x < 0.93 ? "PAID" : x < 0.95 ? "PARTIALLY_REFUNDED" : x < 0.96 ? "REFUNDED" : x < 0.99 ? "FAILED" : "PENDING";
      const refunded = status === "REFUNDED" ? price : status === "PARTIALLY_REFUNDED" ? Math.floor(price / 2) : 0;
      const phone = `024${String(Math.floor(random() * Math.max(100, n / 3))).padStart(7, "0")}`;
      sale.run(`s${i}`, `CZ-S${i}`, phone, `bundle${b}`, price, status, random() < 0.7 ? "paystack" : "cash", refunded, stamp(at), stamp(at), stamp(at));
    }
    for (const i of indexes) sqlite.exec(i.sql);
  })();
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  return { seconds };
}

const QUERY = `query($from: DateTime, $to: DateTime, $g: Granularity!) { dashboard(from: $from, to: $to) {
  sales refunds newCustomers repeatSales vouchersAvailable refundRate
  revenue { amountMinor } refundedAmount { amountMinor } averageSale { amountMinor }
  previousPeriod { sales revenue { amountMinor } } today { sales } yesterday { sales } thisWeek { sales } lastWeek { sales }
  series(granularity: $g) { bucket sales refunds revenue { amountMinor } refundedAmount { amountMinor } }
  salesByAllocation { allocation { name } sales revenue { amountMinor } }
  salesByHour { hour sales } providerSplit { provider sales revenue { amountMinor } }
  stock { allocation { name } available daysLeft warning }
} }`;

// The same figures the legacy way: GROUP BY over the transactions of the range.
const NAIVE = [
  `SELECT "allocationId", "provider", count(*), sum("amountMinor"), sum("status" <> 'PAID' OR "refundedMinor" > 0), sum("refundedMinor")
     FROM "Transaction" WHERE "createdAt" >= ? AND "createdAt" < ? AND "status" IN ('PAID','PARTIALLY_REFUNDED','REFUNDED') GROUP BY 1, 2`,
  `SELECT strftime(?, "createdAt") AS b, count(*), sum("amountMinor"), sum("status" <> 'PAID' OR "refundedMinor" > 0)
     FROM "Transaction" WHERE "createdAt" >= ? AND "createdAt" < ? AND "status" IN ('PAID','PARTIALLY_REFUNDED','REFUNDED') GROUP BY b`,
  `SELECT strftime('%H', "createdAt") AS h, count(*) FROM "Transaction"
     WHERE "createdAt" >= ? AND "createdAt" < ? AND "status" IN ('PAID','PARTIALLY_REFUNDED','REFUNDED') GROUP BY h`,
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

type Row = { sales: number; range: string; granularity: string; p50: number; p95: number; naive50: number; naive95: number; answerSales: number; floor50: number };

async function measure(n: number): Promise<{ rows: Row[]; seedSeconds: number; rebuildSeconds: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "cz-bench-dash-"));
  const dbFile = path.join(dir, "chillzone.db");
  try {
    const db = await openDatabase(dbFile, "bench-seed");
    await db.close();
    const now = Date.now();
    const { seconds: seedSeconds } = seed(dbFile, n, now);
    const sqlite = new Database(dbFile);
    const t0 = performance.now();
    installDashboard(sqlite, ZONE); // finds no triggers: installs them and rebuilds
    const rebuildSeconds = (performance.now() - t0) / 1000;
    sqlite.close();

    const config = loadConfig({ NODE_ENV: "production", DATA_DIR: dir, HOST: "127.0.0.1", LOG_LEVEL: "silent", TIME_ZONE: ZONE, ADMIN_USERNAME: "admin", ADMIN_PASSWORD: "bench-pass-123", UI_DIR: path.join(dir, "no-ui") });
    const app = await buildApp(config);
    const { url } = await app.start(0);
    const post = async (body: unknown, token?: string) => {
      const res = await fetch(`${url}/graphql`, {
        method: "POST",
        // A fresh connection each time: the naive queries block this process for seconds, and a
        // kept-alive socket the server closed meanwhile would fail the next request.
        headers: { connection: "close", "content-type": "application/json", "x-graphql-yoga-csrf": "1", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return (await res.json()) as any;
    };
    const login = await post({ query: `mutation { login(username: "admin", password: "bench-pass-123") { token } }` });
    const token = login.data.login.token as string;
    const reader = new Database(dbFile, { readonly: true });
    const naive = NAIVE.map((sql) => reader.prepare(sql));

    const end = Math.ceil(now / 3_600_000) * 3_600_000;
    const ranges: [string, number, string, string][] = [
      ["1 day", 86_400_000, "HOUR", "%Y-%m-%dT%H"],
      ["30 days", 30 * 86_400_000, "DAY", "%Y-%m-%d"],
      ["1 year", 365 * 86_400_000, "MONTH", "%Y-%m"],
    ];
    const rows: Row[] = [];
    const naiveRuns = naiveRunsFor(n);
    try {
      for (const [label, span, g, fmt] of ranges) {
        const vars = { from: new Date(end - span).toISOString(), to: new Date(end).toISOString(), g };
        let answerSales = 0;
        for (let i = 0; i < 5; i++) answerSales = (await post({ query: QUERY, variables: vars }, token)).data.dashboard.sales;
        const times: number[] = [];
        const floor: number[] = [];
        for (let i = 0; i < runs; i++) {
          let t = performance.now();
          const r = await post({ query: QUERY, variables: vars }, token);
          times.push(performance.now() - t);
          if (r.errors) throw new Error(JSON.stringify(r.errors));
          // The same server's floor: an authenticated request that reads one row.
          t = performance.now();
          await post({ query: `{ me { id } }` }, token);
          floor.push(performance.now() - t);
        }
        const a = stamp(end - span), b = stamp(end);
        const naiveTimes: number[] = [];
        let naiveSales = 0;
        for (let i = 0; i < naiveRuns + 1; i++) {
          const t = performance.now();
          const totals = naive[0]!.raw().all(a, b) as number[][];
          naive[1]!.all(fmt, a, b);
          naive[2]!.all(a, b);
          if (i > 0) naiveTimes.push(performance.now() - t);
          naiveSales = totals.reduce((s, r) => s + Number(r[2]), 0);
        }
        if (naiveSales !== answerSales) throw new Error(`${label}: naive ${naiveSales} sales, dashboard ${answerSales}`);
        rows.push({ sales: n, range: label, granularity: g, p50: pct(times, 50), p95: pct(times, 95), naive50: pct(naiveTimes, 50), naive95: pct(naiveTimes, 95), answerSales, floor50: pct(floor, 50) });
        console.log(`${n} sales, ${label}: dashboard p50 ${pct(times, 50).toFixed(1)} ms p95 ${pct(times, 95).toFixed(1)} ms; naive p50 ${pct(naiveTimes, 50).toFixed(1)} ms`);
      }
    } finally {
      reader.close();
      await app.stop();
    }
    return { rows, seedSeconds, rebuildSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const loadAtStart = loadavg()[0]!;
const results: { n: number; seedSeconds: number; rebuildSeconds: number; rows: Row[] }[] = [];
for (const n of sizes) {
  const r = await measure(n);
  console.log(`${n} sales: seeded in ${r.seedSeconds.toFixed(1)} s, aggregates rebuilt in ${r.rebuildSeconds.toFixed(1)} s`);
  results.push({ n, ...r });
}

function section(): string {
  let uname = "";
  try {
    uname = execFileSync("uname", ["-a"], { encoding: "utf8" }).trim();
  } catch {
    uname = `${process.platform} ${process.arch}`;
  }
  const f = (x: number) => x.toFixed(1);
  const lines = [
    "## Dashboard",
    "",
    "`npx tsx bench/dashboard.ts`: sales over two years (6 bundles, 93% paid, 3% refunded in part or full, mobile money and cash,",
    "busier by day), seeded in one transaction of prepared statements, aggregates rebuilt once. The dashboard is the page's whole",
    "query (totals, previous period, today/week comparisons, series, bundles, hours, providers, stock) over HTTP as an admin,",
    `${runs} runs after 5 warm-up runs; "naive" is the legacy way, GROUP BY over the transactions of the range (totals per bundle and`,
    "provider, the series, sales by hour) on a read-only connection without HTTP, 8 runs (3 at 1,000,000). Both return the same sales count.",
    "\"HTTP floor\" is `{ me { id } }` on the same server in the same loop: what any request costs on this machine at that moment.",
    "Target: p50 under 15 ms at 1,000,000.",
    "",
    `- Machine: \`${uname}\``,
    `- CPU: ${cpus()[0]?.model ?? "unknown"} (${cpus().length} cores)`,
    `- Node: ${process.version}`,
    `- Date: ${new Date().toISOString()}`,
    `- Load average (1 min) at start / end: ${loadAtStart.toFixed(2)} / ${loadavg()[0]!.toFixed(2)} (the machine is shared with other work)`,
    ...results.map((r) => `- ${r.n.toLocaleString("en-US")} sales: seeded in ${f(r.seedSeconds)} s, aggregates rebuilt in ${f(r.rebuildSeconds)} s`),
    "",
    "| Sales | Range | Series | Dashboard p50 ms | p95 ms | HTTP floor p50 ms | Naive p50 ms | p95 ms | Naive / dashboard (p50) |",
    "|---:|---|---|---:|---:|---:|---:|---:|---:|",
    ...results.flatMap((r) =>
      r.rows.map((x) => `| ${x.sales.toLocaleString("en-US")} | ${x.range} | ${x.granularity} | ${f(x.p50)} | ${f(x.p95)} | ${f(x.floor50)} | ${f(x.naive50)} | ${f(x.naive95)} | ${(x.naive50 / x.p50).toFixed(1)}x |`),
    ),
    "",
  ];
  return lines.join("\n");
}

if (write) {
  const file = new URL("./RESULTS.md", import.meta.url);
  const current = readFileSync(file, "utf8");
  const start = current.indexOf("## Dashboard");
  let next: string;
  if (start < 0) next = `${current.trimEnd()}\n\n${section()}`;
  else {
    const after = current.indexOf("\n## ", start + 1);
    next = current.slice(0, start) + section() + (after < 0 ? "" : current.slice(after));
  }
  writeFileSync(file, next.endsWith("\n") ? next : `${next}\n`);
  console.log("wrote bench/RESULTS.md");
}

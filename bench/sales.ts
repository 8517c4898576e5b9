// Sales per second through the real server over HTTP: staff sell for cash (purchase with
// provider "cash") and confirm it (confirmPayment), with 10,000 and with 1,000,000 existing
// sales in the database. Writes the "## Sales throughput" section of bench/RESULTS.md.
//
//   npx tsx bench/sales.ts                       # both sizes, default load
//   npx tsx bench/sales.ts --sizes 10000 --sales 300 --concurrency 1,8 --no-write
//
// Seeding writes straight into the database file with prepared statements, with the change
// triggers dropped (the app reinstalls them at start), so seeded rows have no log entries.
process.env.NODE_ENV = "production";

import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const { buildApp } = await import("../api/app.js");
const { loadConfig } = await import("../api/core/config.js");
const { openDatabase } = await import("../api/db/client.js");

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const sizes = arg("sizes", "10000,1000000").split(",").map(Number);
const salesPerRun = Number(arg("sales", "1000"));
const concurrencies = arg("concurrency", "1,16").split(",").map(Number);
const write = !process.argv.includes("--no-write");
const WARMUP = 50;

const stamp = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";
function seededReference(i: number): string {
  let s = "";
  for (let k = 0; k < 8; k++) {
    s = alphabet[i % alphabet.length] + s;
    i = Math.floor(i / alphabet.length);
  }
  return `CZ-${s}`;
}

/** Existing history: `existing` paid sales with their sold vouchers, plus `available` vouchers to sell. */
async function seed(dbFile: string, existing: number, available: number): Promise<string> {
  const db = await openDatabase(dbFile, "bench-seed"); // migrations and schema
  await db.close();
  const sqlite = new Database(dbFile);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const triggers = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'cz\\_%' ESCAPE '\\'`).all() as { name: string }[];
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);

  const allocationId = `bench${randomUUID().replace(/-/g, "").slice(0, 20)}`;
  const now = Date.now();
  const yearMs = 365 * 24 * 3_600_000;
  const insertVoucher = sqlite.prepare(
    `INSERT INTO "Voucher" ("id","username","password","allocationId","status","source","expiresAt","createdAt","updatedAt")
     VALUES (?, ?, ?, ?, ?, 'GENERATED', ?, ?, ?)`,
  );
  const insertSale = sqlite.prepare(
    `INSERT INTO "Transaction" ("id","reference","fullName","phoneNumber","network","allocationId","amountMinor","currency","status","provider",
       "providerReference","voucherId","voucherDelivered","idempotencyKey","paidAt","expiresAt","createdAt","updatedAt")
     VALUES (?, ?, 'Seed Buyer', ?, 'MTN', ?, 500, 'GHS', 'PAID', 'cash', ?, ?, 1, ?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    const t = stamp(now);
    sqlite
      .prepare(`INSERT INTO "Allocation" ("id","code","name","priceMinor","currency","dataLimitMb","validityHours","active","createdAt","updatedAt") VALUES (?, '5_GHS__1GB', '1 GB day pass', 500, 'GHS', 1024, 24, 1, ?, ?)`)
      .run(allocationId, t, t);
    for (let i = 0; i < existing; i++) {
      const at = now - yearMs + Math.floor((i / existing) * yearMs);
      const voucherId = `sv${String(i).padStart(22, "0")}`;
      insertVoucher.run(voucherId, `seed${i}`, `p${i}`, allocationId, "SOLD", stamp(at + 86_400_000), stamp(at - 86_400_000), stamp(at));
      insertSale.run(
        `st${String(i).padStart(22, "0")}`, seededReference(i), `024${String(i % 10_000_000).padStart(7, "0")}`, allocationId,
        `RCPT-SEED-${i}`, voucherId, `seed-${i}`, stamp(at), stamp(at + 900_000), stamp(at), stamp(at),
      );
    }
    for (let i = 0; i < available; i++) {
      insertVoucher.run(`av${String(i).padStart(22, "0")}`, `avail${i}`, `a${i}`, allocationId, "AVAILABLE", null, stamp(now), stamp(now));
    }
  })();
  sqlite.exec("ANALYZE");
  sqlite.close();
  return allocationId;
}

type Gql = (query: string, variables: Record<string, unknown>, token?: string) => Promise<{ data?: any; errors?: { message: string }[] }>;

const PURCHASE = `mutation Sell($input: PurchaseInput!) { purchase(input: $input) { transaction { reference status } } }`;
const CONFIRM = `mutation Confirm($input: ConfirmPaymentInput!) { confirmPayment(input: $input) { status } }`;

async function sell(gql: Gql, token: string, allocationId: string, n: number): Promise<number> {
  const started = performance.now();
  const p = await gql(
    PURCHASE,
    { input: { allocationId, fullName: "Counter Buyer", phoneNumber: `054${String(n % 10_000_000).padStart(7, "0")}`, provider: "cash", idempotencyKey: randomUUID() } },
    token,
  );
  if (p.errors) throw new Error(`purchase: ${p.errors[0]!.message}`);
  const c = await gql(CONFIRM, { input: { reference: p.data.purchase.transaction.reference, providerReference: `RCPT-${n}-${randomUUID().slice(0, 8)}` } }, token);
  if (c.errors || c.data.confirmPayment.status !== "PAID") throw new Error(`confirmPayment: ${JSON.stringify(c.errors)}`);
  return performance.now() - started;
}

async function runLoad(gql: Gql, token: string, allocationId: string, total: number, concurrency: number, offset: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const n = offset + next++;
        latencies.push(await sell(gql, token, allocationId, n));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { seconds, perSecond: total / seconds, p50: pct(0.5), p95: pct(0.95), p99: pct(0.99) };
}

type Row = { existing: number; concurrency: number; sales: number; seconds: number; perSecond: number; p50: number; p95: number; p99: number; seedSeconds: number };

async function benchSize(existing: number): Promise<Row[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cz-bench-sales-"));
  const config = loadConfig({
    NODE_ENV: "production", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent",
    ADMIN_USERNAME: "admin", ADMIN_PASSWORD: "bench-admin-pass", UI_DIR: path.join(dataDir, "no-ui"),
  });
  const needed = concurrencies.length * (salesPerRun + WARMUP) + 10;
  const seedStart = performance.now();
  const dbId = await seed(config.dbFile, existing, needed);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  console.log(`seeded ${existing} sales in ${seedSeconds.toFixed(1)} s`);

  const app = await buildApp(config);
  const { url } = await app.start(0);
  const gql: Gql = async (query, variables, token) => {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as Promise<{ data?: any; errors?: { message: string }[] }>;
  };
  const login = async (u: string, p: string) => (await gql(`mutation($u:String!,$p:String!){login(username:$u,password:$p){token}}`, { u, p })).data.login.token as string;
  try {
    const admin = await login("admin", "bench-admin-pass");
    const created = await gql(`mutation($i: CreateUserInput!){createUser(input:$i){id}}`, { i: { username: "counter", password: "counter-pass-1", role: "STAFF" } }, admin);
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    const staff = await login("counter", "counter-pass-1");
    const allocationId = Buffer.from(`Allocation:${dbId}`).toString("base64");
    const rows: Row[] = [];
    let offset = 0;
    for (const concurrency of concurrencies) {
      await runLoad(gql, staff, allocationId, WARMUP, concurrency, offset);
      offset += WARMUP;
      const r = await runLoad(gql, staff, allocationId, salesPerRun, concurrency, offset);
      offset += salesPerRun;
      rows.push({ existing, concurrency, sales: salesPerRun, seedSeconds, ...r });
      console.log(`${existing} existing, concurrency ${concurrency}: ${r.perSecond.toFixed(1)} sales/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
    }
    return rows;
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function machine(): string {
  let uname = "";
  try {
    uname = execFileSync("uname", ["-a"], { encoding: "utf8" }).trim();
  } catch {
    uname = `${process.platform} ${process.arch}`;
  }
  return [
    `- Machine: \`${uname}\``,
    `- CPU: ${cpus()[0]?.model ?? "unknown"} (${cpus().length} cores)`,
    `- Node: ${process.version}`,
    `- Date: ${new Date().toISOString()}`,
    // The numbers are only comparable between runs on an otherwise idle machine.
    `- Load average (1 min) at start / end: ${loadAtStart.toFixed(2)} / ${loadavg()[0]!.toFixed(2)}`,
  ].join("\n");
}

function section(rows: Row[]): string {
  const table = [
    "| Existing sales | Concurrency | Sales measured | Seconds | Sales/s | p50 ms | p95 ms | p99 ms |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) =>
      `| ${r.existing.toLocaleString("en-US")} | ${r.concurrency} | ${r.sales} | ${r.seconds.toFixed(1)} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} |`,
    ),
  ].join("\n");
  return `## Sales throughput

One sale = \`purchase\` (provider \`cash\`, as staff) + \`confirmPayment\`, two GraphQL requests over real HTTP
to the full server (change triggers, log writer, change feed, outbox worker with the log-only SMS sender
all running). Each run is preceded by ${WARMUP} warm-up sales. "Existing sales" are PAID transactions with
sold vouchers, seeded directly into the file before the server starts. Run: \`npx tsx bench/sales.ts\`.

${machine()}
${loadAtStart > cpus().length ? `\nThe machine was busy with other work during this run (load above its ${cpus().length} cores): treat the absolute numbers as a floor;\nthe comparison between database sizes is what the run shows.\n` : ""}
${table}
`;
}

function writeResults(text: string) {
  const file = new URL("./RESULTS.md", import.meta.url);
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const start = current.indexOf("## Sales throughput");
  let next: string;
  if (start < 0) next = `${current.trimEnd()}\n\n${text}`;
  else {
    const after = current.indexOf("\n## ", start + 1);
    next = current.slice(0, start) + text + (after < 0 ? "" : `\n${current.slice(after + 1)}`);
  }
  writeFileSync(file, next.endsWith("\n") ? next : `${next}\n`);
}

const loadAtStart = loadavg()[0]!;
const rows: Row[] = [];
for (const size of sizes) rows.push(...(await benchSize(size)));
const text = section(rows);
console.log(`\n${text}`);
if (write) writeResults(text);
if (!process.env.BENCH_NO_EXIT) process.exit(0);

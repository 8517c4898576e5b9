// What the backup journal costs: the latency one write gains from it (createAllocation one at
// a time) at 10,000 and 1,000,000 existing log entries, and cash sales per second (purchase +
// confirmPayment, several counters at once) with JOURNAL=on and JOURNAL=off, side by side in
// one run on the same database. Writes the "## Backup journal" section of bench/RESULTS.md.
//
//   npx tsx bench/journal.ts                                  # both sizes
//   npx tsx bench/journal.ts --sizes 10000 --writes 100 --sales 100 --no-write
//
// The existing log is seeded straight into the file; the journal is then started after it
// (a first segment beginning at the next sequence), as on a server whose journal was enabled
// when the log already held that history, so the run measures the steady state, not the
// one-off catch-up of the history.
process.env.NODE_ENV = "production";

import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const { buildApp } = await import("../api/app.js");
const { loadConfig } = await import("../api/core/config.js");
const { openDatabase } = await import("../api/db/client.js");
const { encodeHeader, FORMAT_VERSION, GENESIS, segmentName } = await import("../api/journal/format.js");

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const sizes = arg("sizes", "10000,1000000").split(",").map(Number);
const writes = Number(arg("writes", "200"));
const salesPerRun = Number(arg("sales", "200"));
const concurrency = Number(arg("concurrency", "8"));
const write = !process.argv.includes("--no-write");

const stamp = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** `entries` log entries (UPDATE-shaped, ~400 bytes each), an allocation and `vouchers` vouchers to sell. */
async function seed(dbFile: string, entries: number, vouchers: number): Promise<string> {
  const db = await openDatabase(dbFile, "bench-seed");
  await db.close();
  const sqlite = new Database(dbFile);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const triggers = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'cz\\_%' ESCAPE '\\'`).all() as { name: string }[];
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  const allocationId = `bench${randomUUID().replace(/-/g, "").slice(0, 20)}`;
  const now = Date.now();
  const log = sqlite.prepare(`INSERT INTO LogEntry (at, kind, level, model, recordId, message, actorLabel, origin, data) VALUES (?, 'UPDATE', 'INFO', 'Voucher', ?, 'Voucher updated: status', 'system', 'seed', ?)`);
  const voucher = sqlite.prepare(`INSERT INTO "Voucher" ("id","username","password","allocationId","status","source","createdAt","updatedAt") VALUES (?, ?, ?, ?, 'AVAILABLE', 'GENERATED', ?, ?)`);
  sqlite.transaction(() => {
    const t = stamp(now);
    sqlite.prepare(`INSERT INTO "Allocation" ("id","code","name","priceMinor","currency","dataLimitMb","validityHours","active","createdAt","updatedAt") VALUES (?, '5_GHS__1GB', '1 GB day pass', 500, 'GHS', 1024, 24, 1, ?, ?)`).run(allocationId, t, t);
    for (let i = 0; i < entries; i++) {
      const id = `v${String(i).padStart(23, "0")}`;
      log.run(stamp(now - (entries - i) * 1000), id, JSON.stringify({ before: { id, status: "AVAILABLE", username: `u${i}` }, after: { id, status: "SOLD", username: `u${i}` } }));
    }
    for (let i = 0; i < vouchers; i++) voucher.run(`av${String(i).padStart(22, "0")}`, `avail${i}`, `a${i}`, allocationId, t, t);
  })();
  sqlite.exec("ANALYZE");
  const max = Number(sqlite.prepare("SELECT coalesce(max(sequence), 0) FROM LogEntry").pluck().get());
  const schema = String(sqlite.prepare("SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1").pluck().get());
  sqlite.close();
  // The journal begins after the seeded history.
  const dir = path.join(path.dirname(dbFile), "backups", "journal");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(dir, segmentName(max + 1)), encodeHeader({ format: FORMAT_VERSION, schema, firstSequence: max + 1, prevHash: GENESIS, createdAt: new Date().toISOString() }), { mode: 0o600 });
  return allocationId;
}

type Gql = (query: string, variables: Record<string, unknown>, token?: string) => Promise<{ data?: any; errors?: { message: string }[] }>;
const PURCHASE = `mutation Sell($input: PurchaseInput!) { purchase(input: $input) { transaction { reference status } } }`;
const CONFIRM = `mutation Confirm($input: ConfirmPaymentInput!) { confirmPayment(input: $input) { status } }`;
const CREATE = `mutation Create($input: AllocationInput!) { createAllocation(input: $input) { id } }`;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

type Result = { journal: "on" | "off"; writeP50: number; writeP95: number; salesPerSecond: number; flushes: number; writesJournaled: number };

let counter = 0;
async function run(dataDir: string, allocationDbId: string, journal: "on" | "off"): Promise<Result> {
  const config = loadConfig({
    NODE_ENV: "production", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", JOURNAL: journal,
    ADMIN_USERNAME: "admin", ADMIN_PASSWORD: "bench-admin-pass", UI_DIR: path.join(dataDir, "no-ui"),
  });
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
  try {
    const admin = (await gql(`mutation($u:String!,$p:String!){login(username:$u,password:$p){token}}`, { u: "admin", p: "bench-admin-pass" })).data.login.token as string;
    const flushesBefore = app.services.journal.status().flushes;
    // One write at a time: the latency the journal adds is its fdatasync, unshared.
    const lat: number[] = [];
    for (let i = 0; i < writes + 20; i++) {
      const n = ++counter;
      const t0 = performance.now();
      const r = await gql(CREATE, { input: { name: `Bench ${n}`, priceMinor: 10_000 + n, dataLimitMb: 10_000 + n } }, admin);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      if (i >= 20) lat.push(performance.now() - t0);
    }
    lat.sort((a, b) => a - b);
    // Sales: `concurrency` counters at once; their journal waits share flushes.
    const allocationId = Buffer.from(`Allocation:${allocationDbId}`).toString("base64");
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < salesPerRun) {
          const n = ++counter;
          next++;
          const p = await gql(PURCHASE, { input: { allocationId, fullName: "Counter Buyer", phoneNumber: `054${String(n).padStart(7, "0")}`, provider: "cash", idempotencyKey: randomUUID() } }, admin);
          if (p.errors) throw new Error(`purchase: ${p.errors[0]!.message}`);
          const c = await gql(CONFIRM, { input: { reference: p.data.purchase.transaction.reference, providerReference: `RCPT-${n}` } }, admin);
          if (c.errors) throw new Error(`confirm: ${c.errors[0]!.message}`);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const st = app.services.journal.status();
    return { journal, writeP50: pct(lat, 50), writeP95: pct(lat, 95), salesPerSecond: salesPerRun / seconds, flushes: st.flushes - flushesBefore, writesJournaled: writes + 20 + 2 * salesPerRun };
  } finally {
    await app.stop();
  }
}

const load0 = loadavg()[0]!;
const started = new Date();
const lines: string[] = [];
for (const size of sizes) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cz-bench-journal-"));
  try {
    const s0 = performance.now();
    const allocationId = await seed(path.join(dataDir, "chillzone.db"), size, 2 * salesPerRun + 10);
    console.log(`seeded ${size} log entries in ${((performance.now() - s0) / 1000).toFixed(1)} s`);
    // Alternate the order so neither side always runs on the warmer cache.
    const off1 = await run(dataDir, allocationId, "off");
    const on = await run(dataDir, allocationId, "on");
    for (const r of [off1, on]) {
      const line = `| ${size.toLocaleString("en-US")} | ${r.journal} | ${r.writeP50.toFixed(2)} | ${r.writeP95.toFixed(2)} | ${r.salesPerSecond.toFixed(1)} | ${r.journal === "on" ? `${r.flushes} for ${r.writesJournaled} writes` : "-"} |`;
      console.log(line);
      lines.push(line);
    }
    const signed = (n: number, digits: number) => `${n >= 0 ? "+" : ""}${n.toFixed(digits)}`;
    lines.push(`| ${size.toLocaleString("en-US")} | **on − off** | **${signed(on.writeP50 - off1.writeP50, 2)}** | **${signed(on.writeP95 - off1.writeP95, 2)}** | **${signed((on.salesPerSecond / off1.salesPerSecond - 1) * 100, 1)} %** | |`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const cpu = cpus();
const section = `## Backup journal

\`npx tsx bench/journal.ts\`: the same database and server code with \`JOURNAL=off\` and \`JOURNAL=on\`, side by side. Write latency: ${writes} \`createAllocation\` mutations one at a time over HTTP (after 20 warm-up writes), so every write pays its own journal fdatasync. Sales: ${salesPerRun} cash sales (purchase + confirmPayment) from ${concurrency} counters at once. The log already holds the given number of entries; the journal starts after them.

- Machine: \`${execFileSync("uname", ["-a"]).toString().trim()}\`
- CPU: ${cpu[0]?.model} (${cpu.length} cores)
- Node: ${process.version}
- Date: ${started.toISOString()}
- Load average (1 min) at start / end: ${load0.toFixed(2)} / ${loadavg()[0]!.toFixed(2)} (a shared machine: compare the rows of one run, not runs)

| Log entries | journal | write p50 ms | write p95 ms | sales/s | fdatasyncs |
|---:|---|---:|---:|---:|---|
${lines.join("\n")}
`;
console.log(section);
if (write) {
  const file = path.join(import.meta.dirname, "RESULTS.md");
  const text = readFileSync(file, "utf8");
  const start = text.indexOf("## Backup journal");
  const rest = start >= 0 ? text.slice(start + 1).search(/\n## /) : -1;
  const next = start >= 0 && rest >= 0 ? start + 1 + rest + 1 : -1;
  const updated = start < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, start)}${section}${next > 0 ? `\n${text.slice(next)}` : ""}`;
  writeFileSync(file, updated);
}

// The hot paths side by side in one run, each against its limit:
// - a cash sale (purchase + confirmPayment as staff): p50/p95 and sales/s at 1 and 16 clients;
// - `{ allocations { id name } }` (anonymous) at 16 keep-alive clients, against a bare
//   node:http + better-sqlite3 handler answering the same JSON from the same file;
// - a page of 50 transactions with allocation and voucher (staff), against its bare handler.
// The server under test and the bare handler each run in their own child process; the load
// comes from this process (autocannon for the reads, fetch for the sales), the same for both
// sides. Reads alternate app / bare for --rounds rounds and report the medians.
// Writes the "## Hot paths: latest run" section of bench/RESULTS.md (the analysis above it is by hand).
//
//   npx tsx bench/hot-paths.ts                      # defaults: 10,000 existing sales
//   npx tsx bench/hot-paths.ts --existing 10000 --sales 300 --seconds 5 --rounds 3 --no-write
//   npx tsx bench/hot-paths.ts --profile /tmp/prof  # the app server under --cpu-prof (slower)
process.env.NODE_ENV = "production";

import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const ALLOCATIONS = `{ allocations { id name } }`;
const PAGE = `{ transactions(first: 50) { edges { cursor node { id reference fullName phoneNumber status provider createdAt paidAt amount { amountMinor currency } allocation { id name } voucher { id username status } } } pageInfo { hasNextPage endCursor } } }`;
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

// ---------------------------------------------------------------- child: the servers under test
if (process.argv.includes("--serve")) {
  const kind = arg("serve", "app");
  const dataDir = arg("data", "");
  if (kind === "app") {
    const { buildApp } = await import("../api/app.js");
    const { loadConfig } = await import("../api/core/config.js");
    const config = loadConfig({
      NODE_ENV: "production", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", JOURNAL: "on",
      ADMIN_USERNAME: "admin", ADMIN_PASSWORD: "bench-admin-pass", UI_DIR: path.join(dataDir, "no-ui"),
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("LOG_RETENTION") || k.startsWith("REQUEST_LOG") || ["PUBLIC_ANSWERS", "JOURNAL", "BACKUP_DIR"].includes(k))),
    } as Record<string, string>);
    const app = await buildApp(config);
    if (process.env.BENCH_DEBUG) console.error(`app child: journal ${config.journal.enabled ? "on" : "off"}, public answers ${config.publicAnswers ? "on" : "off"}`);
    const { url } = await app.start(0);
    process.on("SIGTERM", () => void app.stop().then(() => process.exit(0)));
    process.stdout.write(`URL ${url}\n`);
  } else {
    // The bare handler: the same SQL answer as JSON, no framework, no auth, no log.
    const db = new Database(path.join(dataDir, "chillzone.db"), { readonly: true });
    const allocations = db.prepare(`SELECT id, name FROM "Allocation" WHERE active = 1 ORDER BY "priceMinor", id`);
    const page = db.prepare(
      `SELECT t.id, t.reference, t.fullName, t.phoneNumber, t.status, t.provider, t.createdAt, t.paidAt, t.amountMinor, t.currency,
              a.id AS aId, a.name AS aName, v.id AS vId, v.username AS vUsername, v.status AS vStatus
         FROM "Transaction" t JOIN "Allocation" a ON a.id = t.allocationId LEFT JOIN "Voucher" v ON v.id = t.voucherId
        ORDER BY t.createdAt DESC, t.id DESC LIMIT 51`,
    );
    type P = { id: string; reference: string; fullName: string; phoneNumber: string; status: string; provider: string; createdAt: string; paidAt: string | null; amountMinor: number; currency: string; aId: string; aName: string; vId: string | null; vUsername: string | null; vStatus: string | null };
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        const query = (JSON.parse(body) as { query: string }).query;
        let data: unknown;
        if (query === ALLOCATIONS) {
          data = { allocations: (allocations.all() as { id: string; name: string }[]).map((a) => ({ id: gid("Allocation", a.id), name: a.name })) };
        } else {
          const rows = page.all() as P[];
          const edges = rows.slice(0, 50).map((r) => ({
            cursor: Buffer.from(`tx:${r.createdAt}|${r.id}`).toString("base64url"),
            node: {
              id: gid("Transaction", r.id), reference: r.reference, fullName: r.fullName, phoneNumber: r.phoneNumber, status: r.status, provider: r.provider,
              createdAt: new Date(r.createdAt).toISOString(), paidAt: r.paidAt && new Date(r.paidAt).toISOString(), amount: { amountMinor: r.amountMinor, currency: r.currency },
              allocation: { id: gid("Allocation", r.aId), name: r.aName },
              voucher: r.vId ? { id: gid("Voucher", r.vId), username: r.vUsername, status: r.vStatus } : null,
            },
          }));
          data = { transactions: { edges, pageInfo: { hasNextPage: rows.length > 50, endCursor: edges.at(-1)?.cursor ?? null } } };
        }
        const json = JSON.stringify({ data });
        res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json) });
        res.end(json);
      });
    });
    server.listen(0, "127.0.0.1", () => {
      const a = server.address() as { port: number };
      process.stdout.write(`URL http://127.0.0.1:${a.port}\n`);
    });
    process.on("SIGTERM", () => server.close(() => process.exit(0)));
  }
} else {
  await main();
}

// ---------------------------------------------------------------- parent: seed, load, report
async function main() {
  const autocannon = (await import("autocannon")).default;
  const { openDatabase } = await import("../api/db/client.js");
  const existing = Number(arg("existing", "10000"));
  const salesPerRun = Number(arg("sales", "400"));
  const seconds = Number(arg("seconds", "5"));
  const rounds = Number(arg("rounds", "3"));
  const profileDir = arg("profile", "");
  // --only sales|allocations|page: one workload alone (for a profile of it).
  const only = arg("only", "");
  const write = !process.argv.includes("--no-write") && !only;
  const WARMUP = 30;
  const load0 = loadavg()[0]!;
  const started = new Date();
  const self = fileURLToPath(import.meta.url);

  const stamp = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const dataDir = mkdtempSync(path.join(tmpdir(), "cz-bench-hot-"));
  const dbFile = path.join(dataDir, "chillzone.db");

  // Seed: `existing` paid sales with sold vouchers, a few bundles, and vouchers to sell.
  const db0 = await openDatabase(dbFile, "bench-seed");
  await db0.close();
  const sqlite = new Database(dbFile);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  for (const t of sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'cz\\_%' ESCAPE '\\'`).all() as { name: string }[]) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  const allocationId = `bench${randomUUID().replace(/-/g, "").slice(0, 20)}`;
  const available = 2 * (salesPerRun + WARMUP) + 20;
  sqlite.transaction(() => {
    const now = Date.now();
    const t = stamp(now);
    const alloc = sqlite.prepare(`INSERT INTO "Allocation" ("id","code","name","priceMinor","currency","dataLimitMb","validityHours","active","createdAt","updatedAt") VALUES (?, ?, ?, ?, 'GHS', ?, 24, 1, ?, ?)`);
    alloc.run(allocationId, "5_GHS__1GB", "1 GB day pass", 500, 1024, t, t);
    for (let i = 1; i <= 5; i++) alloc.run(`benchalloc${i}`, `${i}0_GHS__${i}GB`, `${i} GB week pass`, 1000 * i, 1024 * i, t, t);
    const v = sqlite.prepare(`INSERT INTO "Voucher" ("id","username","password","allocationId","status","source","expiresAt","createdAt","updatedAt") VALUES (?, ?, ?, ?, ?, 'GENERATED', ?, ?, ?)`);
    const s = sqlite.prepare(
      `INSERT INTO "Transaction" ("id","reference","fullName","phoneNumber","network","allocationId","amountMinor","currency","status","provider","providerReference","voucherId","voucherDelivered","idempotencyKey","paidAt","expiresAt","createdAt","updatedAt")
       VALUES (?, ?, 'Seed Buyer', ?, 'MTN', ?, 500, 'GHS', 'PAID', 'cash', ?, ?, 1, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < existing; i++) {
      const at = now - (existing - i) * 60_000;
      const vid = `sv${String(i).padStart(22, "0")}`;
      v.run(vid, `seed${i}`, `p${i}`, allocationId, "SOLD", stamp(at + 86_400_000), stamp(at), stamp(at));
      s.run(`st${String(i).padStart(22, "0")}`, `CZ-SEED${String(i).padStart(8, "0")}`, `024${String(i).padStart(7, "0")}`, allocationId, `RCPT-SEED-${i}`, vid, `seed-${i}`, stamp(at), stamp(at + 900_000), stamp(at), stamp(at));
    }
    for (let i = 0; i < available; i++) v.run(`av${String(i).padStart(22, "0")}`, `avail${i}`, `a${i}`, allocationId, "AVAILABLE", null, t, t);
  })();
  sqlite.exec("ANALYZE");
  sqlite.close();

  async function startChild(kind: "app" | "bare", profile = "", env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
    const flags = ["--import", "tsx", ...(profile ? ["--cpu-prof", "--cpu-prof-dir", profile] : [])];
    const child = spawn(process.execPath, [...flags, self, "--serve", kind, "--data", dataDir], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...env } });
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (c) => {
        out += c;
        const m = /URL (\S+)\n/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once("exit", (code) => reject(new Error(`${kind} server exited with ${code}`)));
    });
    children.push(child);
    return { url, child };
  }
  const children: ChildProcess[] = [];
  process.on("exit", () => children.forEach((c) => c.kill("SIGKILL")));
  const stopChild = (c: ChildProcess) => new Promise<void>((resolve) => (c.once("exit", () => resolve()), c.kill("SIGTERM")));

  type Reply = { data?: any; errors?: { message: string }[] };
  const gqlAt = (url: string) => async (query: string, variables: Record<string, unknown>, token?: string): Promise<Reply> => {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as Promise<Reply>;
  };

  const app = await startChild("app", profileDir);
  const bare = await startChild("bare");
  // The same server with shared public answers off: what a bundle list costs through GraphQL.
  // It only reads, and one data directory's journal has one writer: its journal is off.
  const uncached = !only || only === "allocations" ? await startChild("app", "", { PUBLIC_ANSWERS: "off", JOURNAL: "off", BACKUP_DIR: path.join(dataDir, "uncached-backups") }) : null;
  const gql = gqlAt(app.url);
  const login = async (u: string, p: string) => (await gql(`mutation($u:String!,$p:String!){login(username:$u,password:$p){token}}`, { u, p })).data.login.token as string;
  const admin = await login("admin", "bench-admin-pass");
  const created = await gql(`mutation($i: CreateUserInput!){createUser(input:$i){id}}`, { i: { username: "counter", password: "counter-pass-1", role: "STAFF" } }, admin);
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const staff = await login("counter", "counter-pass-1");

  // Same answers from both sides (the bare handler must do the same work).
  for (const q of [ALLOCATIONS, PAGE]) {
    const a = await gql(q, {}, q === PAGE ? staff : undefined);
    const b = await gqlAt(bare.url)(q, {});
    if (a.errors) throw new Error(`app: ${JSON.stringify(a.errors)}`);
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      console.error("app:", JSON.stringify(a).slice(0, 600), "\nbare:", JSON.stringify(b).slice(0, 600));
      throw new Error("the app and the bare handler answer differently");
    }
  }

  // Sales.
  const PURCHASE = `mutation Sell($input: PurchaseInput!) { purchase(input: $input) { transaction { reference status } } }`;
  const CONFIRM = `mutation Confirm($input: ConfirmPaymentInput!) { confirmPayment(input: $input) { status } }`;
  const aid = gid("Allocation", allocationId);
  let n = 0;
  async function sell(): Promise<number> {
    const t0 = performance.now();
    const i = ++n;
    const p = await gql(PURCHASE, { input: { allocationId: aid, fullName: "Counter Buyer", phoneNumber: `054${String(i).padStart(7, "0")}`, provider: "cash", idempotencyKey: randomUUID() } }, staff);
    if (p.errors) throw new Error(`purchase: ${p.errors[0]!.message}`);
    const c = await gql(CONFIRM, { input: { reference: p.data.purchase.transaction.reference, providerReference: `RCPT-${i}-${randomUUID().slice(0, 8)}` } }, staff);
    if (c.errors || c.data.confirmPayment.status !== "PAID") throw new Error(`confirmPayment: ${JSON.stringify(c.errors)}`);
    return performance.now() - t0;
  }
  async function sales(total: number, clients: number) {
    const lat: number[] = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: clients }, async () => {
      while (next++ < total) lat.push(await sell());
    }));
    const s = (performance.now() - t0) / 1000;
    lat.sort((a, b) => a - b);
    const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]!;
    return { perSecond: total / s, p50: pct(0.5), p95: pct(0.95) };
  }
  const saleRows: string[] = [];
  for (const clients of only && only !== "sales" ? [] : [1, 16]) {
    await sales(WARMUP, clients);
    const r = await sales(salesPerRun, clients);
    const line = `| ${clients} | ${salesPerRun} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`;
    console.log(line);
    saleRows.push(line);
  }

  // Reads: autocannon, 16 keep-alive connections, app and bare alternating.
  async function cannon(url: string, query: string, token?: string): Promise<{ rps: number; p50: number; p99: number; non2xx: number }> {
    const r = await autocannon({
      url: `${url}/graphql`, method: "POST", connections: 16, duration: seconds,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const readRows: string[] = [];
  const reads = [
    ["`{ allocations { id name } }` (anonymous)", ALLOCATIONS, undefined, "allocations", app.url],
    ...(uncached ? ([["`{ allocations { id name } }` (anonymous), PUBLIC_ANSWERS=off", ALLOCATIONS, undefined, "allocations", uncached.url]] as const) : []),
    ["50 transactions with allocation and voucher (staff)", PAGE, staff, "page", app.url],
  ] as const;
  for (const [label, query, token, , appUrl] of reads.filter((r) => !only || r[3] === only)) {
    const appRps: number[] = [];
    const bareRps: number[] = [];
    const appP50: number[] = [];
    let failures = 0;
    await cannon(appUrl, query, token); // warm-up
    for (let r = 0; r < rounds; r++) {
      const a = await cannon(appUrl, query, token);
      const b = await cannon(bare.url, query);
      appRps.push(a.rps);
      bareRps.push(b.rps);
      appP50.push(a.p50);
      failures += a.non2xx + b.non2xx;
      console.log(`${label}: app ${a.rps.toFixed(0)} req/s, bare ${b.rps.toFixed(0)} req/s`);
    }
    const line = `| ${label} | ${median(appRps).toFixed(0)} | ${median(bareRps).toFixed(0)} | **${(median(appRps) / median(bareRps)).toFixed(3)}** | ${median(appP50)} | ${failures} |`;
    console.log(line);
    readRows.push(line);
  }

  // Log growth: the log rows the reads above added.
  const probe = new Database(dbFile, { readonly: true });
  const logRows = Number(probe.prepare(`SELECT count(*) FROM LogEntry WHERE kind = 'REQUEST' AND level = 'DEBUG'`).pluck().get());
  const anonymousRows = Number(probe.prepare(`SELECT count(*) FROM LogEntry WHERE kind = 'REQUEST' AND message LIKE 'query allocations%'`).pluck().get());
  probe.close();

  await stopChild(app.child);
  await stopChild(bare.child);
  if (uncached) await stopChild(uncached.child);
  rmSync(dataDir, { recursive: true, force: true });

  const cpu = cpus();
  const section = `## Hot paths: latest run

\`npx tsx bench/hot-paths.ts\`: one run, the server (JOURNAL=on, dashboard triggers, query limits, CSRF and rate-limit
plugins, production mode) and a bare node:http + better-sqlite3 handler each in their own process, on the same file
holding ${existing.toLocaleString("en-US")} paid sales. Sales: purchase + confirmPayment (cash, as staff) over fetch, ${salesPerRun} after ${WARMUP} warm-up.
Reads: autocannon, 16 keep-alive connections, ${seconds} s each, app and bare alternating, median of ${rounds} rounds.

- Machine: \`${execFileSync("uname", ["-a"]).toString().trim()}\`
- CPU: ${cpu[0]?.model} (${cpu.length} cores), Node ${process.version}
- Date: ${started.toISOString()}
- Load average (1 min) at start / end: ${load0.toFixed(2)} / ${loadavg()[0]!.toFixed(2)} (shared machine: compare rows of one run)

| Sale clients | sales | sales/s | p50 ms | p95 ms |
|---:|---:|---:|---:|---:|
${saleRows.join("\n")}

| Read | app req/s | bare req/s | app / bare | app p50 ms | errors |
|---|---:|---:|---:|---:|---:|
${readRows.join("\n")}

REQUEST log rows written by the anonymous bundle-list reads: ${anonymousRows.toLocaleString("en-US")}; DEBUG REQUEST rows in all (the staff page reads
and the sales): ${logRows.toLocaleString("en-US")}.
`;
  console.log(section);
  if (write) {
    const file = path.join(import.meta.dirname, "RESULTS.md");
    const text = readFileSync(file, "utf8");
    const start = text.indexOf("## Hot paths: latest run\n");
    const rest = start >= 0 ? text.slice(start + 1).search(/\n## /) : -1;
    const next = start >= 0 && rest >= 0 ? start + 1 + rest + 1 : -1;
    const updated = start < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, start)}${section}${next > 0 ? `\n${text.slice(next)}` : ""}`;
    writeFileSync(file, updated);
  }
}

// What one sale (purchase + confirmPayment, cash, as staff, over HTTP) costs the server, in
// numbers that a shared machine's load moves less than wall time: SQL statements and COMMITs
// per sale on the shop database (the outbox delivery the sale queues included), the time
// spent inside them, and the process's CPU per sale. The server runs in this process
// (JOURNAL=on, production mode), sales one after another.
//
//   npx tsx bench/sale-cost.ts [--sales 200] [--existing 2000]
process.env.NODE_ENV = "production";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const SALES = Number(arg("sales", "200"));
const EXISTING = Number(arg("existing", "2000"));
const WARMUP = 30;
const load0 = loadavg()[0]!;

const dataDir = mkdtempSync(path.join(tmpdir(), "cz-bench-sale-"));
const dbFile = path.join(dataDir, "chillzone.db");
const stamp = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

// Seed: paid sales and vouchers to sell (the change triggers are installed again on open).
const { openDatabase } = await import("../api/db/client.js");
await (await openDatabase(dbFile, "bench-seed")).close();
const seed = new Database(dbFile);
seed.pragma("journal_mode = WAL");
for (const t of seed.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'cz\\_%' ESCAPE '\\'`).all() as { name: string }[]) seed.exec(`DROP TRIGGER "${t.name}"`);
const allocationId = `bench${randomUUID().replace(/-/g, "").slice(0, 20)}`;
seed.transaction(() => {
  const now = Date.now();
  const t = stamp(now);
  seed.prepare(`INSERT INTO "Allocation" ("id","code","name","priceMinor","currency","dataLimitMb","validityHours","active","createdAt","updatedAt") VALUES (?, '5_GHS__1GB', '1 GB day pass', 500, 'GHS', 1024, 24, 1, ?, ?)`).run(allocationId, t, t);
  const v = seed.prepare(`INSERT INTO "Voucher" ("id","username","password","allocationId","status","source","expiresAt","createdAt","updatedAt") VALUES (?, ?, ?, ?, ?, 'GENERATED', ?, ?, ?)`);
  const s = seed.prepare(
    `INSERT INTO "Transaction" ("id","reference","fullName","phoneNumber","network","allocationId","amountMinor","currency","status","provider","providerReference","voucherId","voucherDelivered","idempotencyKey","paidAt","expiresAt","createdAt","updatedAt")
     VALUES (?, ?, 'Seed Buyer', ?, 'MTN', ?, 500, 'GHS', 'PAID', 'cash', ?, ?, 1, ?, ?, ?, ?, ?)`,
  );
  for (let i = 0; i < EXISTING; i++) {
    const at = now - (EXISTING - i) * 60_000;
    const vid = `sv${String(i).padStart(22, "0")}`;
    v.run(vid, `seed${i}`, `p${i}`, allocationId, "SOLD", stamp(at + 86_400_000), stamp(at), stamp(at));
    s.run(`st${String(i).padStart(22, "0")}`, `CZ-SEED${String(i).padStart(8, "0")}`, `024${String(i).padStart(7, "0")}`, allocationId, `RCPT-SEED-${i}`, vid, `seed-${i}`, stamp(at), stamp(at + 900_000), stamp(at), stamp(at));
  }
  for (let i = 0; i < SALES + WARMUP + 10; i++) v.run(`av${String(i).padStart(22, "0")}`, `avail${i}`, `a${i}`, allocationId, "AVAILABLE", null, t, t);
})();
seed.close();

// Every statement run on the shop database's connections, by kind, with the time inside it.
const counts = { statements: 0, commits: 0, statementMs: 0, commitMs: 0 };
// --by-statement: also the statements by text (count and ms per sale), most time first.
const bySql = new Map<string, { n: number; ms: number }>();
const proto = Object.getPrototypeOf(new Database(":memory:").prepare("SELECT 1")) as Record<string, (...a: unknown[]) => unknown>;
for (const m of ["run", "get", "all", "iterate"]) {
  const orig = proto[m]!;
  proto[m] = function (this: { database: { name: string }; source: string }, ...a: unknown[]) {
    if (this.database.name !== dbFile) return orig.apply(this, a);
    const t0 = performance.now();
    try {
      return orig.apply(this, a);
    } finally {
      const ms = performance.now() - t0;
      const e = bySql.get(this.source) ?? { n: 0, ms: 0 };
      bySql.set(this.source, ((e.n += 1), (e.ms += ms), e));
      if (/^\s*COMMIT/i.test(this.source)) (counts.commits++, (counts.commitMs += ms));
      else if (!/^\s*(BEGIN|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA)/i.test(this.source)) (counts.statements++, (counts.statementMs += ms));
    }
  };
}

const { buildApp } = await import("../api/app.js");
const { loadConfig } = await import("../api/core/config.js");
const app = await buildApp(loadConfig({
  NODE_ENV: "production", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", JOURNAL: "on",
  ADMIN_USERNAME: "admin", ADMIN_PASSWORD: "bench-admin-pass", UI_DIR: path.join(dataDir, "no-ui"),
} as Record<string, string>));
const { url } = await app.start(0);
const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: any; errors?: { message: string }[] };
};
const login = async (u: string, p: string) => (await gql(`mutation($u:String!,$p:String!){login(username:$u,password:$p){token}}`, { u, p })).data.login.token as string;
const admin = await login("admin", "bench-admin-pass");
await gql(`mutation($i: CreateUserInput!){createUser(input:$i){id}}`, { i: { username: "counter", password: "counter-pass-1", role: "STAFF" } }, admin);
const staff = await login("counter", "counter-pass-1");
const aid = Buffer.from(`Allocation:${allocationId}`).toString("base64");
let n = 0;
async function sell(): Promise<number> {
  const t0 = performance.now();
  const i = ++n;
  const p = await gql(`mutation Sell($input: PurchaseInput!) { purchase(input: $input) { transaction { reference status } } }`, { input: { allocationId: aid, fullName: "Counter Buyer", phoneNumber: `054${String(i).padStart(7, "0")}`, provider: "cash", idempotencyKey: randomUUID() } }, staff);
  if (p.errors) throw new Error(`purchase: ${p.errors[0]!.message}`);
  const c = await gql(`mutation Confirm($input: ConfirmPaymentInput!) { confirmPayment(input: $input) { status } }`, { input: { reference: p.data.purchase.transaction.reference, providerReference: `RCPT-${i}` } }, staff);
  if (c.errors || c.data.confirmPayment.status !== "PAID") throw new Error(`confirmPayment: ${JSON.stringify(c.errors)}`);
  return performance.now() - t0;
}
const probe = new Database(dbFile, { readonly: true });
const pendingJobs = () => Number(probe.prepare(`SELECT count(*) FROM "Job" WHERE "status" IN ('QUEUED', 'RUNNING')`).pluck().get());
const settle = async () => { for (let k = 0; k < 500 && pendingJobs() > 0; k++) await new Promise((r) => setTimeout(r, 10)); };

for (let i = 0; i < WARMUP; i++) await sell();
await settle();
Object.assign(counts, { statements: 0, commits: 0, statementMs: 0, commitMs: 0 });
bySql.clear();
const cpu0 = process.cpuUsage();
const lat: number[] = [];
for (let i = 0; i < SALES; i++) lat.push(await sell());
await settle();
const cpu = process.cpuUsage(cpu0);
lat.sort((a, b) => a - b);
const per = (x: number) => (x / SALES).toFixed(2);
console.log(`| sales | statements/sale | COMMITs/sale | ms in statements/sale | ms in COMMITs/sale | CPU ms/sale (server + client) | p50 ms | p95 ms | load 1 min |`);
console.log(`|---:|---:|---:|---:|---:|---:|---:|---:|---|`);
console.log(`| ${SALES} | ${per(counts.statements)} | ${per(counts.commits)} | ${per(counts.statementMs)} | ${per(counts.commitMs)} | ${per((cpu.user + cpu.system) / 1000)} | ${lat[Math.floor(SALES / 2)]!.toFixed(1)} | ${lat[Math.floor(SALES * 0.95)]!.toFixed(1)} | ${load0.toFixed(2)} / ${loadavg()[0]!.toFixed(2)} |`);
if (process.argv.includes("--by-statement")) {
  for (const [sql, e] of [...bySql].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40)) console.log(`${(e.n / SALES).toFixed(2).padStart(6)} ${(e.ms / SALES).toFixed(2).padStart(7)} ms  ${sql.replace(/\s+/g, " ").slice(0, 150)}`);
}
probe.close();
await app.stop();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);

// While attacks run, ordinary requests keep being served: the production server on a
// seeded file, ordinary traffic (the public bundle list, GET /healthz, a staff API key's
// page of 20 sales; autocannon, 4 keep-alive connections each) measured alone, then again
// while attackers run in parallel for the same time:
//   1. query limits: 5,000 aliases (anonymous: over the body limit; with a stolen staff key:
//      the token limit), 2,000 aliases under the body limit, 4 aliases (anonymous limit 3),
//      nesting 40 deep, a 60 KB query string, a staff cost bomb; every document different,
//      so yoga's parse cache never helps;
//   2. login password spraying across usernames;
//   3. transactionByReference guessing with random references;
//   4. purchase hoarding, a new phone number each time;
//   5. oversized bodies: 1 MB anonymous with a length, 1 MB anonymous chunked.
// The attackers run in their own process (fetch, N loops per attack, as fast as they are
// answered), the server in another, autocannon in this one. Reports ordinary p50/p95/p99 and
// req/s alone and under attack, their ratio, and what each attack got back. Nothing is
// asserted: the numbers go into bench/RESULTS.md ("## Attack load: latest run").
//
//   npx tsx bench/attack-load.ts                 # 10 s alone, 10 s under attack, writes RESULTS.md
//   npx tsx bench/attack-load.ts --seconds 5 --attackers 2 --no-write
process.env.NODE_ENV = "production";

import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import type { EventEmitter } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const ALLOCATIONS = `{ allocations { id name } }`;
const PAGE = `{ transactions(first: 20) { edges { node { id reference status createdAt amount { amountMinor currency } allocation { name } } } } }`;
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const HOARDED = "benchhoard0000000000000";
const ADMIN_PASSWORD = "bench-admin-pass";

if (process.argv.includes("--serve")) await serve();
else if (process.argv.includes("--attack")) await attack();
else await main();

// ---------------------------------------------------------------- child: the server under test
async function serve() {
  const dataDir = arg("data", "");
  const { buildApp } = await import("../api/app.js");
  const { loadConfig } = await import("../api/core/config.js");
  const config = loadConfig({
    NODE_ENV: "production", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", JOURNAL: "on",
    ADMIN_USERNAME: "admin", ADMIN_PASSWORD, UI_DIR: path.join(dataDir, "no-ui"),
    // Online purchases stay unpaid (the sandbox's default pays at once): hoarding holds vouchers.
    SANDBOX_MODE: "pending",
  } as Record<string, string>);
  const app = await buildApp(config);
  const { url } = await app.start(0);
  process.on("SIGTERM", () => void app.stop().then(() => process.exit(0)));
  process.stdout.write(`URL ${url}\n`);
}

// ---------------------------------------------------------------- child: the attackers
type Tally = { label: string; sent: number; through: number; answers: Record<string, number> };

async function attack() {
  const url = arg("url", "");
  const seconds = Number(arg("seconds", "10"));
  const loops = Number(arg("attackers", "2"));
  const stolenKey = arg("key", "");
  const endpoint = `${url}/graphql`;
  const tallies = new Map<string, Tally>();
  const tally = (label: string) => {
    let t = tallies.get(label);
    if (!t) tallies.set(label, (t = { label, sent: 0, through: 0, answers: {} }));
    return t;
  };
  const nonce = () => randomBytes(4).toString("hex");
  type Reply = { status: number; code: string; data: any };
  async function post(body: string | Uint8Array | ReadableStream, headers: Record<string, string> = {}, duplex = false): Promise<Reply> {
    try {
      const res = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, ...(duplex ? { duplex: "half" } : {}) } as RequestInit);
      const text = await res.text();
      let json: { data?: any; errors?: { extensions?: { code?: string } }[] } = {};
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON
      }
      return { status: res.status, code: json.errors?.[0]?.extensions?.code ?? (json.errors ? "error" : "ok"), data: json.data ?? null };
    } catch (err) {
      return { status: 0, code: (err as { cause?: { code?: string } }).cause?.code ?? "network error", data: null };
    }
  }
  const gql = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => post(JSON.stringify({ query, variables }), headers);
  const record = (label: string, r: Reply, through: boolean) => {
    const t = tally(label);
    t.sent++;
    if (through) t.through++;
    const key = `${r.status} ${r.code}`;
    t.answers[key] = (t.answers[key] ?? 0) + 1;
  };

  const aliases = (n: number, field: string) => `query Q_${nonce()} { ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
  const deep = (n: number) => `query Q_${nonce()}($r: String!) { transactionByReference(reference: $r) { ${"voucher { transaction { ".repeat(n)}id${" } }".repeat(n)} } }`;
  const staff = { "x-api-key": stolenKey };
  const limitVariants: [string, () => Promise<Reply>][] = [
    ["5,000 aliases, anonymous", () => gql(aliases(5_000, "allocations { id name }"))],
    ["5,000 aliases, stolen staff key", () => gql(aliases(5_000, "allocations { id name }"), {}, staff)],
    ["2,000 aliases, anonymous (under the body limit)", () => gql(aliases(2_000, "appInfo { currency }"))],
    ["4 aliases, anonymous (limit 3)", () => gql(aliases(4, "allocations { id name }"))],
    ["nesting 40 deep, anonymous", () => gql(deep(40), { r: "CZ-00000000" })],
    ["60 KB query string, anonymous", () => gql(`query Q_${nonce()} { allocations { ${"id ".repeat(20_000)} } }`)],
    ["cost bomb, stolen staff key", () => gql(`query Q_${nonce()} { transactions(first: 200) { edges { node { refunds { id } notifications { id } voucher { allocation { stock { available } } } } } } }`, {}, staff)],
  ];
  const USERS = ["admin", "counter", "manager", "root", "staff", "cashier", "owner", "support"];
  const PASSWORDS = ["123456", "password", "admin123", "chillzone", "qwerty", "letmein", "welcome1", "Passw0rd!"];
  const refChars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const randomRef = () => `CZ-${Array.from(randomBytes(8), (b) => refChars[b % refChars.length]).join("")}`;
  const phone = () => `024${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  const mega = new Uint8Array(1024 * 1024).fill(32);

  const attacks: [string, (i: number) => Promise<void>][] = [
    ["1. query limits", async (i) => {
      const [label, run] = limitVariants[i % limitVariants.length]!;
      const r = await run();
      record(`1. ${label}`, r, r.status === 200 && r.code === "ok");
    }],
    ["2. password spraying", async (i) => {
      const r = await gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: USERS[i % USERS.length]!, p: PASSWORDS[Math.floor(i / USERS.length) % PASSWORDS.length]! });
      record("2. login, 8 usernames x common passwords", r, Boolean(r.data?.login?.token));
    }],
    ["3. reference guessing", async () => {
      const r = await gql(`query($r: String!) { transactionByReference(reference: $r) { reference status } }`, { r: randomRef() });
      record("3. transactionByReference, random references", r, Boolean(r.data?.transactionByReference));
    }],
    ["4. purchase hoarding", async () => {
      const r = await gql(`mutation($i: PurchaseInput!) { purchase(input: $i) { transaction { reference status } } }`, { i: { allocationId: gid("Allocation", HOARDED), fullName: "Hoarder", phoneNumber: phone(), idempotencyKey: randomUUID() } });
      record("4. purchase, a new phone number each time", r, Boolean(r.data?.purchase?.transaction));
    }],
    ["5. oversized bodies", async (i) => {
      if (i % 2 === 0) {
        const r = await post(mega);
        record("5. 1 MB body, anonymous, with Content-Length", r, r.status === 200);
      } else {
        const stream = new ReadableStream({ start(c) { for (let k = 0; k < 16; k++) c.enqueue(mega.subarray(0, 65_536)); c.close(); } });
        const r = await post(stream, {}, true);
        record("5. 1 MB body, anonymous, chunked", r, r.status === 200);
      }
    }],
  ];

  process.stdout.write("READY\n");
  await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(attacks.flatMap(([, fn]) => Array.from({ length: loops }, async (_, l) => {
    for (let i = l; performance.now() < deadline; i += loops) await fn(i);
  })));
  const elapsed = (performance.now() - started) / 1000;
  process.stdout.write(`RESULT ${JSON.stringify({ elapsed, tallies: [...tallies.values()].sort((a, b) => a.label.localeCompare(b.label)) })}\n`);
}

// ---------------------------------------------------------------- parent: seed, load, report
async function main() {
  const autocannon = (await import("autocannon")).default;
  const { openDatabase } = await import("../api/db/client.js");
  const seconds = Number(arg("seconds", "10"));
  const loops = Number(arg("attackers", "2"));
  const CONNECTIONS = 4;
  const write = !process.argv.includes("--no-write");
  const load0 = loadavg();
  const started = new Date();
  const self = fileURLToPath(import.meta.url);

  const stamp = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const dataDir = mkdtempSync(path.join(tmpdir(), "cz-bench-attack-"));
  const dbFile = path.join(dataDir, "chillzone.db");

  // Seed: 6 bundles, 1,000 paid sales with sold vouchers, 2,000 vouchers on sale in the hoarded bundle.
  const SALES = 1_000;
  const db0 = await openDatabase(dbFile, "bench-seed");
  await db0.close();
  const sqlite = new Database(dbFile);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  for (const t of sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'cz\\_%' ESCAPE '\\'`).pluck().all() as string[]) sqlite.exec(`DROP TRIGGER "${t}"`);
  sqlite.transaction(() => {
    const now = Date.now();
    const t = stamp(now);
    const alloc = sqlite.prepare(`INSERT INTO "Allocation" ("id","code","name","priceMinor","currency","dataLimitMb","validityHours","active","createdAt","updatedAt") VALUES (?, ?, ?, ?, 'GHS', ?, 24, 1, ?, ?)`);
    alloc.run(HOARDED, "5_GHS__1GB", "1 GB day pass", 500, 1024, t, t);
    for (let i = 1; i <= 5; i++) alloc.run(`benchalloc${i}`, `${i}0_GHS__${i}GB`, `${i} GB week pass`, 1000 * i, 1024 * i, t, t);
    const v = sqlite.prepare(`INSERT INTO "Voucher" ("id","username","password","allocationId","status","source","expiresAt","createdAt","updatedAt") VALUES (?, ?, ?, ?, ?, 'GENERATED', ?, ?, ?)`);
    const s = sqlite.prepare(
      `INSERT INTO "Transaction" ("id","reference","fullName","phoneNumber","network","allocationId","amountMinor","currency","status","provider","providerReference","voucherId","voucherDelivered","idempotencyKey","paidAt","expiresAt","createdAt","updatedAt")
       VALUES (?, ?, 'Seed Buyer', ?, 'MTN', ?, 500, 'GHS', 'PAID', 'cash', ?, ?, 1, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < SALES; i++) {
      const at = now - (SALES - i) * 60_000;
      const vid = `sv${String(i).padStart(22, "0")}`;
      v.run(vid, `seed${i}`, `p${i}`, HOARDED, "SOLD", stamp(at + 86_400_000), stamp(at), stamp(at));
      s.run(`st${String(i).padStart(22, "0")}`, `CZ-SEED${String(i).padStart(8, "0")}`, `024${String(i).padStart(7, "0")}`, HOARDED, `RCPT-SEED-${i}`, vid, `seed-${i}`, stamp(at), stamp(at + 900_000), stamp(at), stamp(at));
    }
    for (let i = 0; i < 2_000; i++) v.run(`av${String(i).padStart(22, "0")}`, `avail${i}`, `a${i}`, HOARDED, "AVAILABLE", null, t, t);
  })();
  sqlite.exec("ANALYZE");
  sqlite.close();

  const children: ChildProcess[] = [];
  process.on("exit", () => children.forEach((c) => c.kill("SIGKILL")));
  function startChild(args: string[], ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray; output: () => string }> {
    const child = spawn(process.execPath, ["--import", "tsx", self, ...args], { stdio: ["pipe", "pipe", "inherit"], env: process.env });
    children.push(child);
    let out = "";
    return new Promise((resolve, reject) => {
      child.stdout!.on("data", (c) => {
        out += c;
        const m = ready.exec(out);
        if (m) resolve({ child, match: m, output: () => out });
      });
      child.once("exit", (code) => reject(new Error(`${args[0]} child exited with ${code}`)));
    });
  }
  // CPU seconds a process has used so far (Linux: utime + stime from /proc, in clock ticks of 1/100 s).
  const cpuOf = (pid: number) => {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  const selfCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
  const server = await startChild(["--serve", "--data", dataDir], /URL (\S+)\n/);
  const url = server.match[1]!;

  type Reply = { data?: any; errors?: { message: string }[] };
  const gql = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Reply> => {
    const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
    return res.json() as Promise<Reply>;
  };
  const login = await gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: "admin", p: ADMIN_PASSWORD });
  const admin = { authorization: `Bearer ${login.data.login.token}` };
  const newKey = async (name: string) => {
    const r = await gql(`mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key } }`, { i: { name, role: "STAFF" } }, admin);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data.createApiKey.key as string;
  };
  const staffKey = await newKey("bench ordinary reads");
  const stolenKey = await newKey("bench attacker (stolen)");

  // The ordinary requests and what a correct answer is.
  const allocationsBody = JSON.stringify(await gql(ALLOCATIONS));
  const healthBody = await (await fetch(`${url}/healthz`)).text();
  const pageOk = (body: string) => {
    try {
      const r = JSON.parse(body) as Reply;
      return !r.errors && r.data?.transactions?.edges?.length === 20;
    } catch {
      return false;
    }
  };
  const firstPage = await gql(PAGE, {}, { "x-api-key": staffKey });
  if (!pageOk(JSON.stringify(firstPage)) || !allocationsBody.includes('"allocations"') || !healthBody.includes("ok")) throw new Error(`ordinary requests do not answer: ${JSON.stringify(firstPage).slice(0, 300)}`);

  type Ordinary = { label: string; opts: Record<string, unknown> };
  const ordinary: Ordinary[] = [
    { label: "`{ allocations { id name } }`, anonymous", opts: { url: `${url}/graphql`, method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: ALLOCATIONS }), expectBody: allocationsBody } },
    { label: "GET /healthz", opts: { url: `${url}/healthz`, method: "GET", expectBody: healthBody } },
    { label: "`transactions(first: 20)`, staff API key", opts: { url: `${url}/graphql`, method: "POST", headers: { "content-type": "application/json", "x-api-key": staffKey }, body: JSON.stringify({ query: PAGE }), verifyBody: pageOk } },
  ];
  type Stats = { n: number; rps: number; p50: number; p95: number; p99: number; max: number; failed: number };
  type Run = { non2xx: number; errors: number; timeouts: number; mismatches: number; duration: number };
  const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
  const stats = (lat: number[], run: Run): Stats => {
    lat.sort((a, b) => a - b);
    return { n: lat.length, rps: lat.length / run.duration, p50: pct(lat, 0.5), p95: pct(lat, 0.95), p99: pct(lat, 0.99), max: lat.at(-1) ?? NaN, failed: run.non2xx + run.errors + run.timeouts + run.mismatches };
  };
  // The three ordinary loads at once, each its own autocannon instance; every response's time kept (autocannon has no p95).
  async function ordinaryLoad(duration: number): Promise<{ each: Stats[]; all: Stats }> {
    const lats = ordinary.map(() => [] as number[]);
    const runs = await Promise.all(ordinary.map((o, i) => {
      const instance = (autocannon as unknown as (opts: Record<string, unknown>) => EventEmitter & Promise<Run>)({ ...o.opts, connections: CONNECTIONS, duration, timeout: 30 });
      instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => lats[i]!.push(ms));
      return instance;
    }));
    const each = runs.map((r, i) => stats(lats[i]!, r));
    const total = runs.reduce((a, r) => ({ non2xx: a.non2xx + r.non2xx, errors: a.errors + r.errors, timeouts: a.timeouts + r.timeouts, mismatches: a.mismatches + r.mismatches, duration: Math.max(a.duration, r.duration) }), { non2xx: 0, errors: 0, timeouts: 0, mismatches: 0, duration: 0 });
    return { each, all: stats(lats.flat(), total) };
  }

  await ordinaryLoad(3); // warm-up
  const loadAlone = loadavg()[0]!;
  const cpu0 = { server: cpuOf(server.child.pid!), cannon: selfCpu(), t: performance.now() };
  const alone = await ordinaryLoad(seconds);
  const cpu1 = { server: cpuOf(server.child.pid!), cannon: selfCpu(), t: performance.now() };
  console.log("alone:", JSON.stringify(alone.all));

  const attackers = await startChild(["--attack", "--url", url, "--seconds", String(seconds), "--attackers", String(loops), "--key", stolenKey], /READY\n/);
  const loadAttack = loadavg()[0]!;
  const attackCpu0 = cpuOf(attackers.child.pid!);
  const cpu2 = { server: cpuOf(server.child.pid!), cannon: selfCpu(), t: performance.now() };
  attackers.child.stdin!.write("go\n");
  const underAttack = await ordinaryLoad(seconds);
  const cpu3 = { server: cpuOf(server.child.pid!), cannon: selfCpu(), t: performance.now() };
  const attackCpu = cpuOf(attackers.child.pid!) - attackCpu0;
  console.log("under attack:", JSON.stringify(underAttack.all));
  const result = await new Promise<{ elapsed: number; tallies: Tally[] }>((resolve, reject) => {
    const check = () => {
      const m = /RESULT (.+)\n/.exec(attackers.output());
      if (m) resolve(JSON.parse(m[1]!));
    };
    attackers.child.stdout!.on("data", check);
    attackers.child.once("exit", () => (check(), reject(new Error("the attackers exited without a result"))));
    check();
  });
  // After the attacks: the same ordinary requests answer correctly.
  const after = [JSON.stringify(await gql(ALLOCATIONS)) === allocationsBody, (await (await fetch(`${url}/healthz`)).text()) === healthBody, pageOk(JSON.stringify(await gql(PAGE, {}, { "x-api-key": staffKey })))];
  const probe = new Database(dbFile, { readonly: true });
  const held = Number(probe.prepare(`SELECT count(*) FROM "Transaction" WHERE status = 'PENDING' AND voucherId IS NOT NULL`).pluck().get());
  const refusedLogged = Number(probe.prepare(`SELECT count(*) FROM LogEntry WHERE kind = 'REQUEST' AND level = 'WARN'`).pluck().get());
  probe.close();
  const loadEnd = loadavg()[0]!;
  const share = (a: number, b: number, t0: number, t1: number) => `${Math.round((100 * (b - a)) / ((t1 - t0) / 1000))} %`;
  const cpuLine = `Server process CPU (100 % = one core): ${share(cpu0.server, cpu1.server, cpu0.t, cpu1.t)} alone, ${share(cpu2.server, cpu3.server, cpu2.t, cpu3.t)} under attack; ` +
    `autocannon's process ${share(cpu0.cannon, cpu1.cannon, cpu0.t, cpu1.t)} / ${share(cpu2.cannon, cpu3.cannon, cpu2.t, cpu3.t)}; the attackers' process ${share(0, attackCpu, cpu2.t, cpu3.t)}.`;

  await new Promise<void>((resolve) => (server.child.once("exit", () => resolve()), server.child.kill("SIGTERM")));
  rmSync(dataDir, { recursive: true, force: true });

  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : "-");
  const row = (label: string, a: Stats, b: Stats) =>
    `| ${label} | ${a.rps.toFixed(0)} | ${f(a.p50)} | ${f(a.p95)} | ${f(a.p99)} | ${a.failed} | ${b.rps.toFixed(0)} | ${f(b.p50)} | ${f(b.p95)} | ${f(b.p99)} | ${b.failed} | **${ratio(b.p95, a.p95)}** |`;
  const ordinaryRows = [...ordinary.map((o, i) => row(o.label, alone.each[i]!, underAttack.each[i]!)), row("all ordinary requests", alone.all, underAttack.all)];
  const attackRows = result.tallies.map((t) => {
    const answers = Object.entries(t.answers).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} x${n}`).join(", ");
    return `| ${t.label.replace(/^\d\. /, "")} | ${t.label[0]} | ${t.sent} | ${answers} | ${t.through} |`;
  });
  const sent = result.tallies.reduce((a, t) => a + t.sent, 0);
  const cpu = cpus();
  const section = `## Attack load: latest run

\`npm run bench:attack-load\` (bench/attack-load.ts): the production server (buildApp, NODE_ENV=production, JOURNAL=on,
SANDBOX_MODE=pending, in memory rate limits) in its own process on a file with 6 bundles, ${SALES.toLocaleString("en-US")} paid sales and 2,000 vouchers
on sale. Ordinary traffic: the three requests below at once, autocannon, ${CONNECTIONS} keep-alive connections each, ${seconds} s alone
(after a 3 s warm-up), then ${seconds} s while the attackers run in a third process (fetch, ${loops} loops per attack, each sending
its next request as soon as the last is answered, every query document different so yoga's parse cache never
helps). Latencies are autocannon's per-response times; p95 is computed from all of them. "failed" counts non-2xx,
socket errors, timeouts and wrong bodies (the bundle list and /healthz must be byte-identical to their first
answer, the page must hold 20 sales without errors). Not asserted anywhere; one run on a shared machine.

- Machine: \`${execFileSync("uname", ["-a"]).toString().trim()}\`
- CPU: ${cpu[0]?.model} (${cpu.length} cores, \`nproc\` ${execFileSync("nproc").toString().trim()}), Node ${process.version}
- Date: ${started.toISOString()}
- Load average (1 / 5 / 15 min) at start: ${load0.map((l) => l.toFixed(2)).join(" / ")}; 1 min before the alone run ${loadAlone.toFixed(2)}, before the attack
  run ${loadAttack.toFixed(2)}, at the end ${loadEnd.toFixed(2)}

| Ordinary request | alone req/s | p50 ms | p95 ms | p99 ms | failed | under attack req/s | p50 ms | p95 ms | p99 ms | failed | p95 attack / alone |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${ordinaryRows.join("\n")}

What the attackers sent in ${result.elapsed.toFixed(1)} s (${sent.toLocaleString("en-US")} requests, ${(sent / result.elapsed).toFixed(0)}/s) and got back ("status code", then the first
GraphQL error code, "ok" for none); "through" is what the attack wanted (data for a refused query, a token, a
sale found, a voucher reserved, a body accepted):

| Attack | # | requests | answers | through |
|---|---:|---:|---|---:|
${attackRows.join("\n")}

${cpuLine}

Vouchers held by unpaid purchases at the end: ${held} (all from the hoarding; the pool had 2,000). REQUEST WARN log
entries (refusals and failed logins, written by the server): ${refusedLogged.toLocaleString("en-US")}. After the attacks the three ordinary
requests answered correctly: ${after.every(Boolean) ? "yes" : `no (${after.join(", ")})`}.
`;
  console.log(section);
  if (write) {
    const file = path.join(import.meta.dirname, "RESULTS.md");
    const text = readFileSync(file, "utf8");
    const start = text.indexOf("## Attack load: latest run\n");
    const rest = start >= 0 ? text.slice(start + 1).search(/\n## /) : -1;
    const next = start >= 0 && rest >= 0 ? start + 1 + rest + 1 : -1;
    const updated = start < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, start)}${section}${next > 0 ? `\n${text.slice(next)}` : ""}`;
    writeFileSync(file, updated);
  }
  process.exit(0);
}

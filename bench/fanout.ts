// Subscription fan-out at scale: N graphql-ws subscribers (modelSaved) on one server process,
// write-to-last-subscriber latency and the server's memory per subscriber. Writes the
// "## Subscription fan-out" section of bench/RESULTS.md.
//
//   npx tsx bench/fanout.ts                                   # 2,000 and 10,000 subscribers, this checkout
//   npx tsx bench/fanout.ts --before /tmp/fanout-base         # also the same runs against another checkout
//   npx tsx bench/fanout.ts --subscribers 500 --writes 5 --no-write
//   npx tsx bench/fanout.ts --subscribers 2000 --exact-heap     # + the live heap per subscriber, from heap snapshots
//
// Three kinds of process: the server (tests/helpers/process-server.ts, as in production), client
// processes holding the WebSockets (at most 5,000 each, speaking graphql-transport-ws over raw
// `ws` and only looking for the write's marker in each message), and this one, which writes
// and measures. The server's memory is its own: RSS from /proc, heap from its /metrics.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { liveHeapOf } from "./heap-total.js";

const SUBSCRIPTION = `subscription Bench { modelSaved(models: ["Allocation"]) { sequence model recordId action at actorLabel data } }`;
const CREATE = `mutation Bench($input: AllocationInput!) { createAllocation(input: $input) { id } }`;
const PER_CLIENT_PROCESS = 5_000;
/** --exact-heap: also the live heap per subscriber from heap snapshots (slow at 10,000). */
const exactHeap = process.argv.includes("--exact-heap");
const now = () => performance.timeOrigin + performance.now();

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

// ---- client process: K subscribers -------------------------------------------------------
type ToClient = { type: "expect"; name: string } | { type: "stop" };
type FromClient = { type: "live"; errors: number } | { type: "got"; name: string; first: number; last: number; count: number } | { type: "error"; message: string };

async function clientMain() {
  const url = arg("url", "");
  const token = arg("token", "");
  const count = Number(arg("count", "0"));
  const send = (m: FromClient) => process.send!(m);
  const counts = new Map<string, { first: number; last: number; count: number }>();
  let errors = 0;
  const sockets: WebSocket[] = [];
  const marker = /"name":"([^"]*)"/;
  const onMessage = (raw: WebSocket.RawData) => {
    const t = now();
    const text = raw.toString();
    if (!text.includes('"type":"next"')) {
      if (text.includes('"type":"error"')) errors++;
      return;
    }
    const name = marker.exec(text)?.[1];
    if (!name) return;
    let c = counts.get(name);
    if (!c) counts.set(name, (c = { first: t, last: t, count: 0 }));
    c.count++;
    c.last = t;
    if (c.count === count) {
      send({ type: "got", name, ...c });
      counts.delete(name);
    }
  };
  function open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, "graphql-transport-ws", { perMessageDeflate: false });
      sockets.push(ws);
      ws.once("error", reject);
      ws.on("open", () => ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } })));
      const first = (raw: WebSocket.RawData) => {
        const m = JSON.parse(raw.toString()) as { type: string };
        if (m.type !== "connection_ack") return reject(new Error(`expected connection_ack, got ${raw.toString()}`));
        ws.off("message", first);
        ws.on("message", onMessage);
        ws.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: SUBSCRIPTION } }));
        resolve();
      };
      ws.on("message", first);
      ws.on("close", (code) => code !== 1000 && code !== 1001 && errors++);
    });
  }
  for (let i = 0; i < count; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, count - i) }, open));
  }
  process.on("message", (m: ToClient) => {
    if (m.type === "stop") {
      for (const s of sockets) s.terminate();
      process.exit(0);
    }
  });
  // The parent sends warm-up writes until every client process reports them all.
  send({ type: "live", errors });
}

// ---- parent ---------------------------------------------------------------------------------
type Run = { label: string; subscribers: number; lastMs: number[]; allP50: number[]; rssPer: number; heapPer: number; liveHeapPer: number | null; rssBase: number; rssAfter: number; heapBase: number; heapAfter: number; errors: number };

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(m?.[1] ?? 0) * 1024;
}

async function heapOf(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^chillzone_nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1] ?? NaN);
}

/** The lowest of a few samples: what stays after the garbage collector has had its turns. */
async function settled(pid: number, url: string): Promise<{ rss: number; heap: number }> {
  let rss = Infinity;
  let heap = Infinity;
  for (let i = 0; i < 8; i++) {
    await new Promise((r) => setTimeout(r, 500));
    rss = Math.min(rss, rssOf(pid));
    heap = Math.min(heap, await heapOf(url));
  }
  return { rss, heap };
}

async function run(label: string, root: string | undefined, subscribers: number, writes: number): Promise<Run> {
  const { startProcessServer } = await import("../tests/helpers/process-server.js");
  const dataDir = mkdtempSync(path.join(tmpdir(), "cz-fanout-bench-"));
  const server = await startProcessServer({
    name: "bench",
    dataDir,
    root,
    env: { NODE_ENV: "production", LOG_LEVEL: "warn"},
    nodeArgs: [...(exactHeap ? ["--heapsnapshot-signal=SIGUSR2"] : []), ...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [])],
  });
  const cwd = root ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const pid = server.child.pid!;
  const token = await server.login();
  let k = 0;
  const create = async (name: string) => {
    k++;
    const r = await server.gql(CREATE, { input: { name, priceMinor: 100 + k, dataLimitMb: k } }, { token });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
  };
  await create("before any subscriber");
  // The snapshot first: taking one grows the RSS, which the settled samples then include on both sides.
  const liveBase = exactHeap ? await liveHeapOf(pid, cwd) : null;
  const base = await settled(pid, server.url);

  const processes = Math.ceil(subscribers / PER_CLIENT_PROCESS);
  const children: ChildProcess[] = [];
  const waiters = new Map<string, { left: number; last: number; firsts: number[]; done: () => void }>();
  let errors = 0;
  const lives: Promise<void>[] = [];
  for (let p = 0; p < processes; p++) {
    const count = Math.floor(subscribers / processes) + (p < subscribers % processes ? 1 : 0);
    const child = fork(fileURLToPath(import.meta.url), ["--client", "--url", `ws://127.0.0.1:${server.port}/graphql`, "--token", token, "--count", String(count)], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    children.push(child);
    lives.push(
      new Promise((resolve, reject) => {
        child.on("message", (m: FromClient) => {
          if (m.type === "live") {
            errors += m.errors;
            resolve();
          } else if (m.type === "error") reject(new Error(m.message));
          else if (m.type === "got") {
            const w = waiters.get(m.name);
            if (!w) return;
            w.last = Math.max(w.last, m.last);
            w.firsts.push(m.first);
            if (--w.left === 0) w.done();
          }
        });
        child.once("exit", (code) => code && reject(new Error(`client process exited with ${code}`)));
      }),
    );
  }
  console.log(`${label}: connecting ${subscribers} subscribers in ${processes} client process(es)…`);
  await Promise.all(lives);

  async function one(name: string, timeoutMs: number): Promise<{ last: number; first: number } | null> {
    const w = { left: processes, last: 0, firsts: [] as number[], done: () => {} };
    const all = new Promise<void>((resolve) => (w.done = resolve));
    waiters.set(name, w);
    const sent = now();
    await create(name);
    const ok = await Promise.race([all.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs))]);
    waiters.delete(name);
    return ok ? { last: w.last - sent, first: Math.min(...w.firsts) - sent } : null;
  }
  // Live when every subscriber has had a warm-up write.
  for (let i = 0; ; i++) {
    if (i > 40) throw new Error("subscribers did not all go live");
    if (await one(`warm-up ${i}`, 5_000)) break;
  }
  const after = await settled(pid, server.url);
  const liveAfter = exactHeap ? await liveHeapOf(pid, cwd) : null;
  if (process.env.BENCH_HEAPSNAPSHOT) {
    // with BENCH_SERVER_NODE_ARGS="--heapsnapshot-signal=SIGUSR2": a snapshot of the server with every subscriber live
    process.kill(pid, "SIGUSR2");
    await new Promise((r) => setTimeout(r, Number(process.env.BENCH_HEAPSNAPSHOT)));
  }
  const lastMs: number[] = [];
  const firstMs: number[] = [];
  for (let i = 0; i < writes; i++) {
    const r = await one(`write ${i}`, 60_000);
    if (!r) throw new Error(`write ${i}: not every subscriber got it within 60 s`);
    lastMs.push(r.last);
    firstMs.push(r.first);
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const c of children) c.send({ type: "stop" } satisfies ToClient);
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))));
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  const result: Run = {
    label,
    subscribers,
    lastMs: lastMs.sort((a, b) => a - b),
    allP50: firstMs.sort((a, b) => a - b),
    rssBase: base.rss,
    rssAfter: after.rss,
    heapBase: base.heap,
    heapAfter: after.heap,
    rssPer: (after.rss - base.rss) / subscribers,
    heapPer: (after.heap - base.heap) / subscribers,
    liveHeapPer: liveBase !== null && liveAfter !== null ? (liveAfter - liveBase) / subscribers : null,
    errors,
  };
  console.log(JSON.stringify(result));
  return result;
}

async function parentMain() {
  const { machine, ms, percentile, writeSection } = await import("./logs-report.js");
  const counts = arg("subscribers", "2000,10000").split(",").map(Number);
  const writes = Number(arg("writes", "20"));
  const before = arg("before", "");
  const runs: Run[] = [];
  for (const n of counts) {
    if (before) runs.push(await run("before", before, n, writes));
    runs.push(await run("after", undefined, n, writes));
  }
  const kb = (b: number) => (b / 1024).toFixed(1);
  const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
  const rows = runs.map(
    (r) =>
      `| ${r.label} | ${r.subscribers.toLocaleString("en")} | ${ms(percentile(r.allP50, 50))} | ${ms(percentile(r.lastMs, 50))} | ${ms(percentile(r.lastMs, 99))} | ${kb(r.rssPer)} | ${kb(r.heapPer)} | ${r.liveHeapPer === null ? "-" : kb(r.liveHeapPer)} | ${mb(r.rssBase)} → ${mb(r.rssAfter)} | ${r.errors} |`,
  );
  const text = [
    "## Subscription fan-out",
    "",
    `\`npm run bench:fanout${before ? ` -- --before ${before}` : ""}\`: N graphql-ws subscribers to \`modelSaved(models: ["Allocation"])\` (the same operation, the same admin login) on one server process ` +
      `(NODE_ENV=production); the sockets live in separate client processes (≤ ${PER_CLIENT_PROCESS.toLocaleString("en")} each), so the server's memory is its own. ` +
      `${writes} \`createAllocation\` writes one after another; latency from sending the mutation to the first / last subscriber holding the event. ` +
      `Memory per subscriber: the server's RSS and used heap once all subscribers are live (lowest of 8 samples over 4 s) minus before any connected, divided by N; ` +
      `"live heap" (with --exact-heap) the same difference of two heap snapshots' totals, each taken after a full GC, so it does not depend on when the last GC ran. ` +
      `"before" is the start commit (c87cf71) run from a scratch copy, "after" this branch, in the same run.`,
    "",
    machine(),
    `- ulimit -n: ${process.env.BENCH_ULIMIT ?? "20000 (enough for 10,000 sockets on each side)"}`,
    "",
    "| Code | subscribers | first p50 ms | last p50 ms | last p99 ms | RSS KB/sub | heap KB/sub | live heap KB/sub | server RSS MB | errors |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
  ].join("\n");
  console.log(`\n${text}`);
  if (!process.argv.includes("--no-write")) writeSection("## Subscription fan-out", text);
}

if (process.argv.includes("--client")) await clientMain();
else {
  await parentMain();
  process.exit(0);
}

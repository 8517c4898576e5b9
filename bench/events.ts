// Event delivery to 1,000 graphql-ws subscribers (modelSaved) on one server: the latency from
// the moment a write is sent (a createAllocation mutation over HTTP) to the moment each
// subscriber has the event. Writes the "## Event delivery to 1,000 subscribers" section of
// bench/RESULTS.md.
//
//   npx tsx bench/events.ts                          # 1,000 subscribers, 100 single writes, 5 bursts of 20
//   npx tsx bench/events.ts --subscribers 200 --writes 30 --no-write
//
// The server runs as its own process (tests/helpers/process-server.ts), as in production;
// this process holds the 1,000 WebSocket clients and the writer. Both share the machine's
// two cores, so the numbers include the clients' own work.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Client } from "graphql-ws";
import { startProcessServer } from "../tests/helpers/process-server.js";
import { machine, ms, percentile, writeSection } from "./logs-report.js";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const SUBSCRIBERS = Number(arg("subscribers", "1000"));
const WRITES = Number(arg("writes", "100"));
const BURSTS = Number(arg("bursts", "5"));
const BURST_SIZE = Number(arg("burst-size", "20"));
const write = !process.argv.includes("--no-write");
const HEADING = "## Event delivery to 1,000 subscribers";

const SUBSCRIPTION = `subscription Bench { modelSaved(models: ["Allocation"]) { sequence model recordId action at actorLabel data } }`;
const CREATE = `mutation Bench($input: AllocationInput!) { createAllocation(input: $input) { id } }`;

/** What the numbers rest on (profiles of the server process, 2026-11-26, same machine). */
const NOTES = `How: the first run gave p50 66 ms, p95 151 ms, p99 177 ms one at a time and p50 808 ms in bursts. The server's
profile showed each activity-log commit (every request writes one) stalling the process on an fsync, and every subscriber
parsing the event's JSON again; the log writer now commits its batches with synchronous=NORMAL (data writes stay FULL) and
the redacted data is computed once per event and role. What is left is per subscriber: one GraphQL execution of the
selection, one JSON serialization and one socket write (writev) per event, roughly 40-60 us each on this machine, so a
write reaches the last of 1,000 subscribers some 40-60 ms after the first. The next step, if needed, is one execution
shared by all subscribers of the same operation, variables and role (an envelop plugin around subscribe); the socket
writes stay.`;

type Pending = { sent: number; received: number[]; done: () => void };

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cz-events-bench-"));
  const server = await startProcessServer({
    name: "bench",
    dataDir,
    env: { NODE_ENV: "production", LOG_LEVEL: "warn" },
    // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server
    nodeArgs: process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean),
  });
  const token = await server.login();
  // Events are matched to writes by the allocation's name.
  const pending = new Map<string, Pending>();
  const clients: Client[] = [];
  const warmups = new Map<string, number>();
  let errors = 0;

  console.log(`connecting ${SUBSCRIBERS} subscribers…`);
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const client = server.ws({ authorization: `Bearer ${token}` });
    clients.push(client);
    client.subscribe<{ modelSaved: { data: { name: string } } }>(
      { query: SUBSCRIPTION },
      {
        next: (v) => {
          const now = performance.now();
          const p = pending.get(v.data?.modelSaved.data.name ?? "");
          if (!p) {
            const name = v.data?.modelSaved.data.name ?? "";
            if (warmups.has(name)) warmups.set(name, warmups.get(name)! + 1);
            return;
          }
          p.received.push(now - p.sent);
          if (p.received.length === SUBSCRIBERS) p.done();
        },
        error: () => errors++,
        complete: () => {},
      },
    );
    if (i % 100 === 99) await new Promise((r) => setTimeout(r, 20)); // do not stampede the listener
  }
  // Live when every subscriber has seen a warm-up write.
  let k = 0;
  const price = () => 100 + ++k;
  const create = (name: string) => server.gql(CREATE, { input: { name, priceMinor: price(), dataLimitMb: k } }, { token });
  const until = Date.now() + 120_000;
  let warm = 0;
  for (;;) {
    if (Date.now() > until) throw new Error(`subscribers did not all go live (${errors} errors)`);
    const name = `warm-up ${warm++}`;
    warmups.set(name, 0);
    await create(name);
    const wait = Date.now() + 3_000;
    while (warmups.get(name)! < SUBSCRIBERS && Date.now() < wait) await new Promise((r) => setTimeout(r, 20));
    if (warmups.get(name)! === SUBSCRIBERS) break;
  }
  console.log(`${SUBSCRIBERS} subscribers live after ${warm} warm-up writes`);

  async function one(name: string): Promise<{ latencies: number[]; responseMs: number }> {
    const p: Pending = { sent: 0, received: [], done: () => {} };
    const all = new Promise<void>((resolve) => (p.done = resolve));
    pending.set(name, p);
    p.sent = performance.now();
    const r = await create(name);
    const responseMs = performance.now() - p.sent;
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    await Promise.race([all, new Promise((_, reject) => setTimeout(() => reject(new Error(`${name}: ${p.received.length}/${SUBSCRIBERS} deliveries`)), 60_000))]);
    pending.delete(name);
    return { latencies: p.received, responseMs };
  }

  // 1. One write at a time: each write's event to every subscriber before the next write.
  const single: number[] = [];
  const responses: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    const r = await one(`single ${i}`);
    single.push(...r.latencies);
    responses.push(r.responseMs);
  }
  // 2. Bursts: BURST_SIZE writes sent at once.
  const burst: number[] = [];
  const burstStarted = performance.now();
  for (let b = 0; b < BURSTS; b++) {
    const rs = await Promise.all(Array.from({ length: BURST_SIZE }, (_, i) => one(`burst ${b}-${i}`)));
    for (const r of rs) burst.push(...r.latencies);
  }
  const burstSeconds = (performance.now() - burstStarted) / 1000;

  await Promise.allSettled(clients.map((c) => c.dispose()));
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });

  single.sort((a, b) => a - b);
  burst.sort((a, b) => a - b);
  responses.sort((a, b) => a - b);
  const row = (name: string, xs: number[]) => `| ${name} | ${xs.length.toLocaleString("en")} | ${ms(percentile(xs, 50))} | ${ms(percentile(xs, 95))} | ${ms(percentile(xs, 99))} | ${ms(xs[xs.length - 1]!)} |`;
  const text = [
    HEADING,
    "",
    `\`npx tsx bench/events.ts\`: ${SUBSCRIBERS.toLocaleString("en")} graphql-ws clients subscribed to \`modelSaved(models: ["Allocation"])\` (sequence, model, record id, action, time, actor label and the row) on one server process. ` +
      `Latency: from sending the \`createAllocation\` mutation over HTTP to each subscriber holding the event, so it includes the request, the commit, the change feed, the fan-out and the WebSocket. ` +
      `${WRITES} writes one at a time (each delivered everywhere before the next), then ${BURSTS} bursts of ${BURST_SIZE} writes sent together.`,
    "",
    machine(),
    "",
    "| Writes | deliveries | p50 ms | p95 ms | p99 ms | max ms |",
    "|---|---:|---:|---:|---:|---:|",
    row("one at a time", single),
    row(`bursts of ${BURST_SIZE}`, burst),
    "",
    `The mutation's own response took p50 ${ms(percentile(responses, 50))} ms, p95 ${ms(percentile(responses, 95))} ms. ` +
      `Burst throughput: ${Math.round((BURSTS * BURST_SIZE * SUBSCRIBERS) / burstSeconds).toLocaleString("en")} deliveries/s. Subscription errors: ${errors}.`,
    "",
    NOTES,
  ].join("\n");
  console.log(`\n${text}`);
  if (write) writeSection(HEADING, text);
}

await main();
process.exit(0);

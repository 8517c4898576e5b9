// Two API processes, one SQLite file (WAL) and one real Redis: a write through either
// reaches subscribers on both. With Redis killed both keep serving, and subscribers keep
// getting every process's events; a third process can still start; Redis started again on
// the same port carries events again, and nothing was lost. Each test opens its own
// subscriptions and leaves Redis running, so each runs alone as well as after the others.
// A subscriber's events are compared with the database exactly, up to a last write it has
// been seen to receive (delivery is in sequence order, so nothing before it may be missing).
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hasRedis, missing } from "../helpers/external.js";
import { STARTUP_MS, startProcessServer, type ProcessServer } from "../helpers/process-server.js";
import { freePort, startRedis, type RedisServer } from "../helpers/redis.js";
import { watch, type Watch } from "../helpers/watch.js";

const skip = missing("redis-server", hasRedis());

type Ev = { sequence: number; model: string; recordId: string; nodeId: string; action: string; data: Record<string, unknown> };
const SAVED = `subscription Saved($models: [String!], $since: Int) { modelSaved(models: $models, since: $since) { sequence model recordId nodeId action data } }`;
const CHANNEL = "chillzone:log";

let k = 0;
async function createAllocation(p: ProcessServer, token: string, name: string): Promise<string> {
  k++;
  const r = await p.gql(`mutation C($input: AllocationInput!) { createAllocation(input: $input) { id } }`, { input: { name, priceMinor: 10_000 + k, dataLimitMb: 1 + k } }, { token });
  if (r.errors) throw new Error(`${p.name}: ${JSON.stringify(r.errors)}`);
  return r.data.createAllocation.id;
}

async function poll<T>(what: string, fn: () => Promise<T | undefined | false>, deadlineMs = 30_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const readyz = async (p: ProcessServer) => (await (await fetch(`${p.url}/readyz`)).json()) as { checks: Record<string, string> };
const saw = (w: Watch<{ modelSaved: Ev }>, nodeId: string) => w.items.some((x) => x.modelSaved.nodeId === nodeId);

describe.skipIf(skip)("two API processes, one database, one Redis", () => {
  let redis: RedisServer;
  let dataDir: string;
  let a: ProcessServer;
  let b: ProcessServer;
  let c: ProcessServer | undefined;
  let token: string;
  let log: Database.Database;
  const open: Watch<unknown>[] = [];

  type Sub = Watch<{ modelSaved: Ev }>;
  const subscribe = (p: ProcessServer): Sub => {
    const w = watch<{ modelSaved: Ev }>(p.ws({ authorization: `Bearer ${token}` }), SAVED, { models: ["Allocation"] });
    open.push(w);
    return w;
  };

  /** Writes through `via` until `sub` has seen one of the writes: proof that delivery works, without a timing assumption. */
  async function delivered(via: ProcessServer, sub: Sub, label: string, deadlineMs = 30_000) {
    const ids: string[] = [];
    return poll(
      `${label}: a write through ${via.name} delivered`,
      async () => {
        ids.push(await createAllocation(via, token, label));
        return ids.find((id) => saw(sub, id));
      },
      deadlineMs,
    );
  }

  /** A subscriber on each process, both live for writes through either. */
  async function subscribers(): Promise<{ subA: Sub; subB: Sub }> {
    const subA = subscribe(a);
    const subB = subscribe(b);
    await delivered(a, subB, "warm-up A to B");
    await delivered(b, subA, "warm-up B to A");
    await delivered(a, subA, "warm-up A to A");
    await delivered(b, subB, "warm-up B to B");
    return { subA, subB };
  }

  /** What a modelSaved(models: [Allocation]) subscriber must have received in (since, upTo], per the shared database. */
  const expected = (since: number, upTo: number) =>
    log.prepare("SELECT sequence FROM LogEntry WHERE sequence > ? AND sequence <= ? AND model = 'Allocation' AND kind IN ('CREATE','UPDATE') ORDER BY sequence").pluck().all(since, upTo) as number[];
  const lastSequence = () => Number(log.prepare("SELECT coalesce(max(sequence), 0) FROM LogEntry").pluck().get());

  /**
   * A last write through each process, waited for on every subscriber; then each must have
   * received exactly what the database holds from `since` to that write: none missing (at
   * the end included), none repeated, in order.
   */
  async function exactlyOnce(subs: Sub[], since: number, label: string) {
    const lastA = await createAllocation(a, token, `${label}: last through A`);
    const lastB = await createAllocation(b, token, `${label}: last through B`);
    for (const sub of subs) await sub.until((xs) => [lastA, lastB].every((id) => xs.some((x) => x.modelSaved.nodeId === id)), `${label}: the last writes`);
    for (const sub of subs) {
      const upTo = Math.max(...sub.items.filter((x) => [lastA, lastB].includes(x.modelSaved.nodeId)).map((x) => x.modelSaved.sequence));
      const got = sub.items.map((x) => x.modelSaved.sequence).filter((s) => s > since && s <= upTo);
      const want = expected(since, upTo);
      expect(want.length).toBeGreaterThanOrEqual(2);
      expect(got).toEqual(want);
    }
  }

  /** Redis running and both processes connected to it again. */
  async function redisUp() {
    if (redis.pid() === null) await redis.restart();
    await poll("both processes connected to Redis", async () => (await readyz(a)).checks.redis === "ok" && (await readyz(b)).checks.redis === "ok");
  }

  /** A plain Redis client on the event channel, to see what travels through Redis. */
  async function channelObserver() {
    const observer = createClient({ url: redis.url });
    observer.on("error", () => {}); // reported through the commands that fail
    await observer.connect();
    const onChannel: { origin: string; sequence: number; model: string | null }[] = [];
    await observer.subscribe(CHANNEL, (m) => onChannel.push(JSON.parse(m)));
    return { onChannel, destroy: () => observer.destroy() };
  }

  beforeAll(async () => {
    redis = await startRedis();
    dataDir = mkdtempSync(path.join(tmpdir(), "cz-two-"));
    // One after the other: the first creates the database, the admin and the session key.
    a = await startProcessServer({ name: "A", dataDir, env: { REDIS_URL: redis.url } });
    b = await startProcessServer({ name: "B", dataDir, env: { REDIS_URL: redis.url } });
    token = await a.login();
    log = new Database(path.join(dataDir, "chillzone.db"), { readonly: true });
  }, 2 * STARTUP_MS);

  afterEach(async () => {
    for (const w of open.splice(0)) w.stop();
    if (redis) await redisUp();
  });

  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop(), c?.stop()]);
    log?.close();
    await redis?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("a write through A reaches a subscriber on B through Redis, and the other way round", async () => {
    const observer = await channelObserver();
    try {
      const { subA, subB } = await subscribers();
      const since = lastSequence();
      const fromA: string[] = [];
      for (let i = 0; i < 5; i++) fromA.push(await createAllocation(a, token, `from A ${i}`));
      const fromB = await createAllocation(b, token, "from B");
      await exactlyOnce([subA, subB], since, "through Redis");
      for (const sub of [subA, subB]) expect(sub.items.filter((x) => [...fromA, fromB].includes(x.modelSaved.nodeId))).toHaveLength(6);
      // The entries travel through Redis, each published by the process that wrote it. (A
      // subscriber may have had one sooner, read from the database to close a gap.)
      const want = expected(since, lastSequence());
      await poll("every entry on the channel", async () => want.every((s) => observer.onChannel.some((m) => m.sequence === s)));
      expect(new Set(observer.onChannel.filter((m) => want.includes(m.sequence)).map((m) => m.origin)).size).toBe(2);
    } finally {
      observer.destroy();
    }
  });

  it("with Redis killed, both keep serving; each process's subscribers get its own writes, and the other's too", async () => {
    const { subA, subB } = await subscribers();
    const since = lastSequence();
    await redis.stop("SIGKILL");
    await poll("both processes to notice", async () => (await readyz(a)).checks.redis === "degraded" && (await readyz(b)).checks.redis === "degraded");

    // HTTP: queries and mutations on both.
    for (const p of [a, b]) {
      const q = await p.gql(`{ logs(first: 3) { edges { node { sequence } } } me { username } }`, {}, { token });
      expect(q.errors, p.name).toBeUndefined();
      expect(q.data.me.username).toBe("admin");
      expect((await fetch(`${p.url}/healthz`)).status).toBe(200);
    }
    const onA = await createAllocation(a, token, "outage A");
    const onB = await createAllocation(b, token, "outage B");
    await subA.until((xs) => xs.some((x) => x.modelSaved.nodeId === onA), "A's own write on A");
    await subB.until((xs) => xs.some((x) => x.modelSaved.nodeId === onB), "B's own write on B");
    // Without Redis, each process reads the other's entries from the shared database.
    await subA.until((xs) => xs.some((x) => x.modelSaved.nodeId === onB), "B's write on A, from the database");
    await subB.until((xs) => xs.some((x) => x.modelSaved.nodeId === onA), "A's write on B, from the database");
    await exactlyOnce([subA, subB], since, "without Redis");
  });

  it("a process started while Redis is down starts, serves and receives", async () => {
    const dead = `redis://127.0.0.1:${await freePort()}`;
    c = await startProcessServer({ name: "C", dataDir, env: { REDIS_URL: dead } });
    try {
      const r = await c.gql(`{ me { username } }`, {}, { token });
      expect(r.data?.me?.username).toBe("admin");
      expect((await readyz(c)).checks.redis).toBe("degraded");
      const subC = subscribe(c);
      await delivered(a, subC, "A to C without Redis");
    } finally {
      await c.stop();
      c = undefined;
    }
  }, STARTUP_MS + 60_000);

  it("Redis back on the same port: delivery through Redis resumes on both, and no event was lost or repeated", async () => {
    const { subA, subB } = await subscribers();
    const since = lastSequence();
    await redis.stop("SIGKILL");
    await poll("both processes to notice", async () => (await readyz(a)).checks.redis === "degraded" && (await readyz(b)).checks.redis === "degraded");
    for (let i = 0; i < 3; i++) {
      await createAllocation(a, token, `while down A ${i}`);
      await createAllocation(b, token, `while down B ${i}`);
    }
    await redis.restart();
    await poll("both processes to reconnect", async () => (await readyz(a)).checks.redis === "ok" && (await readyz(b)).checks.redis === "ok");
    const observer = await channelObserver();
    try {
      const id = await delivered(a, subB, "A to B after the restart");
      const event = subB.items.find((x) => x.modelSaved.nodeId === id)!.modelSaved;
      await poll("the entry on the channel", async () => observer.onChannel.some((m) => m.sequence === event.sequence));
      await delivered(b, subA, "B to A after the restart");
    } finally {
      observer.destroy();
    }
    // Before, during and after the outage: each subscriber got every event exactly once, in order.
    await exactlyOnce([subA, subB], since, "across the outage");
  });
});

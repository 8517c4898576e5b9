// The durable job queue (api/jobs): a job exists exactly when the caller's transaction
// committed; failures retry with growing delays and end DEAD with a WARN entry; a lease that
// runs out (its worker stuck or dead) lets another worker run the job, and only the lease's
// holder records an outcome; two workers never run one job at once; a kind nobody handles
// is dead-lettered with a clear error. Handlers are registered on the running app through
// its public JobQueue, the same way api/app.ts registers the real ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { enqueue, pruneDoneJobs, type JobHandler } from "../../api/jobs/index.js";
import { JOB_PRUNE_BATCH } from "../../api/jobs/retention.js";
import { backoffMs, exponentialMs } from "../../api/core/backoff.js";
import { waitFor } from "./sales-seed.js";

let server: TestServer;

beforeAll(async () => {
  // This server only works when a test kicks it (or a retry it scheduled falls due): the lease
  // test needs to know which process claims first.
  server = await startTestServer({ env: { JOBS_POLL_MS: "3600000", BACKUP_SCHEDULE: "off" } });
});
afterAll(() => server?.stop());

const prisma = () => server.app.services.prisma;
const jobs = () => server.app.services.jobs;

/** Kicks the queue until the job reaches `status`. */
async function settled(id: string, status: "DONE" | "DEAD", queue = jobs(), timeoutMs = 15_000) {
  return waitFor(
    `job ${id} ${status}`,
    async () => {
      queue.kick();
      const j = await prisma().job.findUnique({ where: { id } });
      return j?.status === status ? j : null;
    },
    timeoutMs,
  );
}

type Entry = { data: string | null; level: string; message: string; kind: string };

describe("job queue", () => {
  it("one backoff: the doubling curve, capped (the login lockout), and the same curve jittered by ±25% (every retry)", () => {
    const p = { baseMs: 100, capMs: 1_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => exponentialMs(n, p))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(exponentialMs(5_000, p)).toBe(1_000); // no overflow to Infinity or NaN
    expect(backoffMs(3, p, () => 0)).toBe(300);
    expect(backoffMs(3, p, () => 1)).toBe(500);
    expect(backoffMs(5_000, p, () => 0)).toBe(1_000);
  });

  it("a job enqueued in a transaction that rolls back does not exist; one that commits runs with its payload", async () => {
    const seen: unknown[] = [];
    jobs().register({ kind: "test.echo", run: async (job) => void seen.push(job.payload) });
    await expect(
      prisma().$transaction(async (tx) => {
        await enqueue(tx, "test.echo", { n: 1 });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await prisma().job.count({ where: { kind: "test.echo" } })).toBe(0);

    const id = await prisma().$transaction((tx) => enqueue(tx, "test.echo", { n: 2 }));
    const done = await settled(id, "DONE");
    expect(seen).toEqual([{ n: 2 }]);
    expect(done).toMatchObject({ attempts: 1, lastError: null, leaseUntil: null, lockedBy: null });
  });

  it("an outbox message queues its delivery in its own statement: no job after a rollback, one that sends it after a commit", async () => {
    const before = await prisma().job.count({ where: { kind: "outbox.deliver" } });
    await expect(
      prisma().$transaction(async (tx) => {
        await tx.outboxMessage.create({ data: { channel: "SMS", recipient: "0241239999", body: "rolled back" } });
        throw new Error("sale failed");
      }),
    ).rejects.toThrow("sale failed");
    expect(await prisma().job.count({ where: { kind: "outbox.deliver" } })).toBe(before);

    const m = await prisma().outboxMessage.create({ data: { channel: "SMS", recipient: "0241239999", body: "committed" } });
    const job = await prisma().job.findFirstOrThrow({ where: { kind: "outbox.deliver", payload: JSON.stringify({ messageId: m.id }) } });
    expect(job.status).toBe("QUEUED");
    await settled(job.id, "DONE");
    expect(await prisma().outboxMessage.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("a failing handler retries with growing delays, then is dead-lettered with one WARN entry", async () => {
    const attempts: number[] = [];
    const handler: JobHandler = {
      kind: "test.always-fails",
      retry: () => ({ maxAttempts: 4, backoff: { baseMs: 200, capMs: 60_000 } }),
      run: async (job) => {
        attempts.push(job.attempts);
        throw new Error(`gateway down (try ${job.attempts})`);
      },
    };
    jobs().register(handler);
    const id = await enqueue(prisma(), handler.kind, { what: "x" });
    const dead = await settled(id, "DEAD");
    expect(attempts).toEqual([1, 2, 3, 4]);
    expect(dead).toMatchObject({ attempts: 4, lastError: "gateway down (try 4)", leaseUntil: null });

    // Each failure rescheduled the job: the change log holds every update, so the delays are
    // read from the data (runAt - updatedAt of each RUNNING -> QUEUED), not from a clock.
    const updates = await prisma().logEntry.findMany({ where: { model: "Job", recordId: id, kind: "UPDATE" }, orderBy: { sequence: "asc" } });
    const delays = updates
      .map((e) => JSON.parse(e.data!) as { before: { status: string }; after: { status: string; runAt: string; updatedAt: string } })
      .filter((d) => d.before.status === "RUNNING" && d.after.status === "QUEUED")
      .map((d) => new Date(d.after.runAt).getTime() - new Date(d.after.updatedAt).getTime());
    expect(delays).toHaveLength(3);
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect(delays[2]!).toBeGreaterThan(delays[1]!);

    await server.app.services.log.flush();
    const warns = (await prisma().logEntry.findMany({ where: { kind: "SYSTEM", level: "WARN", recordId: id } })) as Entry[];
    expect(warns).toHaveLength(1);
    expect(warns[0]!.message).toBe("Job test.always-fails gave up after 4 attempt(s): gateway down (try 4)");
  });

  it("a job of a kind nobody handles is dead-lettered at once, saying so", async () => {
    const id = await enqueue(prisma(), "test.nobody-handles-this", { a: 1 });
    const dead = await settled(id, "DEAD");
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toMatch(/no handler is registered for job kind "test.nobody-handles-this"/);
    await server.app.services.log.flush();
    const warns = await prisma().logEntry.findMany({ where: { kind: "SYSTEM", level: "WARN", recordId: id } });
    expect(warns).toHaveLength(1);
    expect(warns[0]!.message).toContain("no handler is registered");
  });

  it("a job left RUNNING by a worker that died is claimed again once its lease ran out (a live lease is left alone)", async () => {
    const ran: { id: string; attempts: number }[] = [];
    jobs().register({ kind: "test.orphan", run: async (job) => void ran.push({ id: job.id, attempts: job.attempts }) });
    const past = new Date(Date.now() - 1_000);
    const future = new Date(Date.now() + 3_600_000);
    // As a killed worker leaves them: claimed (attempts counted), lease out or still live.
    const orphan = await prisma().job.create({ data: { kind: "test.orphan", status: "RUNNING", attempts: 1, runAt: past, leaseUntil: past, lockedBy: "dead-worker:1" } });
    const live = await prisma().job.create({ data: { kind: "test.orphan", status: "RUNNING", attempts: 1, runAt: past, leaseUntil: future, lockedBy: "busy-worker:1" } });
    const done = await settled(orphan.id, "DONE");
    expect(done.attempts).toBe(2);
    expect(ran).toEqual([{ id: orphan.id, attempts: 2 }]);
    // The round that took the orphan could have taken the live one too (both are older than any other job): it did not.
    expect(await prisma().job.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ status: "RUNNING", lockedBy: "busy-worker:1" });
    await prisma().job.delete({ where: { id: live.id } });
  });

  it("a worker stuck past its lease loses the job to another, and its late outcome is not recorded", async () => {
    // A second process on the same database whose leases last 400 ms and whose heartbeat never
    // comes in time (as a frozen process's would not); its handler hangs until released.
    const stuck = await startTestServer({ dataDir: server.dataDir, env: { JOBS_POLL_MS: "20", JOBS_LEASE_MS: "400", JOBS_HEARTBEAT_MS: "3600000", BACKUP_SCHEDULE: "off" } });
    try {
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let stuckStarted = false;
      const recorded: string[] = [];
      stuck.app.services.jobs.register({
        kind: "test.lease",
        run: async () => {
          stuckStarted = true;
          await released;
          return { record: async () => void recorded.push("stuck") };
        },
      });
      const id = await enqueue(stuck.app.services.prisma, "test.lease", {});
      stuck.app.services.jobs.kick();
      await waitFor("the stuck worker to claim the job", () => stuckStarted);
      const claimed = await prisma().job.findUniqueOrThrow({ where: { id } });
      expect(claimed.lockedBy?.startsWith(stuck.app.services.jobs.workerId)).toBe(true);

      // Only now does the first process know the kind (before, it would have dead-lettered it).
      jobs().register({ kind: "test.lease", run: async () => ({ record: async () => void recorded.push("first") }) });
      const done = await settled(id, "DONE");
      expect(done.attempts).toBe(2);
      expect(recorded).toEqual(["first"]);

      release();
      await stuck.stop(); // waits for the stuck round to finish and (not) record
      expect(recorded).toEqual(["first"]);
      expect(await prisma().job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DONE", attempts: 2, lockedBy: null });
    } finally {
      await stuck.stop();
    }
  });

  it("a handler that outlasts its lease keeps the job: the heartbeat renews the lease, so another worker does not claim it mid-run", async () => {
    // A worker whose leases last 300 ms, renewed every 50 ms while the handler runs (a slow backup).
    const slow = await startTestServer({ dataDir: server.dataDir, env: { JOBS_POLL_MS: "3600000", JOBS_LEASE_MS: "300", JOBS_HEARTBEAT_MS: "50", BACKUP_SCHEDULE: "off" } });
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    try {
      let started = false;
      const runs: string[] = [];
      slow.app.services.jobs.register({
        kind: "test.slow",
        run: async () => {
          runs.push("slow");
          started = true;
          await released;
        },
      });
      jobs().register({ kind: "test.slow", run: async () => void runs.push("first") });
      const id = await enqueue(prisma(), "test.slow", {});
      slow.app.services.jobs.kick();
      await waitFor("the slow worker to claim the job", () => started);
      const claimed = await prisma().job.findUniqueOrThrow({ where: { id } });
      const firstLease = claimed.leaseUntil!.getTime();

      // Wait (on the clock, not a timed assertion) until the first lease is well past: without a
      // renewal, the job would now be free for another worker.
      await waitFor("the first lease to run out", () => Date.now() > firstLease + 200);
      const renewed = await prisma().job.findUniqueOrThrow({ where: { id } });
      expect(renewed).toMatchObject({ status: "RUNNING", lockedBy: claimed.lockedBy, attempts: 1 });
      expect(renewed.leaseUntil!.getTime()).toBeGreaterThan(firstLease);
      // Another worker looks for due work: the renewed lease leaves the job alone.
      await jobs().drain(server.app.services);
      expect(runs).toEqual(["slow"]);
      expect(await prisma().job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "RUNNING", lockedBy: claimed.lockedBy, attempts: 1 });

      release();
      const done = await waitFor("the slow job DONE", async () => {
        const j = await prisma().job.findUniqueOrThrow({ where: { id } });
        return j.status === "DONE" ? j : null;
      });
      expect(done).toMatchObject({ attempts: 1, leaseUntil: null, lockedBy: null });
      expect(runs).toEqual(["slow"]);
      // Once the handler is done, the heartbeat stops: no renewal after the DONE.
      const updates = await prisma().logEntry.findMany({ where: { model: "Job", recordId: id, kind: "UPDATE" }, orderBy: { sequence: "asc" } });
      const last = JSON.parse(updates.at(-1)!.data!) as { after: { status: string } };
      expect(last.after.status).toBe("DONE");
    } finally {
      release(); // a failed expectation must not leave the handler (and slow.stop()) hanging
      await slow.stop();
    }
  });

  it("DONE jobs older than the retention are pruned in batches; newer DONE jobs, DEAD and queued jobs are kept", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 8 * 86_400_000);
    const recent = new Date(now.getTime() - 6 * 86_400_000);
    const make = (status: "DONE" | "DEAD" | "QUEUED", at: Date, n: number) =>
      prisma().$transaction(async (tx) => {
        const ids: string[] = [];
        for (let i = 0; i < n; i++) {
          const j = await tx.job.create({ data: { kind: "test.retention", status, attempts: 1, runAt: at, createdAt: at } });
          // updatedAt is set by Prisma on every write: put it back to when the job "finished".
          await tx.$executeRaw`UPDATE "Job" SET "updatedAt" = ${at} WHERE "id" = ${j.id}`;
          ids.push(j.id);
        }
        return ids;
      });
    const oldDone = await make("DONE", old, JOB_PRUNE_BATCH + 5); // more than one batch
    const recentDone = await make("DONE", recent, 3);
    const oldDead = await make("DEAD", old, 2);
    const oldQueued = await make("QUEUED", old, 1);

    const deleted = await pruneDoneJobs(server.app.services, { now });
    expect(deleted).toBeGreaterThanOrEqual(oldDone.length);
    expect(await prisma().job.count({ where: { id: { in: oldDone } } })).toBe(0);
    expect(await prisma().job.count({ where: { id: { in: [...recentDone, ...oldDead, ...oldQueued] } } })).toBe(recentDone.length + oldDead.length + oldQueued.length);
    // Jobs finished today (the earlier tests') are kept too.
    expect(await prisma().job.count({ where: { status: "DONE", kind: "test.echo" } })).toBe(1);
    await prisma().job.deleteMany({ where: { id: { in: [...oldDead, ...oldQueued] } } }); // the metrics test counts the unknown kinds' DEAD jobs
  });

  it("two workers draining one queue never run the same job at once, and run each exactly once", async () => {
    const other = await startTestServer({ dataDir: server.dataDir, env: { JOBS_POLL_MS: "10", BACKUP_SCHEDULE: "off" } });
    try {
      const running = new Set<string>();
      const runs = new Map<string, number>();
      const overlaps: string[] = [];
      const byWorker = new Map<string, number>();
      const handler = (name: string): JobHandler => ({
        kind: "test.exclusive",
        run: async (job) => {
          if (running.has(job.id)) overlaps.push(job.id);
          running.add(job.id);
          runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
          byWorker.set(name, (byWorker.get(name) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, 3));
          running.delete(job.id);
        },
      });
      jobs().register(handler("first"));
      other.app.services.jobs.register(handler("other"));
      const ids = await prisma().$transaction(async (tx) => {
        const out: string[] = [];
        for (let i = 0; i < 60; i++) out.push(await enqueue(tx, "test.exclusive", { i }));
        return out;
      });
      await waitFor(
        "all 60 done",
        async () => {
          jobs().kick();
          other.app.services.jobs.kick();
          return (await prisma().job.count({ where: { id: { in: ids }, status: "DONE" } })) === ids.length;
        },
        30_000,
      );
      expect(overlaps).toEqual([]);
      expect([...runs.values()].every((n) => n === 1)).toBe(true);
      expect(runs.size).toBe(60);
      // Each job went RUNNING -> DONE exactly once in the log (a second claim would show another).
      const rows = await prisma().$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM "LogEntry"
        WHERE "model" = 'Job' AND "kind" = 'UPDATE' AND "data" LIKE '%"kind":"test.exclusive"%' AND "data" LIKE '%"status":"DONE"%'`;
      expect(Number(rows[0]!.n)).toBe(60);
    } finally {
      await other.stop();
    }
  });

  it("counts jobs and outcomes in /metrics", async () => {
    const text = await server.app.services.metrics.render();
    expect(text).toContain("# TYPE chillzone_jobs gauge");
    expect(text).toMatch(/chillzone_jobs\{kind="unknown",status="DEAD"\} 1/);
    expect(text).toMatch(/chillzone_jobs\{kind="test.always-fails",status="DEAD"\} 1/);
    expect(text).toMatch(/chillzone_jobs_finished_total\{kind="test.always-fails",outcome="retry"\} 3/);
    expect(text).toMatch(/chillzone_jobs_finished_total\{kind="test.always-fails",outcome="dead"\} 1/);
  });
});

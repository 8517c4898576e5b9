// The durable job queue: background work that must happen even if the process dies halfway
// (an SMS to send, later a router to provision, a refund to push to the provider, a backup
// to take). A job is a row in `Job`, written inside the caller's own transaction by
// enqueue(), so it exists exactly when the caller's write committed. One worker per process
// claims due jobs with a lease (one conditional UPDATE ... RETURNING: two processes sharing
// the database never hold the same job), runs each kind's handler, and records the outcome
// only while it still holds the lease. A failure is retried with the one backoff policy
// (core/backoff.ts); after the kind's last attempt, or an error the handler calls final, the
// job is DEAD and a WARN entry goes to the log. A worker that dies mid-job leaves its lease
// to expire, and whoever polls next runs the job again: work is done at least once, so a
// handler must tolerate a repeat (check the state it is about to change).
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/generated/client.js";
import type { Config } from "../core/config.js";
import type { Services } from "../core/context.js";
import type { Worker } from "../core/extensions.js";
import { backoffMs, type Backoff } from "../core/backoff.js";
import { periodicJob } from "../core/periodic.js";
import { sqlDate } from "../db/sql-date.js";

/** An interactive transaction's client (what prisma.$transaction(fn) hands fn). */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export type ClaimedJob<P = unknown> = {
  id: string;
  kind: string;
  payload: P;
  /** Attempts started, this one included (1 on the first run). */
  attempts: number;
};

/** What a successful run leaves to record: `record` commits with the job's DONE (the round's outcomes commit together), `after` runs once that committed. */
export type Completion = { record?(tx: Tx): Promise<unknown>; after?(): void };

export type Failure = {
  error: string;
  attempts: number;
  /** No more attempts: the job is DEAD. */
  dead: boolean;
  /** When the next attempt is due (null when dead). */
  retryAt: Date | null;
  retryable: boolean;
};

/** The log entry a dead job leaves (level WARN, kind SYSTEM). */
export type DeadLetterEntry = { model: string; recordId: string; message: string; data?: Record<string, unknown> };

export type JobHandler<P = any> = {
  kind: string;
  /** Retry policy; default JOBS_MAX_ATTEMPTS and JOBS_RETRY_BASE_MS / JOBS_RETRY_MAX_MS. */
  retry?(config: Config): { maxAttempts: number; backoff: Backoff };
  /** Whether an error is worth another attempt; default: all but PermanentJobError. */
  retryable?(err: unknown): boolean;
  run(job: ClaimedJob<P>, services: Services): Promise<Completion | void>;
  /** Records a failure in the handler's own tables, in the transaction that reschedules or buries the job. */
  failed?(tx: Tx, job: ClaimedJob<P>, f: Failure): Promise<unknown>;
  /** The dead-letter WARN entry; default names the Job row. */
  deadLetter?(job: ClaimedJob<P>, f: Failure, services: Services): Promise<DeadLetterEntry>;
};

/** Thrown by a handler: this job can never succeed, do not retry it. */
export class PermanentJobError extends Error {}

/**
 * Queues a job in the caller's transaction (or on its own when given the client). Kick the
 * queue (services.jobs.kick()) after the commit to run it now instead of at the next poll.
 */
export async function enqueue(tx: Tx | PrismaClient, kind: string, payload: unknown = {}, opts: { runAt?: Date } = {}): Promise<string> {
  if (!/^[a-z][\w.-]{0,63}$/i.test(kind)) throw new Error(`job kind ${JSON.stringify(kind)} is not a plain name`);
  const job = await tx.job.create({ data: { kind, payload: JSON.stringify(payload ?? {}), runAt: opts.runAt ?? new Date() }, select: { id: true } });
  return job.id;
}

/** Jobs claimed and run together: one commit for the claims, one for the outcomes. */
const PARALLEL = 4;
const ERROR_CHARS = 500;

type Row = { id: string; kind: string; payload: string; attempts: number | bigint };
type Outcome =
  | { job: ClaimedJob; handler: JobHandler; ok: true; completion: Completion | void; seconds: number }
  | { job: ClaimedJob; handler: JobHandler | undefined; ok: false; failure: Failure; seconds: number };

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, ERROR_CHARS);

export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  /** This process's claims carry it (and a round number): only the holder records an outcome. */
  readonly workerId = `${randomUUID().slice(0, 8)}-${process.pid}`;
  private rounds = 0;
  private kickFn: (() => void) | null = null;

  /** Registers each kind's handler (api/app.ts lists them); a kind registered twice is a wiring bug. */
  register(...handlers: JobHandler[]): this {
    for (const h of handlers) {
      if (this.handlers.has(h.kind)) throw new Error(`job kind ${h.kind} is registered twice`);
      this.handlers.set(h.kind, h);
    }
    return this;
  }

  get kinds(): string[] {
    return [...this.handlers.keys()];
  }

  /** Run due jobs now (after a commit that queued some). A no-op when the worker is not running. */
  kick(): void {
    this.kickFn?.();
  }

  private policy(handler: JobHandler | undefined, config: Config): { maxAttempts: number; backoff: Backoff } {
    return handler?.retry?.(config) ?? { maxAttempts: config.jobs.maxAttempts, backoff: { baseMs: config.jobs.retryBaseMs, capMs: config.jobs.retryMaxMs } };
  }

  /** Takes up to `take` due jobs: QUEUED and due, or RUNNING with an expired lease (its worker died). */
  private async claim(services: Services, take: number): Promise<{ token: string; jobs: ClaimedJob<string>[] }> {
    const now = new Date();
    const leaseUntil = new Date(now.getTime() + services.config.jobs.leaseMs);
    const token = `${this.workerId}:${++this.rounds}`;
    // One statement: SQLite runs it under the write lock, so a row another worker claimed a
    // moment ago no longer matches (its status or lease changed) and is not taken twice.
    // Not durable (no fsync of its own, db.transaction): a claim lost to a power cut leaves the
    // job QUEUED or its lease to run out, and it runs again, as after a crash. The outcome
    // (record) commits durably, and with it this claim. One fsync less per job, on the main thread.
    const rows = await services.db.transaction(
      (sql) =>
        sql(`UPDATE "Job" SET "status" = 'RUNNING', "attempts" = "attempts" + 1, "leaseUntil" = ?, "lockedBy" = ?, "updatedAt" = ?
          WHERE "id" IN (
            SELECT "id" FROM "Job"
            WHERE ("status" = 'QUEUED' AND "runAt" <= ?) OR ("status" = 'RUNNING' AND "leaseUntil" <= ?)
            ORDER BY "runAt" LIMIT ?)
          RETURNING "id", "kind", "payload", "attempts"`).all(sqlDate(leaseUntil), token, sqlDate(now), sqlDate(now), sqlDate(now), take) as Row[],
      { durable: false },
    );
    return { token, jobs: rows.map((r) => ({ id: r.id, kind: r.kind, payload: r.payload, attempts: Number(r.attempts) })) };
  }

  /**
   * Renews the lease of a job this round holds, every JOBS_HEARTBEAT_MS while its handler runs,
   * so a long job (a large backup) is not claimed again by another worker mid-run. Stops once
   * the renewal finds the job no longer held under `token` (its lease ran out and another
   * worker took it: this run's outcome will not be recorded).
   */
  private heartbeat(services: Services, token: string, id: string): () => void {
    const { leaseMs, heartbeatMs } = services.config.jobs;
    let stopped = false;
    let beat: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      beat = beat.then(async () => {
        if (stopped) return;
        const now = new Date();
        const r = await services.prisma.job.updateMany({
          where: { id, status: "RUNNING", lockedBy: token },
          data: { leaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now },
        });
        if (r.count === 0) stop();
      }).catch((err) => services.logger.warn({ err, jobId: id }, "job lease renewal failed"));
    }, heartbeatMs);
    timer.unref();
    const stop = () => {
      stopped = true;
      clearInterval(timer);
    };
    return stop;
  }

  private async runOne(services: Services, token: string, raw: ClaimedJob<string>): Promise<Outcome> {
    const started = performance.now();
    const handler = this.handlers.get(raw.kind);
    const seconds = () => (performance.now() - started) / 1000;
    const { maxAttempts, backoff } = this.policy(handler, services.config);
    const fail = (job: ClaimedJob, error: string, retryable: boolean): Outcome => {
      const dead = !retryable || job.attempts >= maxAttempts;
      const retryAt = dead ? null : new Date(Date.now() + backoffMs(job.attempts, backoff));
      return { job, handler, ok: false, failure: { error, attempts: job.attempts, dead, retryAt, retryable }, seconds: seconds() };
    };
    let payload: unknown;
    try {
      payload = JSON.parse(raw.payload);
    } catch {
      return fail({ ...raw, payload: raw.payload }, "the payload is not JSON", false);
    }
    const job: ClaimedJob = { ...raw, payload };
    if (!handler) return fail(job, `no handler is registered for job kind "${raw.kind}" (registered: ${this.kinds.join(", ") || "none"})`, false);
    // Claimed again after the lease of its last attempt ran out: the worker died running it (perhaps because of it).
    if (job.attempts > maxAttempts) return fail({ ...job, attempts: job.attempts - 1 }, "the worker running its last attempt stopped before it finished", false);
    const stopHeartbeat = this.heartbeat(services, token, job.id);
    try {
      const completion = await handler.run(job, services);
      return { job, handler, ok: true, completion, seconds: seconds() };
    } catch (err) {
      const retryable = handler.retryable ? handler.retryable(err) : !(err instanceof PermanentJobError);
      return fail(job, messageOf(err), retryable);
    } finally {
      stopHeartbeat();
    }
  }

  /** Records a round's outcomes in one transaction, each only if this round still holds its job. */
  private async record(services: Services, token: string, outcomes: Outcome[]): Promise<Outcome[]> {
    return services.prisma.$transaction(async (tx) => {
      const held: Outcome[] = [];
      for (const o of outcomes) {
        const where = { id: o.job.id, status: "RUNNING" as const, lockedBy: token };
        const release = { leaseUntil: null, lockedBy: null };
        if (o.ok) {
          const r = await tx.job.updateMany({ where, data: { status: "DONE", lastError: null, ...release } });
          if (r.count === 0) continue;
          await o.completion?.record?.(tx);
        } else {
          const { failure: f } = o;
          const r = await tx.job.updateMany({
            where,
            data: f.dead ? { status: "DEAD", lastError: f.error, ...release } : { status: "QUEUED", lastError: f.error, runAt: f.retryAt!, ...release },
          });
          if (r.count === 0) continue;
          await o.handler?.failed?.(tx, o.job, f);
        }
        held.push(o);
      }
      return held;
    });
  }

  private async deadLetter(services: Services, o: Extract<Outcome, { ok: false }>): Promise<void> {
    const { job, failure: f } = o;
    let entry: DeadLetterEntry = {
      model: "Job",
      recordId: job.id,
      message: `Job ${job.kind} gave up after ${f.attempts} attempt(s): ${f.error}`,
      data: { kind: job.kind, attempts: f.attempts, retryable: f.retryable },
    };
    try {
      if (o.handler?.deadLetter) entry = await o.handler.deadLetter(job, f, services);
    } catch (err) {
      services.logger.error({ err, jobId: job.id }, "dead-letter description failed");
    }
    services.log.write({ kind: "SYSTEM", level: "WARN", model: entry.model, recordId: entry.recordId, message: entry.message, data: { ...entry.data, jobId: job.id, jobKind: job.kind } });
  }

  /** Runs everything due, round after round (until `stopping` says so); returns how many jobs it handled. */
  async drain(services: Services, stopping: () => boolean = () => false): Promise<number> {
    let handled = 0;
    while (!stopping()) {
      const { token, jobs } = await this.claim(services, PARALLEL);
      if (jobs.length === 0) break;
      const outcomes = await Promise.all(jobs.map((j) => this.runOne(services, token, j)));
      const held = await this.record(services, token, outcomes);
      for (const o of held) {
        services.metrics.jobFinished(o.job.kind, this.handlers.has(o.job.kind), o.ok ? "done" : o.failure.dead ? "dead" : "retry", o.seconds);
        if (o.ok) o.completion?.after?.();
        else if (o.failure.dead) await this.deadLetter(services, o);
      }
      if (held.length < outcomes.length) services.logger.warn({ lost: outcomes.length - held.length }, "jobs whose lease ran out before they finished: their outcome was not recorded (another worker runs them again)");
      handled += jobs.length;
      if (jobs.length < PARALLEL) break;
    }
    return handled;
  }

  /** Milliseconds until the next job is due (a retry, a runAt, a lease running out), or null when nothing waits. */
  private async nextDueIn(services: Services): Promise<number | null> {
    const rows = await services.prisma.$queryRaw<{ at: string | null }[]>`
      SELECT min("at") AS "at" FROM (
        SELECT min("runAt") AS "at" FROM "Job" WHERE "status" = 'QUEUED'
        UNION ALL SELECT min("leaseUntil") FROM "Job" WHERE "status" = 'RUNNING')`;
    const at = rows[0]?.at;
    if (!at) return null;
    return Math.max(0, new Date(at).getTime() - Date.now());
  }

  /** The worker: every JOBS_POLL_MS, at once when kicked, and when the next retry falls due. */
  start(services: Services): { stop(): Promise<void> } {
    let soon: NodeJS.Timeout | undefined;
    const job = periodicJob({
      label: "jobs",
      intervalMs: services.config.jobs.pollMs,
      logger: services.logger,
      run: async (isStopped) => {
        await this.drain(services, isStopped);
        if (isStopped()) return;
        const wait = await this.nextDueIn(services);
        clearTimeout(soon);
        // Sooner than the next poll: wake for it (a retry backing off by 40 ms need not wait a second).
        if (wait !== null && wait < services.config.jobs.pollMs) {
          soon = setTimeout(() => job.kick(), wait + 1);
          soon.unref();
        }
      },
    });
    const kick = () => job.kick();
    this.kickFn = kick;
    return {
      stop: async () => {
        if (this.kickFn === kick) this.kickFn = null;
        clearTimeout(soon);
        await job.stop();
        clearTimeout(soon);
      },
    };
  }
}

/** The queue's worker, listed in api/app.ts with the others. */
export const jobsWorker: Worker = { name: "jobs", start: (services) => services.jobs.start(services) };

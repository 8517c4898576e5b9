// Prometheus metrics at /metrics through prom-client: GraphQL operations (rate and duration
// per operation, errors by code), live subscriptions, change-feed lag, outbox depth, the router provisioning queue, the job
// queue (jobs by kind and status, finished jobs by outcome, run time), and
// prom-client's default process metrics (CPU, memory, event loop lag, GC, handles).
// Gauges that need the database are read when scraped.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Services } from "./context.js";

/**
 * Operation names come from clients: a client sending a fresh name per request would grow the
 * label set without bound (a memory leak on the server and the Prometheus side alike). Names
 * are kept to a plain shape and the first MAX_OPERATIONS distinct ones; the rest count as "other".
 */
const MAX_OPERATIONS = 200;
const NAME = /^[A-Za-z_][\w+]{0,79}$/;

export class Metrics {
  readonly registry = new Registry();
  private readonly names = new Set<string>();
  private readonly duration: Histogram<"type" | "operation" | "outcome">;
  private readonly errors: Counter<"code" | "type">;
  private readonly refusedTotal: Counter<"reason">;
  private readonly jobsFinished: Counter<"kind" | "outcome">;
  private readonly jobSeconds: Histogram<"kind">;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "chillzone_", eventLoopMonitoringPrecision: 20 });
    this.duration = new Histogram({
      name: "chillzone_graphql_operation_duration_seconds",
      help: "GraphQL operations by type, name and outcome (ok, rejected: an error the caller can act on, error: unexpected); _count is the request rate",
      labelNames: ["type", "operation", "outcome"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: "chillzone_graphql_errors_total",
      help: "GraphQL errors by extensions.code",
      labelNames: ["code", "type"],
      registers: [this.registry],
    });
    this.refusedTotal = new Counter({
      name: "chillzone_graphql_refused_total",
      help: "GraphQL operations refused by the query limits, by the limit (depth, aliases, directives, cost, tokens)",
      labelNames: ["reason"],
      registers: [this.registry],
    });
    this.jobsFinished = new Counter({
      name: "chillzone_jobs_finished_total",
      help: "Job runs recorded by this process, by kind and outcome (done; retry: failed and rescheduled; dead: given up, a WARN log entry)",
      labelNames: ["kind", "outcome"],
      registers: [this.registry],
    });
    this.jobSeconds = new Histogram({
      name: "chillzone_job_duration_seconds",
      help: "How long a job's handler ran, by kind",
      labelNames: ["kind"],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 120],
      registers: [this.registry],
    });
  }

  /** One job run recorded by the queue (api/jobs): done, retry (failed, rescheduled) or dead. `known`: a registered kind (else labelled "unknown"). */
  jobFinished(kind: string, known: boolean, outcome: "done" | "retry" | "dead", seconds: number): void {
    const k = known ? kind : "unknown";
    this.jobsFinished.inc({ kind: k, outcome });
    this.jobSeconds.observe({ kind: k }, seconds);
  }

  /** One operation refused by the query limits (core/query-limits.ts). */
  refused(reason: string): void {
    this.refusedTotal.inc({ reason });
  }

  private label(operation: string): string {
    if (!NAME.test(operation)) return "other";
    if (this.names.has(operation)) return operation;
    if (this.names.size >= MAX_OPERATIONS) return "other";
    this.names.add(operation);
    return operation;
  }

  /** One finished GraphQL operation. */
  operation(o: { type: string; operation: string; seconds: number; ok: boolean; internal: boolean; codes: string[] }): void {
    const outcome = o.ok ? "ok" : o.internal ? "error" : "rejected";
    this.duration.observe({ type: o.type, operation: this.label(o.operation), outcome }, o.seconds);
    for (const code of o.codes) this.errors.inc({ code: /^[A-Z_]{1,40}$/.test(code) ? code : "OTHER", type: o.type });
  }

  /** Gauges read from the running services at scrape time. */
  watch(services: Services): void {
    new Gauge({
      name: "chillzone_live_subscriptions",
      help: "Live GraphQL subscriptions in this process",
      registers: [this.registry],
      collect() {
        this.set(services.hub.bus.subscriberCount);
      },
    });
    new Gauge({
      name: "chillzone_change_feed_lag_entries",
      help: "Log entries this process committed that the change feed has not published yet",
      registers: [this.registry],
      collect() {
        this.set(services.feed.pendingOwn());
      },
    });
    new Gauge({
      name: "chillzone_change_feed_sequence",
      help: "Last log sequence this process published",
      registers: [this.registry],
      collect() {
        this.set(services.feed.lastPublished);
      },
    });
    new Gauge({
      name: "chillzone_outbox_depth",
      help: "SMS and email messages waiting to be sent (PENDING), by channel",
      labelNames: ["channel"],
      registers: [this.registry],
      collect() {
        const rows = services.reader.read<{ channel: string; n: number | bigint }>(`SELECT channel, count(*) AS n FROM OutboxMessage WHERE status = 'PENDING' GROUP BY channel`, []);
        this.reset();
        for (const r of rows) this.set({ channel: r.channel }, Number(r.n));
      },
    });
    new Gauge({
      name: "chillzone_jobs",
      help: "Jobs in the durable queue by kind and status: QUEUED (waiting or backing off), RUNNING (claimed), DEAD (given up: see the WARN log entries)",
      labelNames: ["kind", "status"],
      registers: [this.registry],
      collect() {
        const rows = services.reader.read<{ kind: string; status: string; n: number | bigint }>(
          `SELECT kind, status, count(*) AS n FROM Job WHERE status IN ('QUEUED', 'RUNNING', 'DEAD') GROUP BY kind, status`,
          [],
        );
        const known = new Set(services.jobs.kinds);
        this.reset();
        for (const kind of known) for (const status of ["QUEUED", "RUNNING", "DEAD"]) this.set({ kind, status }, 0);
        for (const r of rows) {
          const kind = known.has(r.kind) ? r.kind : "unknown";
          this.inc({ kind, status: r.status }, Number(r.n));
        }
      },
    });
    new Gauge({
      name: "chillzone_provisioning_queue_depth",
      help: "Vouchers waiting to be provisioned on a router (PENDING) or whose provisioning failed (FAILED)",
      labelNames: ["state"],
      registers: [this.registry],
      collect() {
        const rows = services.reader.read<{ provisioning: string; n: number | bigint }>(`SELECT provisioning, count(*) AS n FROM Voucher WHERE provisioning IN ('PENDING', 'FAILED') GROUP BY provisioning`, []);
        this.reset();
        for (const state of ["PENDING", "FAILED"]) this.set({ state }, Number(rows.find((r) => r.provisioning === state)?.n ?? 0));
      },
    });
    new Gauge({
      name: "chillzone_journal_lag_entries",
      help: "Log entries not yet flushed to the backup journal (0 when it is off)",
      registers: [this.registry],
      collect() {
        this.set(services.journal.enabled ? services.journal.status().lag : 0);
      },
    });
    new Gauge({
      name: "chillzone_journal_healthy",
      help: "1 while the backup journal can be written (or is off), 0 while writes are refused",
      registers: [this.registry],
      collect() {
        this.set(services.journal.healthy ? 1 : 0);
      },
    });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

// Writes activity entries (requests, logins, payments, router calls...) to the log.
// Change entries are written by triggers; these are batched into one transaction per
// tick because they are telemetry: a request must not wait for its own log line.
import type Database from "better-sqlite3";
import type { Db } from "../db/client.js";
import { sqlDate } from "../db/sql-date.js";
import { currentScope, actorId, actorLabel, type Actor } from "../db/request-context.js";
import type { LogKind, LogLevel } from "./types.js";
import { LAST_AT } from "./triggers.js";
import { backoffMs } from "../core/backoff.js";

export type ActivityEntry = {
  kind: LogKind;
  level?: LogLevel;
  message: string;
  model?: string | null;
  recordId?: string | null;
  actor?: Actor;
  requestId?: string | null;
  data?: unknown;
};

type Row = [string, string, string, string | null, string | null, string, string | null, string | null, string | null, string, string | null];

/** Rows kept for a retry while the database refuses writes; beyond this the oldest are dropped. */
const MAX_PENDING = 50_000;

export class LogWriter {
  private queue: Row[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private failures = 0;
  private insert: Database.Statement | undefined;

  constructor(
    private readonly db: Db,
    private readonly origin: string,
    private readonly onFlushed: () => void,
    private readonly delayMs = 25,
    private readonly onError: (err: unknown, pending: number) => void = (err, pending) =>
      console.error(`log writer: could not write ${pending} log entries`, err),
  ) {}

  write(entry: ActivityEntry): void {
    const scope = currentScope();
    const actor = entry.actor ?? scope?.actor ?? { kind: "system" };
    this.queue.push([
      sqlDate(new Date()),
      entry.kind,
      entry.level ?? "INFO",
      entry.model ?? null,
      entry.recordId ?? null,
      entry.message,
      actorId(actor),
      actorLabel(actor),
      entry.requestId ?? scope?.requestId ?? null,
      this.origin,
      entry.data === undefined ? null : JSON.stringify(entry.data),
    ]);
    this.schedule(this.delayMs);
  }

  private schedule(ms: number) {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush().catch(() => {}), ms);
    this.timer.unref();
  }

  /** Resolves once everything written so far is committed; rejects if that failed (the rows stay queued for a retry). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.queue;
    this.queue = [];
    const run = this.flushing.then(async () => {
      if (rows.length === 0) return;
      try {
        await this.db.exclusive((sqlite) => this.commit(sqlite, rows));
        this.failures = 0;
      } catch (err) {
        if (/not open/i.test((err as Error)?.message ?? "")) throw err; // shut down: nothing to retry on
        // Telemetry must not take the app down (an unhandled rejection would) nor be lost to
        // one busy moment: put the rows back in front and try again with backoff.
        this.queue = [...rows, ...this.queue].slice(-MAX_PENDING);
        this.failures++;
        this.onError(err, this.queue.length);
        this.schedule(backoffMs(this.failures, { baseMs: Math.max(1, this.delayMs) * 2, capMs: 5_000 }));
        throw err;
      }
      this.onFlushed();
    });
    // The chain continues whatever this flush's outcome.
    this.flushing = run.catch(() => {});
    return run;
  }

  private commit(sqlite: Database.Database, rows: Row[]): void {
    const stmt = (this.insert ??= sqlite.prepare(
      // `at`: when written, but never before the previous entry (see LAST_AT in triggers.ts).
      `INSERT INTO LogEntry (at, kind, level, model, recordId, message, actorId, actorLabel, requestId, origin, data)
       VALUES (max(?, coalesce(${LAST_AT}, '')), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ));
    // Activity entries commit without waiting for the disk: an fsync stalls the whole process
    // for milliseconds, and every request writes one. A process crash loses nothing; a power
    // cut can lose the last moments of activity, until the next data write (synchronous=FULL)
    // makes them durable with it.
    const synchronous = Number(sqlite.pragma("synchronous", { simple: true }));
    sqlite.pragma("synchronous = NORMAL");
    try {
      sqlite.transaction(() => {
        for (const r of rows) {
          try {
            stmt.run(...r);
          } catch (err) {
            // A row the database refuses for good (a constraint) is dropped, not retried
            // forever ahead of everything else; the statement alone was rolled back.
            if (!String((err as { code?: string }).code).startsWith("SQLITE_CONSTRAINT")) throw err;
            this.onError(err, 1);
          }
        }
      })();
    } finally {
      sqlite.pragma(`synchronous = ${synchronous}`);
    }
  }
}

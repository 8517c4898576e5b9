// Writes activity entries (requests, logins, payments, router calls...) to the log.
// Change entries are written by triggers; these are batched into one transaction per
// tick because they are telemetry: a request must not wait for its own log line.
import type { Db } from "../db/client.js";
import { currentScope, actorId, actorLabel, type Actor } from "../db/request-context.js";
import type { LogKind, LogLevel } from "./types.js";

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

export class LogWriter {
  private queue: Row[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Db, private readonly origin: string, private readonly onFlushed: () => void, private readonly delayMs = 25) {}

  write(entry: ActivityEntry): void {
    const scope = currentScope();
    const actor = entry.actor ?? scope?.actor ?? { kind: "system" };
    this.queue.push([
      new Date().toISOString().replace("Z", "+00:00"),
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
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Resolves once everything written so far is committed. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.queue;
    this.queue = [];
    this.flushing = this.flushing.then(async () => {
      if (rows.length === 0) return;
      await this.db.exclusive((sqlite) => {
        const stmt = sqlite.prepare(
          `INSERT INTO LogEntry (at, kind, level, model, recordId, message, actorId, actorLabel, requestId, origin, data)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        sqlite.transaction(() => {
          for (const r of rows) stmt.run(...r);
        })();
      });
      this.onFlushed();
    });
    return this.flushing;
  }
}

// Reads this process's committed log entries in sequence order and hands them to the bus.
// It uses its own read-only connection: in WAL mode that connection sees only committed
// data, so nothing is ever published before its transaction commits.
// PRAGMA data_version changes whenever another connection commits, so an idle poll is
// one cheap pragma read; `nudge()` after a write makes delivery immediate.
import Database from "better-sqlite3";
import type { Logger } from "pino";
import type { EventBus } from "./bus.js";
import { fromRow, type LogRecord } from "./types.js";

const BATCH = 500;

export class ChangeFeed {
  private db: Database.Database;
  private lastSequence: number;
  private lastVersion = -1;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private scheduled = false;
  private readonly select: Database.Statement;
  private readonly versionStmt: Database.Statement;

  constructor(file: string, private readonly origin: string, private readonly bus: EventBus, private readonly logger: Logger, private readonly pollMs = 10) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.pragma("busy_timeout = 5000");
    this.select = this.db.prepare(
      `SELECT sequence, at, kind, level, model, recordId, message, actorId, actorLabel, requestId, origin, data
       FROM LogEntry WHERE origin = ? AND sequence > ? ORDER BY sequence LIMIT ${BATCH}`,
    );
    this.versionStmt = this.db.prepare("PRAGMA data_version").pluck();
    // Start after what is already there: entries from before this process started are history, served by `since` replays.
    this.lastSequence = Number(this.db.prepare("SELECT coalesce(max(sequence), 0) FROM LogEntry").pluck().get());
  }

  get lastPublished(): number {
    return this.lastSequence;
  }

  start(): void {
    this.timer = setInterval(() => this.nudge(), this.pollMs);
    this.timer.unref();
  }

  /** Ask for a read soon (coalesced). */
  nudge(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  /** Publishes every committed entry not yet published; resolves when caught up. */
  async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const version = Number(this.versionStmt.get());
      if (version === this.lastVersion) return;
      this.lastVersion = version;
      for (;;) {
        const rows = this.select.all(this.origin, this.lastSequence) as Parameters<typeof fromRow>[0][];
        if (rows.length === 0) break;
        const records: LogRecord[] = rows.map(fromRow);
        this.lastSequence = records[records.length - 1]!.sequence;
        await this.bus.publish(records);
        if (rows.length < BATCH) break;
      }
    } catch (err) {
      this.lastVersion = -1;
      this.logger.error({ err }, "change feed read failed; retrying");
    } finally {
      this.running = false;
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.lastVersion = -1;
    await this.drain();
    this.db.close();
  }
}

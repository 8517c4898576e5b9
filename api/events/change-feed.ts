// Reads this process's committed log entries in sequence order and hands them to the bus.
// It uses its own read-only connection: in WAL mode that connection sees only committed
// data, so nothing is ever published before its transaction commits.
// PRAGMA data_version changes whenever another connection commits, so an idle poll is
// one cheap pragma read; `nudge()` after a write makes delivery immediate.
// The same connection is the bus's window on the whole log (CommittedLog): it fills gaps
// in delivery and catches up on other processes' entries when Redis cannot bring them.
import Database from "better-sqlite3";
import type { Logger } from "pino";
import type { EventBus } from "./bus.js";
import { fromRow, LOG_COLUMNS, type CommittedLog, type LogRecord } from "./types.js";

const BATCH = 500;
type Raw = Parameters<typeof fromRow>[0];

export class ChangeFeed implements CommittedLog {
  private db: Database.Database;
  private lastSequence: number;
  private lastVersion = -1;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private scheduled = false;
  private closed = false;
  private readonly ownAfter: Database.Statement;
  private readonly allAfter: Database.Statement;
  private readonly maxStmt: Database.Statement;
  private readonly versionStmt: Database.Statement;
  private readonly pendingStmt: Database.Statement;

  constructor(file: string, private readonly origin: string, private readonly bus: EventBus, private readonly logger: Logger, private readonly pollMs = 10) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.pragma("busy_timeout = 5000");
    this.ownAfter = this.db.prepare(`SELECT ${LOG_COLUMNS} FROM LogEntry WHERE origin = ? AND sequence > ? ORDER BY sequence LIMIT ${BATCH}`);
    this.allAfter = this.db.prepare(`SELECT ${LOG_COLUMNS} FROM LogEntry WHERE sequence > ? ORDER BY sequence LIMIT ?`);
    this.maxStmt = this.db.prepare("SELECT coalesce(max(sequence), 0) FROM LogEntry").pluck();
    this.versionStmt = this.db.prepare("PRAGMA data_version").pluck();
    this.pendingStmt = this.db.prepare("SELECT count(*) FROM LogEntry WHERE origin = ? AND sequence > ?").pluck();
    // Start after what is already there: entries from before this process started are history, served by `since` replays.
    this.lastSequence = this.maxSequence();
    bus.attach(this, this.lastSequence);
  }

  get lastPublished(): number {
    return this.lastSequence;
  }

  readAfter(after: number, limit: number): LogRecord[] {
    return (this.allAfter.all(after, limit) as Raw[]).map(fromRow);
  }

  /** This process's committed log entries not yet published (the /metrics change-feed lag). */
  pendingOwn(): number {
    if (this.closed) return 0;
    return Number(this.pendingStmt.get(this.origin, this.lastSequence));
  }

  maxSequence(): number {
    return Number(this.maxStmt.get());
  }

  start(): void {
    this.timer = setInterval(() => this.nudge(), this.pollMs);
    this.timer.unref();
  }

  /** Ask for a read soon (coalesced). */
  nudge(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  /** Publishes every committed entry not yet published; resolves when caught up. */
  async drain(): Promise<void> {
    if (this.closed) return;
    if (this.running) {
      this.again = true; // a commit landed while reading: read once more when done
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        const version = Number(this.versionStmt.get());
        if (version === this.lastVersion) break;
        this.lastVersion = version;
        for (;;) {
          const records = (this.ownAfter.all(this.origin, this.lastSequence) as Raw[]).map(fromRow);
          if (records.length === 0) break;
          this.lastSequence = records[records.length - 1]!.sequence;
          await this.bus.publish(records);
          if (records.length < BATCH) break;
        }
        this.bus.committed();
      } while (this.again && !this.closed);
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
    while (this.running) await new Promise((r) => setImmediate(r));
    await this.drain();
    this.closed = true;
    this.db.close();
  }
}

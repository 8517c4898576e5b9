// What subscriptions consume: a stream of log entries matching a filter, in sequence order.
//
// Each stream is a cursor over the log with two modes. Replaying, it reads pages from the
// database (its filter as SQL), one page whenever its consumer wants more, so a long
// backlog costs no memory. Live, it takes entries from the bus as they are published.
// The switch from replay to live happens in the same synchronous step as the read that
// found no more rows: everything the bus delivered before that instant was committed
// before it, so the read saw it; everything after has a higher sequence than the read's
// last row. Nothing is missed or repeated. A consumer that falls more than `maxQueued`
// entries behind, or a gap the bus could not fill, sends the stream back to replaying
// from where it stands: memory stays bounded and no entry is dropped.
import type { Read, ReadConnection } from "../db/reader.js";
import type { BusListener, EventBus } from "./bus.js";
import { fromRow, LOG_COLUMNS, type LogRecord } from "./types.js";

const PAGE = 500;
type Raw = Parameters<typeof fromRow>[0];

/** A filter in both shapes: SQL over LogEntry for replays, a predicate for live entries. They must agree. */
export type StreamFilter = {
  /** SQL conditions on LogEntry columns, joined with AND. */
  where?: string[];
  params?: unknown[];
  /** Or a reader of the next `limit` matching entries after `after`, in order (overrides where/params). */
  page?: (read: Read, after: number, limit: number) => Raw[];
  match: (r: LogRecord) => boolean;
};

export class EventHub {
  /** Entries a stream holds for a slow consumer before it leaves them to the database. */
  maxQueued = 5_000;
  constructor(private readonly db: ReadConnection, readonly bus: EventBus) {}

  /**
   * Entries matching `filter`, in sequence order: with `since`, every committed entry after
   * it first, then live ones; without, live ones from now on.
   */
  stream(filter: StreamFilter | ((r: LogRecord) => boolean), since?: number | null): AsyncIterableIterator<LogRecord> {
    const f: StreamFilter = typeof filter === "function" ? { match: filter } : filter;
    let readPage: (after: number) => LogRecord[];
    if (f.page) {
      const page = f.page;
      readPage = (after) => page(this.db.reader, after, PAGE).map(fromRow);
    } else {
      const where = ["sequence > ?", ...(f.where ?? [])].map((w) => `(${w})`).join(" AND ");
      const sql = `SELECT ${LOG_COLUMNS} FROM LogEntry WHERE ${where} ORDER BY sequence LIMIT ${PAGE}`;
      const params = f.params ?? [];
      readPage = (after) => this.db.read<Raw>(sql, [after, ...params]).map(fromRow);
    }
    const start = since === null || since === undefined ? null : Math.min(Math.max(0, since), Number(this.db.value("SELECT coalesce(max(sequence), 0) FROM LogEntry")));
    return new LogStream(this.bus, f.match, readPage, start, () => this.maxQueued);
  }
}

/** One subscriber's cursor. Its consumer calls next() one at a time (graphql-js does). */
class LogStream implements AsyncIterableIterator<LogRecord>, BusListener {
  private queue: LogRecord[] = [];
  private head = 0;
  private replaying: boolean;
  /** Every entry up to here has been queued or found not to match. */
  private cursor: number;
  private waiting: ((r: IteratorResult<LogRecord>) => void) | null = null;
  private done = false;
  private readonly unsubscribe: () => void;

  constructor(
    bus: EventBus,
    private readonly match: (r: LogRecord) => boolean,
    private readonly readPage: (after: number) => LogRecord[],
    since: number | null,
    private readonly maxQueued: () => number,
  ) {
    this.replaying = since !== null;
    this.cursor = since ?? bus.position;
    this.unsubscribe = bus.subscribe(this);
  }

  record(r: LogRecord): void {
    if (this.done || this.replaying || r.sequence <= this.cursor) return;
    if (this.pending() >= this.maxQueued()) {
      // Too far behind: stop holding entries; the database holds them.
      this.replaying = true;
      return;
    }
    this.cursor = r.sequence;
    if (!this.match(r)) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w({ value: r, done: false });
    } else this.queue.push(r);
  }

  resync(sequence: number): void {
    if (this.done) return;
    if (!this.replaying) this.cursor = Math.min(this.cursor, sequence);
    this.replaying = true;
    const w = this.waiting;
    if (w) {
      this.waiting = null;
      void this.next().then(w, () => w({ value: undefined, done: true }));
    }
  }

  private pending(): number {
    return this.queue.length - this.head;
  }

  private shift(): LogRecord | undefined {
    if (this.head >= this.queue.length) return undefined;
    const r = this.queue[this.head++]!;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return r;
  }

  next(): Promise<IteratorResult<LogRecord>> {
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    const queued = this.shift();
    if (queued) return Promise.resolve({ value: queued, done: false });
    if (this.replaying) {
      let rows: LogRecord[];
      try {
        rows = this.readPage(this.cursor);
      } catch (err) {
        return this.fail(err);
      }
      if (rows.length) this.cursor = rows[rows.length - 1]!.sequence;
      // A short page means: caught up with the log, as of this read. Go live in the same step.
      if (rows.length < PAGE) this.replaying = false;
      for (const r of rows) if (this.match(r)) this.queue.push(r);
      const first = this.shift();
      if (first) return Promise.resolve({ value: first, done: false });
      // A full page with no match (a filter SQL could not express): let others run, then read on.
      if (this.replaying) return new Promise((resolve) => setImmediate(() => resolve(this.next())));
    }
    return new Promise((resolve) => (this.waiting = resolve));
  }

  private fail(err: unknown): Promise<IteratorResult<LogRecord>> {
    this.close();
    return Promise.reject(err);
  }

  private close(): void {
    if (this.done) return;
    this.done = true;
    this.unsubscribe();
    this.queue = [];
    const w = this.waiting;
    this.waiting = null;
    w?.({ value: undefined, done: true });
  }

  return(): Promise<IteratorResult<LogRecord>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err?: unknown): Promise<IteratorResult<LogRecord>> {
    this.close();
    return Promise.reject(err);
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

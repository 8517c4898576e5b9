// Fan-out of committed log entries to this process's subscribers.
//
// Guarantee to listeners: entries arrive in strictly increasing sequence with no gaps, so a
// subscriber that resumes with `since` = the last sequence it saw misses nothing, even with
// several processes writing. It rests on one fact about the log: sequences are assigned
// under SQLite's write lock, so when entry N is committed every entry below N is too. An
// entry that arrives ahead of its predecessors (another process's entries are still on
// their way through Redis, or Redis lost them) is therefore preceded by a read of the gap
// from the database. A gap too large to read in one go becomes a `resync`: listeners then
// read it themselves, at their own pace (see hub.ts).
//
// With Redis, each process publishes its own entries to one channel and reads everyone
// else's from it. Its own entries are delivered locally first, so local subscribers never
// depend on Redis. While the subscriber connection is down, the other processes' entries
// are read from the shared database after every commit instead, and on reconnect whatever
// was missed is read back: a Redis outage delays nothing for local writes and loses nothing.
import { createClient, type RedisClientType } from "redis";
import type { Logger } from "pino";
import { fromWire, toWire, type CommittedLog, type LogRecord } from "./types.js";
import { backoffMs } from "../core/backoff.js";

export type BusListener = {
  /** The next entry: sequences strictly increase, without gaps. */
  record(r: LogRecord): void;
  /** Entries after `sequence` were skipped here; read them from the log. */
  resync(sequence: number): void;
};

export interface EventBus {
  /** This process's newly committed entries, in sequence order (from the change feed). */
  publish(records: LogRecord[]): Promise<void>;
  /** The change feed saw a commit in the database (by any connection or process). */
  committed(): void;
  /** Where delivery starts: the feed's starting point and the log to read gaps from. */
  attach(log: CommittedLog, baseline: number): void;
  subscribe(listener: BusListener): () => void;
  /** Sequence of the last entry delivered (or skipped) here. */
  readonly position: number;
  readonly subscriberCount: number;
  close(): Promise<void>;
}

/** Largest gap read from the database on the delivery path; anything larger is a resync. */
const FILL_MAX = 2_000;

export class OrderedFanout {
  private listeners = new Set<BusListener>();
  private next = 1;
  private log: CommittedLog | null = null;

  constructor(private readonly logger?: Logger) {}

  attach(log: CommittedLog, baseline: number): void {
    this.log = log;
    this.next = baseline + 1;
  }

  get position(): number {
    return this.next - 1;
  }

  get size(): number {
    return this.listeners.size;
  }

  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  deliver(r: LogRecord): void {
    if (r.sequence < this.next) return; // already delivered (a replay, or both paths brought it)
    if (r.sequence > this.next) this.fill(r.sequence - 1);
    this.emit(r);
  }

  /** Delivers every committed entry up to the end of the log. */
  catchUp(): void {
    if (!this.log) return;
    try {
      this.fill(this.log.maxSequence());
    } catch (err) {
      this.logger?.warn({ err }, "change stream catch-up failed; will retry on the next commit");
    }
  }

  /** Delivers the committed entries from `next` through `upTo`. */
  private fill(upTo: number): void {
    const gap = upTo - this.next + 1;
    if (gap <= 0) return;
    let rows: LogRecord[] | null = null;
    if (this.log && gap <= FILL_MAX) {
      try {
        rows = this.log.readAfter(this.next - 1, gap);
      } catch (err) {
        this.logger?.warn({ err }, "could not read a gap in the change stream; subscribers will resync");
      }
    }
    if (!rows) {
      const from = this.next - 1;
      this.next = upTo + 1;
      for (const l of this.listeners) safely(() => l.resync(from));
      return;
    }
    for (const row of rows) if (row.sequence <= upTo) this.emit(row);
    // Whatever the log no longer holds (pruned) is skipped.
    if (this.next <= upTo) this.next = upTo + 1;
  }

  private emit(r: LogRecord): void {
    this.next = r.sequence + 1;
    for (const l of this.listeners) safely(() => l.record(r));
  }
}

function safely(f: () => void) {
  try {
    f();
  } catch {
    // a broken subscriber must not stop delivery to the others
  }
}

/** One process: entries go straight to local subscribers; other writers' commits are read back from the database. */
/** What both buses do the same way: local subscribers, catch-up from the log, the position. */
abstract class FanoutBus {
  protected readonly fanout: OrderedFanout;
  constructor(logger?: Logger) {
    this.fanout = new OrderedFanout(logger);
  }
  attach(log: CommittedLog, baseline: number) {
    this.fanout.attach(log, baseline);
  }
  subscribe(l: BusListener) {
    return this.fanout.subscribe(l);
  }
  get position() {
    return this.fanout.position;
  }
  get subscriberCount() {
    return this.fanout.size;
  }
}

export class MemoryBus extends FanoutBus implements EventBus {
  async publish(records: LogRecord[]) {
    for (const r of records) this.fanout.deliver(r);
  }
  committed() {
    this.fanout.catchUp();
  }
  async close() {}
}

export const REDIS_CHANNEL = "chillzone:log";
/** Entries kept for Redis while the publisher is disconnected; receivers read older ones from the database. */
const BACKLOG_MAX = 10_000;

export class RedisBus extends FanoutBus implements EventBus {
  private pub: RedisClientType;
  private sub: RedisClientType;
  private backlog: string[] = [];
  private inFlight = 0;
  private closed = false;

  constructor(url: string, private readonly logger: Logger) {
    super(logger);
    const reconnectStrategy = (retries: number) => backoffMs(retries + 1, { baseMs: 100, capMs: 2000 });
    this.pub = createClient({ url, socket: { reconnectStrategy, connectTimeout: 2000 }, disableOfflineQueue: true });
    this.sub = createClient({ url, socket: { reconnectStrategy, connectTimeout: 2000 } });
    for (const [name, c] of [["publisher", this.pub], ["subscriber", this.sub]] as const) {
      // node-redis throws on an 'error' event without a listener: log and let it reconnect.
      c.on("error", (err: Error) => this.logger.warn({ err: err.message }, `redis ${name} error`));
    }
    this.pub.on("ready", () => {
      this.logger.info("redis publisher ready");
      this.flushBacklog();
    });
    this.sub.on("ready", () => {
      this.logger.info("redis subscriber ready");
      // What other processes published while this connection was down (or before it first
      // came up) is in the database. Once now, and once more after node-redis has had time
      // to renew the channel subscription, for entries committed in between.
      this.fanout.catchUp();
      setTimeout(() => !this.closed && this.fanout.catchUp(), 250).unref();
    });
  }

  /** Starts connecting and returns at once: the app starts and serves while Redis is down. */
  async connect(): Promise<void> {
    this.pub.connect().catch((err: Error) => this.logger.warn({ err: err.message }, "redis publisher connect failed"));
    this.sub.connect().catch((err: Error) => this.logger.warn({ err: err.message }, "redis subscriber connect failed"));
    // Queued until the connection is up; node-redis subscribes again after every reconnect.
    this.sub
      .subscribe(REDIS_CHANNEL, (message) => {
        try {
          this.fanout.deliver(fromWire(message));
        } catch (err) {
          this.logger.warn({ err }, "bad message on the redis channel");
        }
      })
      .catch((err: Error) => this.logger.warn({ err: err.message }, "redis subscribe failed"));
  }

  async publish(records: LogRecord[]): Promise<void> {
    // Local subscribers first: they never wait for, or depend on, Redis.
    for (const r of records) this.fanout.deliver(r);
    this.send(records.map(toWire));
  }

  /** Fire and forget: a slow or hung Redis must not hold up the change feed. Order is kept by the one connection. */
  private send(messages: string[]): void {
    if (!this.pub.isReady || this.backlog.length > 0) {
      this.keep(messages);
      if (this.pub.isReady) this.flushBacklog();
      return;
    }
    if (this.inFlight > BACKLOG_MAX) return; // Redis is not keeping up: receivers read the gap from the database
    for (const m of messages) {
      this.inFlight++;
      this.pub
        .publish(REDIS_CHANNEL, m)
        .catch((err: Error) => {
          this.logger.warn({ err: err.message }, "redis publish failed");
          this.keep([m]);
        })
        .finally(() => this.inFlight--);
    }
  }

  private keep(messages: string[]) {
    this.backlog.push(...messages);
    if (this.backlog.length > BACKLOG_MAX) this.backlog.splice(0, this.backlog.length - BACKLOG_MAX);
  }

  private flushBacklog() {
    if (!this.pub.isReady || this.backlog.length === 0) return;
    const messages = this.backlog;
    this.backlog = [];
    this.send(messages);
  }

  committed(): void {
    // While cut off from Redis, other processes' entries come from the shared database.
    if (!this.sub.isReady && !this.closed) this.fanout.catchUp();
  }

  get ready(): boolean {
    return this.pub.isReady && this.sub.isReady;
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([this.pub.close(), this.sub.close()]);
  }
}

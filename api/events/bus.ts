// Fan-out of committed log entries to this process's subscribers. With Redis, every
// process publishes its own entries to one channel and delivers what the channel brings,
// so a subscriber on any replica sees every write. When Redis is unreachable the entry is
// delivered locally at once: this replica's subscribers miss nothing while it is down.
import { createClient, type RedisClientType } from "redis";
import type { Logger } from "pino";
import { fromWire, toWire, type LogRecord } from "./types.js";

type Listener = (r: LogRecord) => void;

export interface EventBus {
  publish(records: LogRecord[]): Promise<void>;
  subscribe(listener: Listener): () => void;
  readonly subscriberCount: number;
  close(): Promise<void>;
}

class LocalFanout {
  private listeners = new Set<Listener>();
  /** Highest sequence delivered per origin: a replayed or doubly-routed entry is dropped. */
  private lastByOrigin = new Map<string, number>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  get size() {
    return this.listeners.size;
  }
  deliver(r: LogRecord): void {
    const origin = r.origin ?? "";
    if ((this.lastByOrigin.get(origin) ?? 0) >= r.sequence) return;
    this.lastByOrigin.set(origin, r.sequence);
    for (const l of this.listeners) {
      try {
        l(r);
      } catch {
        // a broken subscriber must not stop delivery to the others
      }
    }
  }
}

export class MemoryBus implements EventBus {
  private fanout = new LocalFanout();
  async publish(records: LogRecord[]) {
    for (const r of records) this.fanout.deliver(r);
  }
  subscribe(l: Listener) {
    return this.fanout.subscribe(l);
  }
  get subscriberCount() {
    return this.fanout.size;
  }
  async close() {}
}

export const REDIS_CHANNEL = "chillzone:log";

export class RedisBus implements EventBus {
  private fanout = new LocalFanout();
  private pub: RedisClientType;
  private sub: RedisClientType;
  private closed = false;

  constructor(url: string, private readonly logger: Logger) {
    const reconnectStrategy = (retries: number) => Math.min(100 * 2 ** retries, 3000);
    this.pub = createClient({ url, socket: { reconnectStrategy, connectTimeout: 2000 }, disableOfflineQueue: true });
    this.sub = createClient({ url, socket: { reconnectStrategy, connectTimeout: 2000 } });
    for (const [name, c] of [["publisher", this.pub], ["subscriber", this.sub]] as const) {
      // node-redis throws on an 'error' event without a listener: log and let it reconnect.
      c.on("error", (err: Error) => this.logger.warn({ err: err.message }, `redis ${name} error`));
      c.on("ready", () => this.logger.info(`redis ${name} ready`));
    }
  }

  async connect(): Promise<void> {
    // Start even when Redis is down: the clients keep reconnecting in the background.
    await Promise.allSettled([this.pub.connect(), this.sub.connect()]);
    await this.sub
      .subscribe(REDIS_CHANNEL, (message) => {
        try {
          this.fanout.deliver(fromWire(message));
        } catch (err) {
          this.logger.warn({ err }, "bad message on redis channel");
        }
      })
      .catch((err: Error) => this.logger.warn({ err: err.message }, "redis subscribe failed; will retry on reconnect"));
  }

  async publish(records: LogRecord[]): Promise<void> {
    for (const r of records) {
      if (this.pub.isReady && this.sub.isReady) {
        try {
          await this.pub.publish(REDIS_CHANNEL, toWire(r));
          continue;
        } catch (err) {
          this.logger.warn({ err: (err as Error).message }, "redis publish failed; delivering locally");
        }
      }
      this.fanout.deliver(r);
    }
  }

  subscribe(l: Listener) {
    return this.fanout.subscribe(l);
  }
  get subscriberCount() {
    return this.fanout.size;
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

// The one rate limiter: rate-limiter-flexible counters, in Redis when REDIS_URL is set (so
// every replica counts against the same numbers), in memory otherwise. Each counter is one
// atomic increment in the store, so parallel requests can never all slip under a limit.
// While Redis is unreachable each process falls back to its own memory counters: limits
// then hold per replica instead of in total, and nothing is let through unlimited.
import { createClient, type RedisClientType } from "redis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Logger } from "pino";
import { backoffMs } from "./backoff.js";

/** A counter: `points` hits per key per `durationSec` (a fixed window from the key's first hit). */
export type LimitSpec = { name: string; points: number; durationSec: number };

export type Verdict = { allowed: true; consumed: number } | { allowed: false; consumed: number; retryAfter: number };

export interface Limiter {
  /** Counts `points` hits for `key`, then says whether they were within the limit. */
  hit(key: string, points?: number): Promise<Verdict>;
  /** Takes hits back (an attempt that turned out legitimate). */
  refund(key: string, points?: number): Promise<void>;
  /** Refuses the key for `seconds`; the count starts afresh afterwards. */
  block(key: string, seconds: number): Promise<void>;
  reset(key: string): Promise<void>;
}

const KEY_PREFIX = "chillzone:rl";

class FlexibleLimiter implements Limiter {
  constructor(private readonly rl: RateLimiterAbstract, private readonly spec: LimitSpec) {}

  async hit(key: string, points = 1): Promise<Verdict> {
    try {
      const res = await this.rl.consume(key, points);
      return { allowed: true, consumed: res.consumedPoints };
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      return { allowed: false, consumed: err.consumedPoints, retryAfter: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
    }
  }
  async refund(key: string, points = 1) {
    await this.rl.reward(key, points);
  }
  async block(key: string, seconds: number) {
    await this.rl.block(key, Math.max(1, Math.min(seconds, this.spec.durationSec * 100)));
  }
  async reset(key: string) {
    await this.rl.delete(key);
  }
}

export class RateLimits {
  private readonly limiters = new Map<string, Limiter>();
  private readonly redis: RedisClientType | null = null;

  constructor(opts: { redisUrl?: string; logger: Logger }) {
    if (opts.redisUrl) {
      const reconnectStrategy = (retries: number) => backoffMs(retries + 1, { baseMs: 100, capMs: 2000 });
      // No offline queue: while Redis is down a hit fails at once and the memory fallback answers.
      this.redis = createClient({ url: opts.redisUrl, socket: { reconnectStrategy, connectTimeout: 2000 }, disableOfflineQueue: true });
      this.redis.on("error", (err: Error) => opts.logger.warn({ err: err.message }, "redis rate-limit connection error"));
      this.redis.connect().catch((err: Error) => opts.logger.warn({ err: err.message }, "redis rate-limit connect failed"));
    }
  }

  /** The limiter for `spec` (one per name: the same name always counts the same keys). */
  limiter(spec: LimitSpec): Limiter {
    const known = this.limiters.get(spec.name);
    if (known) return known;
    const base = { points: spec.points, duration: spec.durationSec, keyPrefix: `${KEY_PREFIX}:${spec.name}` };
    const memory = new RateLimiterMemory(base);
    const rl = this.redis
      ? new RateLimiterRedis({ ...base, storeClient: this.redis, useRedisPackage: true, rejectIfRedisNotReady: true, insuranceLimiter: memory })
      : memory;
    const limiter = new FlexibleLimiter(rl, spec);
    this.limiters.set(spec.name, limiter);
    return limiter;
  }

  get shared(): boolean {
    return Boolean(this.redis?.isReady);
  }

  async close() {
    if (!this.redis) return;
    try {
      if (this.redis.isReady) await this.redis.close();
      else this.redis.destroy(); // still connecting or reconnecting: stop trying
    } catch {
      // already closed
    }
  }
}

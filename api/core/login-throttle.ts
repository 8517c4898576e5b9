// Login throttling. Every attempt is counted before the password is checked (one atomic
// increment per counter), so parallel guesses cannot all get a full check before a lock,
// and a successful login takes its count back. Three counters, shared by every replica
// through Redis when REDIS_URL is set (core/rate-limit.ts):
// - username from one address: a few failures, then that address waits;
// - one address across usernames: password spraying from one device;
// - one username across addresses: distributed guessing of one account. Its limit is higher
//   than the pair's, so a stranger failing on purpose slows the owner only after many tries.
// Each lock lasts longer than the one before (30 s, doubling, at most 15 minutes); a
// successful login from that address forgets its own lockouts.
import type { RateLimits, Limiter, LimitSpec } from "./rate-limit.js";
import { exponentialMs } from "./backoff.js";

const WINDOW_SEC = 15 * 60;
export const LOGIN_LIMITS = {
  pair: { name: "login-user-address", points: 5, durationSec: WINDOW_SEC },
  address: { name: "login-address", points: 20, durationSec: WINDOW_SEC },
  username: { name: "login-user", points: 30, durationSec: WINDOW_SEC },
} satisfies Record<string, LimitSpec>;
const LOCKOUTS: LimitSpec = { name: "login-lockouts", points: 1_000_000, durationSec: 24 * 3600 };
const FIRST_LOCK_SEC = 30;
const MAX_LOCK_SEC = 15 * 60;

export type LoginAttempt = { refused: false; succeeded(): Promise<void> } | { refused: true; retryAfter: number };

export class LoginThrottle {
  private readonly counters: { key: (u: string, ip: string) => string; limiter: Limiter; spec: LimitSpec }[];
  private readonly lockouts: Limiter;

  constructor(limits: RateLimits) {
    const { pair, address, username } = LOGIN_LIMITS;
    this.counters = [
      { spec: pair, limiter: limits.limiter(pair), key: (u, ip) => `${u}|${ip}` },
      { spec: address, limiter: limits.limiter(address), key: (_u, ip) => ip },
      { spec: username, limiter: limits.limiter(username), key: (u) => u },
    ];
    this.lockouts = limits.limiter(LOCKOUTS);
  }

  /** Counts one attempt; call `succeeded()` once the password proved right. */
  async attempt(rawUsername: string, ip: string | null): Promise<LoginAttempt> {
    const u = rawUsername.trim().toLowerCase();
    const addr = ip ?? "unknown";
    const verdicts = await Promise.all(this.counters.map((c) => c.limiter.hit(c.key(u, addr))));
    let retryAfter = 0;
    for (const [i, v] of verdicts.entries()) {
      if (v.allowed) continue;
      const c = this.counters[i]!;
      const key = c.key(u, addr);
      // Exactly one request sees the count cross the limit: it sets the (growing) lock.
      if (v.consumed === c.spec.points + 1) {
        const n = await this.lockouts.hit(`${c.spec.name}:${key}`);
        const seconds = exponentialMs(n.consumed, { baseMs: FIRST_LOCK_SEC, capMs: MAX_LOCK_SEC });
        await c.limiter.block(key, seconds);
        retryAfter = Math.max(retryAfter, seconds);
      } else {
        retryAfter = Math.max(retryAfter, v.retryAfter);
      }
    }
    if (retryAfter > 0) return { refused: true, retryAfter };
    return {
      refused: false,
      succeeded: async () => {
        const [pairCounter, ...shared] = this.counters;
        await Promise.all([
          pairCounter!.limiter.reset(pairCounter!.key(u, addr)),
          this.lockouts.reset(`${pairCounter!.spec.name}:${pairCounter!.key(u, addr)}`),
          ...shared.map((c) => c.limiter.refund(c.key(u, addr))),
        ]);
      },
    };
  }
}

// The one retry policy: exponential backoff with jitter, capped. Used by the outbox's
// deliveries, the log writer's flushes and Redis reconnects, so every retry in the app
// spreads out the same way and a crowd of retries never lines up.

export type Backoff = { baseMs: number; capMs: number };

/**
 * Delay before the next try after `attempts` tries have failed: base * 2^(attempts-1),
 * times a random factor in [0.75, 1.25], capped at capMs.
 */
export function backoffMs(attempts: number, { baseMs, capMs }: Backoff, random: () => number = Math.random): number {
  const raw = baseMs * 2 ** Math.max(0, attempts - 1);
  return Math.round(Math.min(capMs, raw * (0.75 + random() * 0.5)));
}

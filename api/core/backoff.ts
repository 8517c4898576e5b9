// The one retry policy: exponential backoff with jitter, capped. Used by the job queue
// (api/jobs: the outbox's deliveries and every other background job), the log writer's
// flushes and Redis reconnects (event bus, rate limits), so every retry in the app spreads
// out the same way and a crowd of retries never lines up. The login lockout grows on the
// same curve without jitter (a penalty the person is told, not a retry).

export type Backoff = { baseMs: number; capMs: number };

/** base * 2^(attempts-1), capped at capMs: the curve itself, with no jitter. */
export function exponentialMs(attempts: number, { baseMs, capMs }: Backoff): number {
  // 2^40 times any sane base is past every cap: no Infinity however many attempts.
  return Math.min(capMs, baseMs * 2 ** Math.min(40, Math.max(0, attempts - 1)));
}

/**
 * Delay before the next try after `attempts` tries have failed: base * 2^(attempts-1),
 * times a random factor in [0.75, 1.25], capped at capMs.
 */
export function backoffMs(attempts: number, { baseMs, capMs }: Backoff, random: () => number = Math.random): number {
  const raw = exponentialMs(attempts, { baseMs, capMs: Number.POSITIVE_INFINITY });
  return Math.round(Math.min(capMs, raw * (0.75 + random() * 0.5)));
}

// Rate limits of reportProblem, a public mutation: per client address and per sale
// reference (known or not, so the limits themselves reveal nothing). In memory, per
// process, a fixed window per key, the pattern of sales/hoarding.ts (a shared
// core/rate-limit.ts is on its way and will replace both).
import type { Services } from "../../core/context.js";

export const REPORTS_PER_ADDRESS = 5;
export const REPORTS_PER_SALE = 3;
const WINDOW_MS = 15 * 60_000;

class Window {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly limit: number, private readonly windowMs: number) {}
  /** Counts an attempt; returns seconds to wait when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    if (this.windows.size > 10_000) {
      for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
    }
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return 0;
    }
    w.count += 1;
    return w.count > this.limit ? Math.ceil((w.start + this.windowMs - now) / 1000) : 0;
  }
}

type Limits = { address: Window; sale: Window };
// One set per running app.
const perApp = new WeakMap<Services, Limits>();

/** Seconds the caller must wait, or 0: both limits count every attempt. */
export function reportWait(services: Services, address: string, reference: string): number {
  let l = perApp.get(services);
  if (!l) perApp.set(services, (l = { address: new Window(REPORTS_PER_ADDRESS, WINDOW_MS), sale: new Window(REPORTS_PER_SALE, WINDOW_MS) }));
  return Math.max(l.address.hit(address), l.sale.hit(reference));
}

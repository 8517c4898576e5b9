// Rate limits of reportProblem, a public mutation: per client address and per sale
// reference (known or not, so the limits themselves reveal nothing), on the one limiter
// (core/rate-limit.ts: shared across replicas through Redis when configured).
import type { Services } from "../../core/context.js";

export const REPORTS_PER_ADDRESS = 5;
export const REPORTS_PER_SALE = 3;
const WINDOW_SEC = 15 * 60;

/** Seconds the caller must wait, or 0: both limits count every attempt. */
export async function reportWait(services: Services, address: string, reference: string): Promise<number> {
  const [byAddress, bySale] = await Promise.all([
    services.rateLimits.limiter({ name: "report-address", points: REPORTS_PER_ADDRESS, durationSec: WINDOW_SEC }).hit(address),
    services.rateLimits.limiter({ name: "report-sale", points: REPORTS_PER_SALE, durationSec: WINDOW_SEC }).hit(reference),
  ]);
  return Math.max(byAddress.allowed ? 0 : byAddress.retryAfter, bySale.allowed ? 0 : bySale.retryAfter);
}

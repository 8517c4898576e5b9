// Guards against holding the voucher pool hostage: an unpaid purchase reserves a voucher
// for RESERVATION_MINUTES, so unlimited anonymous purchases could empty the pool without
// paying. Two limits: unpaid purchases per phone number (checked inside the reservation
// transaction), and purchase attempts per client address (in memory, per process).
import { AppError, ErrorCode } from "../../core/errors.js";
import type { Prisma } from "../../db/generated/client.js";

export const tooManyRequests = (message: string, retryAfter: number) =>
  new AppError(ErrorCode.TOO_MANY_REQUESTS, message, { retryAfter });

/** Unpaid purchases already holding vouchers for this number; throws once the cap is reached. */
export async function assertPhoneMayReserve(tx: Prisma.TransactionClient, phone: string, cap: number, now: Date): Promise<void> {
  const holding = await tx.transaction.findMany({
    where: { phoneNumber: phone, status: "PENDING", expiresAt: { gt: now }, voucherId: { not: null } },
    select: { reference: true },
    take: cap,
  });
  if (holding.length >= cap) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `${phone} already has ${holding.length} unpaid purchases (${holding.map((h) => h.reference).join(", ")}): pay one of them or wait until they expire`,
      { reason: "purchase/too-many-pending" },
    );
  }
}

/** A fixed-window counter per key: `limit` attempts per `windowMs`. */
export class AttemptLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly limit: number, private readonly windowMs = 60_000) {}

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

// Guards against holding the voucher pool hostage: an unpaid purchase reserves a voucher
// for RESERVATION_MINUTES, so unlimited anonymous purchases could empty the pool without
// paying. Two limits: unpaid purchases per phone number (checked inside the reservation
// transaction), and purchase attempts per client address (core/rate-limit.ts).
import { AppError, ErrorCode } from "../../core/errors.js";
import type { Prisma } from "../../db/generated/client.js";
import type { Services } from "../../core/context.js";
import type { Limiter } from "../../core/rate-limit.js";

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

/** Anonymous purchase attempts per client address per minute (shared by replicas through Redis). */
export const purchaseAttempts = (services: Pick<Services, "rateLimits" | "config">): Limiter =>
  services.rateLimits.limiter({ name: "purchase-address", points: services.config.purchasesPerMinutePerIp, durationSec: 60 });

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

/**
 * Unpaid purchases already holding vouchers for this number, started from this address;
 * throws once the cap is reached. Counted per number AND address: a stranger who types
 * someone else's number from their own device fills only their own quota, and cannot stop
 * the owner buying from theirs. The error names no sale: a reference is the buyer's secret.
 */
export async function assertPhoneMayReserve(tx: Prisma.TransactionClient, phone: string, address: string | null, cap: number, now: Date): Promise<void> {
  const holding = await tx.transaction.count({
    where: { phoneNumber: phone, buyerAddress: address, status: "PENDING", expiresAt: { gt: now }, voucherId: { not: null } },
  });
  if (holding >= cap) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `This phone number already has ${holding} unpaid purchases from this device: approve the payment prompt of one of them (your reference is in the SMS) or wait until they expire`,
      { reason: "purchase/too-many-pending" },
    );
  }
}

/** Anonymous purchase attempts per client address per minute (shared by replicas through Redis). */
export const purchaseAttempts = (services: Pick<Services, "rateLimits" | "config">): Limiter =>
  services.rateLimits.limiter({ name: "purchase-address", points: services.config.purchasesPerMinutePerIp, durationSec: 60 });

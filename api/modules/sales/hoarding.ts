// Guards against holding the voucher pool hostage: an unpaid purchase reserves a voucher
// for RESERVATION_MINUTES, so unlimited anonymous purchases could empty the pool without
// paying. Two limits: unpaid purchases per phone number (checked inside the reservation
// transaction), and purchase attempts per client address (core/rate-limit.ts).
import { AppError, ErrorCode } from "../../core/errors.js";
import type Database from "better-sqlite3";
import { sqlDate } from "../../db/sql-date.js";
import type { Services } from "../../core/context.js";
import type { Limiter } from "../../core/rate-limit.js";

export const tooManyRequests = (message: string, retryAfter: number) =>
  new AppError(ErrorCode.TOO_MANY_REQUESTS, message, { retryAfter });

/** A statement of the reservation's raw transaction (db.transaction's `sql`). */
type Sql = (text: string) => Database.Statement;

// Unpaid purchases holding a voucher now, plus one more condition (the where of the Prisma
// count this replaced: status PENDING, expiresAt > now, voucherId not null).
const HOLDING = `SELECT count(*) AS n FROM "Transaction" WHERE "status" = 'PENDING' AND "expiresAt" > ? AND "voucherId" IS NOT NULL AND`;
const count = (sql: Sql, text: string, ...args: unknown[]) => (sql(text).get(...args) as { n: number }).n;

/**
 * Unpaid purchases already holding vouchers for this number, started from this address;
 * throws once the cap is reached. Counted per number AND address: a stranger who types
 * someone else's number from their own device fills only their own quota, and cannot stop
 * the owner buying from theirs. The error names no sale: a reference is the buyer's secret.
 * Runs inside the reservation's transaction.
 */
export function assertPhoneMayReserve(sql: Sql, phone: string, address: string | null, cap: number, now: Date): void {
  const holding = count(sql, `${HOLDING} "phoneNumber" = ? AND "buyerAddress" IS ?`, sqlDate(now), phone, address);
  if (holding >= cap) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `This phone number already has ${holding} unpaid purchases from this device: approve the payment prompt of one of them (your reference is in the SMS) or wait until they expire`,
      { reason: "purchase/too-many-pending" },
    );
  }
}

/**
 * How much of a bundle's pool unpaid anonymous purchases may hold: per client address, per
 * network (/24, IPv6 /48) and in total (a share of the vouchers still on sale). Past any of
 * them the purchase is refused before a voucher is reserved, so a hoarder rotating phone
 * numbers and addresses cannot empty the pool for paying buyers; staff at the counter are exempt.
 * Runs inside the reservation's transaction.
 */
export function assertPoolShare(
  sql: Sql,
  allocation: { id: string; name: string },
  buyer: { address: string | null; network: string | null },
  caps: { perAddress: number; perNetwork: number; poolShare: number },
  now: Date,
): void {
  const at = sqlDate(now);
  const held = (cond: string, ...args: unknown[]) => count(sql, `${HOLDING} "allocationId" = ? AND ${cond}`, at, allocation.id, ...args);
  const busy = () =>
    new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many unpaid purchases of ${allocation.name} from this network right now: pay or wait for one of them, then try again`, {
      reason: "purchase/too-many-unpaid",
      retryAfter: 60,
    });
  if (held(`"buyerAddress" IS ?`, buyer.address) >= caps.perAddress) throw busy();
  if (buyer.network && held(`"buyerNetwork" = ?`, buyer.network) >= caps.perNetwork) throw busy();
  // The pool: vouchers on sale, reserved or not. Unpaid anonymous holds may take only a share.
  const pool = count(sql, `SELECT count(*) AS n FROM "Voucher" WHERE "allocationId" = ? AND "status" = 'AVAILABLE'`, allocation.id);
  const unpaid = held(`"buyerAddress" IS NOT NULL`);
  if (unpaid + 1 > Math.max(1, Math.floor(pool * caps.poolShare))) {
    throw new AppError(ErrorCode.SOLD_OUT, `${allocation.name} is held by other unpaid purchases right now: try again in a few minutes or choose another bundle`, {
      reason: "purchase/pool-held",
    });
  }
}

/** Anonymous purchase attempts per client address per minute (shared by replicas through Redis). */
export const purchaseAttempts = (services: Pick<Services, "rateLimits" | "config">): Limiter =>
  services.rateLimits.limiter({ name: "purchase-address", points: services.config.purchasesPerMinutePerIp, durationSec: 60 });

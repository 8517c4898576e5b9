// Voucher reservation. One statement picks and takes an unreserved AVAILABLE voucher, so
// it is atomic even across processes sharing the database file (the UPDATE takes SQLite's
// write lock before it reads). Only vouchers with no reservation are ever taken: another
// buyer's hold is never stolen, and printed vouchers (printBatchId set) are never taken:
// their cards are sold at the counter (counter-sale.ts), so a voucher reaches one customer.
import type Database from "better-sqlite3";
import type { Prisma, Voucher } from "../../db/generated/client.js";
import { sqlDate } from "../../db/sql-date.js";

type Tx = Prisma.TransactionClient;

// One statement picks and takes the voucher (see above). Arguments: until, now, allocationId.
const RESERVE = `UPDATE "Voucher" SET "reservedUntil" = ?, "updatedAt" = ?
    WHERE "id" = (SELECT "id" FROM "Voucher" WHERE "allocationId" = ? AND "status" = 'AVAILABLE' AND "reservedUntil" IS NULL AND "printBatchId" IS NULL LIMIT 1)
    RETURNING "id"`;

/** Reserves one voucher of the allocation until `until`; its id, or null when sold out. */
export async function reserveVoucher(tx: Tx, allocationId: string, until: Date): Promise<string | null> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(RESERVE, sqlDate(until), sqlDate(new Date()), allocationId);
  return rows[0]?.id ?? null;
}

/** The same, in a raw transaction (db.transaction: the purchase's reservation). */
export function reserveVoucherIn(sql: (text: string) => Database.Statement, allocationId: string, until: Date): string | null {
  const row = sql(RESERVE).get(sqlDate(until), sqlDate(new Date()), allocationId) as { id: string } | undefined;
  return row?.id ?? null;
}

/**
 * The voucher for a sale being paid: its reserved one if still AVAILABLE, else (the
 * reservation was lost, or the sale had failed and released it) any unreserved one. A
 * released voucher may have been printed meanwhile: a printed one is never taken here.
 * `data` is applied to it (status SOLD...). Null when none is left.
 */
export async function takeVoucher(
  tx: Tx,
  sale: { voucherId: string | null; allocationId: string },
  data: Prisma.VoucherUpdateManyMutationInput,
): Promise<Voucher | null> {
  if (sale.voucherId) {
    const [held] = await tx.voucher.updateManyAndReturn({ where: { id: sale.voucherId, status: "AVAILABLE", printBatchId: null }, data });
    if (held) return held;
  }
  const id = await reserveVoucher(tx, sale.allocationId, new Date());
  if (!id) return null;
  return tx.voucher.update({ where: { id }, data });
}

/**
 * The provider has started the charge (the customer is approving it): the sale's short first
 * hold becomes the full reservation. Only a PENDING sale's own hold is moved, never shortened.
 */
export async function confirmHold(tx: Tx, sale: { id: string; voucherId: string | null }, until: Date): Promise<void> {
  const t = await tx.transaction.updateMany({ where: { id: sale.id, status: "PENDING", expiresAt: { lt: until } }, data: { expiresAt: until } });
  if (t.count === 1 && sale.voucherId) {
    await tx.voucher.updateMany({ where: { id: sale.voucherId, status: "AVAILABLE", reservedUntil: { not: null, lt: until } }, data: { reservedUntil: until } });
  }
}

/** How long a new sale holds its voucher: short online until the provider confirms, full at the counter. */
export function firstHoldUntil(config: { reservationMinutes: number; reservationUnconfirmedSeconds: number }, now: number, atCounter: boolean): Date {
  return new Date(now + (atCounter ? config.reservationMinutes * 60 : config.reservationUnconfirmedSeconds) * 1000);
}

// A "Transaction" row as raw SQL returns it (db.transaction), as the Prisma model: DateTime
// columns are stored as text (sqlDate), Booleans as 0/1.
import type { Transaction } from "../../db/generated/client.js";

type Raw<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] extends boolean ? number : T[K] };
export type SaleRow = Raw<Transaction>;

const date = (v: string | null) => (v === null ? null : new Date(v));

export function saleFromRow(r: SaleRow): Transaction {
  return {
    ...r,
    voucherDelivered: Boolean(r.voucherDelivered),
    expiresAt: date(r.expiresAt),
    paidAt: date(r.paidAt),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
  };
}

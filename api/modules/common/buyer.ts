// How an anonymous buyer reads their own sale. Transaction and Voucher fields need a staff
// login, or the `$granted` scope BUYER from the field that returned the object: a field
// that proves the caller holds the sale (transactionByReference; purchase, which creates it)
// sets `grantScopes: [BUYER]`. Grants are not inherited, so Transaction.voucher and
// Voucher.transaction pass it on explicitly.
import type { Context } from "../../core/context.js";
import { roleAtLeast } from "../../core/roles.js";

export const BUYER = "buyer";

/** Staff and the buyer may read a sale; the type-level rule for Transaction and Voucher. */
export const staffOrBuyer = { staff: true, $granted: BUYER } as const;

/** Statuses in which the buyer has paid and may see the voucher's password. */
const paidStatuses = new Set(["PAID", "PARTIALLY_REFUNDED"]);

/**
 * Lets this request read the voucher's password when the sale is paid. A signed-in staff
 * member is not "the buyer" because they know a reference (they can list them all): they
 * see the password only of a sale they made themselves at the counter, to hand it over.
 */
export function revealVoucherToBuyer(ctx: Context, tx: { status: string; voucherId: string | null; soldById: string | null }): void {
  if (!tx.voucherId || !paidStatuses.has(tx.status)) return;
  if (ctx.viewer && (!tx.soldById || tx.soldById !== ctx.viewer.userId)) return;
  (ctx.revealVoucherFor ??= new Set()).add(tx.voucherId);
}

/** Managers and admins see every password; anyone else only what the request was granted. */
export const mayReadPassword = (ctx: Context, voucherId: string) =>
  roleAtLeast(ctx.viewer?.role, "MANAGER") || (ctx.revealVoucherFor?.has(voucherId) ?? false);

/** Staff see a sale's voucher; the buyer only once it is revealed (paid). */
export const mayReadVoucher = (ctx: Context, voucherId: string) =>
  roleAtLeast(ctx.viewer?.role, "STAFF") || (ctx.revealVoucherFor?.has(voucherId) ?? false);

/** What a buyer may read of why a sale failed (our words; the provider's message stays with staff). */
export const BUYER_DECLINED = "Declined by your mobile money provider. No money was taken.";
export const BUYER_NOT_PAID_IN_TIME = "Payment not received in time. No money was taken.";
export function publicFailureReason(x: { status: string; failureReason: string | null }): string | null {
  if (x.status !== "FAILED") return null;
  return x.failureReason?.startsWith("Payment not received in time") ? BUYER_NOT_PAID_IN_TIME : BUYER_DECLINED;
}

// The one place a refund leaves APPROVED: completeRefund / failRefund, called by the
// provider's answer to approve/retry and by its webhooks. Exactly once, as sales/settle.ts
// does for payments: the state change is a conditional update WHERE status = 'APPROVED', so
// a second caller (a replayed or late webhook, a concurrent answer) changes nothing and causes
// no side effects. The sale's totals, the voucher, the buyer's SMS and the webhook's
// PaymentEvent commit in the same database transaction.
import type { Prisma, Refund } from "../../db/generated/client.js";
import type { Services } from "../../core/context.js";
import { uniqueViolation } from "../../core/errors.js";
import { nudgeOutbox, refundNotification } from "../notifications/index.js";
import { formatMinor } from "../common/money.js";
import { saleStatusFor } from "./rules.js";

type Tx = Prisma.TransactionClient;

export type RefundSource = "approve" | "retry" | "webhook";

/** A provider callback recorded with the change; a replay of it hits the unique key. */
export type RefundEventRecord = { provider: string; eventKey: string; reference: string | null; type: string; payload: string };

export type RefundSettleResult =
  | { outcome: "settled"; refund: Refund }
  | { outcome: "unchanged"; refund: Refund }
  | { outcome: "duplicate-event" }
  | { outcome: "not-found" };

const isDuplicateEvent = (err: unknown) => uniqueViolation(err)?.some((f) => f.includes("eventKey")) ?? false;

async function inTx(services: Services, fn: (tx: Tx) => Promise<RefundSettleResult & { after?: () => Promise<void> }>): Promise<RefundSettleResult> {
  let result: RefundSettleResult & { after?: () => Promise<void> };
  try {
    result = await services.prisma.$transaction(fn);
  } catch (err) {
    if (isDuplicateEvent(err)) return { outcome: "duplicate-event" };
    throw err;
  }
  await result.after?.();
  const { after: _after, ...rest } = result;
  return rest;
}

type CompleteArgs = { refundId: string; providerReference?: string; source: RefundSource; event?: RefundEventRecord };

export function completeRefund(services: Services, args: CompleteArgs): Promise<RefundSettleResult> {
  const now = new Date();
  return inTx(services, async (tx) => {
    if (args.event) await tx.paymentEvent.create({ data: args.event });
    const claimed = await tx.refund.updateMany({
      where: { id: args.refundId, status: "APPROVED" },
      data: { status: "COMPLETED", completedAt: now, failureReason: null, ...(args.providerReference ? { providerReference: args.providerReference } : {}) },
    });
    const refund = await tx.refund.findUnique({ where: { id: args.refundId } });
    if (!refund) return { outcome: "not-found" };
    if (claimed.count === 0) return { outcome: "unchanged", refund };

    // refundedMinor is the sum of COMPLETED refunds, recomputed here rather than added to,
    // so it can never drift from the rows it summarises.
    const sum = await tx.refund.aggregate({ where: { transactionId: refund.transactionId, status: "COMPLETED" }, _sum: { amountMinor: true } });
    const refundedMinor = sum._sum.amountMinor ?? 0;
    const before = await tx.transaction.findUniqueOrThrow({ where: { id: refund.transactionId }, include: { voucher: true } });
    const status = saleStatusFor(before.amountMinor, refundedMinor);
    const sale = await tx.transaction.update({ where: { id: before.id }, data: { refundedMinor, status } });
    const full = status === "REFUNDED";
    const voucher = full && before.voucher && before.voucher.status !== "DISABLED" && before.voucher.status !== "EXPIRED" ? before.voucher : null;
    if (voucher) await tx.voucher.update({ where: { id: voucher.id }, data: { status: "DISABLED", reservedUntil: null } });
    await tx.outboxMessage.create({
      data: refundNotification({
        transactionId: sale.id,
        reference: sale.reference,
        phoneNumber: sale.phoneNumber,
        amountMinor: refund.amountMinor,
        currency: refund.currency,
        provider: sale.provider,
        full,
      }),
    });

    const after = async () => {
      services.log.write({
        kind: "PAYMENT",
        level: "INFO",
        message: `${sale.reference}: refund of ${refund.currency} ${formatMinor(refund.amountMinor)} completed via ${sale.provider} (${args.source}); sale ${status.toLowerCase().replace("_", " ")}, ${refund.currency} ${formatMinor(refundedMinor)} refunded in all`,
        model: "Refund",
        recordId: refund.id,
        data: { reference: sale.reference, amountMinor: refund.amountMinor, refundedMinor, saleStatus: status, providerReference: refund.providerReference, source: args.source },
      });
      if (voucher) {
        // After the commit: the row is DISABLED whatever the router says; a failed call is
        // logged for staff, and router provisioning will reconcile it.
        try {
          await services.routers.disableUser({ voucherId: voucher.id, username: voucher.username, routerId: voucher.routerId });
          services.log.write({ kind: "ROUTER", level: "INFO", message: `Voucher ${voucher.username} disabled: ${sale.reference} fully refunded`, model: "Voucher", recordId: voucher.id, data: { reference: sale.reference, routerId: voucher.routerId } });
        } catch (err) {
          services.log.write({
            kind: "ROUTER",
            level: "WARN",
            message: `Voucher ${voucher.username} is disabled here but the router did not confirm it: ${err instanceof Error ? err.message : String(err)}`,
            model: "Voucher",
            recordId: voucher.id,
            data: { reference: sale.reference, routerId: voucher.routerId },
          });
        }
      }
      nudgeOutbox(services);
    };
    return { outcome: "settled", refund, after };
  });
}

type FailArgs = { refundId: string; reason: string; providerReference?: string; source: RefundSource; event?: RefundEventRecord };

export function failRefund(services: Services, args: FailArgs): Promise<RefundSettleResult> {
  return inTx(services, async (tx) => {
    if (args.event) await tx.paymentEvent.create({ data: args.event });
    const claimed = await tx.refund.updateMany({
      where: { id: args.refundId, status: "APPROVED" },
      data: { status: "FAILED", failureReason: args.reason.slice(0, 500), ...(args.providerReference ? { providerReference: args.providerReference } : {}) },
    });
    const refund = await tx.refund.findUnique({ where: { id: args.refundId }, include: { transaction: { select: { reference: true, provider: true } } } });
    if (!refund) return { outcome: "not-found" };
    const { transaction, ...row } = refund;
    if (claimed.count === 0) return { outcome: "unchanged", refund: row };
    const after = async () => {
      services.log.write({
        kind: "PAYMENT",
        level: "WARN",
        message: `${transaction.reference}: refund of ${row.currency} ${formatMinor(row.amountMinor)} via ${transaction.provider} failed: ${args.reason} (${args.source}); a manager can retry it`,
        model: "Refund",
        recordId: row.id,
        data: { reference: transaction.reference, amountMinor: row.amountMinor, reason: args.reason, source: args.source },
      });
    };
    return { outcome: "settled", refund: row, after };
  });
}

/** A provider's id for a refund still in progress; kept only while it is APPROVED. */
export async function recordProviderReference(services: Services, refundId: string, providerReference: string): Promise<void> {
  await services.prisma.refund.updateMany({ where: { id: refundId, status: "APPROVED", providerReference: null }, data: { providerReference } });
}

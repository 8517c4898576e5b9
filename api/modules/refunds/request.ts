// Opening a refund: staff (requestRefund), the buyer (reportProblem) and the system (a paid
// sale that got no voucher) all go through openRefund, inside a database transaction that
// reads the sale's refunds and writes the new one, so two requests at once can never
// promise more than was paid.
import type { Prisma, Refund, RefundSource } from "../../db/generated/client.js";
import type { Services } from "../../core/context.js";
import { conflict, notFound, uniqueViolation } from "../../core/errors.js";
import { formatMinor } from "../common/money.js";
import { refundAmount } from "./rules.js";

type Tx = Prisma.TransactionClient;

export type OpenRefundRequest = {
  transactionId: string;
  /** Omitted: the whole remaining paid amount. */
  amountMinor?: number | null;
  reason: string;
  idempotencyKey: string;
  requestedById: string | null;
  source: RefundSource;
};

/** Checks the amount rules against the sale's refunds and creates the REQUESTED refund. */
export async function openRefund(tx: Tx, req: OpenRefundRequest): Promise<Refund> {
  const sale = await tx.transaction.findUnique({
    where: { id: req.transactionId },
    select: { reference: true, status: true, amountMinor: true, currency: true, refunds: { select: { id: true, status: true, amountMinor: true } } },
  });
  if (!sale) throw notFound("Sale");
  const amountMinor = refundAmount(sale, sale.refunds, req.amountMinor);
  return tx.refund.create({
    data: {
      transactionId: req.transactionId,
      amountMinor,
      currency: sale.currency,
      reason: req.reason,
      requestedById: req.requestedById,
      source: req.source,
      idempotencyKey: req.idempotencyKey,
    },
  });
}

/** Same key, same refund; the same key for another sale, amount or reason: CONFLICT. */
function replay(existing: Refund, req: OpenRefundRequest): Refund {
  const differs =
    existing.transactionId !== req.transactionId ||
    existing.reason !== req.reason ||
    (req.amountMinor != null && existing.amountMinor !== req.amountMinor);
  if (differs) {
    throw conflict(
      "This idempotency key was already used for a different refund (sale, amount or reason differ): use a new key for a new refund",
      "idempotency-key",
    );
  }
  return existing;
}

export async function requestRefund(services: Services, req: OpenRefundRequest): Promise<Refund> {
  const { prisma } = services;
  const existing = await prisma.refund.findUnique({ where: { idempotencyKey: req.idempotencyKey } });
  if (existing) return replay(existing, req);
  let refund: Refund;
  try {
    refund = await prisma.$transaction((tx) => openRefund(tx, req));
  } catch (err) {
    // The same request sent twice at once: the other one created it.
    if (uniqueViolation(err)?.some((f) => f.includes("idempotencyKey"))) {
      const winner = await prisma.refund.findUnique({ where: { idempotencyKey: req.idempotencyKey } });
      if (winner) return replay(winner, req);
    }
    throw err;
  }
  await logRequested(services, refund);
  return refund;
}

export async function logRequested(services: Services, refund: Refund): Promise<void> {
  const sale = await services.prisma.transaction.findUniqueOrThrow({ where: { id: refund.transactionId }, select: { reference: true, provider: true } });
  const by = refund.source === "CUSTOMER" ? "reported by the customer" : refund.source === "SYSTEM" ? "opened automatically" : "requested";
  services.log.write({
    kind: "PAYMENT",
    level: "INFO",
    message: `${sale.reference}: refund of ${refund.currency} ${formatMinor(refund.amountMinor)} ${by}: ${refund.reason}`,
    model: "Refund",
    recordId: refund.id,
    data: { reference: sale.reference, amountMinor: refund.amountMinor, source: refund.source, provider: sale.provider },
  });
}

export const NO_VOUCHER_REFUND_REASON = "Paid, but no voucher was available: refund the buyer unless a voucher is issued by hand";

/**
 * In markPaid's own transaction: a sale paid with no voucher left opens a full refund for a
 * manager to approve (or reject, once a voucher was handed over by hand).
 */
export async function openNoVoucherRefund(tx: Tx, transactionId: string): Promise<Refund | undefined> {
  // Only reads and one insert: a refusal (nothing to refund, e.g. a free bundle) must never undo the payment.
  const sale = await tx.transaction.findUnique({ where: { id: transactionId }, select: { amountMinor: true } });
  if (!sale || sale.amountMinor <= 0) return undefined;
  return openRefund(tx, {
    transactionId,
    reason: NO_VOUCHER_REFUND_REASON,
    idempotencyKey: `system:no-voucher:${transactionId}`,
    requestedById: null,
    source: "SYSTEM",
  });
}

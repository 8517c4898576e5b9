// Deciding a refund (managers): approve, reject, retry after a failure.
// Exactly one provider call per approval: the decision is a conditional update
// REQUESTED -> APPROVED (FAILED -> APPROVED for a retry), and only the caller whose update
// matched calls the provider; a double click or a second manager gets the refund as it is.
import type { Refund } from "../../db/generated/client.js";
import type { Services } from "../../core/context.js";
import { badInput, conflict, forbidden, notFound } from "../../core/errors.js";
import { ProviderError } from "../../drivers/payments/index.js";
import { formatMinor } from "../common/money.js";
import { remainingMinor } from "./rules.js";
import { completeRefund, failRefund, recordProviderReference, type RefundSource } from "./settle-refund.js";

export type Decider = { userId?: string; label: string };

const load = (services: Services, id: string) =>
  services.prisma.refund.findUnique({ where: { id }, include: { transaction: { select: { reference: true, provider: true, providerReference: true, amountMinor: true, currency: true } } } });

/**
 * Four eyes: whoever asked for a refund does not decide it, unless nobody else could (no
 * other manager or admin exists); then the decision is logged as a WARN.
 */
async function assertMayDecide(services: Services, refund: Refund & { transaction: { reference: string } }, who: Decider, verb: string): Promise<void> {
  if (!who.userId || refund.requestedById !== who.userId) return;
  const others = await services.prisma.user.count({ where: { role: { in: ["MANAGER", "ADMIN"] }, id: { not: who.userId } } });
  if (others > 0) throw forbidden(`You requested this refund, so another manager or admin must ${verb} it`);
  services.log.write({
    kind: "PAYMENT",
    level: "WARN",
    message: `${refund.transaction.reference}: ${who.label} decides a refund they requested themselves (no other manager or admin exists)`,
    model: "Refund",
    recordId: refund.id,
    data: { reference: refund.transaction.reference, rule: "four-eyes", userId: who.userId },
  });
}

const stateWords: Record<string, string> = {
  APPROVED: "already approved and being paid back",
  COMPLETED: "already completed",
  FAILED: "approved but failed at the provider: retry it instead",
  REJECTED: "already rejected",
};

export async function approveRefund(services: Services, id: string, who: Decider, note: string | null): Promise<Refund> {
  const refund = await load(services, id);
  if (!refund) throw notFound("Refund");
  // Approving twice is one approval: the second click sees what the first did.
  if (refund.status === "APPROVED" || refund.status === "COMPLETED" || refund.status === "FAILED") return refund;
  if (refund.status === "REJECTED") throw conflict(`This refund was ${stateWords.REJECTED}: request a new one if the money should go back`, "refund/rejected");
  await assertMayDecide(services, refund, who, "approve");
  const claimed = await services.prisma.refund.updateMany({
    where: { id, status: "REQUESTED" },
    data: { status: "APPROVED", decidedById: who.userId ?? null, decidedAt: new Date(), decisionNote: note || null },
  });
  if (claimed.count === 0) {
    // Someone decided it between our read and our update.
    const now = (await load(services, id))!;
    if (now.status === "REJECTED") throw conflict(`This refund was ${stateWords.REJECTED} meanwhile`, "refund/rejected");
    return now;
  }
  services.log.write({
    kind: "PAYMENT",
    level: "INFO",
    message: `${refund.transaction.reference}: refund of ${refund.currency} ${formatMinor(refund.amountMinor)} approved by ${who.label}${note ? `: ${note}` : ""}`,
    model: "Refund",
    recordId: id,
    data: { reference: refund.transaction.reference, amountMinor: refund.amountMinor, note },
  });
  return payBack(services, refund, "approve");
}

export async function rejectRefund(services: Services, id: string, who: Decider, note: string): Promise<Refund> {
  const refund = await load(services, id);
  if (!refund) throw notFound("Refund");
  if (refund.status === "REJECTED") return refund;
  if (refund.status !== "REQUESTED") throw conflict(`This refund was ${stateWords[refund.status]}: it can no longer be rejected`, "refund/decided");
  await assertMayDecide(services, refund, who, "reject");
  const claimed = await services.prisma.refund.updateMany({
    where: { id, status: "REQUESTED" },
    data: { status: "REJECTED", decidedById: who.userId ?? null, decidedAt: new Date(), decisionNote: note },
  });
  const now = (await load(services, id))!;
  if (claimed.count === 0) {
    if (now.status === "REJECTED") return now;
    throw conflict(`This refund was ${stateWords[now.status]} meanwhile: it can no longer be rejected`, "refund/decided");
  }
  services.log.write({
    kind: "PAYMENT",
    level: "INFO",
    message: `${refund.transaction.reference}: refund of ${refund.currency} ${formatMinor(refund.amountMinor)} rejected by ${who.label}: ${note}`,
    model: "Refund",
    recordId: id,
    data: { reference: refund.transaction.reference, amountMinor: refund.amountMinor, note },
  });
  return now;
}

export async function retryRefund(services: Services, id: string, who: Decider): Promise<Refund> {
  const refund = await load(services, id);
  if (!refund) throw notFound("Refund");
  if (refund.status === "APPROVED" || refund.status === "COMPLETED") return refund;
  if (refund.status !== "FAILED") throw conflict(`Only a failed refund can be retried; this one is ${refund.status.toLowerCase()}`, "refund/not-failed");
  // A FAILED refund holds no money, so another refund may have taken it meanwhile:
  // the check and the claim share one transaction.
  const claimed = await services.prisma.$transaction(async (tx) => {
    const sale = await tx.transaction.findUniqueOrThrow({
      where: { id: refund.transactionId },
      select: { reference: true, status: true, amountMinor: true, currency: true, refunds: { select: { id: true, status: true, amountMinor: true } } },
    });
    const left = remainingMinor(sale, sale.refunds, id);
    if (refund.amountMinor > left) {
      throw badInput(`Only ${sale.currency} ${formatMinor(left)} of ${sale.reference} is still refundable: this refund of ${sale.currency} ${formatMinor(refund.amountMinor)} can no longer be retried`);
    }
    return tx.refund.updateMany({ where: { id, status: "FAILED" }, data: { status: "APPROVED", failureReason: null } });
  });
  if (claimed.count === 0) return (await load(services, id))!;
  services.log.write({
    kind: "PAYMENT",
    level: "INFO",
    message: `${refund.transaction.reference}: refund of ${refund.currency} ${formatMinor(refund.amountMinor)} retried by ${who.label} (it had failed: ${refund.failureReason ?? "no reason given"})`,
    model: "Refund",
    recordId: id,
    data: { reference: refund.transaction.reference, amountMinor: refund.amountMinor, previousFailure: refund.failureReason },
  });
  return payBack(services, refund, "retry");
}

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

/** The one provider call of an APPROVED refund the caller has just claimed. */
async function payBack(services: Services, refund: Loaded, source: RefundSource): Promise<Refund> {
  const sale = refund.transaction;
  const provider = services.payments.get(sale.provider);
  if (!provider) {
    await failRefund(services, { refundId: refund.id, reason: `payment provider "${sale.provider}" is not configured here`, source });
    return (await load(services, refund.id))!;
  }
  try {
    const result = await provider.refund({
      reference: sale.reference,
      providerReference: sale.providerReference ?? sale.reference,
      amountMinor: refund.amountMinor,
      reason: refund.reason,
    });
    if (result.status === "COMPLETED") {
      await completeRefund(services, { refundId: refund.id, providerReference: result.providerReference, source });
    } else if (result.status === "FAILED") {
      await failRefund(services, { refundId: refund.id, reason: result.failureReason ?? `declined by ${provider.key}`, providerReference: result.providerReference, source });
    } else {
      // In progress at the provider: its webhook (refund.processed / refund.failed) settles it.
      if (result.providerReference) await recordProviderReference(services, refund.id, result.providerReference);
      services.log.write({
        kind: "PAYMENT",
        level: "INFO",
        message: `${sale.reference}: refund of ${refund.currency} ${formatMinor(refund.amountMinor)} sent to ${provider.key}; waiting for its confirmation`,
        model: "Refund",
        recordId: refund.id,
        data: { reference: sale.reference, providerReference: result.providerReference ?? null, source },
      });
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const unsure = err instanceof ProviderError && err.retryable;
    // An outage: the call may have reached the provider. FAILED lets a manager check there
    // and retry; the provider refuses a refund beyond what is left of the payment.
    await failRefund(services, { refundId: refund.id, reason: unsure ? `${message} (check with ${provider.key} before retrying)` : message, source });
  }
  return (await load(services, refund.id))!;
}

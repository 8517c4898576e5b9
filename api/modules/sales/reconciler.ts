// Reservation expiry: PENDING sales past expiresAt are checked with their provider first
// (the payment may have gone through without a webhook); paid ones are sold, a short first
// hold whose charge did start gets the full reservation, the rest failed and their vouchers
// released. Runs every RECONCILE_INTERVAL_MS.
import type { Transaction } from "../../db/generated/client.js";
import type { Services } from "../../core/context.js";
import type { Worker } from "../../core/extensions.js";
import { periodicJob } from "../../core/periodic.js";
import { ProviderError } from "../../drivers/payments/index.js";
import { markFailed, markPaid } from "./settle.js";
import { confirmHold } from "./reserve.js";

const BATCH = 100;
export const NOT_PAID_IN_TIME = "Payment not received in time";

async function reconcileOne(services: Services, t: Transaction): Promise<void> {
  const provider = services.payments.get(t.provider);
  // Cash is confirmed by staff only; a cash sale nobody confirmed in time has failed.
  if (!provider || t.provider === "cash") {
    await markFailed(services, { reference: t.reference, reason: NOT_PAID_IN_TIME, source: "reconciler" });
    return;
  }
  let result: Awaited<ReturnType<typeof provider.verify>>;
  try {
    result = await provider.verify(t.reference);
  } catch (err) {
    const retryable = err instanceof ProviderError ? err.retryable : true;
    // The provider cannot answer now: keep the hold for one more reservation period, then give up.
    // A payment that still arrives later is sold anyway (settle's late-success path).
    const graceMs = services.config.reservationMinutes * 60_000;
    if (retryable && t.expiresAt && Date.now() < t.expiresAt.getTime() + graceMs) {
      services.logger.warn({ err, reference: t.reference }, "could not verify an expired sale; will retry");
      return;
    }
    await markFailed(services, { reference: t.reference, reason: NOT_PAID_IN_TIME, source: "reconciler" });
    return;
  }
  // The charge started after all (the purchase could not hear it, e.g. a timeout): the
  // customer gets the full reservation from the purchase's start to approve it.
  const fullUntil = new Date(t.createdAt.getTime() + services.config.reservationMinutes * 60_000);
  // (A second margin: a counter sale's full hold starts a few ms before its row is created.)
  if (result.status === "PENDING" && t.expiresAt && t.expiresAt.getTime() < fullUntil.getTime() - 1000 && Date.now() < fullUntil.getTime()) {
    await services.prisma.$transaction((tx) => confirmHold(tx, t, fullUntil));
    return;
  }
  if (result.status !== "PAID") {
    const reason = result.status === "FAILED" && result.failureReason ? `${NOT_PAID_IN_TIME} (${result.failureReason})` : NOT_PAID_IN_TIME;
    await markFailed(services, { reference: t.reference, reason, source: "reconciler" });
    return;
  }
  // The provider says the customer paid: never fail this sale. If applying the payment
  // goes wrong, the sale stays PENDING (the next pass tries again) and says so loudly.
  try {
    await markPaid(services, { reference: t.reference, providerReference: result.providerReference ?? t.providerReference ?? t.reference, source: "reconciler", amountMinor: result.amountMinor });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    services.log.write({
      kind: "PAYMENT",
      level: "ERROR",
      message: `${t.reference}: paid at ${t.provider} but the payment could not be applied (${message}); kept pending, will retry`,
      model: "Transaction",
      recordId: t.id,
      data: { reference: t.reference, provider: t.provider, error: message },
    });
  }
}

/** One pass over the expired PENDING sales (until `stopping` says so); returns how many it looked at. */
export async function reconcileExpired(services: Services, stopping: () => boolean = () => false, now = new Date()): Promise<number> {
  let seen = 0;
  let cursor: string | undefined;
  while (!stopping()) {
    const due = await services.prisma.transaction.findMany({
      where: { status: "PENDING", expiresAt: { lte: now } },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const t of due) {
      if (stopping()) break;
      try {
        await reconcileOne(services, t);
      } catch (err) {
        services.logger.error({ err, reference: t.reference }, "reconciling a sale failed");
      }
    }
    seen += due.length;
    if (due.length < BATCH) break;
    cursor = due[due.length - 1]!.id;
  }
  return seen;
}

function startReconciler(services: Services): { stop(): Promise<void> } {
  return periodicJob({
    label: "reconciler",
    intervalMs: services.config.reconcileIntervalMs,
    logger: services.logger,
    run: (isStopped) => reconcileExpired(services, isStopped),
  });
}

export const reconcilerWorker: Worker = { name: "sale-reconciler", start: startReconciler };

// refund.processed / refund.failed from a provider's webhook (sales/webhook.ts verifies the
// signature and hands refund events here). The event is recorded with the change, so a
// replay is a duplicate; a late or stale event (failed after processed) changes nothing.
import type { Services } from "../../core/context.js";
import type { PaymentEvent } from "../../drivers/payments/index.js";
import { completeRefund, failRefund, type RefundEventRecord, type RefundSettleResult } from "./settle-refund.js";

export type RefundEventResult = RefundSettleResult | { outcome: "no-match" };

const failureReasonOf = (event: PaymentEvent): string => {
  const data = (event.raw as { data?: { reason?: unknown; gateway_response?: unknown } })?.data;
  const reason = typeof data?.reason === "string" && data.reason ? data.reason : data?.gateway_response;
  return typeof reason === "string" && reason ? reason : "the provider reports the refund failed";
};

/** Which refund an event is about: the provider's refund id, else (the event may beat the
 *  refund call's own answer) the one APPROVED refund of that sale and amount. */
async function findRefund(services: Services, provider: string, event: PaymentEvent) {
  if (event.providerReference) {
    const byId = await services.prisma.refund.findFirst({ where: { providerReference: event.providerReference, transaction: { provider } } });
    if (byId) return byId;
  }
  if (!event.reference) return null;
  return services.prisma.refund.findFirst({
    where: {
      status: "APPROVED",
      transaction: { reference: event.reference, provider },
      ...(event.amountMinor !== undefined ? { amountMinor: event.amountMinor } : {}),
    },
    orderBy: { decidedAt: "asc" },
  });
}

export async function applyRefundEvent(services: Services, provider: string, event: PaymentEvent, record: RefundEventRecord): Promise<RefundEventResult> {
  if (event.type !== "refund.processed" && event.type !== "refund.failed") return { outcome: "no-match" };
  const refund = await findRefund(services, provider, event);
  if (!refund) return { outcome: "no-match" };
  const result =
    event.type === "refund.processed"
      ? await completeRefund(services, { refundId: refund.id, providerReference: event.providerReference, source: "webhook", event: record })
      : await failRefund(services, { refundId: refund.id, reason: failureReasonOf(event), providerReference: event.providerReference, source: "webhook", event: record });
  if (result.outcome === "unchanged" && event.type === "refund.processed" && result.refund.status === "FAILED") {
    // The money went back after we recorded a failure: tell someone rather than count it twice.
    services.log.write({
      kind: "PAYMENT",
      level: "ERROR",
      message: `${provider} reports a refund processed that was recorded as failed (${event.reference ?? "?"}): check with ${provider} before retrying it`,
      model: "Refund",
      recordId: refund.id,
      data: { eventKey: event.eventKey, providerReference: event.providerReference ?? null },
    });
  }
  return result;
}

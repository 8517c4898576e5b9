// POST /webhooks/payments/:provider. The signature is checked over the exact bytes
// received; the event is recorded (PaymentEvent, unique per provider + eventKey) in the
// same database transaction that settles the sale, so a replay changes nothing and a
// crash never leaves an event recorded but not applied. Handled events answer 200 at once.
import type { Services } from "../../core/context.js";
import { AppError, ErrorCode } from "../../core/errors.js";
import { readBody, sendJson, type HttpRoute, type RouteContext } from "../../core/extensions.js";
import { ProviderError, WebhookSignatureError, type PaymentEvent } from "../../drivers/payments/index.js";
import { applyRefundEvent } from "../refunds/index.js";
import { markFailed, markPaid, recordPaymentEvent, type EventRecord } from "./settle.js";

const PREFIX = "/webhooks/payments/";
const LIMIT = 256_000;
const MAX_STORED_PAYLOAD = 16_000;

const failureReasonOf = (event: PaymentEvent): string => {
  const data = (event.raw as { data?: { gateway_response?: unknown } })?.data;
  return typeof data?.gateway_response === "string" && data.gateway_response ? data.gateway_response : "declined by the payment provider";
};

type Reply = { status: number; body: Record<string, unknown>; outcome: string };

async function handleEvent(services: Services, providerKey: string, event: PaymentEvent, raw: Buffer): Promise<Reply> {
  const record: EventRecord = {
    provider: providerKey,
    eventKey: event.eventKey,
    reference: event.reference ?? null,
    type: event.type,
    // Kept for the audit trail; real provider events are a few KB, so a cap costs nothing
    // and stops an unmatched (or forged but validly signed) post from filling the disk.
    payload: raw.length > MAX_STORED_PAYLOAD ? `${raw.subarray(0, MAX_STORED_PAYLOAD).toString("utf8")}…[truncated ${raw.length} bytes]` : raw.toString("utf8"),
  };
  if (event.type === "refund.processed" || event.type === "refund.failed") {
    // Refunds settle in their own module, with the event recorded in the same transaction.
    const result = await applyRefundEvent(services, providerKey, event, record);
    if (result.outcome === "duplicate-event") return { status: 200, body: { received: true, duplicate: true }, outcome: "duplicate" };
    if (result.outcome === "settled" || result.outcome === "unchanged") {
      return { status: 200, body: { received: true, status: result.refund.status }, outcome: `refund-${result.outcome}` };
    }
  }
  const sale = event.reference ? await services.prisma.transaction.findUnique({ where: { reference: event.reference } }) : null;
  const settles = sale && (event.type === "charge.success" || event.type === "charge.failed");
  // A provider may only settle its own sales (the sandbox's webhook secret is no secret).
  const ownSale = sale?.provider === providerKey;
  if (settles && ownSale) {
    let result;
    try {
      result =
        event.type === "charge.success"
          ? await markPaid(services, {
              reference: sale.reference,
              providerReference: event.providerReference ?? sale.reference,
              source: "webhook",
              event: record,
              amountMinor: event.amountMinor,
            })
          : await markFailed(services, { reference: sale.reference, reason: failureReasonOf(event), source: "webhook", event: record });
    } catch (err) {
      // A payment id another sale already holds: a retry will not fix it, so record and tell someone.
      if (!(err instanceof AppError && err.extensions.code === ErrorCode.CONFLICT)) throw err;
      services.log.write({
        kind: "PAYMENT",
        level: "ERROR",
        message: `${sale.reference}: ${providerKey} webhook not applied: ${err.message}`,
        model: "Transaction",
        recordId: sale.id,
        data: { eventKey: event.eventKey, providerReference: event.providerReference },
      });
      const recorded = await recordPaymentEvent(services, record);
      return { status: 200, body: { received: true, duplicate: recorded === "duplicate-event" }, outcome: "conflict" };
    }
    if (result.outcome === "duplicate-event") return { status: 200, body: { received: true, duplicate: true }, outcome: "duplicate" };
    const status = "transaction" in result ? result.transaction.status : undefined;
    return { status: 200, body: { received: true, status }, outcome: result.outcome };
  } else if (settles) {
    services.log.write({
      kind: "PAYMENT",
      level: "WARN",
      message: `${providerKey} webhook for ${sale.reference}, a ${sale.provider} sale: ignored`,
      model: "Transaction",
      recordId: sale.id,
      data: { eventKey: event.eventKey },
    });
  }
  const recorded = await recordPaymentEvent(services, record);
  if (recorded === "duplicate-event") return { status: 200, body: { received: true, duplicate: true }, outcome: "duplicate" };
  return { status: 200, body: { received: true, ignored: true }, outcome: "ignored" };
}

const providerOf = (url: URL) => decodeURIComponent(url.pathname.slice(PREFIX.length));

async function handle({ req, res, services, url }: RouteContext): Promise<void> {
  const started = performance.now();
  const providerKey = providerOf(url);
  let reply: Reply;
  // The sandbox's signing secret is public: it takes webhooks only where it is the
  // configured provider (development, demos, tests).
  const enabled = providerKey !== "sandbox" || services.payments.default.key === "sandbox";
  const provider = enabled ? services.payments.get(providerKey) : undefined;
  if (!provider?.parseWebhook) {
    reply = { status: 404, body: { error: "unknown payment provider" }, outcome: "unknown-provider" };
  } else {
    const raw = await readBody(req, LIMIT);
    try {
      const event = provider.parseWebhook(raw, req.headers);
      reply = await handleEvent(services, providerKey, event, raw);
    } catch (err) {
      if (err instanceof WebhookSignatureError) {
        services.log.write({
          kind: "PAYMENT",
          level: "WARN",
          message: `${providerKey} webhook with a bad signature rejected`,
          data: { ip: req.socket.remoteAddress ?? null, bytes: raw.length },
        });
        reply = { status: 401, body: { error: "bad signature" }, outcome: "bad-signature" };
      } else if (err instanceof ProviderError) {
        reply = { status: 400, body: { error: err.message }, outcome: "unreadable" };
      } else {
        // Answer 500 so the provider delivers it again; nothing was recorded.
        services.logger.error({ err, provider: providerKey }, "webhook failed");
        reply = { status: 500, body: { error: "internal error" }, outcome: "error" };
      }
    }
  }
  sendJson(res, reply.status, reply.body);
  const ms = Math.round((performance.now() - started) * 10) / 10;
  services.log.write({
    kind: "REQUEST",
    level: reply.status >= 500 ? "ERROR" : reply.status >= 400 ? "WARN" : "INFO",
    message: `webhook ${providerKey} ${reply.outcome} (${reply.status}) in ${ms} ms`,
    data: { operation: `webhook:${providerKey}`, type: "webhook", durationMs: ms, status: reply.status, outcome: reply.outcome, ip: req.socket.remoteAddress ?? null },
  });
}

/** Public: each provider's signature on the body is what authenticates a webhook. */
export const paymentWebhookRoute: HttpRoute = {
  method: "POST",
  path: PREFIX,
  access: "public",
  actor: (url) => ({ kind: "system", label: `webhook:${providerOf(url)}` }),
  handle,
};

// Paystack's webhook body ({ event, data }) -> our PaymentEvent. Pure; the
// signature check happens before this is called.
import type { PaymentEvent, PaymentEventType } from "./types.js";
import { ProviderError } from "./types.js";

const known: ReadonlySet<string> = new Set(["charge.success", "charge.failed", "refund.processed", "refund.failed"]);

type Data = Record<string, unknown>;

const str = (v: unknown): string | undefined =>
  typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined;

function minor(v: unknown): number | undefined {
  // Paystack sends amounts as integers, but some refund payloads carry them as strings.
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  return typeof n === "number" && Number.isSafeInteger(n) ? n : undefined;
}

export function paystackEventFromBody(rawBody: string | Uint8Array, provider = "paystack"): PaymentEvent {
  const text = typeof rawBody === "string" ? rawBody : Buffer.from(rawBody).toString("utf8");
  let body: { event?: unknown; data?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new ProviderError(`${provider}: webhook body is not JSON`, false);
  }
  const event = typeof body?.event === "string" ? body.event : "unknown";
  const data: Data = body?.data && typeof body.data === "object" ? (body.data as Data) : {};
  const type: PaymentEventType = known.has(event) ? (event as PaymentEventType) : "other";
  const isRefund = event.startsWith("refund.");
  const txn = data.transaction && typeof data.transaction === "object" ? (data.transaction as Data) : {};

  const reference = isRefund
    ? (str(data.transaction_reference) ?? str(txn.reference) ?? str(data.reference))
    : str(data.reference);
  const providerReference = isRefund ? (str(data.id) ?? str(data.refund_reference)) : str(data.id);
  // Paystack retries a delivery until we answer 200, so the key must be stable per
  // event: the resource id, else its reference. Refund payloads may lack both; the
  // transaction reference plus amount still separates two partial refunds.
  const id =
    str(data.id) ??
    str(data.reference) ??
    str(data.refund_reference) ??
    (reference ? `${reference}:${minor(data.amount) ?? "?"}` : "unknown");

  return { eventKey: `${event}:${id}`, type, reference, providerReference, amountMinor: minor(data.amount), raw: body };
}

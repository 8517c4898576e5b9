// The seam between the sale/refund flows and whoever moves the money.
// Amounts are integer minor units (pesewas) everywhere; providers never see floats.

export type MobileNetwork = "MTN" | "TELECEL" | "AIRTELTIGO";

export type ChargeRequest = {
  /** Our transaction reference; also the provider-side idempotency key. */
  reference: string;
  amountMinor: number;
  currency: string;
  /** Normalised 10-digit form, 0XXXXXXXXX. */
  phoneNumber: string;
  network: MobileNetwork;
  email?: string;
  fullName: string;
};

export type ChargeStatus = "PAID" | "PENDING" | "FAILED";

export type ChargeResult = {
  status: ChargeStatus;
  providerReference?: string;
  /** What the customer must do next (approve the prompt, pay at the counter...). */
  instructions?: string;
  failureReason?: string;
  /** Amount the provider says it collected, when it says so. */
  amountMinor?: number;
};

export type PaymentEventType = "charge.success" | "charge.failed" | "refund.processed" | "refund.failed" | "other";

export type PaymentEvent = {
  /** Unique per provider event: the webhook handler dedupes on it. */
  eventKey: string;
  type: PaymentEventType;
  reference?: string;
  providerReference?: string;
  amountMinor?: number;
  raw: unknown;
};

export type RefundRequest = { reference: string; providerReference: string; amountMinor: number; reason: string };

export type RefundStatus = "COMPLETED" | "PENDING" | "FAILED";

export type RefundResult = { status: RefundStatus; providerReference?: string; failureReason?: string };

/** Fetch Headers, or node:http's IncomingHttpHeaders (lower-cased keys). */
export type HeadersLike = Headers | Record<string, string | string[] | undefined>;

export interface PaymentProvider {
  /** "sandbox" | "paystack" | "cash" */
  readonly key: string;
  charge(req: ChargeRequest): Promise<ChargeResult>;
  /**
   * The providerReference charge() will report, when it is known from the sale's reference
   * alone (cash): stored with the sale as it is created, so the sale needs no second write.
   */
  localReference?(reference: string): string;
  /** Ask the provider for the charge's current state. */
  verify(reference: string): Promise<ChargeResult>;
  refund(req: RefundRequest): Promise<RefundResult>;
  /**
   * Webhook: verify the signature over the exact raw body (pass the bytes as
   * received, before any JSON parsing); throw WebhookSignatureError when bad;
   * return the parsed event.
   */
  parseWebhook?(rawBody: string | Uint8Array, headers: HeadersLike): PaymentEvent;
}

export class WebhookSignatureError extends Error {
  override name = "WebhookSignatureError";
}

/** The provider has never seen this reference (e.g. the charge request never reached it). */
export const PAYMENT_NOT_FOUND = "payment/not-found";

/** retryable: the same call may succeed later (outage, 5xx, timeout); false: it never will as sent. */
export class ProviderError extends Error {
  override name = "ProviderError";
  constructor(
    message: string,
    readonly retryable: boolean,
    /** HTTP status from the provider, when there was one. */
    readonly status?: number,
    readonly code?: typeof PAYMENT_NOT_FOUND,
  ) {
    super(message);
  }
}

export function headerValue(headers: HeadersLike, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, string | string[] | undefined>)[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

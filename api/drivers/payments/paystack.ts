// Paystack mobile-money adapter (Ghana): Charge API, Verify, Refund, webhooks.
// Payload shapes follow Paystack's public API docs; tests run it against
// tests/fixtures/paystack-standin.ts.
import { paystackEventFromBody } from "./paystack-events.js";
import { isValidSignature } from "./signature.js";
import type {
  ChargeRequest, ChargeResult, HeadersLike, MobileNetwork, PaymentEvent, PaymentProvider, RefundRequest, RefundResult,
} from "./types.js";
import { PAYMENT_NOT_FOUND, ProviderError, WebhookSignatureError, headerValue } from "./types.js";

export type PaystackOptions = {
  secretKey: string;
  baseUrl?: string;
  /** Per call; a hung provider must not hold a customer's request forever. */
  timeoutMs?: number;
  /** Paystack requires an email; walk-in customers often have none. */
  fallbackEmail?: (req: ChargeRequest) => string;
  fetch?: typeof fetch;
};

// Paystack's Ghana provider codes (Telecel was Vodafone, hence "vod").
const providerCode: Record<MobileNetwork, "mtn" | "vod" | "atl"> = { MTN: "mtn", TELECEL: "vod", AIRTELTIGO: "atl" };

type Envelope = { status?: boolean; message?: string; data?: Record<string, unknown> };

const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
// Paystack's own id for the resource; in-flight charges carry only our reference.
const idOf = (d: Record<string, unknown>): string | undefined =>
  typeof d.id === "number" || typeof d.id === "string" ? String(d.id) : undefined;
const amountOf = (d: Record<string, unknown>): number | undefined =>
  typeof d.amount === "number" && Number.isSafeInteger(d.amount) ? d.amount : undefined;

export function createPaystackProvider(opts: PaystackOptions): PaymentProvider {
  const baseUrl = (opts.baseUrl ?? "https://api.paystack.co").replace(/\/+$/, "");
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const doFetch = opts.fetch ?? fetch;
  const fallbackEmail = opts.fallbackEmail ?? ((r: ChargeRequest) => `${r.phoneNumber}@customers.chillzone.local`);

  async function call(method: "GET" | "POST", path: string, body?: unknown): Promise<Envelope> {
    const what = `paystack ${method} ${path.split("/").slice(0, 3).join("/")}`;
    let res: Response;
    try {
      res = await doFetch(baseUrl + path, {
        method,
        headers: { authorization: `Bearer ${opts.secretKey}`, "content-type": "application/json", accept: "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      // Timeouts and connection failures: the request may or may not have reached
      // Paystack. Retrying a charge is safe because the reference is unique there;
      // callers should verify() before charging again.
      const reason = err instanceof Error && err.name === "TimeoutError" ? `timed out after ${timeoutMs} ms` : String(err);
      throw new ProviderError(`${what}: ${reason}`, true);
    }
    const raw = await res.text().catch(() => "");
    let json: Envelope | undefined;
    try {
      json = raw ? (JSON.parse(raw) as Envelope) : undefined;
    } catch {
      json = undefined;
    }
    const message = text(json?.message) ?? (raw.slice(0, 200) || res.statusText);
    // 429 is an outage from our point of view: the same call will work later.
    if (res.status >= 500 || res.status === 429) throw new ProviderError(`${what}: ${res.status} ${message}`, true, res.status);
    if (res.status >= 400) {
      const notFound = res.status === 404 || (path.startsWith("/transaction/verify/") && /not found/i.test(message));
      throw new ProviderError(`${what}: ${message}`, false, res.status, notFound ? PAYMENT_NOT_FOUND : undefined);
    }
    if (!json || typeof json !== "object") throw new ProviderError(`${what}: unreadable response`, true, res.status);
    if (json.status === false) throw new ProviderError(`${what}: ${message}`, false, res.status);
    return json;
  }

  function chargeResult(env: Envelope): ChargeResult {
    const d = env.data ?? {};
    const status = text(d.status) ?? "";
    const providerReference = idOf(d);
    if (status === "success") return { status: "PAID", providerReference, amountMinor: amountOf(d) };
    if (status === "failed" || status === "reversed") {
      return { status: "FAILED", providerReference, failureReason: text(d.gateway_response) ?? text(env.message) ?? status };
    }
    // send_otp, pay_offline, pending, ongoing, processing, abandoned (not final at
    // Paystack: the customer can still complete) and anything unknown stay PENDING:
    // calling a charge FAILED that later succeeds would take money without a
    // voucher. verify() and the webhook settle it; our reservation expiry gives up.
    // send_otp (Telecel) needs the customer's OTP, which this interface does not
    // submit yet; display_text tells the customer what Paystack expects.
    return { status: "PENDING", providerReference, instructions: text(d.display_text) };
  }

  return {
    key: "paystack",

    async charge(req) {
      if (req.currency !== "GHS") throw new ProviderError(`paystack: mobile money needs GHS, got ${req.currency}`, false);
      const env = await call("POST", "/charge", {
        email: req.email || fallbackEmail(req),
        amount: req.amountMinor,
        currency: "GHS",
        reference: req.reference,
        mobile_money: { phone: req.phoneNumber, provider: providerCode[req.network] },
        metadata: { full_name: req.fullName },
      });
      return chargeResult(env);
    },

    async verify(reference) {
      return chargeResult(await call("GET", `/transaction/verify/${encodeURIComponent(reference)}`));
    },

    async refund(req: RefundRequest): Promise<RefundResult> {
      const env = await call("POST", "/refund", { transaction: req.reference, amount: req.amountMinor, merchant_note: req.reason });
      const d = env.data ?? {};
      const status = text(d.status) ?? "";
      const providerReference = idOf(d);
      if (status === "processed") return { status: "COMPLETED", providerReference };
      if (status === "failed") return { status: "FAILED", providerReference, failureReason: text(d.reason) ?? "refund failed at Paystack" };
      return { status: "PENDING", providerReference };
    },

    parseWebhook(rawBody: string | Uint8Array, headers: HeadersLike): PaymentEvent {
      if (!isValidSignature(opts.secretKey, rawBody, headerValue(headers, "x-paystack-signature"))) {
        throw new WebhookSignatureError("paystack: bad webhook signature");
      }
      return paystackEventFromBody(rawBody);
    },
  };
}

// Deterministic stand-in provider: the default, so a fresh install can sell
// without any payment account, and one server can demo every payment path.
// State lives in memory: it is a demo/test tool, not a ledger.
import { paystackEventFromBody } from "./paystack-events.js";
import { isValidSignature } from "./signature.js";
import type { ChargeRequest, ChargeResult, HeadersLike, PaymentEvent, PaymentProvider, RefundResult } from "./types.js";
import { PAYMENT_NOT_FOUND, ProviderError, WebhookSignatureError, headerValue } from "./types.js";

export type SandboxMode = "succeed" | "fail" | "pending";

/** Charges end by `mode` (SANDBOX_MODE), refunds by `refundMode` (SANDBOX_REFUND_MODE, default succeed);
 * `delayMs` is a simulated provider latency per call; `webhookSecret` keys x-sandbox-signature
 * (HMAC-SHA512 hex of the raw body, Paystack's scheme). */
export type SandboxOptions = { mode: SandboxMode; refundMode?: SandboxMode; delayMs?: number; webhookSecret?: string };

export type SandboxProvider = PaymentProvider & {
  readonly key: "sandbox";
  /** Test/ops hook: decide a PENDING charge, as the customer's phone would. */
  settle(reference: string, outcome: "PAID" | "FAILED", reason?: string): ChargeResult;
  /** Test/ops hook: how the next refunds end (starts as SANDBOX_REFUND_MODE). */
  refundMode: SandboxMode;
};

export const SANDBOX_DEFAULT_WEBHOOK_SECRET = "sandbox-webhook-secret";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Phone suffixes override the mode, so a demo can show every path side by side. */
function outcomeFor(req: ChargeRequest, mode: SandboxMode): SandboxMode {
  if (req.phoneNumber.endsWith("0000")) return "fail";
  if (req.phoneNumber.endsWith("9999")) return "pending";
  return mode;
}

export function createSandboxProvider(opts: SandboxOptions): SandboxProvider {
  const charges = new Map<string, ChargeResult>();
  const wait = async () => {
    if (opts.delayMs && opts.delayMs > 0) await sleep(opts.delayMs);
  };
  const paid = (reference: string, amountMinor?: number): ChargeResult => ({
    status: "PAID",
    providerReference: `SBX-${reference}`,
    amountMinor,
  });

  function settle(reference: string, outcome: "PAID" | "FAILED", reason?: string): ChargeResult {
    const current = charges.get(reference);
    const result: ChargeResult =
      outcome === "PAID"
        ? paid(reference, current?.amountMinor)
        : { status: "FAILED", providerReference: `SBX-${reference}`, failureReason: reason ?? "sandbox: declined" };
    charges.set(reference, result);
    return result;
  }

  let refunds = 0;
  const provider: SandboxProvider = {
    key: "sandbox",
    settle,
    refundMode: opts.refundMode ?? "succeed",

    async charge(req) {
      await wait();
      const existing = charges.get(req.reference);
      if (existing) return existing; // same reference, same answer: charges are idempotent
      let result: ChargeResult;
      switch (outcomeFor(req, opts.mode)) {
        case "succeed":
          result = paid(req.reference, req.amountMinor);
          break;
        case "fail":
          result = { status: "FAILED", providerReference: `SBX-${req.reference}`, failureReason: "sandbox: insufficient funds" };
          break;
        case "pending":
          result = {
            status: "PENDING",
            providerReference: `SBX-${req.reference}`,
            instructions: "Sandbox: approve the payment prompt on your phone",
            amountMinor: req.amountMinor,
          };
      }
      charges.set(req.reference, result);
      return result;
    },

    async verify(reference) {
      await wait();
      const known = charges.get(reference);
      // Like a real provider asked about a reference it never saw (also: after a restart).
      if (!known) throw new ProviderError(`sandbox: unknown reference ${reference}`, false, 404, PAYMENT_NOT_FOUND);
      return known;
    },

    async refund(req): Promise<RefundResult> {
      await wait();
      // One id per call, as a real provider gives each refund its own.
      const providerReference = `SBX-RF-${req.reference}-${++refunds}`;
      switch (provider.refundMode) {
        case "fail":
          return { status: "FAILED", providerReference, failureReason: "sandbox: refund declined" };
        case "pending":
          return { status: "PENDING", providerReference };
        default:
          return { status: "COMPLETED", providerReference };
      }
    },

    parseWebhook(rawBody: string | Uint8Array, headers: HeadersLike): PaymentEvent {
      const secret = opts.webhookSecret ?? SANDBOX_DEFAULT_WEBHOOK_SECRET;
      if (!isValidSignature(secret, rawBody, headerValue(headers, "x-sandbox-signature"))) {
        throw new WebhookSignatureError("sandbox: bad webhook signature");
      }
      const event = paystackEventFromBody(rawBody, "sandbox");
      // The sandbox is the provider: an event it signed is its state changing.
      if (event.reference && event.type === "charge.success") settle(event.reference, "PAID");
      if (event.reference && event.type === "charge.failed") settle(event.reference, "FAILED");
      return event;
    },
  };
  return provider;
}

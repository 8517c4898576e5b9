// Builds the provider registry from config. sandbox and cash are always there
// (cash is how the counter sells; sandbox keeps demos and tests working), plus
// paystack when a secret key is configured.
import { createCashProvider } from "./cash.js";
import { createPaystackProvider } from "./paystack.js";
import { createSandboxProvider, type SandboxMode, type SandboxProvider } from "./sandbox.js";
import type { PaymentProvider } from "./types.js";

export type PaymentsConfig = {
  provider: "sandbox" | "paystack";
  paystackSecretKey?: string;
  paystackBaseUrl: string;
  paystackTimeoutMs?: number;
  sandboxMode?: SandboxMode;
  sandboxRefundMode?: SandboxMode;
  sandboxDelayMs?: number;
  sandboxWebhookSecret?: string;
};

export type PaymentProviders = {
  /** The provider used for customer (mobile money) purchases. */
  default: PaymentProvider;
  get(key: string): PaymentProvider | undefined;
  keys(): string[];
  /** Typed handle for tests and ops (settle a pending sandbox charge). */
  sandbox: SandboxProvider;
};

export function createPaymentProviders(config: PaymentsConfig): PaymentProviders {
  const sandbox = createSandboxProvider({
    mode: config.sandboxMode ?? "succeed",
    refundMode: config.sandboxRefundMode ?? "succeed",
    delayMs: config.sandboxDelayMs,
    webhookSecret: config.sandboxWebhookSecret,
  });
  const all = new Map<string, PaymentProvider>([
    [sandbox.key, sandbox],
    ["cash", createCashProvider()],
  ]);
  if (config.paystackSecretKey) {
    all.set(
      "paystack",
      createPaystackProvider({
        secretKey: config.paystackSecretKey,
        baseUrl: config.paystackBaseUrl,
        timeoutMs: config.paystackTimeoutMs,
      }),
    );
  }
  const chosen = all.get(config.provider);
  // Config validation already demands the key; this guards other callers.
  if (!chosen) throw new Error(`payment provider "${config.provider}" is not configured (PAYSTACK_SECRET_KEY missing?)`);
  return { default: chosen, get: (key) => all.get(key), keys: () => [...all.keys()], sandbox };
}

export * from "./types.js";
export { createCashProvider, CASH_INSTRUCTIONS } from "./cash.js";
export { createPaystackProvider, type PaystackOptions } from "./paystack.js";
export { createSandboxProvider, SANDBOX_DEFAULT_WEBHOOK_SECRET, type SandboxMode, type SandboxOptions, type SandboxProvider } from "./sandbox.js";
export { signBody, isValidSignature } from "./signature.js";

// Seeding for the sale tests: a bundle through createAllocation, vouchers straight into
// the table (independent of the voucher module), and the purchase mutation.
import { randomUUID } from "node:crypto";
import { startTestServer, type Auth, type GqlResult, type TestServer } from "../helpers/server.js";
import { startPaystackStandin, type PaystackStandin } from "../fixtures/paystack-standin.js";
import { startSmsStandin, type SmsStandin } from "../fixtures/sms-standin.js";

let bundles = 0;

export async function seedAllocation(
  server: TestServer,
  opts: { vouchers: number; priceMinor?: number; validityHours?: number; name?: string },
): Promise<{ id: string; dbId: string; usernames: string[] }> {
  const n = ++bundles;
  const r = await server.gql(
    `mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`,
    {
      input: {
        name: opts.name ?? `Bundle ${n}`,
        priceMinor: opts.priceMinor ?? 100 + n,
        dataLimitMb: 100 * n,
        validityHours: opts.validityHours ?? 24,
      },
    },
    { token: server.adminToken },
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  const id = r.data.createAllocation.id as string;
  const dbId = Buffer.from(id, "base64").toString("utf8").split(":")[1]!;
  const usernames = Array.from({ length: opts.vouchers }, (_, i) => `b${n}u${i}-${randomUUID().slice(0, 6)}`);
  await server.app.services.prisma.voucher.createMany({
    data: usernames.map((username, i) => ({ username, password: `pw${n}x${i}`, allocationId: dbId })),
  });
  return { id, dbId, usernames };
}

export const PURCHASE = `mutation Purchase($input: PurchaseInput!) {
  purchase(input: $input) { instructions transaction { id reference status provider providerReference voucherDelivered phoneNumber fullName } }
}`;

export const CONFIRM = `mutation Confirm($input: ConfirmPaymentInput!) {
  confirmPayment(input: $input) { id reference status providerReference }
}`;

export function buy(
  server: TestServer,
  allocationId: string,
  extra: { fullName?: string; phoneNumber?: string; provider?: string; idempotencyKey?: string } = {},
  auth: Auth = {},
): Promise<GqlResult> {
  return server.gql(
    PURCHASE,
    {
      input: {
        allocationId,
        fullName: extra.fullName ?? "Ama Mensah",
        phoneNumber: extra.phoneNumber ?? "0241234567",
        idempotencyKey: extra.idempotencyKey ?? randomUUID(),
        ...(extra.provider ? { provider: extra.provider } : {}),
      },
    },
    auth,
  );
}

export async function waitFor<T>(what: string, fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export type PaystackShop = { server: TestServer; paystack: PaystackStandin; sms: SmsStandin; hook: string; close(): Promise<void> };

/** A server selling through the real Paystack adapter against the stand-in, with SMS over HTTP to its stand-in. */
export async function startPaystackShop(env: Record<string, string> = {}): Promise<PaystackShop> {
  const paystack = await startPaystackStandin();
  const sms = await startSmsStandin();
  const server = await startTestServer({
    env: {
      PAYMENT_PROVIDER: "paystack",
      PAYSTACK_SECRET_KEY: paystack.secretKey,
      PAYSTACK_BASE_URL: paystack.baseUrl,
      SMS_PROVIDER: "http",
      SMS_URL: sms.url,
      SMS_API_KEY: sms.apiKey,
      ...env,
    },
  });
  return {
    server,
    paystack,
    sms,
    hook: `${server.url}/webhooks/payments/paystack`,
    async close() {
      await server.stop();
      await paystack.close();
      await sms.close();
    },
  };
}

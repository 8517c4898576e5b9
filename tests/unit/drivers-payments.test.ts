import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  CASH_INSTRUCTIONS, PAYMENT_NOT_FOUND, ProviderError, SANDBOX_DEFAULT_WEBHOOK_SECRET, WebhookSignatureError,
  createCashProvider, createPaymentProviders, createPaystackProvider, createSandboxProvider, signBody,
  type ChargeRequest, type PaymentProvider,
} from "../../api/drivers/payments/index.js";
import { signPaystackBody, startPaystackStandin, type PaystackStandin } from "../fixtures/paystack-standin.js";

let seq = 0;
const chargeReq = (over: Partial<ChargeRequest> = {}): ChargeRequest => ({
  reference: `CZ-${Date.now()}-${++seq}`,
  amountMinor: 500,
  currency: "GHS",
  phoneNumber: "0241234567",
  network: "MTN",
  email: "ama@example.com",
  fullName: "Ama Mensah",
  ...over,
});

async function rejection(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("paystack adapter against the stand-in", () => {
  let standin: PaystackStandin;
  let paystack: PaymentProvider;

  beforeAll(async () => {
    standin = await startPaystackStandin({ secretKey: "sk_test_abc" });
    paystack = createPaystackProvider({ secretKey: standin.secretKey, baseUrl: standin.baseUrl, timeoutMs: 30_000 }); // not under test here: only long enough for a loaded machine
  });
  afterAll(() => standin.close());

  it("sends Paystack's documented charge payload with the Bearer key", async () => {
    const req = chargeReq({ network: "TELECEL", phoneNumber: "0201234567", amountMinor: 1250 });
    await paystack.charge(req);
    const sent = standin.requests.at(-1)!;
    expect(sent.method).toBe("POST");
    expect(sent.path).toBe("/charge");
    expect(sent.headers.authorization).toBe("Bearer sk_test_abc");
    expect(sent.body).toMatchObject({
      email: "ama@example.com", amount: 1250, currency: "GHS", reference: req.reference,
      mobile_money: { phone: "0201234567", provider: "vod" },
    });
    await paystack.charge(chargeReq({ network: "AIRTELTIGO", phoneNumber: "0261234567", email: undefined }));
    const body = standin.requests.at(-1)!.body as { email: string; mobile_money: { provider: string } };
    expect(body.mobile_money.provider).toBe("atl");
    expect(body.email).toContain("0261234567@");
  });

  it("maps an in-flight charge to PENDING with Paystack's display_text as instructions", async () => {
    standin.setNextChargeStatus("pay_offline");
    const r = await paystack.charge(chargeReq());
    expect(r.status).toBe("PENDING");
    expect(r.instructions).toMatch(/authorization process on your mobile phone/);
    standin.setNextChargeStatus("send_otp");
    const otp = await paystack.charge(chargeReq({ network: "TELECEL", phoneNumber: "0501234567" }));
    expect(otp).toMatchObject({ status: "PENDING", instructions: expect.stringContaining("*110#") });
  });

  it("maps success to PAID with Paystack's transaction id", async () => {
    standin.setNextChargeStatus("success");
    const req = chargeReq();
    const r = await paystack.charge(req);
    expect(r.status).toBe("PAID");
    expect(r.providerReference).toBe(String(standin.transactions.get(req.reference)!.id));
    expect(r.amountMinor).toBe(500);
  });

  it("maps failed to FAILED with the gateway response", async () => {
    standin.setNextChargeStatus("failed", { gatewayResponse: "Insufficient funds in wallet" });
    const r = await paystack.charge(chargeReq());
    expect(r).toMatchObject({ status: "FAILED", failureReason: "Insufficient funds in wallet" });
  });

  it("verify follows the charge from pending to paid, and knows unknown references", async () => {
    const req = chargeReq();
    expect((await paystack.charge(req)).status).toBe("PENDING");
    expect((await paystack.verify(req.reference)).status).toBe("PENDING");
    standin.setTransactionStatus(req.reference, "success");
    const paid = await paystack.verify(req.reference);
    expect(paid).toMatchObject({ status: "PAID", amountMinor: 500 });
    expect(standin.requests.at(-1)!.path).toBe(`/transaction/verify/${req.reference}`);
    const missing = await rejection(paystack.verify("CZ-never-charged"));
    expect(missing.retryable).toBe(false);
    expect(missing.code).toBe(PAYMENT_NOT_FOUND);
  });

  it("refunds: pending, processed, failed, and over-refund rejected with Paystack's message", async () => {
    standin.setNextChargeStatus("success");
    const req = chargeReq({ amountMinor: 1000 });
    const paid = await paystack.charge(req);
    const refund = (amountMinor: number) =>
      paystack.refund({ reference: req.reference, providerReference: paid.providerReference!, amountMinor, reason: "no internet" });

    const pending = await refund(300);
    expect(pending.status).toBe("PENDING");
    expect(pending.providerReference).toMatch(/^\d+$/);
    expect(standin.requests.at(-1)!.body).toMatchObject({ transaction: req.reference, amount: 300 });

    standin.setNextRefundStatus("processed");
    expect((await refund(200)).status).toBe("COMPLETED");
    standin.setNextRefundStatus("failed");
    expect((await refund(100)).status).toBe("FAILED");

    const over = await rejection(refund(600));
    expect(over.retryable).toBe(false);
    expect(over.message).toMatch(/cannot be more than the transaction amount/);
  });

  it("500 from Paystack is a retryable ProviderError; the retry then works", async () => {
    standin.failNext(1);
    const req = chargeReq();
    const err = await rejection(paystack.charge(req));
    expect(err).toMatchObject({ retryable: true, status: 500 });
    expect((await paystack.charge(req)).status).toBe("PENDING");
  });

  it("a wrong secret key is a non-retryable 401", async () => {
    const wrong = createPaystackProvider({ secretKey: "sk_test_wrong", baseUrl: standin.baseUrl });
    const err = await rejection(wrong.charge(chargeReq()));
    expect(err).toMatchObject({ retryable: false, status: 401 });
    expect(err.message).toMatch(/Invalid key/);
  });

  it("refuses non-GHS amounts before calling out", async () => {
    const before = standin.requests.length;
    expect((await rejection(paystack.charge(chargeReq({ currency: "USD" })))).retryable).toBe(false);
    expect(standin.requests.length).toBe(before);
  });

  it("times out a hung provider and refused connections as retryable", async () => {
    // Never answers; keeps count of the connections the adapter left open.
    const open = new Set<Socket>();
    const hung = createServer(() => {});
    hung.on("connection", (s) => {
      open.add(s);
      s.once("close", () => open.delete(s));
    });
    const url = await listen(hung);
    try {
      const slow = createPaystackProvider({ secretKey: "k", baseUrl: url, timeoutMs: 150 });
      const err = await rejection(slow.verify("CZ-1"));
      expect(err.retryable).toBe(true);
      // Its own timeout, not a default one (a hang would fail the test by its timeout instead).
      expect(err.message).toMatch(/timed out after 150 ms/);
      // The request was aborted, not left hanging open.
      while (open.size > 0) await new Promise((r) => setTimeout(r, 10));
    } finally {
      hung.closeAllConnections();
      hung.close();
    }
    const down = createPaystackProvider({ secretKey: "k", baseUrl: url, timeoutMs: 1000 });
    expect((await rejection(down.charge(chargeReq()))).retryable).toBe(true);
  });

  describe("webhooks", () => {
    const body = JSON.stringify({ event: "charge.success", data: { id: 4242, reference: "CZ-77", amount: 500, status: "success" } });

    it("accepts a correct signature and parses the event", () => {
      const ev = paystack.parseWebhook!(body, new Headers({ "x-paystack-signature": signPaystackBody("sk_test_abc", body) }));
      expect(ev).toMatchObject({ eventKey: "charge.success:4242", type: "charge.success", reference: "CZ-77", providerReference: "4242", amountMinor: 500 });
      // node:http style headers work too
      const again = paystack.parseWebhook!(Buffer.from(body), { "x-paystack-signature": signPaystackBody("sk_test_abc", body) });
      expect(again.eventKey).toBe(ev.eventKey);
    });

    it("rejects a bad, missing or foreign signature", () => {
      const parse = (sig?: string) => () => paystack.parseWebhook!(body, new Headers(sig ? { "x-paystack-signature": sig } : {}));
      expect(parse(signPaystackBody("sk_test_other", body))).toThrow(WebhookSignatureError);
      expect(parse()).toThrow(WebhookSignatureError);
      expect(parse("not-hex")).toThrow(WebhookSignatureError);
    });

    it("rejects a tampered body signed for the original", () => {
      const sig = signPaystackBody("sk_test_abc", body);
      const tampered = body.replace('"amount":500', '"amount":5');
      expect(() => paystack.parseWebhook!(tampered, new Headers({ "x-paystack-signature": sig }))).toThrow(WebhookSignatureError);
    });

    it("parses refund and unknown events with stable keys", () => {
      const parse = (payload: unknown) => {
        const raw = JSON.stringify(payload);
        return paystack.parseWebhook!(raw, new Headers({ "x-paystack-signature": signPaystackBody("sk_test_abc", raw) }));
      };
      const refund = parse({ event: "refund.processed", data: { status: "processed", transaction_reference: "CZ-9", refund_reference: "RF-1", amount: "300" } });
      expect(refund).toMatchObject({ type: "refund.processed", reference: "CZ-9", providerReference: "RF-1", amountMinor: 300, eventKey: "refund.processed:RF-1" });
      expect(parse({ event: "transfer.success", data: { id: 9 } })).toMatchObject({ type: "other", eventKey: "transfer.success:9" });
    });

    it("the stand-in delivers signed webhooks over HTTP", async () => {
      const seen: string[] = [];
      const receiver = createServer(async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        try {
          seen.push(paystack.parseWebhook!(Buffer.concat(chunks), req.headers).eventKey);
          res.writeHead(200).end("ok");
        } catch (e) {
          res.writeHead(e instanceof WebhookSignatureError ? 401 : 400).end();
        }
      });
      const url = await listen(receiver);
      try {
        const good = await standin.sendWebhook(`${url}/webhooks/paystack`, "charge.success", { id: 7, reference: "CZ-7", amount: 500 });
        expect(good.status).toBe(200);
        const bad = await standin.sendWebhook(`${url}/webhooks/paystack`, "charge.success", { id: 8, reference: "CZ-8" }, { badSignature: true });
        expect(bad.status).toBe(401);
        expect(seen).toEqual(["charge.success:7"]);
      } finally {
        receiver.closeAllConnections();
        receiver.close();
      }
    });
  });
});

describe("sandbox provider", () => {
  it("succeed mode pays at once with SBX- reference; verify agrees; refund completes", async () => {
    const sbx = createSandboxProvider({ mode: "succeed" });
    const req = chargeReq();
    expect(await sbx.charge(req)).toMatchObject({ status: "PAID", providerReference: `SBX-${req.reference}` });
    expect((await sbx.verify(req.reference)).status).toBe("PAID");
    const refund = { reference: req.reference, providerReference: `SBX-${req.reference}`, amountMinor: 100, reason: "x" };
    expect(await sbx.refund(refund)).toEqual({ status: "COMPLETED", providerReference: `SBX-RF-${req.reference}-1` });
    // SANDBOX_REFUND_MODE, separate from the charge mode; each refund gets its own id.
    sbx.refundMode = "fail";
    expect(await sbx.refund(refund)).toEqual({ status: "FAILED", providerReference: `SBX-RF-${req.reference}-2`, failureReason: "sandbox: refund declined" });
    sbx.refundMode = "pending";
    expect(await sbx.refund(refund)).toEqual({ status: "PENDING", providerReference: `SBX-RF-${req.reference}-3` });
  });

  it("fail mode fails with a reason", async () => {
    const r = await createSandboxProvider({ mode: "fail" }).charge(chargeReq());
    expect(r.status).toBe("FAILED");
    expect(r.failureReason).toBeTruthy();
  });

  it("pending mode stays pending until settled", async () => {
    const sbx = createSandboxProvider({ mode: "pending" });
    const req = chargeReq();
    expect((await sbx.charge(req)).status).toBe("PENDING");
    expect((await sbx.verify(req.reference)).status).toBe("PENDING");
    sbx.settle(req.reference, "PAID");
    expect((await sbx.verify(req.reference)).status).toBe("PAID");
    expect((await sbx.charge(req)).status).toBe("PAID"); // same reference, same answer
  });

  it("phone suffixes 0000 and 9999 override the mode", async () => {
    const sbx = createSandboxProvider({ mode: "succeed" });
    expect((await sbx.charge(chargeReq({ phoneNumber: "0240000000" }))).status).toBe("FAILED");
    const pending = chargeReq({ phoneNumber: "0249999999" });
    expect((await sbx.charge(pending)).status).toBe("PENDING");
    expect((await sbx.verify(pending.reference)).status).toBe("PENDING");
  });

  it("verify of an unknown reference is a not-found ProviderError", async () => {
    const err = await rejection(createSandboxProvider({ mode: "succeed" }).verify("nope"));
    expect(err).toMatchObject({ retryable: false, code: PAYMENT_NOT_FOUND });
  });

  it("delayMs waits before answering", async () => {
    // On a fake clock: the answer comes when 80 ms have passed on it, not a moment before.
    vi.useFakeTimers();
    try {
      let answered = false;
      const charge = createSandboxProvider({ mode: "succeed", delayMs: 80 })
        .charge(chargeReq())
        .then((r) => ((answered = true), r));
      await vi.advanceTimersByTimeAsync(79);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(answered).toBe(true);
      expect((await charge).status).toBe("PAID");
    } finally {
      vi.useRealTimers();
    }
  });

  it("accepts its own signed webhooks and settles the charge", async () => {
    const sbx = createSandboxProvider({ mode: "pending" });
    const req = chargeReq();
    await sbx.charge(req);
    const raw = JSON.stringify({ event: "charge.success", data: { reference: req.reference, amount: 500 } });
    const ev = sbx.parseWebhook!(raw, { "x-sandbox-signature": signBody(SANDBOX_DEFAULT_WEBHOOK_SECRET, raw) });
    expect(ev).toMatchObject({ type: "charge.success", reference: req.reference, eventKey: `charge.success:${req.reference}` });
    expect((await sbx.verify(req.reference)).status).toBe("PAID");
    expect(() => sbx.parseWebhook!(raw, { "x-sandbox-signature": signBody("other", raw) })).toThrow(WebhookSignatureError);
  });
});

describe("cash provider", () => {
  it("charge waits for the counter; refund is handed back at once", async () => {
    const cash = createCashProvider();
    const req = chargeReq();
    expect(await cash.charge(req)).toMatchObject({ status: "PENDING", instructions: CASH_INSTRUCTIONS });
    expect(CASH_INSTRUCTIONS).toBe("Collect cash at the counter");
    expect((await cash.verify(req.reference)).status).toBe("PENDING");
    expect((await cash.refund({ reference: req.reference, providerReference: "x", amountMinor: 500, reason: "r" })).status).toBe("COMPLETED");
  });
});

describe("createPaymentProviders", () => {
  it("always has sandbox and cash; default is sandbox", () => {
    const p = createPaymentProviders({ provider: "sandbox", paystackBaseUrl: "https://api.paystack.co" });
    expect(p.keys().sort()).toEqual(["cash", "sandbox"]);
    expect(p.default.key).toBe("sandbox");
    expect(p.get("paystack")).toBeUndefined();
    expect(p.get("cash")?.key).toBe("cash");
  });

  it("adds paystack when configured and makes it the default when chosen", () => {
    const p = createPaymentProviders({ provider: "paystack", paystackSecretKey: "sk", paystackBaseUrl: "http://127.0.0.1:1" });
    expect(p.keys().sort()).toEqual(["cash", "paystack", "sandbox"]);
    expect(p.default.key).toBe("paystack");
    expect(() => createPaymentProviders({ provider: "paystack", paystackBaseUrl: "http://x" })).toThrow(/PAYSTACK_SECRET_KEY/);
  });
});

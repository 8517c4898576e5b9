// The sale flow against the real Paystack adapter talking to a local stand-in: pending
// charges settled by signed webhooks (replayed, out of order, with a staff confirmation),
// bad signatures, failures, provider errors and idempotent retries.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { codesOf, type TestServer } from "../helpers/server.js";
import type { PaystackStandin } from "../fixtures/paystack-standin.js";
import type { SmsStandin } from "../fixtures/sms-standin.js";
import { buy, CONFIRM, seedAllocation, startPaystackShop, waitFor, type PaystackShop } from "./sales-seed.js";
import { setUpFile } from "../helpers/setup.js";

let server: TestServer;
let paystack: PaystackStandin;
let sms: SmsStandin;
let staff: string;
let hook: string;

let shop: PaystackShop;

setUpFile(async () => {
  shop = await startPaystackShop({
    OUTBOX_POLL_MS: "50",
    // Sales here expire only when a test says so; then the reconciler should come soon.
    RECONCILE_INTERVAL_MS: "50",
  });
  ({ server, paystack, sms, hook } = shop);
  staff = await server.tokenFor("STAFF");
});
afterAll(async () => {
  await shop?.close();
});

const charges = (reference: string) => paystack.requests.filter((r) => r.method === "POST" && r.path === "/charge" && (r.body as { reference?: string })?.reference === reference);
const chargeData = (reference: string, status = "success") => {
  const t = paystack.transactions.get(reference)!;
  return { id: t.id, reference, amount: t.amount, currency: "GHS", status, gateway_response: status === "success" ? "Approved" : "Declined" };
};

describe("paystack: pending, then webhooks", () => {
  it("five replayed charge.success webhooks and a staff confirmation make one payment, one voucher, one SMS", async () => {
    const bundle = await seedAllocation(server, { vouchers: 3 });
    const r = await buy(server, bundle.id, { phoneNumber: "+233 55 123 4567" });
    expect(r.errors).toBeUndefined();
    const sale = r.data.purchase.transaction;
    expect(sale.status).toBe("PENDING");
    expect(sale.phoneNumber).toBe("0551234567");
    expect(r.data.purchase.instructions).toMatch(/authorization/i);
    expect(charges(sale.reference)).toHaveLength(1);

    paystack.setTransactionStatus(sale.reference, "success");
    const data = chargeData(sale.reference);
    const first = await paystack.sendWebhook(hook, "charge.success", data);
    expect(first.status).toBe(200);
    // Replays, two of them at once, a staff confirmation in the middle, and a stale failure.
    const replays = await Promise.all([paystack.sendWebhook(hook, "charge.success", data), paystack.sendWebhook(hook, "charge.success", data)]);
    const confirmed = await server.gql(CONFIRM, { input: { reference: sale.reference, providerReference: String(data.id) } }, { token: staff });
    replays.push(await paystack.sendWebhook(hook, "charge.success", data), await paystack.sendWebhook(hook, "charge.success", data));
    const stale = await paystack.sendWebhook(hook, "charge.failed", chargeData(sale.reference, "failed"));
    expect(replays.map((x) => x.status)).toEqual([200, 200, 200, 200]);
    expect(replays.every((x) => JSON.parse(x.body).duplicate === true)).toBe(true);
    expect(stale.status).toBe(200);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.confirmPayment).toMatchObject({ status: "PAID", providerReference: String(data.id) });

    const prisma = server.app.services.prisma;
    const t = await prisma.transaction.findUniqueOrThrow({ where: { reference: sale.reference }, include: { voucher: true } });
    expect(t.status).toBe("PAID");
    expect(t.voucher?.status).toBe("SOLD");
    expect(await prisma.voucher.count({ where: { allocationId: bundle.dbId, status: "SOLD" } })).toBe(1);
    expect(await prisma.paymentEvent.count({ where: { reference: sale.reference, type: "charge.success" } })).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { transactionId: t.id, channel: "SMS" } })).toBe(1);

    await waitFor("voucher delivered", async () => (await prisma.transaction.findUniqueOrThrow({ where: { id: t.id } })).voucherDelivered);
    const mine = sms.messages.filter((m) => m.recipient === "233551234567");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.message).toContain(t.voucher!.username);
    expect(mine[0]!.message).toContain(t.voucher!.password);
    expect(mine[0]!.message).toContain(sale.reference);

    await server.app.services.log.flush();
    const paymentLogs = await prisma.logEntry.findMany({ where: { kind: "PAYMENT", recordId: t.id } });
    expect(paymentLogs.filter((l) => / paid via /.test(l.message))).toHaveLength(1);
    const requestLogs = await prisma.logEntry.findMany({ where: { kind: "REQUEST", message: { startsWith: "webhook paystack" } } });
    expect(requestLogs.length).toBeGreaterThanOrEqual(6);
    expect(JSON.parse(requestLogs[0]!.data!)).toMatchObject({ operation: "webhook:paystack", status: 200 });
  });

  it("a bad signature is refused with 401 and changes nothing", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const sale = (await buy(server, bundle.id)).data.purchase.transaction;
    const res = await paystack.sendWebhook(hook, "charge.success", chargeData(sale.reference), { badSignature: true });
    expect(res.status).toBe(401);
    const prisma = server.app.services.prisma;
    expect((await prisma.transaction.findUniqueOrThrow({ where: { reference: sale.reference } })).status).toBe("PENDING");
    expect(await prisma.paymentEvent.count({ where: { reference: sale.reference } })).toBe(0);
    await server.app.services.log.flush();
    expect(await prisma.logEntry.count({ where: { kind: "PAYMENT", level: "WARN", message: { contains: "bad signature" } } })).toBeGreaterThan(0);
  });

  it("an unknown provider path is 404", async () => {
    const res = await fetch(`${server.url}/webhooks/payments/nope`, { method: "POST", body: "{}" });
    expect(res.status).toBe(404);
    const cash = await fetch(`${server.url}/webhooks/payments/cash`, { method: "POST", body: "{}" });
    expect(cash.status).toBe(404);
  });

  it("a charge.failed webhook fails the sale and releases its voucher", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const sale = (await buy(server, bundle.id)).data.purchase.transaction;
    const prisma = server.app.services.prisma;
    const held = await prisma.transaction.findUniqueOrThrow({ where: { reference: sale.reference } });
    expect(held.voucherId).not.toBeNull();
    // Held: the next buyer finds the bundle sold out.
    expect(codesOf(await buy(server, bundle.id))).toEqual(["SOLD_OUT"]);

    paystack.setTransactionStatus(sale.reference, "failed", "Insufficient funds");
    const res = await paystack.sendWebhook(hook, "charge.failed", { ...chargeData(sale.reference, "failed"), gateway_response: "Insufficient funds" });
    expect(res.status).toBe(200);
    const t = await prisma.transaction.findUniqueOrThrow({ where: { reference: sale.reference } });
    expect(t).toMatchObject({ status: "FAILED", voucherId: null, failureReason: "Insufficient funds" });
    const v = await prisma.voucher.findUniqueOrThrow({ where: { id: held.voucherId! } });
    expect(v).toMatchObject({ status: "AVAILABLE", reservedUntil: null });
    // Released: the next buyer gets it.
    expect((await buy(server, bundle.id)).data.purchase.transaction.status).toBe("PENDING");
  });

  it("a declined charge answers PAYMENT_FAILED and releases the voucher", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    paystack.setNextChargeStatus("failed", { gatewayResponse: "Declined by the network" });
    const r = await buy(server, bundle.id);
    expect(codesOf(r)).toEqual(["PAYMENT_FAILED"]);
    // The buyer reads our words; the provider's own stays with the sale for staff.
    expect(r.errors![0]!.message).toContain("No money was taken");
    expect(r.errors![0]!.message).not.toContain("Declined by the network");
    const reference = r.errors![0]!.extensions!.reference as string;
    const t = await server.app.services.prisma.transaction.findUniqueOrThrow({ where: { reference } });
    expect(t).toMatchObject({ status: "FAILED", voucherId: null });
    expect(t.failureReason).toContain("Declined by the network");
    expect(await server.app.services.prisma.voucher.count({ where: { allocationId: bundle.dbId, status: "AVAILABLE", reservedUntil: null } })).toBe(1);
  });

  it("a provider refusal (non-retryable) answers PAYMENT_FAILED; its message is kept for staff", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    // Paystack mobile money needs GHS: the adapter refuses before calling.
    await server.app.services.prisma.allocation.update({ where: { id: bundle.dbId }, data: { currency: "USD" } });
    const r = await buy(server, bundle.id);
    expect(codesOf(r)).toEqual(["PAYMENT_FAILED"]);
    expect(r.errors![0]!.message).not.toMatch(/needs GHS/);
    const failed = await server.app.services.prisma.transaction.findUniqueOrThrow({ where: { reference: r.errors![0]!.extensions!.reference as string } });
    expect(failed.failureReason).toMatch(/needs GHS/);
    expect(await server.app.services.prisma.voucher.count({ where: { allocationId: bundle.dbId, reservedUntil: null, status: "AVAILABLE" } })).toBe(1);
  });

  it("a provider outage keeps the sale pending with its voucher held", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    paystack.failNext(1);
    const r = await buy(server, bundle.id);
    expect(r.errors).toBeUndefined();
    expect(r.data.purchase.transaction.status).toBe("PENDING");
    expect(r.data.purchase.instructions).toMatch(/could not reach/);
    const t = await server.app.services.prisma.transaction.findUniqueOrThrow({ where: { reference: r.data.purchase.transaction.reference } });
    expect(t.voucherId).not.toBeNull();
  });
});

describe("paystack: idempotency", () => {
  it("the same key twice is one sale and one charge", async () => {
    const bundle = await seedAllocation(server, { vouchers: 5 });
    const key = randomUUID();
    const a = await buy(server, bundle.id, { idempotencyKey: key });
    const b = await buy(server, bundle.id, { idempotencyKey: key });
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(b.data.purchase.transaction.id).toBe(a.data.purchase.transaction.id);
    expect(charges(a.data.purchase.transaction.reference)).toHaveLength(1);
    expect(await server.app.services.prisma.transaction.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("the same key sent five times at once is one sale and one charge", async () => {
    const bundle = await seedAllocation(server, { vouchers: 5 });
    const key = randomUUID();
    const all = await Promise.all(Array.from({ length: 5 }, () => buy(server, bundle.id, { idempotencyKey: key })));
    expect(all.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    const ids = new Set(all.map((r) => r.data.purchase.transaction.id));
    expect(ids.size).toBe(1);
    expect(charges(all[0]!.data.purchase.transaction.reference)).toHaveLength(1);
    expect(await server.app.services.prisma.voucher.count({ where: { allocationId: bundle.dbId, reservedUntil: { not: null } } })).toBe(1);
  });

  it("the same key with different details is a CONFLICT", async () => {
    const bundle = await seedAllocation(server, { vouchers: 5 });
    const key = randomUUID();
    expect((await buy(server, bundle.id, { idempotencyKey: key })).errors).toBeUndefined();
    const other = await buy(server, bundle.id, { idempotencyKey: key, phoneNumber: "0501234567" });
    expect(codesOf(other)).toEqual(["CONFLICT"]);
    expect(await server.app.services.prisma.transaction.count({ where: { idempotencyKey: key } })).toBe(1);
  });
});

describe("webhook hardening", () => {
  it("the sandbox (whose signing secret is public) takes no webhooks where it is not the provider", async () => {
    const { SANDBOX_DEFAULT_WEBHOOK_SECRET, signBody } = await import("../../api/drivers/payments/index.js");
    const raw = JSON.stringify({ event: "charge.success", data: { id: 1, reference: "CZ-NOPE0000", status: "success" } });
    const before = await server.app.services.prisma.paymentEvent.count();
    const res = await fetch(`${server.url}/webhooks/payments/sandbox`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-sandbox-signature": signBody(SANDBOX_DEFAULT_WEBHOOK_SECRET, raw) },
      body: raw,
    });
    expect(res.status).toBe(404);
    expect(await server.app.services.prisma.paymentEvent.count()).toBe(before);
  });

  it("a validly signed event with a huge body is stored truncated", async () => {
    const r = await paystack.sendWebhook(hook, "charge.success", { id: 987654, reference: "CZ-UNKNOWN1", status: "success", padding: "x".repeat(100_000) });
    expect(r.status).toBe(200);
    const e = await server.app.services.prisma.paymentEvent.findFirstOrThrow({ where: { eventKey: "charge.success:987654" } });
    expect(e.payload.length).toBeLessThan(17_000);
    expect(e.payload).toMatch(/\[truncated \d+ bytes\]$/);
  });
});

describe("underpayment", () => {
  it("a success for less than the price settles nothing, on every path, and says so", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const sale = (await buy(server, bundle.id)).data.purchase.transaction;
    const data = { ...chargeData(sale.reference), amount: 1 };
    const r = await paystack.sendWebhook(hook, "charge.success", data);
    expect(r.status).toBe(200);
    const prisma = server.app.services.prisma;
    expect((await prisma.transaction.findUniqueOrThrow({ where: { reference: sale.reference } })).status).toBe("PENDING");
    expect(await prisma.paymentEvent.count({ where: { reference: sale.reference } })).toBe(1);
    await server.app.services.log.flush();
    const entry = await prisma.logEntry.findFirst({ where: { level: "ERROR", message: { contains: `${sale.reference}: paystack reports 1 paid of` } } });
    expect(entry?.message).toMatch(/not settled \(webhook\)/);
  });

  it("the reconciler's verify reporting less than the price settles nothing either, and says so", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const sale = (await buy(server, bundle.id)).data.purchase.transaction;
    const prisma = server.app.services.prisma;
    // At the provider: a success for 1 pesewa, and no webhook about it.
    paystack.setTransactionStatus(sale.reference, "success");
    paystack.transactions.get(sale.reference)!.amount = 1;
    const verified = () => paystack.requests.filter((r) => r.method === "GET" && r.path === `/transaction/verify/${sale.reference}`).length;
    expect(verified()).toBe(0);
    // The reservation runs out now (instead of waiting RESERVATION_MINUTES): the reconciler's turn.
    await prisma.transaction.update({ where: { reference: sale.reference }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const entry = await waitFor("the reconciler's underpayment entry", async () => {
      await server.app.services.log.flush();
      return prisma.logEntry.findFirst({ where: { level: "ERROR", message: { contains: `${sale.reference}: paystack reports 1 paid of` } } });
    });
    expect(entry.message).toMatch(/not settled \(reconciler\)$/);
    expect(verified()).toBeGreaterThan(0);
    const t = await prisma.transaction.findUniqueOrThrow({ where: { reference: sale.reference } });
    expect(t).toMatchObject({ status: "PENDING", paidAt: null });
    expect(await prisma.voucher.count({ where: { allocationId: bundle.dbId, status: "SOLD" } })).toBe(0);
    // Underpaid, it stays pending and is asked about on every pass; once the provider says
    // the charge failed, the next pass fails it and releases the voucher.
    paystack.setTransactionStatus(sale.reference, "failed");
    const failed = await waitFor("the sale failed", async () => {
      const x = await prisma.transaction.findUniqueOrThrow({ where: { reference: sale.reference } });
      return x.status === "FAILED" ? x : null;
    });
    expect(failed.voucherId).toBeNull();
  });
});

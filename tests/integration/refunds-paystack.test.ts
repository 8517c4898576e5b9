// Paystack refunds through the real adapter against the stand-in: one POST /refund per
// approval (also when two managers approve at once), refund.processed / refund.failed
// webhooks delivered twice and out of order, a refund webhook that beats the refund call's
// own answer, a failure then a retry, and an outage.
import { afterAll, describe, expect, it } from "vitest";
import type { Auth, TestServer } from "../helpers/server.js";
import type { PaystackStandin } from "../fixtures/paystack-standin.js";
import { buy, seedAllocation, startPaystackShop, waitFor, type PaystackShop } from "./sales-seed.js";
import { APPROVE, RETRY, dbId, requestRefund } from "./refunds-seed.js";
import { setUpFile } from "../helpers/setup.js";
import { approveRefund, rejectRefund, retryRefund } from "../../api/modules/refunds/decide.js";

let shop: PaystackShop;
let server: TestServer;
let paystack: PaystackStandin;
let hook: string;
let staff: Auth;
let manager: Auth;
let manager2: Auth;
const prisma = () => server.app.services.prisma;

setUpFile(async () => {
  shop = await startPaystackShop({ OUTBOX_POLL_MS: "20" });
  ({ server, paystack, hook } = shop);
  staff = { token: await server.tokenFor("STAFF") };
  manager = { token: await server.tokenFor("MANAGER") };
  manager2 = { token: await server.tokenFor("MANAGER") };
});
afterAll(() => shop?.close());

let phones = 0;
/** A Paystack sale, paid by its charge.success webhook. */
async function paidSale(priceMinor: number) {
  const bundle = await seedAllocation(server, { vouchers: 1, priceMinor });
  const r = await buy(server, bundle.id, { phoneNumber: `02477${String(++phones).padStart(5, "0")}` });
  const sale = r.data.purchase.transaction as { id: string; reference: string };
  paystack.setTransactionStatus(sale.reference, "success");
  const t = paystack.transactions.get(sale.reference)!;
  const res = await paystack.sendWebhook(hook, "charge.success", { id: t.id, reference: sale.reference, amount: t.amount, currency: "GHS", status: "success" });
  expect(res.status).toBe(200);
  return sale;
}

const refundCalls = (reference: string) => paystack.requests.filter((r) => r.method === "POST" && r.path === "/refund" && (r.body as { transaction?: string }).transaction === reference);
const refundRow = (id: string) => prisma().refund.findUniqueOrThrow({ where: { id: dbId(id) } });
const refundEvent = (reference: string, id: string | number, amount: number, status: "processed" | "failed") => ({
  id, status, transaction_reference: reference, amount, currency: "GHS", ...(status === "failed" ? { reason: "Customer wallet is closed" } : {}),
});

describe("paystack refunds", () => {
  it("approval sends one refund; refund.processed twice, then a stale refund.failed: completed once", async () => {
    const sale = await paidSale(900);
    const id = (await requestRefund(server, staff, sale.id, { amountMinor: 400, reason: "Slow" })).data.requestRefund.id;
    const a = await server.gql(APPROVE, { id }, manager);
    expect(a.data.approveRefund).toMatchObject({ status: "APPROVED", transaction: { status: "PAID" } });
    const calls = refundCalls(sale.reference);
    expect(calls.map((c) => c.body)).toEqual([{ transaction: sale.reference, amount: 400, merchant_note: "Slow" }]);
    const providerId = (await refundRow(id)).providerReference!;
    expect(providerId).toMatch(/^\d+$/);

    const processed = refundEvent(sale.reference, providerId, 400, "processed");
    const first = await paystack.sendWebhook(hook, "refund.processed", processed);
    const again = await paystack.sendWebhook(hook, "refund.processed", processed);
    const stale = await paystack.sendWebhook(hook, "refund.failed", refundEvent(sale.reference, providerId, 400, "failed"));
    expect([first.status, again.status, stale.status]).toEqual([200, 200, 200]);
    expect(JSON.parse(again.body)).toMatchObject({ duplicate: true });
    expect(await refundRow(id)).toMatchObject({ status: "COMPLETED", failureReason: null });
    const t = await prisma().transaction.findUniqueOrThrow({ where: { id: dbId(sale.id) } });
    expect(t).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedMinor: 400 });
    expect(await prisma().outboxMessage.count({ where: { transactionId: t.id, subject: "Refund" } })).toBe(1);
    expect(await prisma().paymentEvent.count({ where: { reference: sale.reference, type: "refund.processed" } })).toBe(1);
    // The stale refund.failed is recorded (a replay of it is a duplicate) but says nothing failed.
    await server.app.services.log.flush();
    expect(await prisma().logEntry.count({ where: { model: "Refund", recordId: dbId(id), level: "WARN" } })).toBe(0);
  });

  it("a refund.processed completes only the refund it names: another sale's approved refund keeps waiting", async () => {
    const [one, two] = [await paidSale(700), await paidSale(800)];
    const first = (await requestRefund(server, staff, one.id, { amountMinor: 300 })).data.requestRefund.id;
    const second = (await requestRefund(server, staff, two.id, { amountMinor: 200 })).data.requestRefund.id;
    expect((await server.gql(APPROVE, { id: first }, manager)).data.approveRefund.status).toBe("APPROVED");
    expect((await server.gql(APPROVE, { id: second }, manager)).data.approveRefund.status).toBe("APPROVED");
    const providerId = (await refundRow(first)).providerReference!;
    expect((await paystack.sendWebhook(hook, "refund.processed", refundEvent(one.reference, providerId, 300, "processed"))).status).toBe(200);
    expect(await refundRow(first)).toMatchObject({ status: "COMPLETED" });
    expect(await refundRow(second)).toMatchObject({ status: "APPROVED", completedAt: null });
    expect(await prisma().transaction.findUniqueOrThrow({ where: { id: dbId(two.id) } })).toMatchObject({ status: "PAID", refundedMinor: 0 });
    expect(await prisma().outboxMessage.count({ where: { transactionId: dbId(two.id), subject: "Refund" } })).toBe(0);
  });

  it("decisions racing inside the server (both read REQUESTED / FAILED before either claims): one provider call, one log entry", async () => {
    const [m1, m2] = await prisma().user.findMany({ where: { role: "MANAGER" }, take: 2, orderBy: { createdAt: "asc" } });
    const deciders = [{ userId: m1!.id, label: m1!.username }, { userId: m2!.id, label: m2!.username }];
    const services = server.app.services;
    const logged = async (id: string, word: string) => {
      await services.log.flush();
      const rows = await prisma().logEntry.findMany({ where: { model: "Refund", recordId: dbId(id) } });
      return rows.filter((r) => r.message.includes(word)).length;
    };

    // Approve: both calls load the refund before either's conditional update runs.
    const sale = await paidSale(400);
    const id = (await requestRefund(server, staff, sale.id)).data.requestRefund.id;
    const approved = await Promise.all(deciders.map((who) => approveRefund(services, dbId(id), who, null)));
    expect(approved.map((r) => r.status)).toEqual(["APPROVED", "APPROVED"]);
    expect(refundCalls(sale.reference)).toHaveLength(1);
    expect(await logged(id, "approved by")).toBe(1);

    // Retry after a failure: the same race on FAILED -> APPROVED.
    const providerId = (await refundRow(id)).providerReference!;
    await paystack.sendWebhook(hook, "refund.failed", refundEvent(sale.reference, providerId, 400, "failed"));
    expect((await refundRow(id)).status).toBe("FAILED");
    const retried = await Promise.all(deciders.map((who) => retryRefund(services, dbId(id), who)));
    expect(retried.map((r) => r.status)).toEqual(["APPROVED", "APPROVED"]);
    expect(refundCalls(sale.reference)).toHaveLength(2);
    expect(await logged(id, "retried by")).toBe(1);

    // Reject: one decision, one entry; the loser gets the rejected refund as it is.
    const other = await paidSale(450);
    const rid = (await requestRefund(server, staff, other.id)).data.requestRefund.id;
    const rejected = await Promise.all(deciders.map((who) => rejectRefund(services, dbId(rid), who, "Not our fault")));
    expect(rejected.map((r) => r.status)).toEqual(["REJECTED", "REJECTED"]);
    expect(await logged(rid, "rejected by")).toBe(1);
    expect(refundCalls(other.reference)).toHaveLength(0);
  });

  it("a refund.processed that arrives before the refund call's answer completes it; the late answer changes nothing", async () => {
    const sale = await paidSale(500);
    const id = (await requestRefund(server, staff, sale.id)).data.requestRefund.id;
    paystack.beforeNextRefundAnswer(async (r) => {
      // Paystack's refund payloads may carry no id at all: matched by sale and amount.
      const res = await paystack.sendWebhook(hook, "refund.processed", { status: "processed", transaction_reference: r.reference, amount: String(r.amount), currency: "GHS" });
      expect(res.status).toBe(200);
    });
    const a = await server.gql(APPROVE, { id }, manager);
    expect(a.data.approveRefund).toMatchObject({ status: "COMPLETED", transaction: { status: "REFUNDED", refundedAmount: { amountMinor: 500 } } });
    const v = await prisma().transaction.findUniqueOrThrow({ where: { id: dbId(sale.id) }, include: { voucher: true } });
    expect(v.voucher!.status).toBe("DISABLED");
  });

  it("two managers approving at once: one POST /refund", async () => {
    const sale = await paidSale(300);
    const id = (await requestRefund(server, staff, sale.id)).data.requestRefund.id;
    paystack.setNextRefundStatus("processed");
    const results = await Promise.all([server.gql(APPROVE, { id }, manager), server.gql(APPROVE, { id }, manager2)]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(refundCalls(sale.reference)).toHaveLength(1);
    await waitFor("completed", async () => (await refundRow(id)).status === "COMPLETED");
    expect((await prisma().transaction.findUniqueOrThrow({ where: { id: dbId(sale.id) } })).refundedMinor).toBe(300);
  });

  it("refund.failed makes it FAILED with Paystack's reason (twice: once); a retry sends a new refund that completes", async () => {
    const sale = await paidSale(600);
    const id = (await requestRefund(server, staff, sale.id)).data.requestRefund.id;
    await server.gql(APPROVE, { id }, manager);
    const providerId = (await refundRow(id)).providerReference!;
    const failed = refundEvent(sale.reference, providerId, 600, "failed");
    await paystack.sendWebhook(hook, "refund.failed", failed);
    await paystack.sendWebhook(hook, "refund.failed", failed);
    expect(await refundRow(id)).toMatchObject({ status: "FAILED", failureReason: "Customer wallet is closed" });
    await server.app.services.log.flush();
    expect(await prisma().logEntry.count({ where: { model: "Refund", recordId: dbId(id), level: "WARN" } })).toBe(1);

    paystack.setNextRefundStatus("processed");
    const retried = await server.gql(RETRY, { id }, manager2);
    expect(retried.data.retryRefund).toMatchObject({ status: "COMPLETED", transaction: { status: "REFUNDED" } });
    expect(refundCalls(sale.reference)).toHaveLength(2);
    // The first refund's processed event, late: it names a refund that is settled already.
    const late = await paystack.sendWebhook(hook, "refund.processed", refundEvent(sale.reference, providerId, 600, "processed"));
    expect(late.status).toBe(200);
    expect((await prisma().transaction.findUniqueOrThrow({ where: { id: dbId(sale.id) } })).refundedMinor).toBe(600);
  });

  it("an outage on the refund call is FAILED, saying to check before retrying", async () => {
    const sale = await paidSale(200);
    const id = (await requestRefund(server, staff, sale.id)).data.requestRefund.id;
    paystack.failNext(1);
    const a = await server.gql(APPROVE, { id }, manager);
    expect(a.data.approveRefund.status).toBe("FAILED");
    expect(a.data.approveRefund.failureReason).toMatch(/500 .*check with paystack before retrying/);
    paystack.setNextRefundStatus("processed");
    expect((await server.gql(RETRY, { id }, manager)).data.retryRefund.status).toBe("COMPLETED");
  });
});

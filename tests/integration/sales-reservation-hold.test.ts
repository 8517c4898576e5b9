// How long an online purchase holds its voucher: a short first hold until the provider says
// the charge started, then the full reservation for the customer to approve it. A purchase
// whose charge never starts frees its voucher after the short hold, so a client that cannot
// (or will not) complete payments cannot keep the pool reserved for the full period.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../helpers/server.js";
import type { PaystackStandin } from "../fixtures/paystack-standin.js";
import { confirmHold } from "../../api/modules/sales/reserve.js";
import { buy, seedAllocation, startPaystackShop, waitFor, type PaystackShop } from "./sales-seed.js";

const SHORT_S = 45;
const FULL_MIN = 15;
let shop: PaystackShop;
let server: TestServer;
let paystack: PaystackStandin;

beforeAll(async () => {
  shop = await startPaystackShop({ RESERVATION_UNCONFIRMED_SECONDS: String(SHORT_S), RESERVATION_MINUTES: String(FULL_MIN), RECONCILE_INTERVAL_MS: "50" });
  ({ server, paystack } = shop);
});
afterAll(async () => {
  await shop?.close();
});

const saleOf = (reference: string) => server.app.services.prisma.transaction.findUniqueOrThrow({ where: { reference }, include: { voucher: true } });
/** Seconds from the sale's creation to the end of its hold, on the sale and on its voucher. */
const holdSeconds = async (reference: string) => {
  const t = await saleOf(reference);
  const of = (d: Date | null | undefined) => (d ? Math.round((d.getTime() - t.createdAt.getTime()) / 1000) : null);
  return { sale: of(t.expiresAt), voucher: of(t.voucher?.reservedUntil), status: t.status };
};
const near = (seconds: number | null, expected: number) => seconds !== null && Math.abs(seconds - expected) <= 5;

describe("reservation holds", () => {
  it("a charge the provider started gets the full reservation, on the sale and its voucher", async () => {
    const bundle = await seedAllocation(server, { vouchers: 2 });
    const r = await buy(server, bundle.id);
    expect(r.errors).toBeUndefined();
    const hold = await holdSeconds(r.data.purchase.transaction.reference);
    expect(hold.status).toBe("PENDING");
    expect(near(hold.sale, FULL_MIN * 60)).toBe(true);
    expect(hold.voucher).toBe(hold.sale);
  });

  it("a charge that never reached the provider holds its voucher only briefly, then frees it", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    paystack.failNext(1);
    const r = await buy(server, bundle.id);
    expect(r.errors).toBeUndefined();
    const { reference } = r.data.purchase.transaction;
    const hold = await holdSeconds(reference);
    expect(hold.status).toBe("PENDING");
    expect(near(hold.sale, SHORT_S)).toBe(true);
    expect(hold.voucher).toBe(hold.sale);

    // The short hold ends (moved into the past rather than waited for): the provider has no
    // such charge, so the reconciler fails the sale and the voucher is free for the next buyer.
    const prisma = server.app.services.prisma;
    await prisma.transaction.update({ where: { reference }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await waitFor("the sale failed", async () => (await saleOf(reference)).status === "FAILED");
    expect(await prisma.voucher.count({ where: { allocationId: bundle.dbId, status: "AVAILABLE", reservedUntil: null } })).toBe(1);
    const next = await buy(server, bundle.id);
    expect(next.errors).toBeUndefined();
    expect(next.data.purchase.transaction.status).toBe("PENDING");
  });

  it("a charge that started though the purchase never heard so gets the full reservation from the reconciler", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    paystack.failNext(1);
    const r = await buy(server, bundle.id);
    const { reference } = r.data.purchase.transaction;
    const before = await holdSeconds(reference);
    expect(near(before.sale, SHORT_S)).toBe(true);
    // The customer's prompt went out after all (the answer was lost): Paystack knows the charge.
    const t = await saleOf(reference);
    paystack.transactions.set(reference, {
      id: 9_000_001, reference, amount: t.amountMinor, currency: "GHS", status: "pay_offline", gateway_response: "Awaiting authorization",
      email: "buyer@example.com", mobile_money: { phone: t.phoneNumber, provider: "mtn" }, refunded: 0,
    });
    await server.app.services.prisma.transaction.update({ where: { reference }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const hold = await waitFor("the hold extended", async () => {
      const h = await holdSeconds(reference);
      return h.sale !== null && h.sale > SHORT_S ? h : null;
    });
    expect(hold.status).toBe("PENDING");
    expect(near(hold.sale, FULL_MIN * 60)).toBe(true);
    expect(hold.voucher).toBe(hold.sale);
  });

  it("a charge still pending at the provider after the full reservation fails and frees the voucher", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const r = await buy(server, bundle.id);
    const { reference } = r.data.purchase.transaction;
    const prisma = server.app.services.prisma;
    // Created a full reservation ago: the provider still says pending, so it is not extended again.
    const past = new Date(Date.now() - (FULL_MIN * 60 + 5) * 1000);
    await prisma.transaction.update({ where: { reference }, data: { createdAt: past, expiresAt: new Date(Date.now() - 1000) } });
    await waitFor("the sale failed", async () => (await saleOf(reference)).status === "FAILED");
    expect(await prisma.voucher.count({ where: { allocationId: bundle.dbId, status: "AVAILABLE", reservedUntil: null } })).toBe(1);
  });

  it("confirming a hold never shortens it, and never touches a voucher another sale holds now", async () => {
    const prisma = server.app.services.prisma;
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const { reference } = (await buy(server, bundle.id)).data.purchase.transaction;
    const sale = await saleOf(reference);
    const long = sale.expiresAt!;
    // A confirmation computed before the hold was last extended: an earlier end than the current one.
    const earlier = new Date(long.getTime() - 60_000);
    await prisma.$transaction((tx) => confirmHold(tx, { id: sale.id, voucherId: sale.voucherId }, earlier));
    const after = await saleOf(reference);
    expect(after.expiresAt).toEqual(long);
    expect(after.voucher!.reservedUntil).toEqual(long);

    // A stale confirmation of a sale that has failed since: its voucher went to another buyer.
    const past = new Date(Date.now() - (FULL_MIN * 60 + 5) * 1000);
    await prisma.transaction.update({ where: { reference }, data: { createdAt: past, expiresAt: new Date(Date.now() - 1000) } });
    await waitFor("the sale failed", async () => (await saleOf(reference)).status === "FAILED");
    const next = (await buy(server, bundle.id)).data.purchase.transaction.reference;
    const other = await saleOf(next);
    expect(other.voucherId).toBe(sale.voucherId);
    await prisma.$transaction((tx) => confirmHold(tx, { id: sale.id, voucherId: sale.voucherId }, new Date(Date.now() + 3 * 3_600_000)));
    expect((await saleOf(next)).voucher!.reservedUntil).toEqual(other.voucher!.reservedUntil);
    expect((await saleOf(reference)).status).toBe("FAILED");
  });
});

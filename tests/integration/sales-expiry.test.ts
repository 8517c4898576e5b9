// Reservation expiry and the reconciler: unpaid holds are released, payments the provider
// knows about are sold, and a payment that arrives after the sale failed is still honoured.
import { afterAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { SANDBOX_DEFAULT_WEBHOOK_SECRET, signBody } from "../../api/drivers/payments/index.js";
import { NO_VOUCHER_REASON } from "../../api/modules/sales/settle.js";
import { buy, CONFIRM, seedAllocation, waitFor } from "./sales-seed.js";
import { setUpFile } from "../helpers/setup.js";

let server: TestServer;
let staff: string;
// Short holds for the plain expiry test; a long one where a test must act before expiry
// and then expires the sale itself (so a busy machine cannot make it flaky).
let quick: TestServer;

setUpFile(async () => {
  const env = { SANDBOX_MODE: "pending", RECONCILE_INTERVAL_MS: "40", OUTBOX_POLL_MS: "40" };
  [quick, server] = await Promise.all([
    startTestServer({ env: { ...env, RESERVATION_MINUTES: "0.002" } }),
    startTestServer({ env: { ...env, RESERVATION_MINUTES: "10" } }),
  ]);
  staff = await server.tokenFor("STAFF");
});
afterAll(() => Promise.all([server?.stop(), quick?.stop()]));

/** The whole reservation runs out now (instead of waiting RESERVATION_MINUTES): made that long ago. */
const expire = (reference: string) =>
  server.app.services.prisma.transaction.update({
    where: { reference },
    data: { createdAt: new Date(Date.now() - 16 * 60_000), expiresAt: new Date(Date.now() - 1000) },
  });

const sale = (reference: string) => server.app.services.prisma.transaction.findUniqueOrThrow({ where: { reference } });
const settledSale = (reference: string) => waitFor(`${reference} settled`, async () => ((await sale(reference)).status !== "PENDING" ? sale(reference) : null));

async function sandboxWebhook(event: string, reference: string) {
  const raw = JSON.stringify({ event, data: { id: `SBX-${reference}`, reference, status: "success" } });
  return fetch(`${server.url}/webhooks/payments/sandbox`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-sandbox-signature": signBody(SANDBOX_DEFAULT_WEBHOOK_SECRET, raw) },
    body: raw,
  });
}

describe("reservation expiry", () => {
  it("an unpaid reservation expires: the sale fails and the voucher is released", async () => {
    const prisma = quick.app.services.prisma;
    const bundle = await seedAllocation(quick, { vouchers: 1 });
    const r = await buy(quick, bundle.id);
    expect(r.errors).toBeUndefined();
    expect(r.data.purchase.instructions).toMatch(/approve/);
    const reference = r.data.purchase.transaction.reference;
    const held = await prisma.voucher.findFirstOrThrow({ where: { allocationId: bundle.dbId } });
    const t = await waitFor("expiry", async () => {
      const x = await prisma.transaction.findUniqueOrThrow({ where: { reference } });
      return x.status !== "PENDING" ? x : null;
    });
    expect(t).toMatchObject({ status: "FAILED", failureReason: "Payment not received in time", voucherId: null });
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "AVAILABLE", reservedUntil: null });
  });

  it("a payment the provider confirms by the deadline is sold by the reconciler", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const reference = (await buy(server, bundle.id)).data.purchase.transaction.reference;
    server.app.services.payments.sandbox.settle(reference, "PAID");
    await expire(reference);
    const t = await settledSale(reference);
    expect(t.status).toBe("PAID");
    expect(t.providerReference).toBe(`SBX-${reference}`);
    expect((await server.app.services.prisma.voucher.findUniqueOrThrow({ where: { id: t.voucherId! } })).status).toBe("SOLD");
  });

  it("a sale the provider says is paid is never failed, even when applying the payment fails", async () => {
    const prisma = server.app.services.prisma;
    const bundle = await seedAllocation(server, { vouchers: 2 });
    const paid = (await buy(server, bundle.id)).data.purchase.transaction.reference as string;
    const other = (await buy(server, bundle.id)).data.purchase.transaction.reference as string;
    // Another sale already carries the provider's id for this payment (a mistyped receipt, say):
    // markPaid refuses it with CONFLICT.
    await prisma.transaction.update({ where: { reference: paid }, data: { providerReference: null } });
    await prisma.transaction.update({ where: { reference: other }, data: { providerReference: `SBX-${paid}` } });
    server.app.services.payments.sandbox.settle(paid, "PAID");
    await expire(paid);
    const entry = await waitFor("the ERROR entry", () =>
      prisma.logEntry.findFirst({ where: { kind: "PAYMENT", level: "ERROR", message: { contains: `${paid}: paid at sandbox` } } }),
    );
    expect(entry.message).toMatch(/could not be applied .*kept pending/);
    const t = await sale(paid);
    expect(t.status).toBe("PENDING");
    expect(t.voucherId).not.toBeNull();
  });

  it("an unconfirmed cash sale expires too", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const reference = (await buy(server, bundle.id, { provider: "cash" }, { token: staff })).data.purchase.transaction.reference;
    await expire(reference);
    expect((await settledSale(reference)).status).toBe("FAILED");
  });

  it("a success arriving after expiry still sells, with another voucher if the first is gone", async () => {
    const bundle = await seedAllocation(server, { vouchers: 2 });
    const reference = (await buy(server, bundle.id)).data.purchase.transaction.reference;
    const first = (await sale(reference)).voucherId!;
    await expire(reference);
    expect((await settledSale(reference)).status).toBe("FAILED");
    // Meanwhile the released voucher was disabled: the late payment needs the other one.
    await server.app.services.prisma.voucher.update({ where: { id: first }, data: { status: "DISABLED" } });
    const res = await sandboxWebhook("charge.success", reference);
    expect(res.status).toBe(200);
    const t = await sale(reference);
    expect(t).toMatchObject({ status: "PAID", failureReason: null });
    expect(t.voucherId).not.toBe(first);
    expect((await server.app.services.prisma.voucher.findUniqueOrThrow({ where: { id: t.voucherId! } })).status).toBe("SOLD");
  });

  it("a payment for a sale whose held voucher was disabled meanwhile sells another; the disabled one stays disabled", async () => {
    const prisma = server.app.services.prisma;
    const bundle = await seedAllocation(server, { vouchers: 2 });
    const reference = (await buy(server, bundle.id)).data.purchase.transaction.reference;
    const held = (await sale(reference)).voucherId!;
    // Staff disable the held card (it was damaged, say) while the buyer approves the charge.
    await prisma.voucher.update({ where: { id: held }, data: { status: "DISABLED" } });
    expect((await sandboxWebhook("charge.success", reference)).status).toBe(200);
    const t = await sale(reference);
    expect(t).toMatchObject({ status: "PAID", failureReason: null });
    expect(t.voucherId).not.toBeNull();
    expect(t.voucherId).not.toBe(held);
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: held } })).toMatchObject({ status: "DISABLED" });
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: t.voucherId! } })).toMatchObject({ status: "SOLD", reservedUntil: null });
  });

  it("a success after expiry with no voucher left is PAID, flagged, and logged as an error", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const late = (await buy(server, bundle.id)).data.purchase.transaction.reference;
    await expire(late);
    expect((await settledSale(late)).status).toBe("FAILED");
    // Meanwhile the only voucher is sold at the counter.
    const counter = (await buy(server, bundle.id, { provider: "cash" }, { token: staff })).data.purchase.transaction.reference;
    expect((await server.gql(CONFIRM, { input: { reference: counter, providerReference: "R-1" } }, { token: staff })).errors).toBeUndefined();

    expect((await sandboxWebhook("charge.success", late)).status).toBe(200);
    const t = await sale(late);
    expect(t).toMatchObject({ status: "PAID", voucherId: null, failureReason: NO_VOUCHER_REASON });
    await server.app.services.log.flush();
    const errors = await server.app.services.prisma.logEntry.findMany({ where: { kind: "PAYMENT", level: "ERROR", recordId: t.id } });
    expect(errors.map((e) => e.message)).toEqual([`${late} paid but no voucher: none available for the bundle`]);
    // The buyer is told the payment arrived; that is not a voucher delivery.
    const sms = await waitFor("sms sent", () => server.app.services.prisma.outboxMessage.findFirst({ where: { transactionId: t.id, channel: "SMS", status: "SENT" } }));
    expect(sms.body).toMatch(/being prepared/);
    expect((await sale(late)).voucherDelivered).toBe(false);
  });
});

// A sale is paid once, whichever way the second claim to it comes. Each case reaches an
// already PAID (or being paid) sale by a route no earlier check stops: a webhook with a new
// provider event id (the event dedupe does not know it), confirmPayment calls at once (each
// reads PENDING before the other writes), the purchase's own PAID answer arriving after the
// webhook settled it. Only settle's conditional claim is left to hold, and the sale must be
// unchanged: one voucher, one SMS, one "paid" entry in the log. All over HTTP, against the
// real Paystack adapter talking to a stand-in.
import { afterAll, describe, expect, it } from "vitest";
import type { PaystackStandin } from "../fixtures/paystack-standin.js";
import type { SmsStandin } from "../fixtures/sms-standin.js";
import { codesOf, type TestServer } from "../helpers/server.js";
import { buy, CONFIRM, seedAllocation, startPaystackShop, waitFor, type PaystackShop } from "./sales-seed.js";
import { setUpFile } from "../helpers/setup.js";

let server: TestServer;
let paystack: PaystackStandin;
let sms: SmsStandin;
let staff: string;
let manager: string;
let hook: string;

let shop: PaystackShop;

setUpFile(async () => {
  shop = await startPaystackShop();
  ({ server, paystack, sms, hook } = shop);
  staff = await server.tokenFor("STAFF");
  manager = await server.tokenFor("MANAGER");
});
afterAll(async () => {
  await shop?.close();
});

type Sale = {
  id: string;
  status: string;
  paidAt: string | null;
  providerReference: string | null;
  voucher: { id: string; username: string; status: string } | null;
  notifications: { channel: string; recipient: string }[];
};

/** The sale, its bundle's sold vouchers and its "paid" log entries, as a manager sees them. */
async function paidState(reference: string, allocationId: string) {
  await server.app.services.log.flush();
  const r = await server.gql(
    `query($r: String!, $a: ID!) {
      transactionByReference(reference: $r) { id status paidAt providerReference voucher { id username status } notifications { channel recipient } }
      vouchers(filter: { allocationId: $a, status: [SOLD] }) { totalCount }
      logs(first: 200, filter: { kinds: [PAYMENT], model: "Transaction" }) { edges { node { message } } }
    }`,
    { r: reference, a: allocationId },
    { token: manager },
  );
  expect(r.errors).toBeUndefined();
  const sale = r.data.transactionByReference as Sale;
  const paidEntries = (r.data.logs.edges as { node: { message: string } }[]).map((e) => e.node.message).filter((m) => m.startsWith(`${reference} paid`));
  return { sale, soldVouchers: r.data.vouchers.totalCount as number, paidEntries, sms: sale.notifications.filter((n) => n.channel === "SMS") };
}

/** Exactly one payment: PAID, one sold voucher (the sale's), one SMS queued, one "paid" entry. */
function expectPaidOnce(state: Awaited<ReturnType<typeof paidState>>, providerReference: string) {
  expect(state.sale).toMatchObject({ status: "PAID", providerReference, voucher: { status: "SOLD" } });
  expect(state.soldVouchers).toBe(1);
  expect(state.sms).toHaveLength(1);
  expect(state.paidEntries).toHaveLength(1);
}

/** The SMS stand-in received exactly one message for this phone, carrying the sale's voucher. */
async function expectOneSmsDelivered(recipient: string, sale: Sale) {
  await waitFor("the voucher SMS", () => sms.messages.some((m) => m.recipient === recipient));
  const got = sms.messages.filter((m) => m.recipient === recipient);
  expect(got).toHaveLength(1);
  expect(got[0]!.message).toContain(sale.voucher!.username);
}

const successData = (reference: string, id: number) => {
  const t = paystack.transactions.get(reference)!;
  return { id, reference, amount: t.amount, currency: "GHS", status: "success", gateway_response: "Approved" };
};

describe("a second route to an already paid sale changes nothing", () => {
  it("a charge.success webhook with a new provider event id", async () => {
    const bundle = await seedAllocation(server, { vouchers: 3 });
    const sale = (await buy(server, bundle.id, { phoneNumber: "0551110001" })).data.purchase.transaction;
    expect(sale.status).toBe("PENDING");
    paystack.setTransactionStatus(sale.reference, "success");
    const firstId = paystack.transactions.get(sale.reference)!.id;
    expect((await paystack.sendWebhook(hook, "charge.success", successData(sale.reference, firstId))).status).toBe(200);
    const before = await paidState(sale.reference, bundle.id);
    expectPaidOnce(before, String(firstId));

    // Another event for the same reference: a new id, so the event dedupe lets it through.
    const second = await paystack.sendWebhook(hook, "charge.success", successData(sale.reference, firstId + 1000));
    expect(second.status).toBe(200);
    expect(JSON.parse(second.body)).toMatchObject({ received: true, status: "PAID" });
    const after = await paidState(sale.reference, bundle.id);
    expectPaidOnce(after, String(firstId));
    expect(after.sale).toEqual(before.sale);
    await expectOneSmsDelivered("233551110001", after.sale);
  });

  it("confirmPayment sent several times at once, with the same and with another receipt", async () => {
    const bundle = await seedAllocation(server, { vouchers: 6 });
    const sale = (await buy(server, bundle.id, { phoneNumber: "0551110002" })).data.purchase.transaction;
    expect(sale.status).toBe("PENDING");
    // The database is held busy (as a long write would) until all six requests are waiting
    // on it: then each reads the sale while it is still PENDING, before any of them settles.
    let release!: () => void;
    const busy = new Promise<void>((r) => (release = r));
    const held = server.app.services.db.exclusive(() => busy);
    const ids = ["A", "B", "A", "B", "A", "B"].map((receipt, i) => ({ receipt: `RCPT-${receipt}`, requestId: `confirm-${sale.reference}-${i}` }));
    const sent = ids.map(({ receipt, requestId }) =>
      server.gql(CONFIRM, { input: { reference: sale.reference, providerReference: receipt } }, { token: staff, headers: { "x-request-id": requestId } }),
    );
    await waitFor("six confirmations waiting on the database", () => ids.every(({ requestId }) => server.app.services.db.stats.forRequest(requestId) > 0));
    release();
    await held;
    const answers = await Promise.all(sent);
    const ok = answers.filter((r) => !r.errors);
    const winner = ok[0]!.data.confirmPayment.providerReference as string;
    // Every confirmation with the winning receipt answers the paid sale; every other one is
    // told the sale is already paid, with which receipt.
    expect(ok.every((r) => r.data.confirmPayment.status === "PAID" && r.data.confirmPayment.providerReference === winner)).toBe(true);
    expect(ok).toHaveLength(3);
    const refused = answers.filter((r) => r.errors);
    expect(refused.map(codesOf)).toEqual([["CONFLICT"], ["CONFLICT"], ["CONFLICT"]]);
    expect(refused.every((r) => r.errors![0]!.message.includes(`already paid (payment reference ${winner})`))).toBe(true);
    const state = await paidState(sale.reference, bundle.id);
    expectPaidOnce(state, winner);
    await expectOneSmsDelivered("233551110002", state.sale);
  });

  it("the purchase's own PAID answer arriving after the webhook settled the sale", async () => {
    const bundle = await seedAllocation(server, { vouchers: 3 });
    let webhook: { status: number; body: string } | undefined;
    paystack.setNextChargeStatus("success");
    // The provider tells us by webhook before it answers the charge call.
    paystack.beforeNextChargeAnswer(async (t) => {
      webhook = await paystack.sendWebhook(hook, "charge.success", successData(t.reference, t.id));
    });
    const r = await buy(server, bundle.id, { phoneNumber: "0551110003" });
    expect(r.errors).toBeUndefined();
    expect(webhook?.status).toBe(200);
    expect(JSON.parse(webhook!.body)).toMatchObject({ received: true, status: "PAID" });
    const sale = r.data.purchase.transaction;
    expect(sale.status).toBe("PAID");
    const state = await paidState(sale.reference, bundle.id);
    expectPaidOnce(state, String(paystack.transactions.get(sale.reference)!.id));
    // The webhook's settlement is the one recorded; the purchase's answer changed nothing.
    expect(state.paidEntries).toEqual([`${sale.reference} paid via paystack (webhook)`]);
    await expectOneSmsDelivered("233551110003", state.sale);
  });
});

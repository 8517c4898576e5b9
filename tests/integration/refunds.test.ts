// Refunds through the real server and the sandbox / cash providers: the amount rules,
// partial then remainder, idempotency, four eyes, roles, double and concurrent approvals,
// failure then retry, and the sale, voucher, SMS and log that follow.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, startTestServer, type Auth, type TestServer } from "../helpers/server.js";
import { CONFIRM, buy, seedAllocation, waitFor } from "./sales-seed.js";
import { APPROVE, REJECT, RETRY, dbId, paidSale, requestRefund } from "./refunds-seed.js";
import { setUpFile } from "../helpers/setup.js";

let server: TestServer;
let admin: Auth;
const prisma = () => server.app.services.prisma;

setUpFile(async () => {
  server = await startTestServer({ env: { OUTBOX_POLL_MS: "20" } });
  admin = { token: server.adminToken };
});
afterAll(() => server?.stop());

const refundRows = () => prisma().refund.count();
/** Every refund but this one, with what a decision on this one must not change. */
const otherRefunds = (globalId: string) =>
  prisma().refund.findMany({ where: { id: { not: dbId(globalId) } }, select: { id: true, status: true, decidedById: true, failureReason: true }, orderBy: { id: "asc" } });
const refundEntries = async (refundGlobalId: string) => {
  await server.app.services.log.flush();
  return prisma().logEntry.findMany({ where: { kind: "PAYMENT", model: "Refund", recordId: dbId(refundGlobalId) }, orderBy: { sequence: "asc" } });
};

describe("four eyes with a lone admin", () => {
  // First in the file: the admin is still the only user who may decide.
  it("the only admin may decide their own request (staff do not count as deciders), and the log says so (WARN)", async () => {
    await server.tokenFor("STAFF");
    const bundle = await seedAllocation(server, { vouchers: 1, priceMinor: 300 });
    const sale = await paidSale(server, bundle.id);
    const r = await requestRefund(server, admin, sale.id);
    expect(r.errors).toBeUndefined();
    const approved = await server.gql(APPROVE, { id: r.data.requestRefund.id }, admin);
    expect(approved.errors).toBeUndefined();
    expect(approved.data.approveRefund.status).toBe("COMPLETED");
    const entries = await refundEntries(r.data.requestRefund.id);
    expect(entries.filter((e) => e.level === "WARN").map((e) => e.message)).toEqual([
      `${sale.reference}: admin decides a refund they requested themselves (no other manager or admin exists)`,
    ]);
  });
});

describe("refunds", () => {
  let staff: Auth;
  let manager: Auth;
  let manager2: Auth;
  beforeAll(async () => {
    staff = { token: await server.tokenFor("STAFF") };
    manager = { token: await server.tokenFor("MANAGER") };
    manager2 = { token: await server.tokenFor("MANAGER") };
  });

  it("refuses bad amounts and sales with BAD_USER_INPUT and writes nothing", async () => {
    const bundle = await seedAllocation(server, { vouchers: 4, priceMinor: 500 });
    const paid = await paidSale(server, bundle.id);
    const pending = await paidSale(server, bundle.id, "0241119999"); // the sandbox keeps ...9999 pending
    await buy(server, bundle.id, { phoneNumber: "0241110000" }); // ...0000 fails
    const failed = await prisma().transaction.findFirstOrThrow({ where: { phoneNumber: "0241110000", status: "FAILED", allocationId: bundle.dbId } });
    const failedId = Buffer.from(`Transaction:${failed.id}`).toString("base64");
    expect(pending.status).toBe("PENDING");

    const table: { name: string; id: string; amountMinor?: number | null; reason?: string; code: string; message: RegExp }[] = [
      { name: "zero", id: paid.id, amountMinor: 0, code: "BAD_USER_INPUT", message: /positive number of pesewas/ },
      { name: "negative", id: paid.id, amountMinor: -50, code: "BAD_USER_INPUT", message: /positive/ },
      { name: "more than paid", id: paid.id, amountMinor: 501, code: "BAD_USER_INPUT", message: /At most GHS 5\.00 of GHS 5\.00/ },
      { name: "empty reason", id: paid.id, amountMinor: 100, reason: "   ", code: "BAD_USER_INPUT", message: /Say why/ },
      { name: "pending sale", id: pending.id, code: "BAD_USER_INPUT", message: /is pending: only a paid sale/ },
      { name: "failed sale", id: failedId, code: "BAD_USER_INPUT", message: /is failed: only a paid sale/ },
      { name: "not a sale id", id: bundle.id, code: "BAD_USER_INPUT", message: /Expected a Transaction id/ },
      { name: "unknown sale", id: Buffer.from("Transaction:cl0000000000000000000000").toString("base64"), code: "NOT_FOUND", message: /Sale not found/ },
    ];
    const before = await refundRows();
    for (const c of table) {
      const r = await requestRefund(server, staff, c.id, { amountMinor: c.amountMinor, reason: c.reason });
      expect(codesOf(r), c.name).toEqual([c.code]);
      expect(r.errors![0]!.message, c.name).toMatch(c.message);
    }
    expect(await refundRows()).toBe(before);

    // Refunds awaiting a decision count: 300 requested leaves 200.
    const first = await requestRefund(server, staff, paid.id, { amountMinor: 300 });
    expect(first.data.requestRefund).toMatchObject({ status: "REQUESTED", amount: { amountMinor: 300 }, transaction: { refundableAmount: { amountMinor: 200 } } });
    const over = await requestRefund(server, staff, paid.id, { amountMinor: 201 });
    expect(codesOf(over)).toEqual(["BAD_USER_INPUT"]);
    expect(over.errors![0]!.message).toMatch(/At most GHS 2\.00 of GHS 5\.00 .* awaiting a decision/);
    const rest = await requestRefund(server, staff, paid.id);
    expect(rest.data.requestRefund.amount.amountMinor).toBe(200);
    const nothing = await requestRefund(server, staff, paid.id);
    expect(nothing.errors![0]!.message).toMatch(/nothing left to refund/);
    expect(await refundRows()).toBe(before + 2);
  });

  it("partial, then the remainder: PARTIALLY_REFUNDED, then REFUNDED with the voucher disabled, an SMS each and every step logged", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1, priceMinor: 500 });
    const sale = await paidSale(server, bundle.id, "0245550101");
    const part = await requestRefund(server, staff, sale.id, { amountMinor: 200, reason: "Slow connection" });
    const a = await server.gql(APPROVE, { id: part.data.requestRefund.id, note: "ok" }, manager);
    expect(a.errors).toBeUndefined();
    expect(a.data.approveRefund).toMatchObject({
      status: "COMPLETED",
      decisionNote: "ok",
      transaction: { status: "PARTIALLY_REFUNDED", refundedAmount: { amountMinor: 200 }, refundableAmount: { amountMinor: 300 } },
    });
    const t = await prisma().transaction.findUniqueOrThrow({ where: { reference: sale.reference }, include: { voucher: true } });
    expect(t.voucher!.status).toBe("SOLD");

    const rest = await requestRefund(server, staff, sale.id, { reason: "Never worked" });
    expect(rest.data.requestRefund.amount.amountMinor).toBe(300);
    const b = await server.gql(APPROVE, { id: rest.data.requestRefund.id }, manager);
    expect(b.data.approveRefund.transaction).toMatchObject({ status: "REFUNDED", refundedAmount: { amountMinor: 500 }, refundableAmount: { amountMinor: 0 } });
    const after = await prisma().transaction.findUniqueOrThrow({ where: { reference: sale.reference }, include: { voucher: true } });
    expect(after.voucher!.status).toBe("DISABLED");
    expect(codesOf(await requestRefund(server, staff, sale.id, { amountMinor: 1 }))).toEqual(["BAD_USER_INPUT"]);

    const sms = await waitFor("two refund SMS sent", async () => {
      const rows = await prisma().outboxMessage.findMany({ where: { transactionId: t.id, subject: "Refund", status: "SENT" }, orderBy: { createdAt: "asc" } });
      return rows.length === 2 && rows;
    });
    expect(sms.map((m) => m.body)).toEqual([
      `Chillzone: GHS 2.00 for ref ${sale.reference} has been sent back to your test account.`,
      `Chillzone: GHS 3.00 for ref ${sale.reference} has been sent back to your test account. The voucher for this purchase no longer works.`,
    ]);
    expect((await refundEntries(rest.data.requestRefund.id)).map((e) => e.message)).toEqual([
      `${sale.reference}: refund of GHS 3.00 requested: Never worked`,
      expect.stringMatching(new RegExp(`^${sale.reference}: refund of GHS 3\\.00 approved by manager`)),
      `${sale.reference}: refund of GHS 3.00 completed via sandbox (approve); sale refunded, GHS 5.00 refunded in all`,
    ]);
    await server.app.services.log.flush();
    expect(await prisma().logEntry.count({ where: { kind: "ROUTER", recordId: after.voucher!.id, message: { contains: "disabled" } } })).toBe(1);
  });

  it("idempotency: the same key is the same refund (also at once); other details under it are a CONFLICT", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1, priceMinor: 400 });
    const sale = await paidSale(server, bundle.id);
    const key = randomUUID();
    const [x, y] = await Promise.all([
      requestRefund(server, staff, sale.id, { amountMinor: 100, idempotencyKey: key }),
      requestRefund(server, staff, sale.id, { amountMinor: 100, idempotencyKey: key }),
    ]);
    const again = await requestRefund(server, staff, sale.id, { amountMinor: 100, idempotencyKey: key });
    expect([x, y, again].map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(new Set([x, y, again].map((r) => r.data.requestRefund.id)).size).toBe(1);
    for (const other of [{ amountMinor: 150 }, { amountMinor: 100, reason: "Another reason" }]) {
      const r = await requestRefund(server, staff, sale.id, { ...other, idempotencyKey: key });
      expect(codesOf(r)).toEqual(["CONFLICT"]);
      expect(r.errors![0]!.message).toMatch(/already used for a different refund/);
    }
    expect(await prisma().refund.count({ where: { transactionId: dbId(sale.id) } })).toBe(1);
  });

  it("four eyes: the requester may not approve or reject; another manager may", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1, priceMinor: 300 });
    const sale = await paidSale(server, bundle.id);
    const r = await requestRefund(server, manager, sale.id);
    const id = r.data.requestRefund.id;
    for (const [q, vars] of [[APPROVE, { id }], [REJECT, { id, note: "no" }]] as const) {
      const own = await server.gql(q, vars, manager);
      expect(codesOf(own)).toEqual(["FORBIDDEN"]);
      expect(own.errors![0]!.message).toMatch(/You requested this refund, so another manager or admin must/);
    }
    expect((await prisma().refund.findUniqueOrThrow({ where: { id: dbId(id) } })).status).toBe("REQUESTED");
    const other = await server.gql(APPROVE, { id }, manager2);
    expect(other.data.approveRefund).toMatchObject({ status: "COMPLETED", requestedBy: { username: expect.stringMatching(/^manager/) }, decidedBy: { username: expect.stringMatching(/^manager/) } });
    expect(other.data.approveRefund.decidedBy.username).not.toBe(other.data.approveRefund.requestedBy.username);
  });

  it("roles: staff request but do not decide, anonymous callers are told to log in; rejecting needs a note and is final", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1, priceMinor: 300 });
    const sale = await paidSale(server, bundle.id);
    expect(codesOf(await requestRefund(server, {}, sale.id))).toEqual(["UNAUTHENTICATED"]);
    const r = await requestRefund(server, staff, sale.id);
    const id = r.data.requestRefund.id;
    expect(codesOf(await server.gql(APPROVE, { id }, staff))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await server.gql(REJECT, { id, note: "no" }, staff))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await server.gql(APPROVE, { id }, {}))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await server.gql(RETRY, { id }, staff))).toEqual(["FORBIDDEN"]);
    const noNote = await server.gql(REJECT, { id, note: "  " }, manager);
    expect(codesOf(noNote)).toEqual(["BAD_USER_INPUT"]);
    expect(noNote.errors![0]!.message).toMatch(/Write a note/);
    const others = await otherRefunds(id);
    const rejected = await server.gql(REJECT, { id, note: "Voucher was used for 3 hours" }, manager);
    expect(rejected.data.rejectRefund).toMatchObject({ status: "REJECTED", decisionNote: "Voucher was used for 3 hours", decidedBy: { username: expect.stringMatching(/^manager/) }, transaction: { status: "PAID", refundableAmount: { amountMinor: 300 } } });
    // The decision is about this refund only.
    expect(await otherRefunds(id)).toEqual(others);
    expect(codesOf(await server.gql(APPROVE, { id }, manager))).toEqual(["CONFLICT"]);
    expect(codesOf(await server.gql(REJECT, { id, note: "again" }, manager2))).toEqual([]);
    expect((await prisma().transaction.findUniqueOrThrow({ where: { id: dbId(sale.id) } })).refundedMinor).toBe(0);
  });

  it("two managers approving at once, and a double click: one refund, one completion, one SMS", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1, priceMinor: 700 });
    const sale = await paidSale(server, bundle.id);
    const id = (await requestRefund(server, staff, sale.id)).data.requestRefund.id;
    const results = await Promise.all([server.gql(APPROVE, { id }, manager), server.gql(APPROVE, { id }, manager2), server.gql(APPROVE, { id }, manager)]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    await waitFor("completed", async () => (await prisma().refund.findUniqueOrThrow({ where: { id: dbId(id) } })).status === "COMPLETED");
    const t = await prisma().transaction.findUniqueOrThrow({ where: { id: dbId(sale.id) } });
    expect(t).toMatchObject({ status: "REFUNDED", refundedMinor: 700 });
    expect(await prisma().outboxMessage.count({ where: { transactionId: t.id, subject: "Refund" } })).toBe(1);
    const entries = await refundEntries(id);
    expect(entries.filter((e) => e.message.includes("approved by")).length).toBe(1);
    expect(entries.filter((e) => e.message.includes("completed via")).length).toBe(1);
  });

  it("a provider failure is FAILED with its reason; a retry completes it; a retry the money no longer allows is refused", async () => {
    const sandbox = server.app.services.payments.sandbox;
    const bundle = await seedAllocation(server, { vouchers: 2, priceMinor: 600 });
    const sale = await paidSale(server, bundle.id);
    const id = (await requestRefund(server, staff, sale.id, { amountMinor: 250 })).data.requestRefund.id;
    sandbox.refundMode = "fail";
    try {
      const failed = await server.gql(APPROVE, { id }, manager);
      expect(failed.data.approveRefund).toMatchObject({ status: "FAILED", failureReason: "sandbox: refund declined", transaction: { status: "PAID", refundableAmount: { amountMinor: 600 } } });
      // Approving again does not call the provider again; retrying does.
      expect((await server.gql(APPROVE, { id }, manager2)).data.approveRefund.status).toBe("FAILED");
    } finally {
      sandbox.refundMode = "succeed";
    }
    const retried = await server.gql(RETRY, { id }, manager2);
    expect(retried.data.retryRefund).toMatchObject({ status: "COMPLETED", failureReason: null, transaction: { status: "PARTIALLY_REFUNDED", refundedAmount: { amountMinor: 250 } } });
    expect(codesOf(await server.gql(RETRY, { id }, manager2))).toEqual([]);
    expect((await refundEntries(id)).map((e) => e.level)).toEqual(["INFO", "INFO", "WARN", "INFO", "INFO"]);

    // A failed refund holds no money: once another refund takes it, the failed one cannot come back.
    const other = await paidSale(server, bundle.id);
    const small = (await requestRefund(server, staff, other.id, { amountMinor: 400 })).data.requestRefund.id;
    sandbox.refundMode = "fail";
    try {
      await server.gql(APPROVE, { id: small }, manager);
    } finally {
      sandbox.refundMode = "succeed";
    }
    const all = await requestRefund(server, staff, other.id);
    expect(all.data.requestRefund.amount.amountMinor).toBe(600);
    const late = await server.gql(RETRY, { id: small }, manager);
    expect(codesOf(late)).toEqual(["BAD_USER_INPUT"]);
    expect(late.errors![0]!.message).toMatch(/Only GHS 0\.00 of .* is still refundable/);
  });

  it("a failed refund of the whole paid amount can be retried: it is exactly what is left", async () => {
    const sandbox = server.app.services.payments.sandbox;
    const bundle = await seedAllocation(server, { vouchers: 1, priceMinor: 450 });
    const sale = await paidSale(server, bundle.id);
    const id = (await requestRefund(server, staff, sale.id)).data.requestRefund.id;
    sandbox.refundMode = "fail";
    try {
      expect((await server.gql(APPROVE, { id }, manager)).data.approveRefund.status).toBe("FAILED");
    } finally {
      sandbox.refundMode = "succeed";
    }
    const others = await otherRefunds(id);
    expect(new Set(others.map((r) => r.status)).size).toBeGreaterThan(1);
    const retried = await server.gql(RETRY, { id }, manager2);
    expect(retried.errors).toBeUndefined();
    // Only this refund was claimed for the retry.
    expect(await otherRefunds(id)).toEqual(others);
    expect(retried.data.retryRefund).toMatchObject({ status: "COMPLETED", amount: { amountMinor: 450 }, transaction: { status: "REFUNDED", refundedAmount: { amountMinor: 450 }, refundableAmount: { amountMinor: 0 } } });
  });

  it("cash: staff sell at the counter, a manager approves and it completes at once", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1, priceMinor: 200 });
    const sale = (await buy(server, bundle.id, { provider: "cash" }, staff)).data.purchase.transaction;
    expect((await server.gql(CONFIRM, { input: { reference: sale.reference, providerReference: "RCPT-9" } }, staff)).errors).toBeUndefined();
    const id = (await requestRefund(server, staff, sale.id)).data.requestRefund.id;
    const a = await server.gql(APPROVE, { id }, manager);
    expect(a.data.approveRefund).toMatchObject({ status: "COMPLETED", providerReference: `CASH-RF-${sale.reference}`, transaction: { status: "REFUNDED" } });
    const sms = await waitFor("cash refund SMS", () => prisma().outboxMessage.findFirst({ where: { transactionId: dbId(sale.id), subject: "Refund" } }));
    expect(sms.body).toContain("handed back in cash");
  });

  it("a sale paid with no voucher left opens a full refund by itself, for a manager to approve", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1, priceMinor: 350 });
    const sale = await paidSale(server, bundle.id, "0241119999"); // pending in the sandbox
    const row = await prisma().transaction.findUniqueOrThrow({ where: { reference: sale.reference } });
    // The reserved voucher is lost meanwhile (the only one), so the payment finds none.
    await prisma().transaction.update({ where: { id: row.id }, data: { voucherId: null } });
    await prisma().voucher.update({ where: { id: row.voucherId! }, data: { status: "DISABLED", reservedUntil: null } });
    const c = await server.gql(CONFIRM, { input: { reference: sale.reference, providerReference: "MANUAL-1" } }, staff);
    expect(c.errors).toBeUndefined();
    const refund = await prisma().refund.findFirstOrThrow({ where: { transactionId: row.id } });
    expect(refund).toMatchObject({ status: "REQUESTED", source: "SYSTEM", amountMinor: 350, requestedById: null });
    const gid = Buffer.from(`Refund:${refund.id}`).toString("base64");
    expect((await refundEntries(gid)).map((e) => e.message)).toEqual([
      `${sale.reference}: refund of GHS 3.50 opened automatically: Paid, but no voucher was available: refund the buyer unless a voucher is issued by hand`,
    ]);
    const a = await server.gql(APPROVE, { id: gid }, manager);
    expect(a.data.approveRefund).toMatchObject({ status: "COMPLETED", source: "SYSTEM", transaction: { status: "REFUNDED" } });
  });

  it("the refunds list filters by status, source, dates and search, newest first", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1, priceMinor: 300 });
    const sale = await buy(server, bundle.id, { fullName: "Yaw Filterson", phoneNumber: "0201234999" });
    const id = sale.data.purchase.transaction.id;
    await requestRefund(server, staff, id, { amountMinor: 100 });
    const q = `query($f: RefundFilter) { refunds(first: 10, filter: $f) { totalCount edges { node { amount { amountMinor } transaction { fullName } } } } }`;
    const bySearch = async (search: string) => (await server.gql(q, { f: { search } }, staff)).data.refunds.totalCount;
    expect(await bySearch("Filterson")).toBe(1);
    expect(await bySearch("+233 20 123 4999")).toBe(1);
    expect(await bySearch(sale.data.purchase.transaction.reference.toLowerCase())).toBe(1);
    expect(await bySearch("nobody-like-this")).toBe(0);
    const mine = await server.gql(q, { f: { search: "Filterson", status: ["REQUESTED"], source: ["STAFF"], from: new Date(Date.now() - 60_000).toISOString() } }, staff);
    expect(mine.data.refunds.totalCount).toBe(1);
    expect((await server.gql(q, { f: { search: "Filterson", to: new Date(Date.now() - 3_600_000).toISOString() } }, staff)).data.refunds.totalCount).toBe(0);
    const summary = await server.gql(`{ refundSummary { pendingCount pendingAmount { amountMinor } failedCount refundedToday { amountMinor } refundedThisWeek { amountMinor } } }`, {}, staff);
    expect(summary.errors).toBeUndefined();
    expect(summary.data.refundSummary.pendingCount).toBeGreaterThan(0);
    expect(summary.data.refundSummary.refundedToday.amountMinor).toBeGreaterThan(0);
  });
});

// Printed cards and online sales draw from one pool, and a voucher reaches one customer:
// printing takes vouchers no sale holds out of the online pool, online reservation and the
// late-payment path skip printed ones, and a printed card is sold at the counter only.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, codesOf, type TestServer } from "../helpers/server.js";
import { SANDBOX_DEFAULT_WEBHOOK_SECRET, signBody } from "../../api/drivers/payments/index.js";
import { buy, CONFIRM, seedAllocation } from "./sales-seed.js";

let paid: TestServer; // the sandbox pays at once
let pending: TestServer; // the sandbox leaves sales pending: each keeps holding its voucher
let staffPaid: string;
let staffPending: string;

beforeAll(async () => {
  [paid, pending] = await Promise.all([
    startTestServer({ env: { SANDBOX_MODE: "succeed" } }),
    startTestServer({ env: { SANDBOX_MODE: "pending", RESERVATION_MINUTES: "10" } }),
  ]);
  [staffPaid, staffPending] = await Promise.all([paid.tokenFor("STAFF"), pending.tokenFor("STAFF")]);
});
afterAll(() => Promise.all([paid?.stop(), pending?.stop()]));

const PRINT = `mutation Print($input: PrintVouchersInput!) {
  printVouchers(input: $input) { id count createdAt printedBy { username } allocation { name } vouchers { id username password status printedAt } }
}`;
const SELL = `mutation Sell($input: SellPrintedVoucherInput!) {
  sellPrintedVoucher(input: $input) { id reference status provider providerReference fullName phoneNumber amount { amountMinor } voucher { id username password status expiresAt } }
}`;
const dbIdOf = (globalId: string) => Buffer.from(globalId, "base64").toString("utf8").split(":")[1]!;
const STOCK = `query Stock { allocations(includeInactive: true) { id stock { available reserved printed sold } } }`;

const print = (server: TestServer, token: string, allocationId: string, count: number) => server.gql(PRINT, { input: { allocationId, count } }, { token });
const sell = (server: TestServer, token: string, code: string, extra: Record<string, unknown> = {}) =>
  server.gql(SELL, { input: { code, idempotencyKey: randomUUID(), ...extra } }, { token });

async function stockOf(server: TestServer, allocationId: string) {
  const r = await server.gql(STOCK, {}, { token: server.adminToken });
  expect(r.errors).toBeUndefined();
  return r.data.allocations.find((a: { id: string }) => a.id === allocationId).stock;
}

/** Every voucher of the bundle is in at most one of {a print batch, an online sale}. */
async function assertNoVoucherTwice(server: TestServer, dbId: string) {
  const vouchers = await server.app.services.prisma.voucher.findMany({ where: { allocationId: dbId }, include: { transaction: true } });
  const both = vouchers.filter((v) => v.printBatchId && v.transaction);
  expect(both).toEqual([]);
  return vouchers;
}

async function sandboxWebhook(server: TestServer, event: string, reference: string) {
  const raw = JSON.stringify({ event, data: { id: `SBX-${reference}`, reference, status: "success" } });
  const res = await fetch(`${server.url}/webhooks/payments/sandbox`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-sandbox-signature": signBody(SANDBOX_DEFAULT_WEBHOOK_SECRET, raw) },
    body: raw,
  });
  expect(res.status).toBe(200);
}

describe("printing and online sales share no voucher", () => {
  for (const mode of ["paid", "pending"] as const) {
    it(`12 print batches of 3 and 40 purchases (${mode}) race for 30 vouchers: no voucher printed and sold online, counts add up`, async () => {
      const server = mode === "paid" ? paid : pending;
      const token = mode === "paid" ? staffPaid : staffPending;
      const bundle = await seedAllocation(server, { vouchers: 30 });
      const prints = Array.from({ length: 12 }, () => print(server, token, bundle.id, 3));
      const purchases = Array.from({ length: 40 }, (_, i) => buy(server, bundle.id, { phoneNumber: `024${3456000 + i}` }));
      // Interleaved, so printing and buying really run against each other.
      const results = await Promise.all(prints.flatMap((p, i) => [p, ...purchases.slice(i * 4, i * 4 + 4)]).concat(purchases.slice(48)));
      const printResults = await Promise.all(prints);
      const buyResults = await Promise.all(purchases);
      expect(results).toHaveLength(52);

      const printed = printResults.filter((r) => r.data?.printVouchers);
      const printRefused = printResults.filter((r) => codesOf(r).includes("CONFLICT"));
      expect(printed.length + printRefused.length).toBe(12);
      const sales = buyResults.filter((r) => r.data?.purchase);
      const soldOut = buyResults.filter((r) => codesOf(r).includes("SOLD_OUT"));
      expect(sales.length + soldOut.length).toBe(40);
      expect(sales.every((r) => r.data.purchase.transaction.status === (mode === "paid" ? "PAID" : "PENDING"))).toBe(true);

      const cards = printed.flatMap((r) => r.data.printVouchers.vouchers.map((v: { id: string }) => dbIdOf(v.id)));
      expect(cards).toHaveLength(printed.length * 3);
      expect(new Set(cards).size).toBe(cards.length);

      const vouchers = await assertNoVoucherTwice(server, bundle.dbId);
      const online = vouchers.filter((v) => v.transaction);
      expect(online).toHaveLength(sales.length);
      expect(new Set(online.map((v) => v.id)).size).toBe(sales.length);
      expect(vouchers.filter((v) => v.printBatchId).map((v) => v.id).sort()).toEqual([...cards].sort());
      const free = vouchers.filter((v) => !v.printBatchId && !v.transaction);
      expect(cards.length + online.length + free.length).toBe(30);
      // Writes are serialized: a purchase found the pool empty, so nothing was left then or later;
      // a refused print found fewer than 3 free.
      if (soldOut.length > 0) expect(free).toHaveLength(0);
      if (printRefused.length > 0) expect(free.length).toBeLessThan(3);

      expect(await stockOf(server, bundle.id)).toEqual({
        available: free.length,
        reserved: mode === "pending" ? online.length : 0,
        printed: cards.length,
        sold: mode === "paid" ? online.length : 0,
      });
    });
  }

  it("a voucher held by a pending online sale is never printed", async () => {
    const bundle = await seedAllocation(pending, { vouchers: 2 });
    const sale = (await buy(pending, bundle.id)).data.purchase.transaction;
    const held = await pending.app.services.prisma.transaction.findUniqueOrThrow({ where: { id: dbIdOf(sale.id) } });
    const tooMany = await print(pending, staffPending, bundle.id, 2);
    expect(codesOf(tooMany)).toEqual(["CONFLICT"]);
    expect(tooMany.errors![0]!.message).toMatch(/Only 1 .* free to print/);
    // All or nothing: the refused batch printed nothing.
    expect(await pending.app.services.prisma.voucher.count({ where: { allocationId: bundle.dbId, printBatchId: { not: null } } })).toBe(0);
    expect(await pending.app.services.prisma.printBatch.count({ where: { allocationId: bundle.dbId } })).toBe(0);
    const one = await print(pending, staffPending, bundle.id, 1);
    expect(one.errors).toBeUndefined();
    expect(one.data.printVouchers.vouchers.map((v: { id: string }) => dbIdOf(v.id))).not.toContain(held.voucherId);

    const list = await pending.gql(
      `query($f: VoucherFilter) { vouchers(first: 10, filter: $f) { totalCount edges { node { id reservedUntil printedAt printBatch { id } } } } }`,
      { f: { allocationId: bundle.id, reserved: true } },
      { token: staffPending },
    );
    expect(list.data.vouchers.totalCount).toBe(1);
    expect(list.data.vouchers.edges[0].node).toMatchObject({ printedAt: null, printBatch: null, reservedUntil: expect.any(String) });
    expect(await stockOf(pending, bundle.id)).toEqual({ available: 0, reserved: 1, printed: 1, sold: 0 });
  });

  it("a voucher released by a failed sale and printed meanwhile is not taken by the late payment", async () => {
    const prisma = pending.app.services.prisma;
    const bundle = await seedAllocation(pending, { vouchers: 1 });
    const reference = (await buy(pending, bundle.id)).data.purchase.transaction.reference as string;
    const voucher = await prisma.voucher.findFirstOrThrow({ where: { allocationId: bundle.dbId } });
    await sandboxWebhook(pending, "charge.failed", reference);
    expect(await prisma.transaction.findUniqueOrThrow({ where: { reference } })).toMatchObject({ status: "FAILED", voucherId: null });
    const batch = await print(pending, staffPending, bundle.id, 1);
    expect(batch.data.printVouchers.vouchers[0].id).toBeDefined();
    // The customer's payment arrives after all: paid, but the printed card is not theirs.
    await sandboxWebhook(pending, "charge.success", reference);
    const late = await prisma.transaction.findUniqueOrThrow({ where: { reference } });
    expect(late).toMatchObject({ status: "PAID", voucherId: null });
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).toMatchObject({ status: "AVAILABLE", printBatchId: expect.any(String) });
    await assertNoVoucherTwice(pending, bundle.dbId);
  });

  it("a sale whose held voucher lost its hold and was printed gets another voucher when paid", async () => {
    const prisma = pending.app.services.prisma;
    const bundle = await seedAllocation(pending, { vouchers: 2 });
    const reference = (await buy(pending, bundle.id, {}, {})).data.purchase.transaction.reference as string;
    const heldId = (await prisma.transaction.findUniqueOrThrow({ where: { reference } })).voucherId!;
    // The hold is gone (as if released by hand) while the sale is still pending; the card is printed.
    await prisma.voucher.update({ where: { id: heldId }, data: { reservedUntil: null } });
    const batch = await print(pending, staffPending, bundle.id, 1);
    const printedId = batch.data.printVouchers.vouchers[0].id as string;
    expect(dbIdOf(printedId)).toBe(heldId);
    expect((await pending.gql(CONFIRM, { input: { reference, providerReference: "RCPT-held-1" } }, { token: staffPending })).errors).toBeUndefined();
    const t = await prisma.transaction.findUniqueOrThrow({ where: { reference } });
    expect(t.status).toBe("PAID");
    expect(t.voucherId).not.toBe(heldId);
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: heldId } })).toMatchObject({ status: "AVAILABLE" });
    await assertNoVoucherTwice(pending, bundle.dbId);
  });
});

describe("print batches", () => {
  it("staff print a batch with passwords, and reprinting shows the same cards", async () => {
    const bundle = await seedAllocation(paid, { vouchers: 5, name: "Print Five" });
    const r = await print(paid, staffPaid, bundle.id, 3);
    expect(r.errors).toBeUndefined();
    const batch = r.data.printVouchers;
    expect(batch).toMatchObject({ count: 3, allocation: { name: "Print Five" }, printedBy: { username: expect.stringMatching(/^staff/) } });
    expect(batch.vouchers.every((v: { password: string | null; printedAt: string | null }) => v.password && v.printedAt)).toBe(true);

    const again = await paid.gql(`query($id: ID!) { printBatch(id: $id) { id count vouchers { id username password } } }`, { id: batch.id }, { token: staffPaid });
    expect(again.errors).toBeUndefined();
    expect(again.data.printBatch.vouchers).toEqual(batch.vouchers.map((v: any) => ({ id: v.id, username: v.username, password: v.password })));
    const node = await paid.gql(`query($id: ID!) { node(id: $id) { ... on PrintBatch { count } } }`, { id: batch.id }, { token: staffPaid });
    expect(node.data.node).toEqual({ count: 3 });
    const recent = await paid.gql(`query($a: ID) { printBatches(first: 5, allocationId: $a) { id count unsold } }`, { a: bundle.id }, { token: staffPaid });
    expect(recent.data.printBatches).toEqual([{ id: batch.id, count: 3, unsold: 3 }]);

    // Outside a batch, staff still see no passwords of unsold vouchers.
    const listed = await paid.gql(`query($f: VoucherFilter) { vouchers(first: 10, filter: $f) { edges { node { password printedAt } } } }`, { f: { allocationId: bundle.id, printed: false } }, { token: staffPaid });
    expect(listed.data.vouchers.edges).toHaveLength(2);
    expect(listed.data.vouchers.edges.every((e: any) => e.node.password === null && e.node.printedAt === null)).toBe(true);

    // A sold card is shown in a reprint without its password.
    expect((await sell(paid, staffPaid, batch.vouchers[0].username)).errors).toBeUndefined();
    const later = await paid.gql(`query($id: ID!) { printBatch(id: $id) { unsold vouchers { status password } } }`, { id: batch.id }, { token: staffPaid });
    expect(later.data.printBatch.unsold).toBe(2);
    expect(later.data.printBatch.vouchers[0]).toEqual({ status: "SOLD", password: null });
  });

  it("refuses bad counts and unknown bundles with nothing written", async () => {
    const bundle = await seedAllocation(paid, { vouchers: 1 });
    expect(codesOf(await print(paid, staffPaid, bundle.id, 0))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await print(paid, staffPaid, bundle.id, 501))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await print(paid, staffPaid, "QWxsb2NhdGlvbjpub3BlMDAwMDAwMDAwMDAwMDAwMDAw", 1))).toEqual(["BAD_USER_INPUT"]);
    expect(await paid.app.services.prisma.printBatch.count({ where: { allocationId: bundle.dbId } })).toBe(0);
  });

  it("anonymous callers are told to log in; stock is staff-only", async () => {
    const bundle = await seedAllocation(paid, { vouchers: 1 });
    expect(codesOf(await print(paid, "", bundle.id, 1))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await sell(paid, "", "whatever"))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await paid.gql(`{ printBatches { id } }`))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await paid.gql(STOCK))).toContain("UNAUTHENTICATED");
    expect(await paid.app.services.prisma.voucher.count({ where: { allocationId: bundle.dbId, printBatchId: { not: null } } })).toBe(0);
  });
});

describe("selling a printed card at the counter", () => {
  it("records a paid cash sale of exactly that voucher, once", async () => {
    const prisma = paid.app.services.prisma;
    const bundle = await seedAllocation(paid, { vouchers: 3, priceMinor: 250, validityHours: 24 });
    const card = (await print(paid, staffPaid, bundle.id, 2)).data.printVouchers.vouchers[1];
    const idempotencyKey = randomUUID();
    const r = await paid.gql(SELL, { input: { code: ` ${card.username.toUpperCase()} `, idempotencyKey, fullName: "Kofi Boateng", phoneNumber: "024 555 1234" } }, { token: staffPaid });
    expect(r.errors).toBeUndefined();
    const sale = r.data.sellPrintedVoucher;
    expect(sale).toMatchObject({
      status: "PAID",
      provider: "cash",
      providerReference: `card:${card.username}`,
      fullName: "Kofi Boateng",
      phoneNumber: "0245551234",
      amount: { amountMinor: 250 },
      voucher: { id: card.id, username: card.username, password: card.password, status: "SOLD", expiresAt: expect.any(String) },
    });
    // The same request again: the same sale.
    const replay = await paid.gql(SELL, { input: { code: card.username, idempotencyKey, fullName: "Kofi Boateng" } }, { token: staffPaid });
    expect(replay.data.sellPrintedVoucher.id).toBe(sale.id);
    // The card again, as a new sale: refused.
    const twice = await sell(paid, staffPaid, card.username);
    expect(codesOf(twice)).toEqual(["CONFLICT"]);
    expect(twice.errors![0]!.message).toMatch(/already sold/);
    expect(await prisma.transaction.count({ where: { allocationId: bundle.dbId } })).toBe(1);
    const entry = await prisma.logEntry.findFirst({ where: { kind: "PAYMENT", message: { contains: `printed card ${card.username}` } } });
    expect(entry).not.toBeNull();
    // The customer gave a number: the voucher SMS goes there too.
    expect(await prisma.outboxMessage.count({ where: { channel: "SMS", recipient: "0245551234" } })).toBe(1);
    expect(await stockOf(paid, bundle.id)).toEqual({ available: 1, reserved: 0, printed: 1, sold: 1 });
  });

  it("takes the scanned QR login link, and a walk-in customer without a name or number", async () => {
    const bundle = await seedAllocation(paid, { vouchers: 1 });
    const card = (await print(paid, staffPaid, bundle.id, 1)).data.printVouchers.vouchers[0];
    const link = `http://hotspot.local/login?username=${card.username}&password=${card.password}`;
    const r = await sell(paid, staffPaid, link);
    expect(r.errors).toBeUndefined();
    expect(r.data.sellPrintedVoucher).toMatchObject({ fullName: "Walk-in customer", phoneNumber: "", voucher: { username: card.username, status: "SOLD" } });
    const id = dbIdOf(r.data.sellPrintedVoucher.id);
    expect(await paid.app.services.prisma.outboxMessage.count({ where: { transactionId: id, channel: "SMS" } })).toBe(0);
  });

  it("refuses unknown, never-printed, disabled and concurrent double sales", async () => {
    const prisma = paid.app.services.prisma;
    const bundle = await seedAllocation(paid, { vouchers: 3 });
    const [a, b] = (await print(paid, staffPaid, bundle.id, 2)).data.printVouchers.vouchers;
    const before = await prisma.transaction.count();

    const unknown = await sell(paid, staffPaid, "nosuchcard");
    expect(codesOf(unknown)).toEqual(["BAD_USER_INPUT"]);
    expect(unknown.errors![0]!.message).toMatch(/No voucher has the code "nosuchcard"/);
    expect(codesOf(await sell(paid, staffPaid, "   "))).toEqual(["BAD_USER_INPUT"]);

    const unprinted = bundle.usernames.find((u) => u !== a.username && u !== b.username)!;
    const never = await sell(paid, staffPaid, unprinted);
    expect(codesOf(never)).toEqual(["BAD_USER_INPUT"]);
    expect(never.errors![0]!.message).toMatch(/never printed/);

    const manager = await paid.tokenFor("MANAGER");
    expect((await paid.gql(`mutation($id: ID!) { disableVoucher(id: $id) { status } }`, { id: a.id }, { token: manager })).errors).toBeUndefined();
    const disabled = await sell(paid, staffPaid, a.username);
    expect(codesOf(disabled)).toEqual(["CONFLICT"]);
    expect(disabled.errors![0]!.message).toMatch(/disabled/);

    expect(codesOf(await sell(paid, staffPaid, b.username, { phoneNumber: "12345" }))).toEqual(["BAD_USER_INPUT"]);
    expect(await prisma.transaction.count()).toBe(before);

    // Two counters scan the same card at once: one sale.
    const race = await Promise.all(Array.from({ length: 6 }, () => sell(paid, staffPaid, b.username)));
    expect(race.filter((r) => r.data?.sellPrintedVoucher)).toHaveLength(1);
    expect(race.filter((r) => codesOf(r).includes("CONFLICT"))).toHaveLength(5);
    expect(await prisma.transaction.count()).toBe(before + 1);
  });
});

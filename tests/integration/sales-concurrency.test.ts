// Two customers never get the same voucher: 100 buyers race for 20 vouchers, paid at once
// (the sandbox's "succeed") and left unpaid (its "pending"). Unpaid is the hard case: each
// sale keeps holding its voucher, so a reservation that took an already held voucher would
// show as two sales on one voucher, instead of being hidden by the first sale paying at once.
import { afterAll, describe, expect, it } from "vitest";
import { startTestServer, codesOf, type TestServer } from "../helpers/server.js";
import { buy, seedAllocation } from "./sales-seed.js";
import { setUpFile } from "../helpers/setup.js";

let server: TestServer;
let unpaid: TestServer;
setUpFile(async () => {
  [server, unpaid] = await Promise.all([startTestServer({ env: { SANDBOX_MODE: "succeed" } }), startTestServer({ env: { SANDBOX_MODE: "pending" } })]);
});
afterAll(() => Promise.all([server?.stop(), unpaid?.stop()]));

describe("purchase under contention", () => {
  it("100 concurrent purchases for 20 vouchers: 20 paid with distinct vouchers, 80 sold out", async () => {
    const bundle = await seedAllocation(server, { vouchers: 20 });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => buy(server, bundle.id, { phoneNumber: `024${2345600 + i}` })),
    );
    const paid = results.filter((r) => r.data?.purchase?.transaction.status === "PAID");
    const soldOut = results.filter((r) => codesOf(r).includes("SOLD_OUT"));
    expect(paid).toHaveLength(20);
    expect(soldOut).toHaveLength(80);
    expect(results.filter((r) => !r.data?.purchase && !codesOf(r).includes("SOLD_OUT"))).toEqual([]);

    const prisma = server.app.services.prisma;
    const sales = await prisma.transaction.findMany({ where: { allocationId: bundle.dbId } });
    expect(sales).toHaveLength(20);
    expect(sales.every((t) => t.status === "PAID" && t.voucherId)).toBe(true);
    expect(new Set(sales.map((t) => t.voucherId)).size).toBe(20);
    expect(await prisma.transaction.count({ where: { status: "PENDING", voucherId: { not: null } } })).toBe(0);
    const vouchers = await prisma.voucher.findMany({ where: { allocationId: bundle.dbId } });
    expect(vouchers.filter((v) => v.status === "SOLD")).toHaveLength(20);
    expect(vouchers.every((v) => v.reservedUntil === null)).toBe(true);
    // Validity counted from the sale.
    const sold = vouchers.find((v) => v.status === "SOLD")!;
    const sale = sales.find((t) => t.voucherId === sold.id)!;
    expect(sold.expiresAt!.getTime() - sale.paidAt!.getTime()).toBe(24 * 3_600_000);
    // The sold-out attempts wrote nothing: no sale rows beyond the 20.
    expect(await prisma.transaction.count()).toBe(20);
  });

  it("100 concurrent purchases left unpaid for 20 vouchers: 20 pending sales holding 20 different vouchers, 80 sold out", async () => {
    const bundle = await seedAllocation(unpaid, { vouchers: 20 });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => buy(unpaid, bundle.id, { phoneNumber: `020${2345600 + i}` })),
    );
    expect(results.filter((r) => !r.data?.purchase && !codesOf(r).includes("SOLD_OUT"))).toEqual([]);
    const pending = results.filter((r) => r.data?.purchase).map((r) => r.data.purchase.transaction);
    expect(pending).toHaveLength(20);
    expect(pending.every((t) => t.status === "PENDING")).toBe(true);
    expect(results.filter((r) => codesOf(r).includes("SOLD_OUT"))).toHaveLength(80);
    // What staff see each sale holding: all different, all of this bundle, none sold.
    const staff = await unpaid.tokenFor("STAFF");
    const held = await Promise.all(
      pending.map(async (t) => {
        const r = await unpaid.gql(`query($r: String!) { transactionByReference(reference: $r) { status voucher { username status } } }`, { r: t.reference }, { token: staff });
        expect(r.errors).toBeUndefined();
        return r.data.transactionByReference;
      }),
    );
    expect(held.every((t) => t.status === "PENDING" && t.voucher?.status === "AVAILABLE")).toBe(true);
    const usernames = held.map((t) => t.voucher.username as string);
    expect(new Set(usernames).size).toBe(20);
    expect([...usernames].sort()).toEqual([...bundle.usernames].sort());
  });

  it("the paying buyer sees the voucher in the purchase answer", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const r = await server.gql(
      `mutation($input: PurchaseInput!) { purchase(input: $input) { instructions transaction { status voucher { username password status } } } }`,
      { input: { allocationId: bundle.id, fullName: "Esi Owusu", phoneNumber: "0551112222", idempotencyKey: "k-visible-1" } },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.purchase.transaction).toEqual({ status: "PAID", voucher: { username: bundle.usernames[0], password: expect.stringMatching(/^pw/), status: "SOLD" } });
  });

  it("a declined sandbox payment is PAYMENT_FAILED and frees the voucher", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    // The sandbox declines numbers ending in 0000.
    const r = await buy(server, bundle.id, { phoneNumber: "0240000000" });
    expect(codesOf(r)).toEqual(["PAYMENT_FAILED"]);
    // The buyer gets our words, not the provider's (the sale keeps that for staff).
    expect(r.errors![0]!.message).toBe("Declined by your mobile money provider. No money was taken. Try again or pay at the counter.");
    const ok = await buy(server, bundle.id, { phoneNumber: "0240000001" });
    expect(ok.data.purchase.transaction.status).toBe("PAID");
  });

  it("a sold-out bundle fails before any payment, writing nothing", async () => {
    const bundle = await seedAllocation(server, { vouchers: 0 });
    const before = await server.app.services.prisma.transaction.count();
    const r = await buy(server, bundle.id);
    expect(codesOf(r)).toEqual(["SOLD_OUT"]);
    expect(r.errors![0]!.message).toMatch(/sold out/);
    expect(await server.app.services.prisma.transaction.count()).toBe(before);
  });
});

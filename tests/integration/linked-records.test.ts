// Routers and refunds as other records link to them: vouchers bound for a router,
// a sale's refunds as staff and as the buyer see them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
let allocationId: string;
beforeAll(async () => {
  server = await startTestServer();
  const r = await server.gql(`mutation { createAllocation(input: {name: "Link", priceMinor: 200, dataLimitMb: 200}) { id } }`, {}, { token: server.adminToken });
  allocationId = r.data.createAllocation.id;
});
afterAll(() => server?.stop());

const generate = `mutation($input: GenerateVouchersInput!) { generateVouchers(input: $input) { count vouchers { provisioning router { name isDefault } } } }`;

describe("vouchers and routers", () => {
  it("without routers, vouchers need no provisioning", async () => {
    const r = await server.gql(generate, { input: { allocationId, count: 2 } }, { token: server.adminToken });
    expect(r.data.generateVouchers.vouchers).toEqual([{ provisioning: "NOT_REQUIRED", router: null }, { provisioning: "NOT_REQUIRED", router: null }]);
  });

  it("an unknown router is refused and nothing is created", async () => {
    const before = await server.app.services.prisma.voucher.count();
    const r = await server.gql(generate, { input: { allocationId, count: 2, routerId: "Um91dGVyOm5vcGUwMDAwMDAwMDAwMDAwMDAwMDAwMDA" } }, { token: server.adminToken });
    expect(codesOf(r)).toEqual(["BAD_USER_INPUT"]);
    expect(await server.app.services.prisma.voucher.count()).toBe(before);
  });

  it("the default router is used when none is named, and a named one wins", async () => {
    const prisma = server.app.services.prisma;
    await prisma.router.create({ data: { name: "Main", host: "10.0.0.1", username: "api", password: "x", isDefault: true } });
    const other = await prisma.router.create({ data: { name: "Annex", host: "10.0.0.2", username: "api", password: "x" } });
    const d = await server.gql(generate, { input: { allocationId, count: 1 } }, { token: server.adminToken });
    expect(d.data.generateVouchers.vouchers[0]).toEqual({ provisioning: "PENDING", router: { name: "Main", isDefault: true } });
    const routers = await server.gql(`{ routers { id name } }`, {}, { token: server.adminToken });
    const annexId = routers.data.routers.find((x: { name: string }) => x.name === "Annex").id;
    const n = await server.gql(generate, { input: { allocationId, count: 1, routerId: annexId } }, { token: server.adminToken });
    expect(n.data.generateVouchers.vouchers[0].router.name).toBe("Annex");
    expect(other.password).toBe("x");
    // The router's API password is never served.
    expect(codesOf(await server.gql(`{ routers { password } }`, {}, { token: server.adminToken }))).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(routers.data.routers.map((x: { name: string }) => x.name)).toEqual(["Main", "Annex"]);
  });
});

describe("refunds on a sale", () => {
  it("staff see them with who asked; the buyer sees amount and status only", async () => {
    const prisma = server.app.services.prisma;
    const alloc = await prisma.allocation.findFirstOrThrow({ where: { name: "Link" } });
    const staffToken = await server.tokenFor("STAFF");
    const staffUser = await prisma.user.findFirstOrThrow({ where: { role: "STAFF" } });
    const v = await prisma.voucher.create({ data: { username: "refundv1", password: "pw-refund", allocationId: alloc.id, status: "SOLD" } });
    const sale = await prisma.transaction.create({
      data: { reference: "CZ-REFUND01", fullName: "Ama Refund", phoneNumber: "0241112233", allocationId: alloc.id, amountMinor: 200, status: "PARTIALLY_REFUNDED", provider: "cash", paidAt: new Date(), voucherId: v.id, refundedMinor: 50 },
    });
    await prisma.refund.create({ data: { transactionId: sale.id, amountMinor: 50, reason: "Slow", status: "COMPLETED", requestedById: staffUser.id, idempotencyKey: "rf-1" } });
    const q = `query($r: String!) { transactionByReference(reference: $r) { refundedAmount { formatted } refunds { amount { amountMinor } status requestedBy { username } transaction { reference } } } }`;
    const buyer = await server.gql(q, { r: "CZ-REFUND01" });
    expect(buyer.errors).toBeUndefined();
    expect(buyer.data.transactionByReference).toEqual({
      refundedAmount: { formatted: "0.50" },
      refunds: [{ amount: { amountMinor: 50 }, status: "COMPLETED", requestedBy: null, transaction: { reference: "CZ-REFUND01" } }],
    });
    const staff = await server.gql(`{ refunds(first: 10) { totalCount edges { node { reason requestedBy { username } } } } }`, {}, { token: staffToken });
    expect(staff.data.refunds.totalCount).toBe(1);
    expect(staff.data.refunds.edges[0].node).toEqual({ reason: "Slow", requestedBy: { username: staffUser.username } });
    expect(codesOf(await server.gql(`{ refunds(first: 10) { totalCount } }`))).toEqual(["UNAUTHENTICATED"]);
  });
});

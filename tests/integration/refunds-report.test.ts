// reportProblem from the /buy page: public, one open report per sale, rate limited per
// address and per reference, and an unknown reference answers exactly as a sale that cannot
// be reported (nobody learns which references exist).
import { afterAll, describe, expect, it } from "vitest";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";
import { seedAllocation } from "./sales-seed.js";
import { APPROVE, REPORT, paidSale } from "./refunds-seed.js";
import { setUpFile } from "../helpers/setup.js";

let server: TestServer;
const prisma = () => server.app.services.prisma;
setUpFile(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

let addresses = 10;
/** Each test reports from its own client address, so the per-address limit is its own. */
const nextAddress = () => `127.0.0.${++addresses}`;

describe("reportProblem", () => {
  it("opens one REQUESTED refund of the whole amount with the buyer's words; a second report adds nothing", async () => {
    const from = nextAddress();
    const bundle = await seedAllocation(server, { vouchers: 1, priceMinor: 250 });
    const sale = await paidSale(server, bundle.id);
    const first = await server.gql(REPORT, { reference: sale.reference.toLowerCase().replace("-", " "), message: "  Paid but   the voucher says expired " }, { from });
    expect(first.errors).toBeUndefined();
    expect(first.data.reportProblem).toEqual({ alreadyOpen: false, message: expect.stringMatching(/Our staff will look at your purchase/) });
    const second = await server.gql(REPORT, { reference: sale.reference, message: "Still not working!!" }, { from });
    expect(second.data.reportProblem.alreadyOpen).toBe(true);
    const rows = await prisma().refund.findMany({ where: { transaction: { reference: sale.reference } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "REQUESTED", source: "CUSTOMER", amountMinor: 250, reason: "Paid but the voucher says expired", requestedById: null });

    // Any manager may decide it: nobody on staff requested it.
    const manager = await server.tokenFor("MANAGER");
    const id = Buffer.from(`Refund:${rows[0]!.id}`).toString("base64");
    const a = await server.gql(APPROVE, { id }, { token: manager });
    expect(a.data.approveRefund).toMatchObject({ status: "COMPLETED", source: "CUSTOMER", requestedBy: null });
    // Nothing left to refund: the buyer is told it is being handled, nothing is written.
    const after = await server.gql(REPORT, { reference: sale.reference, message: "One more thing" }, { from });
    expect(after.data.reportProblem.alreadyOpen).toBe(true);
    expect(await prisma().refund.count({ where: { transaction: { reference: sale.reference } } })).toBe(1);
  });

  it("two reports at once open one refund", async () => {
    const from = nextAddress();
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const sale = await paidSale(server, bundle.id);
    const both = await Promise.all([1, 2].map((n) => server.gql(REPORT, { reference: sale.reference, message: `No internet at all ${n}` }, { from })));
    expect(both.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(both.map((r) => r.data.reportProblem.alreadyOpen).sort()).toEqual([false, true]);
    expect(await prisma().refund.count({ where: { transaction: { reference: sale.reference } } })).toBe(1);
  });

  it("an unknown reference and an unpaid sale get the same answer; a too short message is refused", async () => {
    const from = nextAddress();
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const pending = await paidSale(server, bundle.id, "0241119999");
    const unknown = await server.gql(REPORT, { reference: "CZ-ZZZZZZZZ", message: "It did not work" }, { from });
    const unpaid = await server.gql(REPORT, { reference: pending.reference, message: "It did not work" }, { from });
    expect(unknown.errors).toEqual(unpaid.errors);
    expect(codesOf(unknown)).toEqual(["BAD_USER_INPUT"]);
    expect(unknown.errors![0]!.message).toBe("We found no paid purchase with that reference. Check the reference in your SMS or on your receipt.");
    const short = await server.gql(REPORT, { reference: pending.reference, message: " no " }, { from });
    expect(codesOf(short)).toEqual(["BAD_USER_INPUT"]);
    expect(await prisma().refund.count({ where: { transaction: { reference: pending.reference } } })).toBe(0);
  });

  it("rate limits: 3 reports per reference, 5 per address, then TOO_MANY_REQUESTS, known or not", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const sale = await paidSale(server, bundle.id);
    const perSale = await Promise.all([0, 1, 2, 3].map(() => server.gql(REPORT, { reference: sale.reference, message: "No connection" }, { from: nextAddress() })));
    expect(perSale.map((r) => codesOf(r)[0] ?? "ok").sort()).toEqual(["TOO_MANY_REQUESTS", "ok", "ok", "ok"]);

    const from = nextAddress();
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await server.gql(REPORT, { reference: `CZ-ABCDEF${"23456789"[i]}2`, message: "No connection" }, { from });
      codes.push(codesOf(r)[0]!);
    }
    expect(codes).toEqual([...Array(5).fill("BAD_USER_INPUT"), "TOO_MANY_REQUESTS"]);
  });
});

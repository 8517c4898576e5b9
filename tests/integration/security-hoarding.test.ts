// Voucher hoarding: unpaid purchases (a number whose payments never complete) from rotating
// phone numbers and addresses must not empty a bundle's pool. Unpaid holds are capped per
// address, per /24 network and as a share of the pool; a declined charge frees its voucher at
// once; staff see reserved vouchers apart from available ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, startTestServer, type GqlResult, type TestServer } from "../helpers/server.js";
import { buy, seedAllocation } from "./sales-seed.js";

let server: TestServer;
let bundle: { id: string; dbId: string };
let phone = 0;
const nextPhone = () => `02455${String(70000 + ++phone).padStart(5, "0")}`;
const STOCK = `query($id: ID!) { node(id: $id) { ... on Allocation { stock { available reserved sold } } } }`;

beforeAll(async () => {
  server = await startTestServer({
    env: { SANDBOX_MODE: "pending", MAX_UNPAID_PER_ADDRESS: "3", MAX_UNPAID_PER_NETWORK: "5", UNPAID_POOL_SHARE: "0.5" },
  });
  bundle = await seedAllocation(server, { vouchers: 20 });
});
afterAll(() => server?.stop());

const reason = (r: GqlResult) => r.errors?.[0]?.extensions?.reason;
const stock = async () => (await server.gql(STOCK, { id: bundle.id }, { token: server.adminToken })).data.node.stock;

describe("hoarding the voucher pool", () => {
  it("caps unpaid purchases per address, then per /24 network", async () => {
    const a = [];
    for (let i = 0; i < 4; i++) a.push(await buy(server, bundle.id, { phoneNumber: nextPhone() }, { from: "127.0.4.1" }));
    expect(a.slice(0, 3).every((r) => !r.errors)).toBe(true);
    expect(codesOf(a[3]!)).toEqual(["TOO_MANY_REQUESTS"]);
    expect(reason(a[3]!)).toBe("purchase/too-many-unpaid");
    // Another address in the same /24: only two more for the whole network.
    const b = [];
    for (let i = 0; i < 3; i++) b.push(await buy(server, bundle.id, { phoneNumber: nextPhone() }, { from: "127.0.4.2" }));
    expect(b.map((r) => codesOf(r)[0] ?? "ok")).toEqual(["ok", "ok", "TOO_MANY_REQUESTS"]);
  });

  it("unpaid purchases hold at most UNPAID_POOL_SHARE of the pool; the rest stays for paying buyers and the counter", async () => {
    // Another network fills the share (20 vouchers x 0.5 = 10 holds; 5 held already).
    for (const from of ["127.0.5.1", "127.0.5.1", "127.0.5.1", "127.0.5.2", "127.0.5.2"]) {
      expect((await buy(server, bundle.id, { phoneNumber: nextPhone() }, { from })).errors).toBeUndefined();
    }
    const refused = await buy(server, bundle.id, { phoneNumber: nextPhone() }, { from: "127.0.6.1" });
    expect(codesOf(refused)).toEqual(["SOLD_OUT"]);
    expect(reason(refused)).toBe("purchase/pool-held");
    expect(JSON.stringify(refused)).not.toMatch(/CZ-/);
    expect(await stock()).toEqual({ available: 10, reserved: 10, sold: 0 });
    // Staff at the counter still sell from what is left.
    const staff = await server.tokenFor("STAFF");
    const counter = await buy(server, bundle.id, { phoneNumber: nextPhone(), provider: "cash" }, { token: staff, from: "127.0.6.2" });
    expect(counter.errors).toBeUndefined();
  });

  it("a declined charge frees its voucher at once", async () => {
    const other = await seedAllocation(server, { vouchers: 2 });
    const before = (await server.gql(STOCK, { id: other.id }, { token: server.adminToken })).data.node.stock;
    // Sandbox: numbers ending 0000 are always declined.
    const declined = await buy(server, other.id, { phoneNumber: "0245550000" }, { from: "127.0.7.1" });
    expect(codesOf(declined)).toEqual(["PAYMENT_FAILED"]);
    const after = (await server.gql(STOCK, { id: other.id }, { token: server.adminToken })).data.node.stock;
    expect(after).toEqual(before);
    expect(after).toEqual({ available: 2, reserved: 0, sold: 0 });
  });

  it("the stock is for staff only", async () => {
    expect(codesOf(await server.gql(STOCK, { id: bundle.id }))).not.toEqual([]);
  });
});

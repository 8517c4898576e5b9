// Every path to personal data and voucher credentials, not just the list queries:
// node(id) for each node type, transactionByReference as staff, and log search.
import { afterAll, describe, expect, it } from "vitest";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";
import { setUpFile } from "../helpers/setup.js";
import { buy, seedAllocation } from "./sales-seed.js";

let server: TestServer;
let staff: string;
let reference: string;
let password: string;
const gid = (type: string, id: string | number) => Buffer.from(`${type}:${id}`).toString("base64");

setUpFile(async () => {
  server = await startTestServer();
  staff = await server.tokenFor("STAFF");
  const bundle = await seedAllocation(server, { vouchers: 1 });
  const r = await buy(server, bundle.id, { fullName: "Akos Private", phoneNumber: "0241117777" });
  reference = r.data.purchase.transaction.reference;
  const v = await server.app.services.prisma.voucher.findFirstOrThrow({ where: { allocationId: bundle.dbId } });
  password = v.password;
});
afterAll(() => server?.stop());

describe("node(id) keeps each type's rule", () => {
  it("anonymous callers cannot read log entries, API keys or routers by id", async () => {
    const key = await server.gql(`mutation { createApiKey(input: {name: "probe", role: ADMIN}) { apiKey { id } } }`, {}, { token: server.adminToken });
    const router = await server.app.services.prisma.router.create({ data: { name: "R", host: "10.0.0.9", username: "api", password: "router-secret" } });
    const first = await server.app.services.prisma.logEntry.findFirstOrThrow({ orderBy: { sequence: "asc" } });
    const probes = [gid("LogEntry", first.sequence), key.data.createApiKey.apiKey.id, gid("Router", router.id)];
    for (const id of probes) {
      const r = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id });
      expect(codesOf(r), id).toEqual(["UNAUTHENTICATED"]);
    }
    expect(codesOf(await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: probes[1] }, { token: staff }))).toEqual(["FORBIDDEN"]);
    const asStaff = await server.gql(`query($id: ID!) { node(id: $id) { ... on LogEntry { sequence } } }`, { id: probes[0] }, { token: staff });
    expect(asStaff.data.node.sequence).toBe(first.sequence);
  });

  it("a malformed log entry id is BAD_USER_INPUT", async () => {
    for (const id of [gid("LogEntry", "abc"), gid("LogEntry", "99999999999999999999")]) {
      expect(codesOf(await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, { token: staff }))).toEqual(["BAD_USER_INPUT"]);
    }
  });
});

describe("voucher credentials", () => {
  const byRef = `query($r: String!) { transactionByReference(reference: $r) { status voucher { username password } } }`;

  it("the buyer holding the reference sees the password; staff knowing the reference do not", async () => {
    const buyer = await server.gql(byRef, { r: reference });
    expect(buyer.data.transactionByReference.voucher.password).toBe(password);
    const asStaff = await server.gql(byRef, { r: reference }, { token: staff });
    expect(asStaff.data.transactionByReference.status).toBe("PAID");
    expect(asStaff.data.transactionByReference.voucher.password).toBeNull();
    const manager = await server.gql(byRef, { r: reference }, { token: await server.tokenFor("MANAGER") });
    expect(manager.data.transactionByReference.voucher.password).toBe(password);
  });

  it("staff who sold at the counter see the credentials of their own sale", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const sold = await buy(server, bundle.id, { provider: "cash" }, { token: staff });
    const ref = sold.data.purchase.transaction.reference;
    const c = await server.gql(
      `mutation($i: ConfirmPaymentInput!) { confirmPayment(input: $i) { voucher { password } } }`,
      { i: { reference: ref, providerReference: `R-${ref}` } },
      { token: staff },
    );
    expect(c.data.confirmPayment.voucher.password).toMatch(/\S+/);
    const otherStaff = await server.tokenFor("STAFF");
    expect((await server.gql(byRef, { r: ref }, { token: otherStaff })).data.transactionByReference.voucher.password).toBeNull();
  });

  it("staff cannot find a password through log search", async () => {
    const search = (s: string) =>
      server.gql(`query($s: String!) { logs(first: 5, filter: { search: $s }) { edges { node { model } } } }`, { s }, { token: staff });
    const hits = await search(password);
    expect(hits.errors).toBeUndefined();
    expect(hits.data.logs.edges).toEqual([]);
    // The same search finds ordinary values.
    expect((await search("Akos")).data.logs.edges.length).toBeGreaterThan(0);
  });
});

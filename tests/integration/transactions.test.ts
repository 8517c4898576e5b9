// Sales over HTTP: the staff list (filters, search, keyset pages both ways), the buyer's
// look-up by reference (password only once paid), node access, appInfo.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
let staff: string;
let manager: string;

const dbIdOf = (globalId: string) => Buffer.from(globalId, "base64").toString("utf8").split(":")[1]!;
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

type Seeded = { id: string; reference: string; createdAt: Date };
const bundle: Record<"a" | "b", { id: string; dbId: string }> = {} as never;

const LIST = `query($first: Int, $after: String, $last: Int, $before: String, $filter: TransactionFilter) {
  transactions(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id reference status fullName phoneNumber allocation { id } amount { amountMinor currency formatted } } }
  }
}`;

const refs = (r: any): string[] => r.data.transactions.edges.map((e: any) => e.node.reference);
const t0 = Date.parse("2025-03-01T08:00:00Z");
const at = (minutes: number) => new Date(t0 + minutes * 60_000);

// 30 sales, one a minute, newest last; sales 10-14 share one instant to test the tiebreak.
const statuses = ["PAID", "PAID", "FAILED", "PENDING", "PAID", "REFUNDED"] as const;
const seeded: Seeded[] = [];
const sale = (i: number) => ({
  reference: `CZ-T${String(i).padStart(7, "0")}`,
  fullName: i === 7 ? "Abena 100% Owusu" : i % 3 === 0 ? `Kwame Mensah ${i}` : `Ama Serwaa ${i}`,
  phoneNumber: `02411${String(i).padStart(5, "0")}`,
  network: "MTN",
  allocationId: i % 2 ? bundle.b.dbId : bundle.a.dbId,
  amountMinor: 100 + i,
  status: statuses[i % statuses.length]!,
  provider: i % 4 === 0 ? "cash" : "sandbox",
  providerReference: `PR-${i}`,
  createdAt: i >= 10 && i <= 14 ? at(10) : at(i),
});

async function allocation(name: string) {
  const r = await server.gql(
    `mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`,
    { input: { name, priceMinor: name.length * 100, dataLimitMb: name.length * 10 } },
    { token: server.adminToken },
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return { id: r.data.createAllocation.id as string, dbId: dbIdOf(r.data.createAllocation.id) };
}

/** The seeded sales in list order: newest first, ties by id descending. */
const expected = (pick: (s: ReturnType<typeof sale> & { id: string }) => boolean = () => true) =>
  seeded
    .map((s, i) => ({ ...sale(i), id: s.id }))
    .filter(pick)
    .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (y.id < x.id ? -1 : y.id > x.id ? 1 : 0))
    .map((s) => s.reference);

beforeAll(async () => {
  server = await startTestServer();
  staff = await server.tokenFor("STAFF");
  manager = await server.tokenFor("MANAGER");
  bundle.a = await allocation("Bundle A");
  bundle.b = await allocation("Bundle Bee");
  for (let i = 0; i < 30; i++) {
    const row = await server.app.services.prisma.transaction.create({ data: sale(i) });
    seeded.push({ id: row.id, reference: row.reference, createdAt: row.createdAt });
  }
});
afterAll(() => server?.stop());

describe("transactions", () => {
  it("needs a staff login", async () => {
    expect(codesOf(await server.gql(LIST, { first: 5 }))).toEqual(["UNAUTHENTICATED"]);
    const r = await server.gql(LIST, { first: 5 }, { token: staff });
    expect(r.errors).toBeUndefined();
    expect(r.data.transactions.edges[0].node).toMatchObject({ fullName: expect.any(String), phoneNumber: expect.stringMatching(/^0\d{9}$/) });
  });

  it("pages forward newest first, through ties, with totalCount on every page", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const r: any = await server.gql(LIST, { first: 7, after }, { token: staff });
      expect(r.errors).toBeUndefined();
      expect(r.data.transactions.totalCount).toBe(30);
      expect(r.data.transactions.pageInfo.hasPreviousPage).toBe(pages > 0);
      seen.push(...refs(r));
      pages++;
      if (!r.data.transactions.pageInfo.hasNextPage) break;
      after = r.data.transactions.pageInfo.endCursor;
    }
    expect(pages).toBe(5);
    expect(seen).toEqual(expected());
  });

  it("pages backward from the oldest with last/before", async () => {
    const seen: string[] = [];
    let before: string | null = null;
    for (;;) {
      const r: any = await server.gql(LIST, { last: 4, before }, { token: staff });
      expect(r.errors).toBeUndefined();
      expect(r.data.transactions.pageInfo.hasNextPage).toBe(before !== null);
      seen.unshift(...refs(r));
      if (!r.data.transactions.pageInfo.hasPreviousPage) break;
      before = r.data.transactions.pageInfo.startCursor;
    }
    expect(seen).toEqual(expected());
    // The edge cursors work in either direction from the middle.
    const all = await server.gql(LIST, { first: 30 }, { token: staff });
    const middle = all.data.transactions.edges[12].cursor;
    expect(refs(await server.gql(LIST, { first: 3, after: middle }, { token: staff }))).toEqual(expected().slice(13, 16));
    expect(refs(await server.gql(LIST, { last: 3, before: middle }, { token: staff }))).toEqual(expected().slice(9, 12));
  });

  it("filters by status, bundle and time, and counts the filtered set", async () => {
    const check = async (filter: Record<string, unknown>, pick: Parameters<typeof expected>[0]) => {
      const r = await server.gql(LIST, { first: 50, filter }, { token: staff });
      expect(r.errors).toBeUndefined();
      expect(refs(r)).toEqual(expected(pick));
      expect(r.data.transactions.totalCount).toBe(expected(pick).length);
    };
    await check({ status: ["PAID"] }, (s) => s.status === "PAID");
    await check({ status: ["PENDING", "FAILED"] }, (s) => s.status === "PENDING" || s.status === "FAILED");
    await check({ allocationId: bundle.b.id }, (s) => s.allocationId === bundle.b.dbId);
    await check({ from: at(10).toISOString(), to: at(20).toISOString() }, (s) => s.createdAt >= at(10) && s.createdAt < at(20));
    await check(
      { status: ["PAID"], allocationId: bundle.a.id, from: at(5).toISOString() },
      (s) => s.status === "PAID" && s.allocationId === bundle.a.dbId && s.createdAt >= at(5),
    );
  });

  it("searches references, names, phone numbers, provider references and voucher usernames", async () => {
    const voucher = await server.app.services.prisma.voucher.create({ data: { username: "srch-voucher", password: "p", allocationId: bundle.a.dbId } });
    await server.app.services.prisma.transaction.update({ where: { id: seeded[21]!.id }, data: { voucherId: voucher.id } });
    const search = async (text: string) => {
      const r = await server.gql(LIST, { first: 50, filter: { search: text } }, { token: staff });
      expect(r.errors).toBeUndefined();
      expect(r.data.transactions.totalCount).toBe(r.data.transactions.edges.length);
      return refs(r);
    };
    expect(await search("cz t0000017")).toEqual(["CZ-T0000017"]);
    expect(await search("CZ-T0000017")).toEqual(["CZ-T0000017"]);
    expect(await search("kwame")).toEqual(expected((s) => s.fullName.startsWith("Kwame")));
    expect(await search("+233 24 110 0004")).toEqual(["CZ-T0000004"]);
    expect(await search("233241100005")).toEqual(["CZ-T0000005"]);
    expect(await search("0241100")).toEqual(expected((s) => s.phoneNumber.startsWith("0241100")));
    expect(await search("PR-23")).toEqual(["CZ-T0000023"]);
    expect(await search("srch-voucher")).toEqual(["CZ-T0000021"]);
    // LIKE wildcards in the text are literal.
    expect(await search("100%")).toEqual(["CZ-T0000007"]);
    expect(await search("%")).toEqual(["CZ-T0000007"]);
    expect(await search("_")).toEqual([]);
    expect(await search("nobody at all")).toEqual([]);
    // Search combines with the other filters.
    const r = await server.gql(LIST, { first: 50, filter: { search: "Serwaa", status: ["PAID"] } }, { token: staff });
    expect(refs(r)).toEqual(expected((s) => s.fullName.includes("Serwaa") && s.status === "PAID"));
  });

  it("rejects bad page arguments and cursors", async () => {
    expect(codesOf(await server.gql(LIST, { first: 5, last: 5 }, { token: staff }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await server.gql(LIST, { first: 201 }, { token: staff }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await server.gql(LIST, { first: 5, after: "bm9wZQ" }, { token: staff }))).toEqual(["BAD_USER_INPUT"]);
    const r = await server.gql(LIST, { first: 5, filter: { from: at(5).toISOString(), to: at(1).toISOString() } }, { token: staff });
    expect(codesOf(r)).toEqual(["BAD_USER_INPUT"]);
  });

  it("lists a sale's notifications, oldest first, to staff", async () => {
    const id = seeded[2]!.id;
    const prisma = server.app.services.prisma;
    // Both already settled (SENT, FAILED): a PENDING row would be delivered by the outbox worker
    // while the test reads it (every time with OUTBOX_POLL_MS=10).
    await prisma.outboxMessage.create({
      data: { channel: "EMAIL", recipient: "ama@example.com", body: "receipt", transactionId: id, status: "SENT", attempts: 1, sentAt: at(101), createdAt: at(100) },
    });
    await prisma.outboxMessage.create({
      data: { channel: "SMS", recipient: "0241100002", body: "voucher", transactionId: id, status: "FAILED", attempts: 3, lastError: "gateway down", createdAt: at(99) },
    });
    const q = `query($id: ID!) { node(id: $id) { ... on Transaction { notifications { channel recipient status attempts lastError sentAt } } } }`;
    const r = await server.gql(q, { id: globalId("Transaction", id) }, { token: staff });
    expect(r.errors).toBeUndefined();
    expect(r.data.node.notifications).toEqual([
      { channel: "SMS", recipient: "0241100002", status: "FAILED", attempts: 3, lastError: "gateway down", sentAt: null },
      { channel: "EMAIL", recipient: "ama@example.com", status: "SENT", attempts: 1, lastError: null, sentAt: at(101).toISOString() },
    ]);
  });
});

describe("transactionByReference", () => {
  const BY_REF = `query($ref: String!) {
    transactionByReference(reference: $ref) { reference status amount { formatted } allocation { name } voucher { username password } }
  }`;
  let voucherId: string;
  let saleId: string;

  beforeAll(async () => {
    const prisma = server.app.services.prisma;
    const v = await prisma.voucher.create({ data: { username: "buyer-voucher", password: "buyer-secret", allocationId: bundle.a.dbId } });
    voucherId = v.id;
    const t = await prisma.transaction.create({
      data: { reference: "CZ-BUYER234", fullName: "Yaw", phoneNumber: "0551234567", allocationId: bundle.a.dbId, amountMinor: 500, provider: "sandbox", voucherId: v.id },
    });
    saleId = t.id;
  });
  const setStatus = (status: "PENDING" | "PAID" | "PARTIALLY_REFUNDED" | "REFUNDED" | "FAILED") =>
    server.app.services.prisma.transaction.update({ where: { id: saleId }, data: { status } });

  it("is public, tolerant of how the reference is typed, and null for an unknown one", async () => {
    for (const ref of ["CZ-BUYER234", "cz-buyer234", " cz buyer234 ", "CZBUYER234"]) {
      const r = await server.gql(BY_REF, { ref });
      expect(r.errors).toBeUndefined();
      expect(r.data.transactionByReference).toMatchObject({ reference: "CZ-BUYER234", amount: { formatted: "5.00" }, allocation: { name: "Bundle A" } });
    }
    const none = await server.gql(BY_REF, { ref: "CZ-NOTHERE2" });
    expect(none.errors).toBeUndefined();
    expect(none.data.transactionByReference).toBeNull();
  });

  it("shows the voucher and its password to the buyer only once paid", async () => {
    await setStatus("PENDING");
    expect((await server.gql(BY_REF, { ref: "CZ-BUYER234" })).data.transactionByReference.voucher).toBeNull();
    await setStatus("PAID");
    expect((await server.gql(BY_REF, { ref: "CZ-BUYER234" })).data.transactionByReference.voucher).toEqual({ username: "buyer-voucher", password: "buyer-secret" });
    await setStatus("PARTIALLY_REFUNDED");
    expect((await server.gql(BY_REF, { ref: "CZ-BUYER234" })).data.transactionByReference.voucher.password).toBe("buyer-secret");
    for (const status of ["REFUNDED", "FAILED"] as const) {
      await setStatus(status);
      expect((await server.gql(BY_REF, { ref: "CZ-BUYER234" })).data.transactionByReference.voucher).toBeNull();
    }
  });

  it("shows staff the voucher at any status, and the password to managers", async () => {
    await setStatus("PENDING");
    const asStaff = await server.gql(BY_REF, { ref: "CZ-BUYER234" }, { token: staff });
    expect(asStaff.data.transactionByReference.voucher).toEqual({ username: "buyer-voucher", password: null });
    const asManager = await server.gql(BY_REF, { ref: "CZ-BUYER234" }, { token: manager });
    expect(asManager.data.transactionByReference.voucher).toEqual({ username: "buyer-voucher", password: "buyer-secret" });
  });

  it("gives the buyer no staff-only fields, and no other way in", async () => {
    await setStatus("PAID");
    const notes = await server.gql(`query { transactionByReference(reference: "CZ-BUYER234") { reference notifications { id } } }`);
    expect(codesOf(notes)).toEqual(["UNAUTHENTICATED"]);
    const q = `query($id: ID!) { node(id: $id) { id ... on Transaction { reference } ... on Voucher { username } } }`;
    for (const id of [globalId("Transaction", saleId), globalId("Voucher", voucherId)]) {
      const anon = await server.gql(q, { id });
      expect(anon.data.node).toBeNull();
      expect(codesOf(anon)).toContain("UNAUTHENTICATED");
      const asStaff = await server.gql(q, { id }, { token: staff });
      expect(asStaff.errors).toBeUndefined();
      expect(asStaff.data.node.id).toBe(id);
    }
  });
});

describe("appInfo", () => {
  it("is public and comes from the configuration", async () => {
    const r = await server.gql(`{ appInfo { currency paymentProvider hotspotLoginUrl timeZone } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.appInfo).toEqual({ currency: "GHS", paymentProvider: server.app.services.config.payments.provider, hotspotLoginUrl: null, timeZone: "Africa/Accra" });
  });

  it("passes the hotspot login page on when configured", async () => {
    const other = await startTestServer({ env: { HOTSPOT_LOGIN_URL: "http://hotspot.example/login" } });
    try {
      const r = await other.gql(`{ appInfo { hotspotLoginUrl } }`);
      expect(r.data.appInfo.hotspotLoginUrl).toBe("http://hotspot.example/login");
    } finally {
      await other.stop();
    }
  });
});

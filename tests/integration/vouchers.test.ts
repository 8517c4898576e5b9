// The voucher pool over HTTP: generate, import, list, disable, and who sees passwords.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
let manager: string;
let staff: string;

const dbIdOf = (globalId: string) => Buffer.from(globalId, "base64").toString("utf8").split(":")[1]!;

let bundles = 0;
async function allocation(opts: { active?: boolean; uptimeLimit?: string } = {}): Promise<string> {
  const n = ++bundles;
  const r = await server.gql(
    `mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`,
    { input: { name: `Pool ${n}`, priceMinor: 200 + n, dataLimitMb: 50 * n, active: opts.active ?? true, uptimeLimit: opts.uptimeLimit } },
    { token: server.adminToken },
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.createAllocation.id;
}

const GENERATE = `mutation($input: GenerateVouchersInput!) {
  generateVouchers(input: $input) { count vouchers { id username password status provisioning allocation { id } transaction { id } usage { bytesIn } } }
}`;
const IMPORT = `mutation($input: ImportVouchersInput!) { importVouchers(input: $input) { imported skipped } }`;
const LIST = `query($first: Int, $after: String, $filter: VoucherFilter) {
  vouchers(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id username password status allocation { id } } }
  }
}`;
const DISABLE = `mutation($id: ID!) { disableVoucher(id: $id) { id status } }`;

beforeAll(async () => {
  server = await startTestServer();
  manager = await server.tokenFor("MANAGER");
  staff = await server.tokenFor("STAFF");
});
afterAll(() => server?.stop());

describe("generateVouchers", () => {
  it("creates unique vouchers from the readable alphabet", async () => {
    const allocationId = await allocation({ uptimeLimit: "1d" });
    const r = await server.gql(GENERATE, { input: { allocationId, count: 40 } }, { token: manager });
    expect(r.errors).toBeUndefined();
    const { count, vouchers } = r.data.generateVouchers;
    expect(count).toBe(40);
    expect(vouchers).toHaveLength(40);
    expect(new Set(vouchers.map((v: { username: string }) => v.username)).size).toBe(40);
    for (const v of vouchers) {
      expect(v.username).toMatch(/^[23456789abcdefghijkmnpqrstuvwxyz]{8}$/);
      expect(v.password).toMatch(/^[23456789abcdefghijkmnpqrstuvwxyz]{8,}$/);
      expect(v).toMatchObject({ status: "AVAILABLE", provisioning: "NOT_REQUIRED", allocation: { id: allocationId }, transaction: null, usage: null });
    }
    const stored = await server.app.services.prisma.voucher.findMany({ where: { allocationId: dbIdOf(allocationId) } });
    expect(stored).toHaveLength(40);
    expect(stored.every((v) => v.source === "GENERATED" && v.uptimeLimit === "1d")).toBe(true);
  });

  it("makes 10,000 in one call, returns the first 100 and records who did it", async () => {
    const allocationId = await allocation();
    const r = await server.gql(GENERATE, { input: { allocationId, count: 10_000 } }, { token: manager });
    expect(r.errors).toBeUndefined();
    expect(r.data.generateVouchers.count).toBe(10_000);
    expect(r.data.generateVouchers.vouchers).toHaveLength(100);
    const [stats] = server.app.services.reader.read(
      `SELECT count(*) AS n, count(DISTINCT username) AS u, count(DISTINCT id) AS i FROM Voucher WHERE allocationId = ?`,
      [dbIdOf(allocationId)],
    );
    expect(stats).toEqual({ n: 10_000, u: 10_000, i: 10_000 });
    // The change triggers stamp the raw bulk insert with the caller, like any other write.
    const first = r.data.generateVouchers.vouchers[0];
    const log = await server.app.services.prisma.logEntry.findFirst({ where: { model: "Voucher", recordId: dbIdOf(first.id), kind: "CREATE" } });
    expect(log?.actorLabel).toMatch(/^manager/);
  });

  it("refuses counts outside 1..10,000, inactive bundles and non-managers", async () => {
    const allocationId = await allocation();
    for (const count of [0, 10_001]) {
      const r = await server.gql(GENERATE, { input: { allocationId, count } }, { token: manager });
      expect(codesOf(r)).toEqual(["BAD_USER_INPUT"]);
    }
    const inactive = await allocation({ active: false });
    const r = await server.gql(GENERATE, { input: { allocationId: inactive, count: 1 } }, { token: manager });
    expect(codesOf(r)).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors?.[0]?.message).toMatch(/not on sale/);
    expect(codesOf(await server.gql(GENERATE, { input: { allocationId, count: 1 } }, { token: staff }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await server.gql(GENERATE, { input: { allocationId, count: 1 } }))).toEqual(["UNAUTHENTICATED"]);
    expect(await server.app.services.prisma.voucher.count({ where: { allocationId: { in: [dbIdOf(allocationId), dbIdOf(inactive)] } } })).toBe(0);
  });
});

describe("importVouchers", () => {
  it("imports the router's CSV: any header case, quotes, CRLF, blank uptime", async () => {
    const allocationId = await allocation();
    const csv = 'login,PASSWORD,Uptime limit\r\nimp-a1,secret1,1d\r\n"imp-a2","pa,ss""2",30m\r\nimp-a3,p3,\r\n\r\n';
    const r = await server.gql(IMPORT, { input: { allocationId, csv } }, { token: manager });
    expect(r.errors).toBeUndefined();
    expect(r.data.importVouchers).toEqual({ imported: 3, skipped: 0 });
    const rows = await server.app.services.prisma.voucher.findMany({ where: { allocationId: dbIdOf(allocationId) }, orderBy: { username: "asc" } });
    expect(rows.map((v) => [v.username, v.password, v.uptimeLimit, v.source, v.status])).toEqual([
      ["imp-a1", "secret1", "1d", "IMPORTED", "AVAILABLE"],
      ["imp-a2", 'pa,ss"2', "30m", "IMPORTED", "AVAILABLE"],
      ["imp-a3", "p3", null, "IMPORTED", "AVAILABLE"],
    ]);
  });

  it("skips logins already in the pool or repeated in the file, and counts them", async () => {
    const allocationId = await allocation();
    await server.gql(IMPORT, { input: { allocationId, csv: "Login,Password,Uptime Limit\ndup-1,x,1h\n" } }, { token: manager });
    const csv = "Login,Password,Uptime Limit\ndup-1,other,1h\ndup-2,y,2h\ndup-3,z,\ndup-2,again,3h\n";
    const r = await server.gql(IMPORT, { input: { allocationId, csv } }, { token: manager });
    expect(r.data.importVouchers).toEqual({ imported: 2, skipped: 2 });
    const rows = await server.app.services.prisma.voucher.findMany({ where: { username: { startsWith: "dup-" } }, orderBy: { username: "asc" } });
    // The first occurrence wins; the existing voucher is untouched.
    expect(rows.map((v) => [v.username, v.password])).toEqual([["dup-1", "x"], ["dup-2", "y"], ["dup-3", "z"]]);
  });

  it.each([
    ["wrong column count", "Login,Password,Uptime Limit\nok-1,p,1h\nbad-2,p\n", /Line 3/],
    ["empty login", "Login,Password,Uptime Limit\nok-1,p,1h\nok-2,p,1h\n ,p,1h\n", /Line 4.*Login/],
    ["empty password", 'Login,Password,Uptime Limit\nok-1,"",1h\n', /Line 2.*Password/],
    ["bad uptime", "Login,Password,Uptime Limit\nok-1,p,1h\nok-2,p,forever\n", /Line 3.*forever/],
    ["unclosed quote", 'Login,Password,Uptime Limit\nok-1,p,1h\n"ok-2,p,1h\n', /Line 3/],
    ["missing header", "ok-1,p,1h\n", /Line 1.*header/],
  ])("rejects a file with %s, naming the line, and imports nothing", async (_name, csv, message) => {
    const allocationId = await allocation();
    const r = await server.gql(IMPORT, { input: { allocationId, csv } }, { token: manager });
    expect(codesOf(r)).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors?.[0]?.message).toMatch(message);
    expect(await server.app.services.prisma.voucher.count({ where: { allocationId: dbIdOf(allocationId) } })).toBe(0);
  });

  it("takes a full 10,000-line export in one call", async () => {
    const allocationId = await allocation();
    const csv = `Login,Password,Uptime Limit\r\n${Array.from({ length: 10_000 }, (_, i) => `big-${i},pw-${i},1d`).join("\r\n")}\r\n`;
    const r = await server.gql(IMPORT, { input: { allocationId, csv } }, { token: manager });
    expect(r.errors).toBeUndefined();
    expect(r.data.importVouchers).toEqual({ imported: 10_000, skipped: 0 });
  });

  it("is for managers only", async () => {
    const allocationId = await allocation();
    const r = await server.gql(IMPORT, { input: { allocationId, csv: "Login,Password\nst-1,p\n" } }, { token: staff });
    expect(codesOf(r)).toEqual(["FORBIDDEN"]);
  });
});

describe("vouchers query", () => {
  let allocationId: string;
  let other: string;
  beforeAll(async () => {
    allocationId = await allocation();
    other = await allocation();
    const csv = `Login,Password\n${Array.from({ length: 12 }, (_, i) => `list-${String(i).padStart(2, "0")},pw${i}`).join("\n")}\n`;
    await server.gql(IMPORT, { input: { allocationId, csv } }, { token: manager });
    await server.gql(IMPORT, { input: { allocationId: other, csv: "Login,Password\nlist-other,pw\n" } }, { token: manager });
  });

  it("shows passwords to managers and admins only", async () => {
    const filter = { allocationId };
    const asStaff = await server.gql(LIST, { first: 3, filter }, { token: staff });
    expect(asStaff.errors).toBeUndefined();
    expect(asStaff.data.vouchers.edges.map((e: any) => e.node.password)).toEqual([null, null, null]);
    for (const token of [manager, server.adminToken]) {
      const r = await server.gql(LIST, { first: 3, filter }, { token });
      expect(r.data.vouchers.edges.every((e: any) => /^pw\d+$/.test(e.node.password))).toBe(true);
    }
    expect(codesOf(await server.gql(LIST, { first: 3 }))).toEqual(["UNAUTHENTICATED"]);
  });

  it("pages through a filtered pool with a stable totalCount", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await server.gql(LIST, { first: 5, after, filter: { allocationId } }, { token: staff });
      expect(r.errors).toBeUndefined();
      expect(r.data.vouchers.totalCount).toBe(12);
      seen.push(...r.data.vouchers.edges.map((e: any) => e.node.username));
      if (!r.data.vouchers.pageInfo.hasNextPage) break;
      after = r.data.vouchers.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    expect(seen.every((u) => u.startsWith("list-") && u !== "list-other")).toBe(true);
  });

  it("filters by status and username search", async () => {
    const search = await server.gql(LIST, { first: 50, filter: { search: "list-0" } }, { token: staff });
    expect(search.data.vouchers.edges.map((e: any) => e.node.username).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `list-0${i}`),
    );
    const target = await server.app.services.prisma.voucher.findUniqueOrThrow({ where: { username: "list-07" } });
    await server.app.services.prisma.voucher.update({ where: { id: target.id }, data: { status: "SOLD" } });
    const sold = await server.gql(LIST, { first: 50, filter: { allocationId, status: ["SOLD"] } }, { token: staff });
    expect(sold.data.vouchers.totalCount).toBe(1);
    expect(sold.data.vouchers.edges[0].node.username).toBe("list-07");
    const both = await server.gql(LIST, { first: 50, filter: { allocationId, status: ["SOLD", "AVAILABLE"] } }, { token: staff });
    expect(both.data.vouchers.totalCount).toBe(12);
  });
});

describe("disableVoucher", () => {
  let allocationId: string;
  beforeAll(async () => {
    allocationId = await allocation();
    await server.gql(IMPORT, { input: { allocationId, csv: "Login,Password\ndis-1,p\ndis-2,p\ndis-3,p\n" } }, { token: manager });
  });
  const voucher = (username: string) => server.app.services.prisma.voucher.findUniqueOrThrow({ where: { username } });
  const nodeId = (id: string) => Buffer.from(`Voucher:${id}`).toString("base64");

  it("disables an available or sold voucher, and a second time is harmless", async () => {
    const v = await voucher("dis-1");
    const r = await server.gql(DISABLE, { id: nodeId(v.id) }, { token: manager });
    expect(r.errors).toBeUndefined();
    expect(r.data.disableVoucher).toEqual({ id: nodeId(v.id), status: "DISABLED" });
    expect((await voucher("dis-1")).status).toBe("DISABLED");
    expect((await server.gql(DISABLE, { id: nodeId(v.id) }, { token: manager })).data.disableVoucher.status).toBe("DISABLED");

    const sold = await voucher("dis-2");
    await server.app.services.prisma.voucher.update({ where: { id: sold.id }, data: { status: "SOLD" } });
    // A raw database id is not an id the API hands out: refused, and the voucher unchanged.
    const raw = await server.gql(DISABLE, { id: sold.id }, { token: manager });
    expect(codesOf(raw)).toEqual(["BAD_USER_INPUT"]);
    expect(raw.errors?.[0]?.message).toBe("That is not a Voucher id: pass the Voucher's id as the API returned it");
    expect((await voucher("dis-2")).status).toBe("SOLD");
    expect((await server.gql(DISABLE, { id: nodeId(sold.id) }, { token: manager })).data.disableVoucher.status).toBe("DISABLED");
  });

  it("refuses a voucher a pending sale holds", async () => {
    const v = await voucher("dis-3");
    await server.app.services.prisma.voucher.update({ where: { id: v.id }, data: { reservedUntil: new Date(Date.now() + 60_000) } });
    await server.app.services.prisma.transaction.create({
      data: { reference: "CZ-DISABLE1", fullName: "Kofi", phoneNumber: "0241112222", allocationId: dbIdOf(allocationId), amountMinor: 100, provider: "sandbox", voucherId: v.id },
    });
    const r = await server.gql(DISABLE, { id: nodeId(v.id) }, { token: manager });
    expect(codesOf(r)).toEqual(["CONFLICT"]);
    expect(r.errors?.[0]?.message).toContain("CZ-DISABLE1");
    expect((await voucher("dis-3")).status).toBe("AVAILABLE");
  });

  it("is for managers, and names unknown vouchers", async () => {
    const v = await voucher("dis-2");
    expect(codesOf(await server.gql(DISABLE, { id: nodeId(v.id) }, { token: staff }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await server.gql(DISABLE, { id: nodeId("cnotavoucher0000000000000") }, { token: manager }))).toEqual(["NOT_FOUND"]);
  });
});

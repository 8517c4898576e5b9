import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
let manager: string;
beforeAll(async () => {
  server = await startTestServer();
  manager = await server.tokenFor("MANAGER");
});
afterAll(() => server?.stop());

const create = `mutation Create($input: AllocationInput!) {
  createAllocation(input: $input) { id code name price { amountMinor currency formatted } dataLimitMb uptimeLimit validityHours routerProfile active }
}`;
const count = () => server.app.services.prisma.allocation.count();

describe("allocations", () => {
  it("creates with the legacy code and money in minor units", async () => {
    const r = await server.gql(create, { input: { name: "Starter", priceMinor: 10, dataLimitMb: 100 } }, { token: manager });
    expect(r.errors).toBeUndefined();
    expect(r.data.createAllocation).toMatchObject({
      code: "0.1_GHS__100MB",
      price: { amountMinor: 10, currency: "GHS", formatted: "0.10" },
      active: true,
    });
    const gb = await server.gql(create, { input: { name: "Big", priceMinor: 1500, dataLimitMb: 2048, uptimeLimit: "7d", validityHours: 168 } }, { token: manager });
    expect(gb.data.createAllocation.code).toBe("15_GHS__2GB");
    const half = await server.gql(create, { input: { name: "Half", priceMinor: 50, dataLimitMb: 100 } }, { token: manager });
    expect(half.data.createAllocation.code).toBe("0.5_GHS__100MB");
  });

  it("lists active bundles publicly and inactive ones to staff only", async () => {
    const r = await server.gql(create, { input: { name: "Old", priceMinor: 20, dataLimitMb: 300, active: false } }, { token: manager });
    expect(r.errors).toBeUndefined();
    const pub = await server.gql(`{ allocations { code active } }`);
    expect(pub.data.allocations.every((a: { active: boolean }) => a.active)).toBe(true);
    expect(pub.data.allocations.map((a: { code: string }) => a.code)).not.toContain("0.2_GHS__300MB");
    expect(codesOf(await server.gql(`{ allocations(includeInactive: true) { code } }`))).toEqual(["UNAUTHENTICATED"]);
    const staff = await server.tokenFor("STAFF");
    const all = await server.gql(`{ allocations(includeInactive: true) { code } }`, {}, { token: staff });
    expect(all.data.allocations.map((a: { code: string }) => a.code)).toContain("0.2_GHS__300MB");
  });

  it("updates, re-deriving the code, and deletes", async () => {
    const r = await server.gql(create, { input: { name: "Temp", priceMinor: 300, dataLimitMb: 500 } }, { token: manager });
    const id = r.data.createAllocation.id;
    const u = await server.gql(
      `mutation($id: ID!, $input: AllocationInput!) { updateAllocation(id: $id, input: $input) { code name } }`,
      { id, input: { name: "Temp+", priceMinor: 350, dataLimitMb: 500 } },
      { token: manager },
    );
    expect(u.data.updateAllocation).toEqual({ code: "3.5_GHS__500MB", name: "Temp+" });
    const d = await server.gql(`mutation($id: ID!) { deleteAllocation(id: $id) }`, { id }, { token: manager });
    expect(d.data.deleteAllocation).toBe(id);
    const again = await server.gql(`mutation($id: ID!) { deleteAllocation(id: $id) }`, { id }, { token: manager });
    expect(codesOf(again)).toEqual(["NOT_FOUND"]);
  });

  it("refuses to delete a bundle with vouchers: CONFLICT, deactivate instead", async () => {
    const r = await server.gql(create, { input: { name: "Used", priceMinor: 700, dataLimitMb: 700 } }, { token: manager });
    const id = r.data.createAllocation.id;
    const row = await server.app.services.prisma.allocation.findUniqueOrThrow({ where: { code: "7_GHS__700MB" } });
    await server.app.services.prisma.voucher.create({ data: { username: "usedv1", password: "p", allocationId: row.id } });
    const d = await server.gql(`mutation($id: ID!) { deleteAllocation(id: $id) }`, { id }, { token: manager });
    expect(codesOf(d)).toEqual(["CONFLICT"]);
    expect(d.errors![0]!.message).toMatch(/deactivate/);
    expect(await server.app.services.prisma.allocation.findUnique({ where: { id: row.id } })).not.toBeNull();
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ["negative price", { name: "X", priceMinor: -5, dataLimitMb: 100 }, /more than zero/],
    ["zero price", { name: "X", priceMinor: 0, dataLimitMb: 100 }, /more than zero/],
    ["empty name", { name: "   ", priceMinor: 5, dataLimitMb: 100 }, /Name the bundle/],
    ["bad uptime", { name: "X", priceMinor: 5, dataLimitMb: 100, uptimeLimit: "ten minutes" }, /RouterOS duration/],
    ["zero data", { name: "X", priceMinor: 5, dataLimitMb: 0 }, /more than 0 MB/],
    ["bad currency", { name: "X", priceMinor: 5, currency: "cedi" }, /3-letter/],
  ];
  for (const [label, input, message] of bad) {
    it(`rejects ${label} with BAD_USER_INPUT and writes nothing`, async () => {
      const before = await count();
      const r = await server.gql(create, { input }, { token: manager });
      expect(codesOf(r)).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors![0]!.message).toMatch(message);
      expect(await count()).toBe(before);
    });
  }

  it("rejects a duplicate code with BAD_USER_INPUT and writes nothing", async () => {
    await server.gql(create, { input: { name: "Dup A", priceMinor: 900, dataLimitMb: 900 } }, { token: manager });
    const before = await count();
    const r = await server.gql(create, { input: { name: "Dup B", priceMinor: 900, dataLimitMb: 900 } }, { token: manager });
    expect(codesOf(r)).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors![0]!.message).toMatch(/9_GHS__900MB already exists/);
    expect(await count()).toBe(before);
  });

  it("staff cannot change bundles", async () => {
    const staff = await server.tokenFor("STAFF");
    const r = await server.gql(create, { input: { name: "Nope", priceMinor: 5, dataLimitMb: 5 } }, { token: staff });
    expect(codesOf(r)).toEqual(["FORBIDDEN"]);
  });
});

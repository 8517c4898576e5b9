// Walks every query and mutation in the served schema as anonymous, staff, manager,
// admin and a staff API key, and checks each is allowed or refused as designed. A new
// field without an entry in `access` fails the test, so nobody ships an unreviewed field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isInterfaceType, isUnionType, isScalarType,
  type GraphQLField, type GraphQLInputType,
} from "graphql";
import { schema } from "../../api/schema.js";
import { startTestServer, type TestServer, type Auth } from "../helpers/server.js";
import { setUpFile } from "../helpers/setup.js";

type Level = "public" | "staff" | "manager" | "admin";

// The designed minimum role for every root field.
const access: Record<string, Level> = {
  "Query.node": "public",
  "Query.me": "public",
  "Query.allocations": "public",
  "Query.appInfo": "public",
  "Query.transactionByReference": "public",
  "Query.logs": "staff",
  "Query.transactions": "staff",
  "Query.transactionTotals": "staff",
  "Query.cashUp": "staff",
  "Query.vouchers": "staff",
  "Query.printBatch": "staff",
  "Query.printBatches": "staff",
  "Query.routers": "staff",
  "Query.refunds": "staff",
  "Query.dashboard": "staff",
  "Query.refundSummary": "staff",
  "Query.users": "admin",
  "Query.apiKeys": "admin",
  "Query.backups": "manager",
  "Query.backupSettings": "manager",
  "Query.journalStatus": "manager",
  "Query.shopSettings": "admin",
  "Mutation.login": "public",
  "Mutation.logout": "public",
  "Mutation.purchase": "public",
  "Mutation.confirmPayment": "staff",
  "Mutation.reportProblem": "public",
  "Mutation.requestRefund": "staff",
  "Mutation.resendVoucher": "staff",
  "Mutation.approveRefund": "manager",
  "Mutation.rejectRefund": "manager",
  "Mutation.retryRefund": "manager",
  "Mutation.createAllocation": "manager",
  "Mutation.updateAllocation": "manager",
  "Mutation.deleteAllocation": "manager",
  "Mutation.generateVouchers": "manager",
  "Mutation.importVouchers": "manager",
  "Mutation.disableVoucher": "manager",
  "Mutation.printVouchers": "staff",
  "Mutation.sellPrintedVoucher": "staff",
  "Mutation.createUser": "admin",
  "Mutation.deleteUser": "admin",
  "Mutation.createApiKey": "admin",
  "Mutation.revokeApiKey": "admin",
  "Mutation.createBackup": "manager",
  "Mutation.deleteBackup": "admin",
  "Query.deletedRows": "admin",
  "Mutation.validateBackup": "admin",
  "Mutation.restoreBackup": "admin",
  "Mutation.restoreToPoint": "admin",
  "Mutation.restoreDeleted": "admin",
  "Mutation.updateShopSettings": "admin",
};

const rank: Record<Level, number> = { public: 0, staff: 1, manager: 2, admin: 3 };

function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type)) out[f.name] = sampleValue(f.type);
    return out;
  }
  switch (type.name) {
    case "Int": return 1;
    case "Float": return 1;
    case "Boolean": return false;
    case "ID": return "QWxsb2NhdGlvbjpub3BlMDAwMDAwMDAwMDAwMDAwMDAw";
    case "DateTime": return "2026-01-01T00:00:00.000Z";
    case "JSON": return {};
    case "File": return "cz-upload:00000000000000000000000000000000"; // a token of no upload: refused by role first
    default: return "x";
  }
}

function operation(kind: "query" | "mutation", field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((a) => isNonNullType(a.type));
  const vars = Object.fromEntries(required.map((a) => [a.name, sampleValue(a.type)]));
  const decl = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ");
  const args = required.map((a) => `${a.name}: $${a.name}`).join(", ");
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? " { __typename }" : "";
  if (!isScalarType(named) && !isEnumType(named) && !selection) throw new Error(`unhandled type ${named}`);
  const query = `${kind} Walk${decl ? `(${decl})` : ""} { ${field.name}${args ? `(${args})` : ""}${selection} }`;
  return { query, vars };
}

const denied = new Set(["FORBIDDEN", "UNAUTHENTICATED"]);
// Staff-level fields about the caller's own work: a staff API key has no user, so is refused
// (FORBIDDEN); managers' keys see everyone's as usual.
const needsUserAtStaff = new Set(["Query.cashUp"]);

let server: TestServer;
const callers: { name: string; level: Level; auth: () => Promise<Auth> }[] = [];

setUpFile(async () => {
  server = await startTestServer();
  const staff = await server.tokenFor("STAFF");
  const manager = await server.tokenFor("MANAGER");
  const r = await server.gql(`mutation { createApiKey(input: {name: "walker", role: STAFF}) { key } }`, {}, { token: server.adminToken });
  const apiKey = r.data.createApiKey.key as string;
  callers.push(
    { name: "anonymous", level: "public", auth: async () => ({}) },
    { name: "staff", level: "staff", auth: async () => ({ token: staff }) },
    { name: "staff api key", level: "staff", auth: async () => ({ apiKey }) },
    { name: "manager", level: "manager", auth: async () => ({ token: manager }) },
    { name: "admin", level: "admin", auth: async () => ({ token: server.adminToken }) },
  );
});
afterAll(() => server?.stop());

const fields = [
  ...Object.values(schema.getQueryType()!.getFields()).map((f) => ["query", f] as const),
  ...Object.values(schema.getMutationType()!.getFields()).map((f) => ["mutation", f] as const),
];

describe("authorization walk", () => {
  it("every root field has a designed access level", () => {
    const names = fields.map(([k, f]) => `${k === "query" ? "Query" : "Mutation"}.${f.name}`);
    expect(names.filter((n) => !(n in access))).toEqual([]);
  });

  for (const [kind, field] of fields) {
    const key = `${kind === "query" ? "Query" : "Mutation"}.${field.name}`;
    // login/logout answer UNAUTHENTICATED about credentials, not access: covered in auth.test.ts.
    if (key === "Mutation.login" || key === "Mutation.logout") continue;
    it(`${key} is ${access[key] ?? "?"}`, async () => {
      const need = access[key];
      expect(need, `no access entry for ${key}`).toBeDefined();
      const { query, vars } = operation(kind, field);
      for (const caller of callers) {
        const r = await server.gql(query, vars, await caller.auth());
        const codes = (r.errors ?? []).map((e) => String(e.extensions?.code));
        const refused = codes.some((c) => denied.has(c));
        const shouldPass = rank[caller.level] >= rank[need!] && !(caller.name === "staff api key" && needsUserAtStaff.has(key));
        expect(refused, `${caller.name} on ${key}: ${JSON.stringify(r.errors)}`).toBe(!shouldPass);
        if (!shouldPass) expect(codes).toContain(caller.level === "public" ? "UNAUTHENTICATED" : "FORBIDDEN");
        expect(codes, `${caller.name} on ${key} hit an unexpected error`).not.toContain("INTERNAL_SERVER_ERROR");
      }
    });
  }
});

// Field-level access inside the dashboard: counts and stock for staff, money for managers.
// Every field of every dashboard type needs an entry (money ones are "manager").
const dashboardAccess: Record<string, Level> = {
  "Dashboard.revenue": "manager",
  "Dashboard.refundedAmount": "manager",
  "Dashboard.netRevenue": "manager",
  "Dashboard.averageSale": "manager",
  "AllocationSales.revenue": "manager",
  "ProviderSales.revenue": "manager",
  "SeriesPoint.revenue": "manager",
  "SeriesPoint.refundedAmount": "manager",
  "HourSales.revenue": "manager",
  "DashboardPeriod.revenue": "manager",
  "DashboardPeriod.refundedAmount": "manager",
};
const dashboardPaths: Record<string, string> = {
  Dashboard: "",
  AllocationSales: "salesByAllocation",
  ProviderSales: "providerSplit",
  SeriesPoint: "series(granularity: DAY)",
  HourSales: "salesByHour",
  DashboardPeriod: "today",
  BundleStock: "stock",
};

describe("dashboard field walk", () => {
  beforeAll(async () => {
    // One paid sale, so every list in the dashboard has a row whose fields resolve.
    const a = await server.gql(
      `mutation { createAllocation(input: {name: "Walk bundle", priceMinor: 150, dataLimitMb: 100}) { id } }`, {}, { token: server.adminToken });
    const id = a.data.createAllocation.id as string;
    await server.gql(`mutation($id: ID!) { generateVouchers(input: {allocationId: $id, count: 3}) { __typename } }`, { id }, { token: server.adminToken });
    const p = await server.gql(
      `mutation($id: ID!) { purchase(input: {allocationId: $id, fullName: "Walk", phoneNumber: "0241234567", idempotencyKey: "walk-1"}) { transaction { status } } }`, { id });
    expect(p.data?.purchase.transaction.status, JSON.stringify(p.errors)).toBe("PAID");
  });

  for (const [typeName, path] of Object.entries(dashboardPaths)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
    for (const field of Object.values(type.getFields())) {
      const key = `${typeName}.${field.name}`;
      const need = dashboardAccess[key] ?? "staff";
      it(`${key} is ${need}`, async () => {
        const named = getNamedType(field.type);
        const args = field.name === "series" ? "(granularity: DAY)" : field.args.length ? "(limit: 3)" : "";
        const sel = `${field.name}${args}${isObjectType(named) ? " { __typename }" : ""}`;
        const query = `{ dashboard { ${path ? `${path} { ${sel} }` : sel} } }`;
        for (const caller of callers) {
          const r = await server.gql(query, {}, await caller.auth());
          const codes = (r.errors ?? []).map((e) => String(e.extensions?.code));
          const shouldPass = rank[caller.level] >= rank[need];
          expect(codes.some((c) => denied.has(c)), `${caller.name} on ${key}: ${JSON.stringify(r.errors)}`).toBe(!shouldPass);
          if (shouldPass) expect(r.errors, `${caller.name} on ${key}`).toBeUndefined();
        }
      });
    }
  }
});

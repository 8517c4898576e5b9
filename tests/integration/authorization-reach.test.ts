// The authorization walk, continued past the root fields: every field of every Node type,
// reached through node(id), through the relations that lead to it, and every subscription,
// for anonymous, staff, a staff API key, manager and admin. One rule for a type wherever
// it is reached: a field a caller may not see is refused (FORBIDDEN / UNAUTHENTICATED) or,
// where the design says "hidden", answers null; a new field or type without a designed
// level fails the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getNamedType, isObjectType, isInterfaceType, isNonNullType, type GraphQLField } from "graphql";
import { schema } from "../../api/schema.js";
import { codesOf, collect, startTestServer, type Auth, type TestServer } from "../helpers/server.js";

type Level = "public" | "staff" | "manager" | "admin";
const rank: Record<Level, number> = { public: 0, staff: 1, manager: 2, admin: 3 };

// Who may reach a node of each type at all.
const typeAccess: Record<string, Level> = {
  Allocation: "public",
  ApiKey: "admin",
  Backup: "manager",
  LogEntry: "staff",
  PrintBatch: "staff",
  Refund: "staff",
  Router: "staff",
  Transaction: "staff",
  User: "staff",
  Voucher: "staff",
};
// Fields stricter than their type. "hidden": below the level the field answers null
// instead of an error (so a list of rows still renders).
const fieldAccess: Record<string, { level: Level; hidden?: boolean }> = {
  "Allocation.stock": { level: "staff" },
  // Contact details: admins and the user themselves (the seeded user is the admin).
  "User.email": { level: "admin", hidden: true },
  "User.phoneNumber": { level: "admin", hidden: true },
  // Staff hand over the password of a sale they made; managers see all of them.
  "Voucher.password": { level: "manager", hidden: true },
};

let server: TestServer;
let callers: { name: string; level: Level; auth: Auth; ws: Record<string, unknown> }[] = [];
const ids: Record<string, string> = {};

async function admin(query: string, variables: Record<string, unknown> = {}) {
  const r = await server.gql(query, variables, { token: server.adminToken });
  if (r.errors) throw new Error(`${query}: ${JSON.stringify(r.errors)}`);
  return r.data;
}

beforeAll(async () => {
  server = await startTestServer({ env: { BACKUP_SCHEDULE: "off" } });
  const staff = await server.tokenFor("STAFF");
  const manager = await server.tokenFor("MANAGER");
  const key = (await admin(`mutation { createApiKey(input: {name: "reach", role: STAFF}) { key apiKey { id } } }`)).createApiKey;
  callers = [
    { name: "anonymous", level: "public", auth: {}, ws: {} },
    { name: "staff", level: "staff", auth: { token: staff }, ws: { authorization: staff } },
    { name: "staff api key", level: "staff", auth: { apiKey: key.key }, ws: { apiKey: key.key } },
    { name: "manager", level: "manager", auth: { token: manager }, ws: { authorization: manager } },
    { name: "admin", level: "admin", auth: { token: server.adminToken }, ws: { authorization: server.adminToken } },
  ];
  ids.ApiKey = key.apiKey.id;
  ids.Allocation = (await admin(`mutation { createAllocation(input: {name: "Reach", priceMinor: 100, dataLimitMb: 100}) { id } }`)).createAllocation.id;
  await admin(`mutation($a: ID!) { generateVouchers(input: {allocationId: $a, count: 6}) { count } }`, { a: ids.Allocation });
  const sale = await server.gql(
    `mutation($a: ID!) { purchase(input: {allocationId: $a, fullName: "Ama Reach", phoneNumber: "0241112222", idempotencyKey: "reach-1"}) { transaction { id status voucher { id } } } }`,
    { a: ids.Allocation },
  );
  expect(sale.data?.purchase.transaction.status, JSON.stringify(sale.errors)).toBe("PAID");
  ids.Transaction = sale.data.purchase.transaction.id;
  ids.Voucher = sale.data.purchase.transaction.voucher.id;
  ids.Refund = (await admin(`mutation($t: ID!) { requestRefund(input: {transactionId: $t, reason: "walk", idempotencyKey: "reach-r"}) { id } }`, { t: ids.Transaction })).requestRefund.id;
  ids.PrintBatch = (await admin(`mutation($a: ID!) { printVouchers(input: {allocationId: $a, count: 2}) { id } }`, { a: ids.Allocation })).printVouchers.id;
  ids.Backup = (await admin(`mutation { createBackup(format: SQLITE) { id } }`)).createBackup.id;
  ids.User = (await admin(`{ users { id username } }`)).users.find((u: { username: string }) => u.username === "admin").id;
  await server.app.services.prisma.user.update({ where: { username: "admin" }, data: { email: "owner@example.com", phoneNumber: "0240000001" } });
  await server.app.services.prisma.router.create({ data: { name: "reach-router", host: "127.0.0.1", username: "api", password: "router-secret" } });
  ids.Router = (await admin(`{ routers { id } }`)).routers[0].id;
  await server.app.services.log.flush();
  ids.LogEntry = (await admin(`{ logs(first: 1) { edges { node { id } } } }`)).logs.edges[0].node.id;
});
afterAll(() => server?.stop());

const nodeTypes = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === "Node"));

/** A selection for one field: scalars as they are, objects by __typename, required args sampled. */
function selectionOf(field: GraphQLField<unknown, unknown>): string | null {
  if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) return null;
  const named = getNamedType(field.type);
  const args = field.args.some((a) => a.name === "first") ? "(first: 1)" : "";
  return `${field.name}${args}${isObjectType(named) || isInterfaceType(named) ? " { __typename }" : ""}`;
}

/** A well-formed global id of this type that names no row. */
const missingIdOf = (type: string) => Buffer.from(`${type}:999999999`).toString("base64");

const denied = new Set(["FORBIDDEN", "UNAUTHENTICATED"]);

describe("node(id): every field of every Node type", () => {
  it("every Node type has a designed level and a seeded row", () => {
    expect(nodeTypes.map((t) => t.name).filter((n) => !(n in typeAccess))).toEqual([]);
    expect(Object.keys(typeAccess).filter((n) => !ids[n])).toEqual([]);
  });

  for (const type of nodeTypes) {
    if (!isObjectType(type)) continue;
    it(`${type.name}: reached by node() as designed`, async () => {
      const typeLevel = typeAccess[type.name]!;
      for (const field of Object.values(type.getFields())) {
        const sel = selectionOf(field);
        if (!sel) continue;
        const rule = fieldAccess[`${type.name}.${field.name}`] ?? { level: typeLevel };
        const need = rank[rule.level] > rank[typeLevel] ? rule.level : typeLevel;
        const query = `query($id: ID!) { node(id: $id) { __typename ... on ${type.name} { ${sel} } } }`;
        for (const caller of callers) {
          const r = await server.gql(query, { id: ids[type.name] }, caller.auth);
          const codes = (r.errors ?? []).map((e) => String(e.extensions?.code));
          const where = `${caller.name} on ${type.name}.${field.name}: ${JSON.stringify(r.errors ?? r.data)}`;
          expect(codes, where).not.toContain("INTERNAL_SERVER_ERROR");
          const allowed = rank[caller.level] >= rank[need];
          const seen = r.data?.node?.[field.name];
          if (allowed) {
            expect(codes.filter((c) => denied.has(c)), where).toEqual([]);
            expect(r.data?.node?.__typename, where).toBe(type.name);
            if (rule.hidden) expect(seen, `${where}: shown to who may see it`).not.toBeNull();
          } else if (rank[caller.level] < rank[typeLevel]) {
            // Not even the node: refused, and nothing of it in the answer.
            expect(codes.some((c) => denied.has(c)), where).toBe(true);
            expect(r.data?.node ?? null, where).toBeNull();
            // ...and to a stranger the same answer as for an id that does not exist, so probing
            // ids learns nothing. (Staff may learn that an admin-only row exists; not a secret.)
            if (caller.level !== "public") continue;
            const missing = await server.gql(query, { id: missingIdOf(type.name) }, caller.auth);
            expect(missing.data?.node ?? null, where).toBeNull();
            expect((missing.errors ?? []).map((e) => e.extensions?.code), where).toEqual(codes);
          } else if (rule.hidden) {
            expect(seen ?? null, where).toBeNull();
          } else {
            expect(codes.some((c) => denied.has(c)), where).toBe(true);
            expect(seen ?? null, where).toBeNull();
          }
        }
      }
    });
  }
});

describe("relations: a type's rule holds wherever it is reached", () => {
  const byLevel = (min: Level) => callers.filter((c) => rank[c.level] >= rank[min]);
  const below = (min: Level) => callers.filter((c) => rank[c.level] < rank[min]);

  it("a log entry's actor shows contact details to admins only", async () => {
    const q = `{ logs(first: 50) { edges { node { actor { username email phoneNumber } } } } }`;
    for (const caller of byLevel("staff")) {
      const r = await server.gql(q, {}, caller.auth);
      expect(r.errors, caller.name).toBeUndefined();
      const actors = r.data.logs.edges.map((e: any) => e.node.actor).filter(Boolean);
      expect(actors.length, caller.name).toBeGreaterThan(0);
      const emails = actors.map((a: any) => a.email).filter(Boolean);
      if (caller.level === "admin") expect(emails, caller.name).toContain("owner@example.com");
      else expect(emails, caller.name).toEqual([]);
    }
    for (const caller of below("staff")) {
      // A small page, so the refusal is about who asks, not the anonymous cost limit.
      const r = await server.gql(q.replace("first: 50", "first: 2"), {}, caller.auth);
      expect(codesOf(r), caller.name).toEqual(["UNAUTHENTICATED"]);
      expect(r.data?.logs ?? null).toBeNull();
    }
  });

  it("an api key's creator, a print batch's printer and a refund's requester follow User's rule", async () => {
    const paths = [
      [`query($id: ID!) { node(id: $id) { ... on ApiKey { createdBy { username email } } } }`, ids.ApiKey, "admin"],
      [`query($id: ID!) { node(id: $id) { ... on PrintBatch { printedBy { username email } } } }`, ids.PrintBatch, "staff"],
      [`query($id: ID!) { node(id: $id) { ... on Refund { requestedBy { username email } } } }`, ids.Refund, "staff"],
    ] as const;
    for (const [q, id, min] of paths) {
      for (const caller of callers) {
        const r = await server.gql(q, { id }, caller.auth);
        const where = `${caller.name}: ${q}: ${JSON.stringify(r)}`;
        const user = r.data?.node ? Object.values(r.data.node)[0] as any : null;
        if (rank[caller.level] < rank[min]) {
          expect(codesOf(r).some((c) => denied.has(c)), where).toBe(true);
          expect(user, where).toBeNull();
        } else {
          expect(r.errors, where).toBeUndefined();
          expect(user.username, where).toBe("admin");
          expect(user.email, where).toBe(caller.level === "admin" ? "owner@example.com" : null);
        }
      }
    }
  });

  it("a voucher's sale and a sale's voucher: staff see them, only managers the password", async () => {
    const q = `query($id: ID!) { node(id: $id) { ... on Voucher { password transaction { reference voucher { password } } } } }`;
    for (const caller of byLevel("staff")) {
      const r = await server.gql(q, { id: ids.Voucher }, caller.auth);
      const where = `${caller.name}: ${JSON.stringify(r)}`;
      expect(r.errors, where).toBeUndefined();
      expect(r.data.node.transaction.reference, where).toMatch(/^CZ-/);
      const shown = rank[caller.level] >= rank.manager;
      expect(r.data.node.password !== null, where).toBe(shown);
      expect(r.data.node.transaction.voucher.password !== null, where).toBe(shown);
    }
  });

  it("the buyer's own sale reaches its voucher, but a guessed reference reaches nothing", async () => {
    const reference = (await admin(`query($id: ID!) { node(id: $id) { ... on Transaction { reference } } }`, { id: ids.Transaction })).node.reference;
    const q = `query($r: String!) { transactionByReference(reference: $r) { reference voucher { username password } refunds { status requestedBy { username } } } }`;
    const own = await server.gql(q, { r: reference });
    expect(own.errors, JSON.stringify(own)).toBeUndefined();
    expect(own.data.transactionByReference.voucher.password).toEqual(expect.any(String));
    // The buyer sees their refund, not which staff member asked for it.
    expect(own.data.transactionByReference.refunds[0].requestedBy).toBeNull();
    const guess = await server.gql(q, { r: `${reference.slice(0, -1)}${reference.endsWith("A") ? "B" : "A"}` });
    expect(guess.data?.transactionByReference ?? null).toBeNull();
  });
});

describe("subscriptions: refused when they start for a caller below their level", () => {
  const subs: { name: string; level: Level; query: string }[] = [
    { name: "backupProgress", level: "manager", query: `subscription { backupProgress(since: 0) { backupId status } }` },
    { name: "logAdded", level: "staff", query: `subscription { logAdded(since: 0) { id message } }` },
    { name: "modelSaved", level: "staff", query: `subscription { modelSaved(since: 0) { model recordId } }` },
    { name: "modelDeleted", level: "staff", query: `subscription { modelDeleted(since: 0) { model recordId } }` },
  ];

  it("every subscription has a designed level", () => {
    const fields = Object.keys(schema.getSubscriptionType()!.getFields()).sort();
    expect(fields).toEqual(subs.map((s) => s.name).sort());
  });

  it("each caller gets the replay or a refusal, as designed", async () => {
    // Something to replay for every subscription: a deletion as well as saves and a backup.
    await admin(`mutation { createAllocation(input: {name: "Gone", priceMinor: 100, dataLimitMb: 10}) { id } }`).then((d) =>
      admin(`mutation($id: ID!) { deleteAllocation(id: $id) }`, { id: d.createAllocation.id }),
    );
    await server.app.services.log.flush();
    for (const sub of subs) {
      for (const caller of callers) {
        const client = server.ws(caller.ws);
        try {
          const run = collect(client, sub.query, {}, 1, 10_000);
          if (rank[caller.level] >= rank[sub.level]) {
            const items = await run.done;
            expect(items.length, `${caller.name} on ${sub.name}`).toBeGreaterThanOrEqual(1);
          } else {
            const err = await run.done.then(() => null, (e: { errors?: { extensions?: { code?: string } }[] }) => e);
            expect(err?.errors?.map((e) => e.extensions?.code), `${caller.name} on ${sub.name}`).toEqual([caller.level === "public" ? "UNAUTHENTICATED" : "FORBIDDEN"]);
          }
        } finally {
          await client.dispose();
        }
      }
    }
  });
});

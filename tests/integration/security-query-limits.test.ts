// Anonymous denial of service through one big request: aliases, depth, cost and size are
// limited over HTTP and WebSocket, set just above the dashboard's real operations, lower for
// anonymous callers; a refusal is QUERY_TOO_COMPLEX and a WARN entry, and other requests
// (/healthz) keep being answered while the refusals come in.
import { parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../api/schema.js";
import { ANONYMOUS_LIMITS, MAX_TOKENS, STAFF_LIMITS, limitRules, type QueryLimits } from "../../api/core/query-limits.js";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";
import { uiOperations } from "../helpers/ui-operations.js";

const huge: QueryLimits = { depth: 1e9, aliases: 1e9, directives: 1e9, cost: 1e9 };
const measure = (source: string) => {
  const m: Record<string, number> = {};
  validate(schema, parse(source), limitRules(huge, (what, n) => (m[what] = Math.max(m[what] ?? 0, n))));
  return m as QueryLimits;
};
const isPublic = (file: string) => /routes\/buy\/|routes\/login\/|lib\/app-info\.ts/.test(file);

describe("limits against the dashboard's own operations", () => {
  const ops = uiOperations();

  it("finds the dashboard's operations", () => {
    expect(ops.length).toBeGreaterThan(30);
    expect(ops.map((o) => o.name)).toEqual(expect.arrayContaining(["TransactionDetail", "BuyPurchase", "Login", "Logs"]));
  });

  it("every operation passes the staff limits, every public one the anonymous limits", () => {
    for (const o of ops) {
      expect(validate(schema, parse(o.source), limitRules(STAFF_LIMITS)), o.name).toEqual([]);
      expect(() => parse(o.source, { maxTokens: MAX_TOKENS }), o.name).not.toThrow();
      if (isPublic(o.file)) expect(validate(schema, parse(o.source), limitRules(ANONYMOUS_LIMITS)), o.name).toEqual([]);
    }
  });

  it("the limits sit just above what the operations need (depth +2, anonymous cost at most 1.5x)", () => {
    const max = (list: typeof ops) => list.map((o) => measure(o.source)).reduce((a, m) => ({ depth: Math.max(a.depth, m.depth), cost: Math.max(a.cost, m.cost) }), { depth: 0, cost: 0 });
    const all = max(ops);
    const pub = max(ops.filter((o) => isPublic(o.file)));
    expect(STAFF_LIMITS.depth).toBeLessThanOrEqual(all.depth + 2);
    // Staff cost allows literal page sizes (see query-limits.ts): 200 log entries with actors.
    expect(measure(`{ logs(first: 200) { edges { node { sequence actor { username } } } } }`).cost).toBeLessThanOrEqual(STAFF_LIMITS.cost);
    expect(ANONYMOUS_LIMITS.depth).toBeLessThanOrEqual(pub.depth + 2);
    expect(ANONYMOUS_LIMITS.cost).toBeLessThanOrEqual(pub.cost * 1.5);
  });
});

describe("limits over HTTP and WebSocket", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  const aliases = (n: number, field = "allocations { id name }") => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }`;

  it("5,000 aliases are refused with QUERY_TOO_COMPLEX while /healthz keeps answering", async () => {
    // Signed in, so the document reaches the parser (an anonymous one this size is refused
    // before it is read: see the next assertion). Three different documents: Yoga caches
    // the parse of identical ones, refusals included.
    const token = await server.tokenFor("STAFF");
    const attacks = ["allocations { id }", "allocations { name }", "appInfo { currency }"].map((f) => server.gql(aliases(5_000, f), {}, { token }));
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    for (const r of await Promise.all(attacks)) {
      expect(codesOf(r)).toEqual(["QUERY_TOO_COMPLEX"]);
      expect(r.errors![0]!.message).toMatch(/too long/);
      expect(r.data ?? null).toBeNull();
    }
    // Anonymous, the same document is over the anonymous body limit: refused unread.
    const anonymous = await server.gql(aliases(5_000));
    expect(codesOf(anonymous)).toEqual(["PAYLOAD_TOO_LARGE"]);
    await server.app.services.log.flush();
    const entries = await server.app.services.prisma.logEntry.count({ where: { kind: "REQUEST", level: "WARN", message: { startsWith: "Request refused" } } });
    expect(entries).toBeGreaterThanOrEqual(3);
  });

  it("anonymous callers get lower limits than staff", async () => {
    const q = aliases(5, "appInfo { currency }");
    const anon = await server.gql(q);
    expect(codesOf(anon)).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(anon.errors![0]!.message).toMatch(/aliases above 3/);
    const staff = await server.gql(q, {}, { token: server.adminToken });
    expect(staff.errors).toBeUndefined();
    expect(Object.keys(staff.data)).toHaveLength(5);
    const tooMany = await server.gql(aliases(16, "appInfo { currency }"), {}, { token: server.adminToken });
    expect(codesOf(tooMany)).toEqual(["QUERY_TOO_COMPLEX"]);
  });

  it("over graphql-ws the same limits apply", async () => {
    const client = server.ws();
    const run = (query: string) =>
      new Promise<{ errors?: { message: string; extensions?: { code?: string } }[] }>((resolve) => {
        client.subscribe({ query }, {
          next: (v) => resolve(v as never),
          error: (e) => resolve({ errors: Array.isArray(e) ? (e as never) : [{ message: String(e) }] }),
          complete: () => {},
        });
      });
    const big = await run(aliases(5_000));
    expect(big.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    const anon = await run(aliases(5, "appInfo { currency }"));
    expect(anon.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    const ok = await run(aliases(2, "appInfo { currency }"));
    expect(ok.errors).toBeUndefined();
  });
});

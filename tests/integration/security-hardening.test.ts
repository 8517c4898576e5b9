// The "weak" findings of the attack pass: headers, cookies behind a proxy, /metrics,
// introspection and suggestions in production, input and body sizes, what the logs keep,
// file modes.
import { statSync } from "node:fs";
import path from "node:path";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, codesOf, startTestServer, type TestServer } from "../helpers/server.js";
import { createLogSmsSender } from "../../api/drivers/notify/sms-log.js";
import { buy, seedAllocation } from "./sales-seed.js";

let server: TestServer;
let prod: TestServer;
const METRICS_TOKEN = "metrics-token-0123456789";
beforeAll(async () => {
  server = await startTestServer({ env: { TRUSTED_PROXIES: "127.0.0.1" } });
  prod = await startTestServer({ env: { NODE_ENV: "production", METRICS_TOKEN } });
});
afterAll(() => Promise.allSettled([server?.stop(), prod?.stop()]));

/** A GET from a chosen local address with chosen headers. */
function get(s: TestServer, p: string, headers: Record<string, string> = {}, from = "127.0.0.1") {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: s.port, path: p, headers, localAddress: from }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;

describe("headers and cookies", () => {
  it("every page forbids framing and sniffing and limits the Referer; no HSTS over plain HTTP", async () => {
    for (const p of ["/", "/buy", "/healthz"]) {
      const r = await get(server, p);
      expect(r.headers["content-security-policy"], p).toMatch(/frame-ancestors 'none'/);
      expect(r.headers["x-frame-options"]).toBe("DENY");
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(r.headers["strict-transport-security"]).toBeUndefined();
    }
  });

  it("behind a trusted proxy that says https: HSTS and a Secure cookie; the same header from anyone else counts for nothing", async () => {
    const viaProxy = await get(server, "/healthz", { "x-forwarded-proto": "https" }, "127.0.0.1");
    expect(viaProxy.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    const proxied = await server.gql(LOGIN, { u: ADMIN.username, p: ADMIN.password }, { headers: { "x-forwarded-proto": "https" }, from: "127.0.0.1" });
    expect(proxied.headers.get("set-cookie")).toMatch(/; Secure/);
    const spoofed = await server.gql(LOGIN, { u: ADMIN.username, p: ADMIN.password }, { headers: { "x-forwarded-proto": "https" }, from: "127.0.0.9" });
    expect(spoofed.headers.get("set-cookie")).not.toMatch(/Secure/);
    expect((await get(server, "/healthz", { "x-forwarded-proto": "https" }, "127.0.0.9")).headers["strict-transport-security"]).toBeUndefined();
  });

  it("in production the cookie is always Secure", async () => {
    const r = await prod.gql(LOGIN, { u: ADMIN.username, p: ADMIN.password });
    expect(r.headers.get("set-cookie")).toMatch(/; Secure/);
  });
});

describe("/metrics", () => {
  it("without METRICS_TOKEN: loopback only, not through a proxy", async () => {
    expect((await get(server, "/metrics")).status).toBe(200);
    expect((await get(server, "/metrics", { "x-forwarded-for": "203.0.113.7" })).status).toBe(403);
  });
  it("with METRICS_TOKEN: the bearer token, from anywhere", async () => {
    expect((await get(prod, "/metrics")).status).toBe(401);
    expect((await get(prod, "/metrics", { authorization: "Bearer wrong-token-0123456789" })).status).toBe(401);
    expect((await get(prod, "/metrics", { authorization: `Bearer ${METRICS_TOKEN}` })).status).toBe(200);
  });
});

describe("production schema exposure", () => {
  it("no introspection for anonymous callers; staff keep it", async () => {
    const q = `{ __schema { queryType { name } } }`;
    expect(codesOf(await prod.gql(q))).toEqual(["FORBIDDEN"]);
    expect((await prod.gql(`{ __type(name: "User") { fields { name } } }`)).data?.__type ?? null).toBeNull();
    expect((await prod.gql(q, {}, { token: prod.adminToken })).data.__schema.queryType.name).toBe("Query");
  });
  it("no field suggestions", async () => {
    const r = await prod.gql(`{ allocatons { id } }`);
    expect(r.errors?.[0]?.message).toBeDefined();
    expect(JSON.stringify(r.errors)).not.toMatch(/Did you mean/i);
  });
});

describe("input sizes", () => {
  it("a 100,000-character search is BAD_USER_INPUT, not an internal error", async () => {
    const long = "x".repeat(100_000);
    const tx = await server.gql(`query($s: String) { transactions(first: 5, filter: { search: $s }) { edges { cursor } } }`, { s: long }, { token: server.adminToken });
    expect(codesOf(tx)).toEqual(["BAD_USER_INPUT"]);
    const logs = await server.gql(`query($s: String) { logs(first: 5, filter: { search: $s }) { edges { cursor } } }`, { s: long }, { token: server.adminToken });
    expect(codesOf(logs)).toEqual(["BAD_USER_INPUT"]);
  });

  it("anonymous bodies are small; signed-in ones may be larger", async () => {
    const big = JSON.stringify({ query: `query($x: String) { appInfo { currency } }`, variables: { x: "y".repeat(200_000) } });
    const anon = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: big });
    expect(anon.status).toBe(413);
    expect(((await anon.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("PAYLOAD_TOO_LARGE");
    const staff = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${server.adminToken}` }, body: big });
    expect(staff.status).toBe(200);
  });

  it("an anonymous chunked body (no Content-Length, so no size known up front) is refused unread", async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.write(JSON.stringify({ query: "{ appInfo { currency } }" }));
      req.end();
    });
    expect(answer.status).toBe(411);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe("LENGTH_REQUIRED");
  });

  it("an invalid phone number's error does not repeat the input", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const input = "<img src=x onerror=alert(1)>";
    const r = await buy(server, bundle.id, { phoneNumber: input });
    expect(codesOf(r)).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors![0]!.message).not.toContain("<img");
  });

  it("text with a lone surrogate (half an emoji) is BAD_USER_INPUT, in variables and in the query, and writes nothing", async () => {
    const sessions = await server.app.services.prisma.session.count();
    const refunds = await server.app.services.prisma.refund.count();
    const cases = [
      server.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: "ad\ud800min", p: "x" }),
      server.gql(`mutation($r: String!, $m: String!) { reportProblem(reference: $r, message: $m) { id } }`, { r: "CZ-\udfff", m: "broken" }),
      server.gql(`mutation { login(username: "a\ud83d", password: "x") { token } }`),
    ];
    for (const r of await Promise.all(cases)) {
      expect(codesOf(r), JSON.stringify(r)).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors![0]!.message).toContain("invalid character");
    }
    // A whole emoji is fine: the login is refused for its password, not its text.
    const emoji = await server.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: "ama🙂", p: "x" });
    expect(codesOf(emoji)).toEqual(["UNAUTHENTICATED"]);
    expect(await server.app.services.prisma.session.count()).toBe(sessions);
    expect(await server.app.services.prisma.refund.count()).toBe(refunds);
  });
});

describe("what the logs keep", () => {
  it("a password typed as the username is not stored in the log", async () => {
    await server.gql(LOGIN, { u: "Tr0ub4dor&3-secret", p: "whatever" }, { from: "127.0.0.40" });
    await server.app.services.log.flush();
    const hits = await server.app.services.prisma.logEntry.findMany({ where: { kind: "AUTH" } });
    expect(JSON.stringify(hits)).not.toContain("Tr0ub4dor");
    expect(hits.some((h) => h.message === "Login failed for an unknown username")).toBe(true);
  });

  it("the log-only SMS channel does not print the message (it carries the voucher password)", async () => {
    const lines: unknown[] = [];
    const sms = createLogSmsSender({ info: (o: unknown) => lines.push(o), warn: () => {}, error: () => {}, debug: () => {} } as never);
    await sms.send("0241234567", "Your voucher: user abc password s3cr3t-pw");
    expect(JSON.stringify(lines)).not.toContain("s3cr3t-pw");
  });

  it("DATA_DIR is 0700 and the database files 0600", () => {
    expect(statSync(server.dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(server.dataDir, "chillzone.db")).mode & 0o777).toBe(0o600);
  });
});

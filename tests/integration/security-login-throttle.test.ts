// Login guessing from a hostile client: parallel guesses, password spraying across usernames,
// guesses of one username from many addresses, and replicas that must share one count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, codesOf, startTestServer, type TestServer } from "../helpers/server.js";
import { hasRedis, missing } from "../helpers/external.js";
import { startRedis, type RedisServer } from "../helpers/redis.js";

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;
const WRONG = /Wrong username or password/;
const LOCKED = /Too many failed attempts: try again in \d+ seconds/;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  for (const u of ["parallel", "spread"]) {
    const r = await server.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { username: u, password: "right-pass-1", role: "STAFF" } }, { token: server.adminToken });
    expect(r.errors).toBeUndefined();
  }
});
afterAll(() => server?.stop());

const attempt = (s: TestServer, u: string, p: string, from: string) => s.gql(LOGIN, { u, p }, { from });
const messages = (rs: { errors?: { message: string }[] }[]) => rs.map((r) => r.errors?.[0]?.message ?? "ok");

describe("login throttle", () => {
  it("60 parallel wrong passwords get at most 5 password checks; the rest are refused with a wait", async () => {
    const rs = await Promise.all(Array.from({ length: 60 }, () => attempt(server, "parallel", "wrong-pass", "127.0.0.3")));
    const m = messages(rs);
    expect(m.filter((x) => WRONG.test(x)).length).toBeLessThanOrEqual(5);
    expect(m.filter((x) => LOCKED.test(x)).length).toBeGreaterThanOrEqual(55);
    const locked = rs.find((r) => LOCKED.test(r.errors?.[0]?.message ?? ""))!;
    expect(codesOf(locked)).toEqual(["UNAUTHENTICATED"]);
    expect(locked.errors![0]!.extensions!.retryAfter).toBeGreaterThanOrEqual(1);
    // The right password is refused too from that address while the lock lasts.
    expect(messages([await attempt(server, "parallel", "right-pass-1", "127.0.0.3")])[0]).toMatch(LOCKED);
  });

  it("spraying many usernames from one address locks that address, not others", async () => {
    const m: string[] = [];
    for (let i = 0; i < 25; i++) m.push(...messages([await attempt(server, `spray${i}`, "Password1", "127.0.0.4")]));
    expect(m.slice(0, 20).every((x) => WRONG.test(x))).toBe(true);
    expect(m.slice(20).every((x) => LOCKED.test(x))).toBe(true);
    // Another address is not affected.
    expect((await attempt(server, ADMIN.username, ADMIN.password, "127.0.0.5")).data?.login.token).toEqual(expect.any(String));
  });

  it("one username guessed from many addresses is locked across addresses", async () => {
    const m: string[] = [];
    for (let i = 0; i < 32; i++) m.push(...messages([await attempt(server, "spread", `guess-${i}`, `127.0.1.${i + 1}`)]));
    expect(m.slice(0, 30).every((x) => WRONG.test(x))).toBe(true);
    expect(m.slice(30).every((x) => LOCKED.test(x))).toBe(true);
    expect(messages([await attempt(server, "spread", "right-pass-1", "127.0.2.1")])[0]).toMatch(LOCKED);
  });

  it("successful logins do not count against an address", async () => {
    for (let i = 0; i < 30; i++) expect((await attempt(server, ADMIN.username, ADMIN.password, "127.0.0.6")).errors).toBeUndefined();
  });
});

const skipRedis = missing("redis-server", hasRedis());
describe.skipIf(skipRedis)("login throttle across replicas (Redis)", () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    redis = await startRedis();
    a = await startTestServer({ env: { REDIS_URL: redis.url } });
    b = await startTestServer({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await redis?.dispose();
  });

  it("failures on one replica count on the other", async () => {
    // Wait until both have their rate-limit connection up (else each counts alone, by design).
    for (const s of [a, b]) {
      for (let i = 0; !s.app.services.rateLimits.shared; i++) {
        if (i > 200) throw new Error("rate-limit redis connection never came up");
        await new Promise((r) => setTimeout(r, 25));
      }
    }
    const m: string[] = [];
    for (let i = 0; i < 3; i++) m.push(...messages([await attempt(a, ADMIN.username, "wrong-pass", "127.0.0.7")]));
    for (let i = 0; i < 3; i++) m.push(...messages([await attempt(b, ADMIN.username, "wrong-pass", "127.0.0.7")]));
    expect(m.slice(0, 5).every((x) => WRONG.test(x))).toBe(true);
    expect(m[5]).toMatch(LOCKED);
    expect(messages([await attempt(a, ADMIN.username, ADMIN.password, "127.0.0.7")])[0]).toMatch(LOCKED);
  });
});

// The authorization code (api/core/auth.ts, roles.ts, builder.ts, auth-first-plugin.ts,
// live-auth.ts) exercised densely against ONE server: every kind of caller (anonymous, a
// session and an API key of each role) on representative fields of each level, the
// refusal codes, the access check before argument validation, every way a credential can
// be sent or go bad, the session cookie, an HTTP route's check, and live subscriptions
// ending when their credential goes. Written so a mutation run of those files
// (stryker/authorization.config.mjs) is fast: one server start, no sleeps.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN, codesOf, collect, startTestServer, type Auth, type TestServer } from "../helpers/server.js";
import { live, watch, type Watch } from "../helpers/watch.js";
import { setUpFile } from "../helpers/setup.js";

type Level = "public" | "staff" | "manager" | "admin";
const rank: Record<Level, number> = { public: 0, staff: 1, manager: 2, admin: 3 };
type Caller = { name: string; level: Level; auth: Auth };

let server: TestServer;
const callers: Caller[] = [];
let allocationId = "";
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

/** A user of `role` with a fresh session: token, user id, username. */
async function userWithSession(role: "STAFF" | "MANAGER" | "ADMIN") {
  const username = `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`;
  const r = await server.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { username, password: "password-123", role } }, { token: server.adminToken });
  expect(r.errors).toBeUndefined();
  return { token: await server.login(username, "password-123"), userId: r.data.createUser.id as string, username };
}

async function apiKey(name: string, role: "STAFF" | "MANAGER" | "ADMIN") {
  const r = await server.gql(`mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key apiKey { id } } }`, { i: { name, role } }, { token: server.adminToken });
  expect(r.errors).toBeUndefined();
  return { key: r.data.createApiKey.key as string, id: r.data.createApiKey.apiKey.id as string };
}

setUpFile(async () => {
  server = await startTestServer({ env: { SUBSCRIPTION_AUTH_CHECK_MS: "100", TRUSTED_PROXIES: "127.0.0.2" } });
  const a = await server.gql(`mutation { createAllocation(input: {name: "Matrix bundle", priceMinor: 500, dataLimitMb: 100}) { id } }`, {}, { token: server.adminToken });
  allocationId = a.data.createAllocation.id;
  for (const role of ["STAFF", "MANAGER", "ADMIN"] as const) {
    const level = role.toLowerCase() as Level;
    const session = await userWithSession(role);
    const key = await apiKey(`matrix ${level}`, role);
    callers.push({ name: `${level} session`, level, auth: { token: session.token } });
    callers.push({ name: `${level} API key`, level, auth: { apiKey: key.key } });
  }
  callers.push({ name: "anonymous", level: "public", auth: {} });
});
afterAll(() => server?.stop());

const me = `{ me { username role } }`;
const meOf = async (auth: Auth) => {
  const r = await server.gql(me, {}, auth);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data.me as { username: string; role: string } | null;
};

// Representative fields of each level: queries without arguments (the scope-auth wrapper),
// mutations whose arguments are mapped and validated (the access check must come first),
// and a money field inside a staff-level result.
const ops: { name: string; level: Level; query: string; vars?: Record<string, unknown>; invalid?: boolean }[] = [
  { name: "allocations", level: "public", query: `{ allocations { id } }` },
  { name: "routers", level: "staff", query: `{ routers { id } }` },
  { name: "transactionTotals.count", level: "staff", query: `{ transactionTotals { count } }` },
  { name: "transactionTotals.gross (money)", level: "manager", query: `{ transactionTotals { gross { amountMinor } } }` },
  { name: "backups", level: "manager", query: `{ backups(first: 1) { __typename } }` },
  { name: "users", level: "admin", query: `{ users { id } }` },
  { name: "apiKeys", level: "admin", query: `{ apiKeys { id } }` },
  { name: "resendVoucher with a bad id", level: "staff", query: `mutation { resendVoucher(transactionId: "not-an-id") { id } }`, invalid: true },
  { name: "createAllocation with a bad input", level: "manager", query: `mutation { createAllocation(input: {name: "", priceMinor: -1}) { id } }`, invalid: true },
  { name: "createApiKey with an empty name", level: "admin", query: `mutation { createApiKey(input: {name: "", role: STAFF}) { key } }`, invalid: true },
];

describe("the role matrix", () => {
  for (const op of ops) {
    it(`${op.name} is for ${op.level}`, async () => {
      for (const caller of callers) {
        const r = await server.gql(op.query, op.vars ?? {}, caller.auth);
        const codes = codesOf(r);
        const allowed = rank[caller.level] >= rank[op.level];
        const where = `${caller.name} on ${op.name}: ${JSON.stringify(r.errors)}`;
        if (!allowed) expect(codes, where).toEqual([caller.level === "public" ? "UNAUTHENTICATED" : "FORBIDDEN"]);
        else if (op.invalid) expect(codes, where).toEqual(["BAD_USER_INPUT"]);
        else expect(r.errors, where).toBeUndefined();
      }
    });
  }

  it("each caller is who its credential says", async () => {
    for (const caller of callers) {
      const m = await meOf(caller.auth);
      if (caller.level === "public" || caller.name.endsWith("API key")) expect(m, caller.name).toBeNull();
      else expect(m?.role, caller.name).toBe(caller.level.toUpperCase());
    }
  });

  it("a refused caller learns nothing of the input rules; an allowed one gets the field and every issue", async () => {
    const bad = { i: { username: "someone-new", password: "short", role: "STAFF", email: "not-an-email" } };
    const q = `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`;
    const staff = callers.find((c) => c.name === "staff session")!;
    for (const [auth, code] of [[{}, "UNAUTHENTICATED"], [staff.auth, "FORBIDDEN"]] as const) {
      const r = await server.gql(q, bad, auth);
      expect(codesOf(r)).toEqual([code]);
      expect(r.errors![0]!.message).not.toMatch(/Password|email/i);
      expect(r.errors![0]!.extensions).not.toHaveProperty("field");
    }
    // One field with two issues (not an address, too long): both are told, with the field's path.
    const twice = { i: { username: "someone-new", password: "password-123", role: "STAFF", email: "x".repeat(250) } };
    const asAdmin = await server.gql(q, twice, { token: server.adminToken });
    expect(codesOf(asAdmin)).toEqual(["BAD_USER_INPUT"]);
    const issues = asAdmin.errors![0]!.message.split("; ");
    expect(issues).toHaveLength(2);
    expect(issues[0]).toBe("Enter a valid email address");
    expect(asAdmin.errors![0]!.extensions!.field).toBe("input.email");
    const one = await server.gql(`mutation { createApiKey(input: {name: "", role: STAFF}) { key } }`, {}, { token: server.adminToken });
    expect(one.errors![0]).toMatchObject({ message: "Name the key", extensions: { code: "BAD_USER_INPUT", field: "input.name" } });
  });
});

describe("node(id)", () => {
  const node = `query($id: ID!) { node(id: $id) { id ... on Allocation { name } ... on User { username } } }`;

  it("anonymous callers fetch public bundles only; any other id, real or not, is refused alike", async () => {
    const bundle = await server.gql(node, { id: allocationId });
    expect(bundle.errors).toBeUndefined();
    expect(bundle.data.node).toEqual({ id: allocationId, name: "Matrix bundle" });
    const adminId = (await server.gql(`{ me { id } }`, {}, { token: server.adminToken })).data.me.id as string;
    for (const id of [adminId, gid("User", "nobody"), gid("Router", "1"), gid("Nope", "1")]) {
      const r = await server.gql(node, { id });
      expect(codesOf(r), id).toEqual(["UNAUTHENTICATED"]);
      expect(r.data?.node ?? null, id).toBeNull();
    }
    // What is not an id at all is bad input, before any lookup.
    for (const id of ["not base64 at all", ""]) {
      const r = await server.gql(node, { id });
      expect(codesOf(r), id).toEqual(["BAD_USER_INPUT"]);
      expect(r.data?.node ?? null, id).toBeNull();
    }
    // Signed in, the same ids are looked up.
    const staff = callers.find((c) => c.name === "staff session")!;
    const seen = await server.gql(node, { id: adminId }, staff.auth);
    expect(seen.data.node.username).toBe(ADMIN.username);
    expect((await server.gql(node, { id: allocationId }, staff.auth)).data.node.name).toBe("Matrix bundle");
  });
});

describe("credentials", () => {
  const secret = () => readFileSync(path.join(server.dataDir, "session.key"));
  const sign = (payload: string) => `${payload}.${createHmac("sha256", secret()).update(payload).digest("base64url")}`;
  const partsOf = (token: string) => token.split(".");
  const exportCsv = (headers: Record<string, string>) => fetch(`${server.url}/exports/transactions.csv`, { headers });

  it("a bearer token is read case-insensitively and with any spacing; anything else in Authorization is anonymous, with no fallback", async () => {
    const { token, username } = await userWithSession("MANAGER");
    expect((await meOf({ headers: { authorization: `bearer ${token}` } }))?.username).toBe(username);
    expect((await meOf({ headers: { authorization: `Bearer    ${token}` } }))?.username).toBe(username);
    expect((await meOf({ headers: { authorization: `Bearer\t${token}` } }))?.username).toBe(username);
    const cookie = `cz_session=${encodeURIComponent(token)}`;
    expect((await meOf({ headers: { cookie } }))?.username).toBe(username);
    for (const authorization of [`Basic ${token}`, `Token Bearer ${token}`, `Bearer`, `${token}`, `xBearer ${token}`]) {
      // A bad Authorization header is not a fallback to the cookie or the API key.
      expect(await meOf({ headers: { authorization, cookie } }), authorization).toBeNull();
      const res = await exportCsv({ authorization, cookie });
      expect(res.status, authorization).toBe(401);
      expect(await res.json()).toMatchObject({ code: "UNAUTHENTICATED" });
    }
    // The cookie alone opens the manager's route.
    expect((await exportCsv({ cookie })).status).toBe(200);
    expect((await exportCsv({ authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it("a token that is changed, cut, extended, re-versioned or expired is anonymous, never an error", async () => {
    const { token, username } = await userWithSession("MANAGER");
    const [v, id, exp, sig] = partsOf(token) as [string, string, string, string];
    expect(v).toBe("v1");
    const forged = [
      `${v}.${id}.${exp}.${sig.slice(0, -3)}`, // signature cut short
      `${v}.${id}.${exp}.${sig}x`, // signature too long
      `${token}.extra`, // a fifth part
      `${v}.${id}.${Number(exp) + 3600_000}.${sig}`, // a later expiry, old signature
      sign(`v2.${id}.${exp}`), // another version, correctly signed
      sign(`${v}.${id}.${Date.now() - 1000}`), // correctly signed, expired in the token
      sign(`${v}.nosuchsession.${exp}`), // correctly signed, no such session
      `${v}.${id}`,
    ];
    for (const t of forged) {
      expect(await meOf({ token: t }), t).toBeNull();
      const res = await exportCsv({ authorization: `Bearer ${t}` });
      expect(res.status, t).toBe(401);
    }
    // Our own signing is the server's: the same session re-signed is accepted.
    expect((await meOf({ token: sign(`${v}.${id}.${exp}`) }))?.username).toBe(username);
    // The session row's own expiry counts even when the token's is later.
    await server.app.services.prisma.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await meOf({ token })).toBeNull();
    expect((await exportCsv({ authorization: `Bearer ${token}` })).status).toBe(401);
  });

  it("a session lasts SESSION_TTL_HOURS; its cookie is HttpOnly, SameSite=Lax, for the whole site, Secure behind HTTPS", async () => {
    const login = (auth: Auth) => server.gql(`mutation { login(username: "${ADMIN.username}", password: "${ADMIN.password}") { token } }`, {}, auth);
    const before = Date.now();
    const plain = await login({});
    const token = plain.data.login.token as string;
    const exp = Number(partsOf(token)[2]);
    const ttl = 12 * 3600_000; // the default SESSION_TTL_HOURS
    expect(exp).toBeGreaterThanOrEqual(before + ttl);
    expect(exp).toBeLessThanOrEqual(Date.now() + ttl);
    const cookie = plain.headers.get("set-cookie")!;
    expect(cookie.split("; ")).toEqual([`cz_session=${encodeURIComponent(token)}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${new Date(exp).toUTCString()}`]);
    const viaProxy = await login({ from: "127.0.0.2", headers: { "x-forwarded-proto": "https", "x-forwarded-for": "127.0.0.9" } });
    expect(viaProxy.headers.get("set-cookie")!.split("; ")).toEqual(expect.arrayContaining(["HttpOnly", "Secure"]));
    expect(viaProxy.headers.get("set-cookie")!.endsWith("; Secure")).toBe(true);
    // Logout clears it, and only that session ends.
    const out = await server.gql(`mutation { logout }`, {}, { token });
    expect(out.data.logout).toBe(true);
    expect(out.headers.get("set-cookie")).toBe("cz_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    expect(await meOf({ token })).toBeNull();
    expect((await meOf({ token: viaProxy.data.login.token }))?.username).toBe(ADMIN.username);
    expect((await meOf({ token: server.adminToken }))?.username).toBe(ADMIN.username);
  });

  it("a deleted user's token is anonymous, on GraphQL and on routes", async () => {
    const { token, userId } = await userWithSession("MANAGER");
    expect((await exportCsv({ authorization: `Bearer ${token}` })).status).toBe(200);
    const del = await server.gql(`mutation($id: ID!) { deleteUser(id: $id) }`, { id: userId }, { token: server.adminToken });
    expect(del.errors).toBeUndefined();
    expect(await meOf({ token })).toBeNull();
    expect((await exportCsv({ authorization: `Bearer ${token}` })).status).toBe(401);
  });

  it("an API key works as X-Api-Key and as a bearer token, with its role; revoked, it is anonymous", async () => {
    const key = await apiKey("partner tool", "MANAGER");
    const users = `{ users { id } }`;
    for (const auth of [{ apiKey: key.key }, { headers: { authorization: `Bearer ${key.key}` } }]) {
      expect((await server.gql(`{ backups(first: 1) { __typename } }`, {}, auth)).errors).toBeUndefined();
      expect(codesOf(await server.gql(users, {}, auth))).toEqual(["FORBIDDEN"]);
    }
    expect((await exportCsv({ "x-api-key": key.key })).status).toBe(200);
    expect((await exportCsv({ "x-api-key": `${key.key}x` })).status).toBe(401);
    const staffKey = await apiKey("staff tool", "STAFF");
    expect((await exportCsv({ "x-api-key": staffKey.key })).status).toBe(403);
    await server.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: key.id }, { token: server.adminToken });
    for (const auth of [{ apiKey: key.key }, { headers: { authorization: `Bearer ${key.key}` } }]) {
      expect(codesOf(await server.gql(`{ backups(first: 1) { __typename } }`, {}, auth))).toEqual(["UNAUTHENTICATED"]);
    }
    expect((await exportCsv({ "x-api-key": key.key })).status).toBe(401);
  });

  it("an API key's last use is recorded, at most once every few minutes", async () => {
    const key = await apiKey("counter", "STAFF");
    const lastUsed = async () => (await server.app.services.prisma.apiKey.findUniqueOrThrow({ where: { id: idOfKey(key.id) } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const before = Date.now();
    expect((await server.gql(`{ routers { id } }`, {}, { apiKey: key.key })).errors).toBeUndefined();
    const first = await lastUsed();
    expect(first).not.toBeNull();
    expect(first!.getTime()).toBeGreaterThanOrEqual(before - 1);
    // Used again at once: not written again.
    expect((await server.gql(`{ routers { id } }`, {}, { apiKey: key.key })).errors).toBeUndefined();
    expect((await lastUsed())!.getTime()).toBe(first!.getTime());
    // Last used long ago: written again.
    await server.app.services.prisma.apiKey.update({ where: { id: idOfKey(key.id) }, data: { lastUsedAt: new Date(Date.now() - 3600_000) } });
    expect((await server.gql(`{ routers { id } }`, {}, { apiKey: key.key })).errors).toBeUndefined();
    expect((await lastUsed())!.getTime()).toBeGreaterThanOrEqual(before - 1);
  });
});

/** The database id inside a global id. */
function idOfKey(globalId: string): string {
  return Buffer.from(globalId, "base64").toString("utf8").split(":").slice(1).join(":");
}

type Saved = { modelSaved: { model: string; action: string; nodeId: string } };
const SUB = `subscription { modelSaved(models: ["Allocation"]) { model action nodeId } }`;

describe("live subscriptions re-check their credential", () => {
  let n = 0;
  const write = async (): Promise<string> => {
    const r = await server.gql(`mutation($i: AllocationInput!) { createAllocation(input: $i) { id } }`, { i: { name: `M${++n}`, priceMinor: 9000 + n, dataLimitMb: 10 } }, { token: server.adminToken });
    expect(r.errors).toBeUndefined();
    return r.data.createAllocation.id;
  };
  const has = (id: string) => (xs: Saved[]) => xs.some((x) => x.modelSaved.nodeId === id);
  const goLive = (w: Watch<Saved>) => live(w, write, (x) => x.modelSaved.nodeId);
  const open = async (params: Record<string, unknown>) => {
    const w = watch<Saved>(server.ws(params), SUB);
    await goLive(w);
    return w;
  };
  async function endedEntries(who: string): Promise<string[]> {
    await server.app.services.log.flush();
    const r = await server.gql(`{ logs(first: 100, filter: { kinds: [AUTH], search: "subscription" }) { edges { node { message } } } }`, {}, { token: server.adminToken });
    expect(r.errors).toBeUndefined();
    return r.data.logs.edges.map((e: { node: { message: string } }) => e.node.message).filter((m: string) => m.startsWith(`Live subscription of ${who} ended`));
  }
  const endedOnce = (who: string) => [`Live subscription of ${who} ended: credential no longer valid`];

  it("each credential's streams end when it goes (logout, expiry, deleted user, revoked key), and only those", async () => {
    const one = await userWithSession("STAFF"); // two streams, one stopped by the client before the logout
    const two = await userWithSession("STAFF"); // two streams, both open when the session expires
    const three = await userWithSession("STAFF"); // deleted
    const other = await userWithSession("STAFF"); // never revoked
    const key = await apiKey("live matrix", "STAFF");
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

    const oneA = await open(bearer(one.token));
    const oneB = await open(bearer(one.token));
    const twoA = await open(bearer(two.token));
    const twoB = await open(bearer(two.token));
    const threeA = await open(bearer(three.token));
    const otherA = await open(bearer(other.token));
    const otherB = await open(bearer(other.token));
    const keyA = await open({ apiKey: key.key });
    const all = [oneA, oneB, twoA, twoB, threeA, otherA, otherB, keyA];
    const w1 = await write();
    for (const w of all) await w.until(has(w1), "a write while every credential holds");
    expect(all.map((w) => w.completed())).toEqual(all.map(() => false));

    // The client stops one of the first session's streams; the other still ends at logout.
    oneA.stop();
    const w2 = await write();
    await oneB.until(has(w2), "a write after the first stream stopped");
    expect(codesOf(await server.gql(`mutation { logout }`, {}, { token: one.token }))).toEqual([]);
    expect((await oneB.ended("the end after logout")).errors).toEqual([]);

    // The second session expires in the database: both its streams end.
    const twoSession = partsOfToken(two.token);
    await server.app.services.prisma.session.update({ where: { id: twoSession }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await twoA.ended("the end after expiry")).errors).toEqual([]);
    expect((await twoB.ended("the end after expiry")).errors).toEqual([]);

    // A deleted user's stream ends.
    expect((await server.gql(`mutation($id: ID!) { deleteUser(id: $id) }`, { id: three.userId }, { token: server.adminToken })).errors).toBeUndefined();
    expect((await threeA.ended("the end after the user's deletion")).errors).toEqual([]);

    // One of the surviving session's streams stops; the key's stream still ends when revoked.
    otherA.stop();
    const revoked = await server.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: key.id }, { token: server.adminToken });
    expect(revoked.errors).toBeUndefined();
    expect((await keyA.ended("the end after revocation")).errors).toEqual([]);

    // The credential that still holds goes on receiving.
    const w3 = await write();
    await otherB.until(has(w3), "a write after all the others ended");
    expect(otherB.completed()).toBe(false);
    for (const w of [oneB, twoA, twoB, threeA, keyA]) expect(w.items.some((x) => x.modelSaved.nodeId === w3)).toBe(false);

    // One log entry per stream the server ended, none for the ones the client stopped or that hold.
    // (Check rounds went on after the first ones ended, so a repeated entry would be here.)
    expect(await endedEntries(one.username)).toEqual(endedOnce(one.username));
    expect(await endedEntries(two.username)).toEqual([...endedOnce(two.username), ...endedOnce(two.username)]);
    expect(await endedEntries(three.username)).toEqual(endedOnce(three.username));
    expect(await endedEntries("live matrix")).toEqual(endedOnce("live matrix"));
    expect(await endedEntries(other.username)).toEqual([]);
    otherB.stop();

    // Resubscribing with a dead credential is refused at the start.
    for (const params of [bearer(one.token), bearer(two.token), { apiKey: key.key }]) {
      await expect(collect(server.ws(params), SUB, {}, 1).done).rejects.toMatchObject({
        errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }) })],
      });
    }
  });

  it("after every stream stopped, new ones are watched again", async () => {
    // The process-wide timer stops with the last stream and starts again with the next one.
    const s = await userWithSession("STAFF");
    const w = await open({ authorization: `Bearer ${s.token}` });
    expect(codesOf(await server.gql(`mutation { logout }`, {}, { token: s.token }))).toEqual([]);
    expect((await w.ended("the end after logout")).errors).toEqual([]);
    const again = await userWithSession("STAFF");
    const w2 = await open({ authorization: `Bearer ${again.token}` });
    expect(codesOf(await server.gql(`mutation { logout }`, {}, { token: again.token }))).toEqual([]);
    expect((await w2.ended("the end after the second logout")).errors).toEqual([]);
  });
});

describe("live subscriptions of API keys", () => {
  let n = 0;
  const write = async (): Promise<string> => {
    const r = await server.gql(`mutation($i: AllocationInput!) { createAllocation(input: $i) { id } }`, { i: { name: `K${++n}`, priceMinor: 8000 + n, dataLimitMb: 10 } }, { token: server.adminToken });
    expect(r.errors).toBeUndefined();
    return r.data.createAllocation.id;
  };
  const has = (id: string) => (xs: Saved[]) => xs.some((x) => x.modelSaved.nodeId === id);
  const open = async (key: string) => {
    const w = watch<Saved>(server.ws({ apiKey: key }), SUB);
    await live(w, write, (x) => x.modelSaved.nodeId);
    return w;
  };

  it("each key is watched on its own: revoking one ends its stream only; a key gone from the database ends its stream too", async () => {
    const first = await apiKey("live key one", "STAFF");
    const second = await apiKey("live key two", "STAFF");
    const third = await apiKey("live key three", "STAFF");
    const a = await open(first.key);
    const b = await open(second.key);
    const c = await open(third.key);
    const revoked = await server.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: first.id }, { token: server.adminToken });
    expect(revoked.errors).toBeUndefined();
    expect((await a.ended("the end after revocation")).errors).toEqual([]);
    // A key whose row is gone (e.g. a restore to a point before it was made) holds no more.
    await server.app.services.prisma.apiKey.delete({ where: { id: idOfKey(second.id) } });
    expect((await b.ended("the end after the key's row went")).errors).toEqual([]);
    const w = await write();
    await c.until(has(w), "a write after the other keys ended");
    expect(c.completed()).toBe(false);
    c.stop();
  });
});

function partsOfToken(token: string): string {
  return token.split(".")[1]!;
}

import { afterAll, describe, expect, it } from "vitest";
import { ADMIN, codesOf, collect, startTestServer, type TestServer } from "../helpers/server.js";
import { live, watch } from "../helpers/watch.js";
import { setUpFile } from "../helpers/setup.js";

let server: TestServer;
setUpFile(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const me = `{ me { username role } }`;

describe("auth", () => {
  it("login returns a token and sets an httpOnly cookie; both authenticate", async () => {
    const r = await server.gql(`mutation { login(username: "${ADMIN.username}", password: "${ADMIN.password}") { token user { username role } } }`);
    expect(r.data.login.user).toEqual({ username: "admin", role: "ADMIN" });
    const cookie = r.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^cz_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect((await server.gql(me, {}, { token: r.data.login.token })).data.me.username).toBe("admin");
    const viaCookie = await server.gql(me, {}, { headers: { cookie: cookie.split(";")[0]! } });
    expect(viaCookie.data.me.username).toBe("admin");
  });

  it("wrong password and unknown user get the same UNAUTHENTICATED answer", async () => {
    const a = await server.gql(`mutation { login(username: "admin", password: "wrong-password") { token } }`);
    const b = await server.gql(`mutation { login(username: "nobody", password: "wrong-password") { token } }`);
    expect(codesOf(a)).toEqual(["UNAUTHENTICATED"]);
    expect(a.errors![0]!.message).toBe(b.errors![0]!.message);
  });

  it("throttles repeated failed logins for a username from one address, not from another", async () => {
    await server.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { username: "victim", password: "victim-pass-1", role: "STAFF" } }, { token: server.adminToken });
    const attempt = (password: string, from: string) =>
      server.gql(`mutation($p: String!) { login(username: "victim", password: $p) { token } }`, { p: password }, { from });
    // Wrong passwords from one address until the lockout starts (a handful of tries, not more).
    const answers: string[] = [];
    for (let i = 0; i < 20 && !answers.some((m) => /Too many failed attempts/.test(m)); i++) {
      const r = await attempt("nope-nope", "127.0.0.1");
      expect(codesOf(r)).toEqual(["UNAUTHENTICATED"]);
      answers.push(r.errors![0]!.message);
    }
    expect(answers.length).toBeGreaterThan(1); // the first failures are plain refusals
    expect(answers.at(-1)).toMatch(/Too many failed attempts: try again in \d+ seconds/);
    // Locked: even the right password is refused from that address...
    const locked = await attempt("victim-pass-1", "127.0.0.1");
    expect(codesOf(locked)).toEqual(["UNAUTHENTICATED"]);
    expect(locked.errors![0]!.message).toMatch(/Too many failed attempts/);
    expect(locked.data?.login ?? null).toBeNull();
    // ...while the same account from another address still logs in: a stranger failing on
    // purpose cannot lock the owner out.
    const elsewhere = await attempt("victim-pass-1", "127.0.0.2");
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data.login.token).toEqual(expect.any(String));
  });

  it("logout revokes the token", async () => {
    const token = await server.login();
    const out = await server.gql(`mutation { logout }`, {}, { token });
    expect(out.data.logout).toBe(true);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await server.gql(me, {}, { token })).data.me).toBeNull();
  });

  it("a tampered token is anonymous", async () => {
    const token = await server.login();
    const tampered = token.slice(0, -2) + (token.endsWith("A") ? "BB" : "AA");
    expect((await server.gql(me, {}, { token: tampered })).data.me).toBeNull();
  });

  it("API keys authenticate with their role, are shown once, and can be revoked", async () => {
    const created = await server.gql(`mutation { createApiKey(input: {name: "partner", role: MANAGER}) { key apiKey { id prefix role } } }`, {}, { token: server.adminToken });
    const { key, apiKey } = created.data.createApiKey;
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const listed = await server.gql(`{ apiKeys { name prefix lastUsedAt } }`, {}, { token: server.adminToken });
    expect(JSON.stringify(listed.data)).not.toContain(key);
    const r = await server.gql(`{ allocations(includeInactive: true) { id } }`, {}, { apiKey: key });
    expect(r.errors).toBeUndefined();
    expect(codesOf(await server.gql(`{ users { id } }`, {}, { apiKey: key }))).toEqual(["FORBIDDEN"]);
    await server.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, { token: server.adminToken });
    expect(codesOf(await server.gql(`{ allocations(includeInactive: true) { id } }`, {}, { apiKey: key }))).toEqual(["UNAUTHENTICATED"]);
  });

  it("users: create with validation, no duplicates, cannot delete self or the last admin", async () => {
    const t = { token: server.adminToken };
    const mk = (input: Record<string, unknown>) => server.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id username role phoneNumber } }`, { i: input }, t);
    const ok = await mk({ username: "kofi", password: "kofi-pass-1", role: "STAFF", phoneNumber: "+233 24 123 4567" });
    expect(ok.data.createUser).toMatchObject({ username: "kofi", role: "STAFF", phoneNumber: "0241234567" });
    expect(codesOf(await mk({ username: "kofi", password: "kofi-pass-1", role: "STAFF" }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await mk({ username: "ama", password: "short", role: "STAFF" }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await mk({ username: "ama", password: "long-enough", role: "STAFF", email: "not-an-email" }))).toEqual(["BAD_USER_INPUT"]);
    const meId = (await server.gql(`{ me { id } }`, {}, t)).data.me.id;
    expect(codesOf(await server.gql(`mutation($id: ID!) { deleteUser(id: $id) }`, { id: meId }, t))).toEqual(["CONFLICT"]);
    const del = await server.gql(`mutation($id: ID!) { deleteUser(id: $id) }`, { id: ok.data.createUser.id }, t);
    expect(del.data.deleteUser).toBe(ok.data.createUser.id);
    const users = await server.gql(`{ users { username } }`, {}, t);
    expect(users.data.users.map((u: { username: string }) => u.username)).not.toContain("kofi");
  });

  it("graphql-ws reads the token from connectionParams; anonymous subscriptions are refused", async () => {
    const authed = server.ws({ authorization: `Bearer ${server.adminToken}` });
    const sub = watch<{ modelSaved: { model: string; action: string; nodeId: string } }>(authed, `subscription { modelSaved(models: ["Allocation"]) { model action nodeId } }`);
    let n = 0;
    const create = async (name: string) => {
      const r = await server.gql(`mutation($i: AllocationInput!) { createAllocation(input: $i) { id } }`, { i: { name, priceMinor: 4321 + n, dataLimitMb: 4321 + ++n } }, { token: server.adminToken });
      expect(r.errors).toBeUndefined();
      return r.data.createAllocation.id as string;
    };
    await live(sub, () => create(`WS marker ${n}`), (x) => x.modelSaved.nodeId);
    const id = await create("WS");
    const [event] = (await sub.until((xs) => xs.some((x) => x.modelSaved.nodeId === id), "the allocation")).filter((x) => x.modelSaved.nodeId === id);
    expect(event).toEqual({ modelSaved: { model: "Allocation", action: "CREATED", nodeId: id } });
    sub.stop();
    const anon = server.ws();
    await expect(collect(anon, `subscription { modelSaved { model } }`, {}, 1).done).rejects.toMatchObject({
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }) })],
    });
  });

  it("health endpoints answer", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { database: "ok" } });
  });
});

describe("user visibility", () => {
  it("login's payload shows the user's own details; anonymous node() lookups of users are refused", async () => {
    const r = await server.gql(`mutation { login(username: "${ADMIN.username}", password: "${ADMIN.password}") { user { id username email role } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.login.user.username).toBe("admin");
    const anon = await server.gql(`query($id: ID!) { node(id: $id) { ... on User { username } } }`, { id: r.data.login.user.id });
    expect(codesOf(anon)).toEqual(["UNAUTHENTICATED"]);
    const staff = await server.tokenFor("STAFF");
    const seen = await server.gql(`query($id: ID!) { node(id: $id) { ... on User { username } } }`, { id: r.data.login.user.id }, { token: staff });
    expect(seen.data.node.username).toBe("admin");
  });
});

// A live subscription ends when the credential behind it stops holding: logout, a revoked
// API key. One that still holds keeps receiving.
import { afterAll, describe, expect, it } from "vitest";
import { codesOf, collect, startTestServer, type TestServer } from "../helpers/server.js";
import { live, watch, type Watch } from "../helpers/watch.js";
import { setUpFile } from "../helpers/setup.js";

let server: TestServer;
setUpFile(async () => {
  server = await startTestServer({ env: { SUBSCRIPTION_AUTH_CHECK_MS: "100" } });
});
afterAll(() => server?.stop());

type Saved = { modelSaved: { model: string; action: string; nodeId: string } };
const SUB = `subscription { modelSaved(models: ["Allocation"]) { model action nodeId } }`;
let n = 0;
const write = async (): Promise<string> => {
  const r = await server.gql(`mutation($i: AllocationInput!) { createAllocation(input: $i) { id } }`, { i: { name: `S${++n}`, priceMinor: 7000 + n, dataLimitMb: 10 } }, { token: server.adminToken });
  expect(r.errors).toBeUndefined();
  return r.data.createAllocation.id;
};
const goLive = (w: Watch<Saved>) => live(w, write, (x) => x.modelSaved.nodeId);
const has = (id: string) => (xs: Saved[]) => xs.some((x) => x.modelSaved.nodeId === id);

/** The AUTH entries saying a live subscription of `who` ended. */
async function endedEntries(who: string): Promise<string[]> {
  await server.app.services.log.flush();
  const r = await server.gql(`{ logs(first: 50, filter: { kinds: [AUTH], search: "subscription" }) { edges { node { message } } } }`, {}, { token: server.adminToken });
  expect(r.errors).toBeUndefined();
  return r.data.logs.edges.map((e: { node: { message: string } }) => e.node.message).filter((m: string) => m.startsWith(`Live subscription of ${who} ended`));
}

describe("subscriptions re-check their credential", () => {
  it("logout ends the stream; a subscription on another session goes on", async () => {
    const staff = await server.tokenFor("STAFF");
    const me = (await server.gql(`{ me { username } }`, {}, { token: staff })).data.me.username as string;
    const other = await server.tokenFor("STAFF");
    const ending = watch<Saved>(server.ws({ authorization: `Bearer ${staff}` }), SUB);
    const going = watch<Saved>(server.ws({ authorization: `Bearer ${other}` }), SUB);
    await goLive(ending);
    await goLive(going);
    // Both open and receiving while the sessions hold.
    const before = await write();
    await ending.until(has(before), "a write before the logout");
    await going.until(has(before), "a write before the logout");
    expect(ending.completed()).toBe(false);
    expect(await endedEntries(me)).toEqual([]);

    expect(codesOf(await server.gql(`mutation { logout }`, {}, { token: staff }))).toEqual([]);
    // The server completes the stream (no error, no timeout) because the session went.
    expect((await ending.ended("the stream's end after logout")).errors).toEqual([]);
    expect(await endedEntries(me)).toEqual([`Live subscription of ${me} ended: credential no longer valid`]);
    const after = await write();
    await going.until(has(after), "a write after the logout, on the other session");
    expect(going.completed()).toBe(false);
    expect(ending.items.some((x) => x.modelSaved.nodeId === after)).toBe(false);
    going.stop();
    // Resubscribing with the dead token is refused.
    await expect(collect(server.ws({ authorization: `Bearer ${staff}` }), SUB, {}, 1).done).rejects.toMatchObject({
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }) })],
    });
  });

  it("revoking an API key ends its streams", async () => {
    const created = await server.gql(`mutation { createApiKey(input: {name: "live", role: STAFF}) { key apiKey { id } } }`, {}, { token: server.adminToken });
    const { key, apiKey } = created.data.createApiKey;
    const sub = watch<Saved>(server.ws({ apiKey: key }), SUB);
    await goLive(sub);
    const before = await write();
    await sub.until(has(before), "a write before the revocation");
    expect(sub.completed()).toBe(false);
    expect(await endedEntries("live")).toEqual([]);

    const revoked = await server.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, { token: server.adminToken });
    expect(codesOf(revoked)).toEqual([]);
    expect((await sub.ended("the stream's end after the revocation")).errors).toEqual([]);
    expect(await endedEntries("live")).toEqual(["Live subscription of live ended: credential no longer valid"]);
  });
});

describe("cookies on the WebSocket", () => {
  it("count from our own pages, not from another site's", async () => {
    const { default: WebSocket } = await import("ws");
    const { createClient } = await import("graphql-ws");
    const login = await server.gql(`mutation { login(username: "admin", password: "admin-pass-123") { token } }`);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const client = (origin: string) =>
      createClient({
        url: `ws://127.0.0.1:${server.port}/graphql`,
        retryAttempts: 0,
        webSocketImpl: class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers: { cookie, origin } });
          }
        },
      });
    const own = client(`http://127.0.0.1:${server.port}`);
    const ours = watch<Saved>(own, SUB);
    await goLive(ours);
    const id = await write();
    await ours.until(has(id), "a write, on the cookie-authenticated stream");
    ours.stop();
    await own.dispose();
    const evil = client("https://evil.example");
    await expect(collect(evil, SUB, {}, 1).done).rejects.toMatchObject({
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }) })],
    });
    await evil.dispose();
  });
});

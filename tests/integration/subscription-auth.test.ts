// A live subscription ends when the credential behind it stops holding: logout, a revoked
// API key. One that still holds keeps receiving.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, collect, startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { SUBSCRIPTION_AUTH_CHECK_MS: "100" } });
});
afterAll(() => server?.stop());

const SUB = `subscription { modelSaved(models: ["Allocation"]) { model action } }`;
let n = 0;
const write = () =>
  server.gql(`mutation($i: AllocationInput!) { createAllocation(input: $i) { id } }`, { i: { name: `S${++n}`, priceMinor: 7000 + n, dataLimitMb: 10 } }, { token: server.adminToken });
const settle = () => new Promise((r) => setTimeout(r, 400));

describe("subscriptions re-check their credential", () => {
  it("logout ends the stream; a subscription on another session goes on", async () => {
    const token = await server.tokenFor("STAFF");
    const other = await server.tokenFor("STAFF");
    const ending = collect(server.ws({ authorization: `Bearer ${token}` }), SUB, {}, 1000, 15_000);
    const going = collect(server.ws({ authorization: `Bearer ${other}` }), SUB, {}, 2, 15_000);
    await settle();
    await write();
    await server.gql(`mutation { logout }`, {}, { token });
    // Completes (resolves with what it got) rather than timing out.
    const got = await ending.done;
    expect(got.length).toBeGreaterThanOrEqual(1);
    await write();
    expect(await going.done).toHaveLength(2);
    // Resubscribing with the dead token is refused.
    await expect(collect(server.ws({ authorization: `Bearer ${token}` }), SUB, {}, 1).done).rejects.toMatchObject({
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }) })],
    });
  });

  it("revoking an API key ends its streams", async () => {
    const created = await server.gql(`mutation { createApiKey(input: {name: "live", role: STAFF}) { key apiKey { id } } }`, {}, { token: server.adminToken });
    const { key, apiKey } = created.data.createApiKey;
    const sub = collect(server.ws({ apiKey: key }), SUB, {}, 1000, 15_000);
    await settle();
    const revoked = await server.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, { token: server.adminToken });
    expect(codesOf(revoked)).toEqual([]);
    expect(Array.isArray(await sub.done)).toBe(true);
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
    const ours = collect(own, SUB, {}, 1, 10_000);
    await settle();
    await write();
    expect(await ours.done).toHaveLength(1);
    await own.dispose();
    const evil = client("https://evil.example");
    await expect(collect(evil, SUB, {}, 1).done).rejects.toMatchObject({
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }) })],
    });
    await evil.dispose();
  });
});

// Nested queries load in a fixed number of Prisma operations, whatever the page size.
// The count comes from a Prisma $extends hook (api/db/client.ts) and is kept per request id,
// so the background jobs (outbox, reconciler) that query while the test runs are not in it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  // The pollers run as often as the environment asks (OUTBOX_POLL_MS=10 makes them busy).
  server = await startTestServer({ env: { RECONCILE_INTERVAL_MS: process.env.RECONCILE_INTERVAL_MS ?? "50", OUTBOX_POLL_MS: process.env.OUTBOX_POLL_MS ?? "50" } });
});
afterAll(() => server?.stop());

async function operationsFor(query: string, token: string): Promise<number> {
  const requestId = `qc-${randomUUID()}`;
  const r = await server.gql(query, {}, { token, headers: { "x-request-id": requestId } });
  expect(r.errors).toBeUndefined();
  expect(r.headers.get("x-request-id")).toBe(requestId);
  return server.app.services.db.stats.forRequest(requestId);
}

describe("query count", () => {
  it("apiKeys with their creators: one operation for the list, however long", async () => {
    const token = server.adminToken;
    const q = `{ apiKeys { name prefix createdBy { username role } } }`;
    await server.gql(`mutation { createApiKey(input: {name: "k0", role: STAFF}) { key } }`, {}, { token });
    const one = await operationsFor(q, token);
    for (let i = 1; i <= 12; i++) {
      await server.gql(`mutation($n: String!) { createApiKey(input: {name: $n, role: STAFF}) { key } }`, { n: `k${i}` }, { token });
    }
    const many = await operationsFor(q, token);
    // 1 for the session lookup that authenticates the request, 1 for the keys with their creators.
    expect(one).toBe(2);
    expect(many).toBe(one);
  });

  it("log entries with their actors: users load in one batch", async () => {
    const token = server.adminToken;
    // Several users acting produce entries with different actors.
    for (const role of ["STAFF", "MANAGER", "STAFF"] as const) await server.tokenFor(role);
    await server.app.services.log.flush();
    const q = `{ logs(first: 100) { edges { node { sequence actor { username } } } } }`;
    const n = await operationsFor(q, token);
    // Session lookup + one batched user load (the page itself is read on the log reader).
    expect(n).toBe(2);
  });
});

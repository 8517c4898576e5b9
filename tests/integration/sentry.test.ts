// Unexpected errors reach Sentry (a local stand-in for its envelope endpoint) with their request
// id and error id, and without the caller's token, password, phone number or the server's secrets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { startTestServer, ADMIN, type TestServer } from "../helpers/server.js";
import { startSentryStandin, type SentryStandin } from "../fixtures/sentry-standin.js";
import { waitFor } from "../helpers/wait.js";

let sentry: SentryStandin;
let server: TestServer;
const PAYSTACK_KEY = "sk_test_0123456789abcdefsecret";

beforeAll(async () => {
  sentry = await startSentryStandin();
  server = await startTestServer({ env: { SENTRY_DSN: sentry.dsn, PAYSTACK_SECRET_KEY: PAYSTACK_KEY } });
});
afterAll(async () => {
  await server?.stop();
  await sentry?.close();
});

describe("Sentry", () => {
  it("gets an unexpected error with its request id and error id, scrubbed of secrets", async () => {
    // Break the database under the running server: the next purchase fails in a way no
    // rule foresees, which is what Sentry is for.
    await server.app.services.db.exclusive((s) => s.exec(`ALTER TABLE "Allocation" RENAME TO "AllocationGone"`));
    const requestId = `sentry-${randomUUID().slice(0, 8)}`;
    const phone = "0241234567";
    const r = await server.gql(
      `mutation Buy($input: PurchaseInput!) { purchase(input: $input) { transaction { id } } }`,
      { input: { allocationId: "QWxsb2NhdGlvbjp4", fullName: "Ama Mensah", phoneNumber: phone, idempotencyKey: randomUUID() }, password: ADMIN.password },
      { token: server.adminToken, headers: { "x-request-id": requestId, cookie: `cz_session=${server.adminToken}` } },
    );
    const error = r.errors?.[0];
    expect(error?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    const errorId = error!.extensions!.errorId as string;

    const event = await waitFor(() => sentry.events().find((e) => e.tags?.request_id === requestId) ?? false, { what: "the error event at the stand-in" });
    expect(event.tags.error_id).toBe(errorId);
    expect(event.tags.operation).toBe("Buy");
    expect(event.exception.values[0].value).toMatch(/AllocationGone|Allocation/);
    // The context is there, its secrets are not.
    expect(event.contexts.graphql.variables.input.fullName).toBe("Ama Mensah");
    expect(event.contexts.graphql.variables.input.phoneNumber).toBe("[Filtered]");
    expect(event.contexts.graphql.variables.password).toBe("[Filtered]");
    expect(event.contexts.caller.headers.authorization).toBe("[Filtered]");
    const raw = sentry.envelopes.map((e) => e.raw).join("\n");
    for (const secret of [server.adminToken, server.adminToken.split(".").at(-1)!, ADMIN.password, phone, PAYSTACK_KEY]) expect(raw).not.toContain(secret);
  });

  it("does not hear about errors the caller can act on", async () => {
    const before = sentry.envelopes.length;
    const r = await server.gql(`mutation { login(username: "admin", password: "wrong-password") { token } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // The next unexpected error's event is the one after it: nothing was sent in between.
    const requestId = `sentry-${randomUUID().slice(0, 8)}`;
    await server.gql(`{ allocations { id } }`, {}, { token: server.adminToken, headers: { "x-request-id": requestId } });
    await waitFor(() => sentry.events().some((e) => e.tags?.request_id === requestId), { what: "the second error event" });
    expect(sentry.envelopes.length).toBe(before + 1);
  });
});

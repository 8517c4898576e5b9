// Per-operation timeout: a legitimate but slow staff query (15 aliased voucher searches over
// 200,000 vouchers, each a full scan) is answered with TIMEOUT after OPERATION_TIMEOUT_MS,
// over HTTP and WebSocket, with a WARN log entry, while other requests keep being answered.
// Before api/db/event-loop-turns.ts this query held the event loop from its first statement
// to its last, so the timer never fired and nothing else was answered meanwhile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, codesOf, startTestServer, type TestServer } from "../helpers/server.js";
import { waitFor } from "../helpers/wait.js";
import { seedAllocation } from "./sales-seed.js";

const TIMEOUT_MS = 300;
const ROWS = 100_000;
let server: TestServer;

// Different search words per request, so nothing is answered from a cache.
let round = 0;
const slowQuery = () => {
  const r = ++round;
  return `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: vouchers(first: 20, filter: { search: "no-such-voucher-${r}-${i}" }) { totalCount edges { node { id } } }`).join(" ")} }`;
};

beforeAll(async () => {
  server = await startTestServer({ env: { OPERATION_TIMEOUT_MS: String(TIMEOUT_MS) } });
  const bundle = await seedAllocation(server, { vouchers: 1 });
  await server.app.services.prisma.$executeRawUnsafe(
    `INSERT INTO "Voucher" ("id", "username", "password", "allocationId", "updatedAt")
     WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${ROWS})
     SELECT 'seed' || x, 'seed-user-' || x, 'pw', ?, CURRENT_TIMESTAMP FROM n`,
    bundle.dbId,
  );
  // The seed held the event loop for seconds: keep-alive sockets it outlived are closed now.
  // Only a reset socket is expected here; any other failure is the test's.
  const staleSocket = (e: unknown) => {
    const err = e as { message?: string; cause?: { code?: string; message?: string } };
    if (!/fetch failed/.test(err.message ?? "") || !/ECONNRESET|EPIPE|UND_ERR_SOCKET|other side closed/.test(`${err.cause?.code} ${err.cause?.message}`)) throw e;
  };
  for (let i = 0; i < 3; i++) await server.gql(`{ me { id } }`, {}, { token: server.adminToken }).catch(staleSocket);
}, 180_000);
afterAll(() => server?.stop());

const timeoutEntries = () =>
  server.app.services.prisma.logEntry.findMany({ where: { kind: "REQUEST", level: "WARN", message: { startsWith: "Request refused: query ran longer" } } });

describe("per-operation timeout", () => {
  it("over HTTP: TIMEOUT with an actionable message and a log entry, other requests answered meanwhile", async () => {
    const before = (await timeoutEntries()).length;
    let slowDone = false;
    const slow = server.gql(slowQuery(), {}, { token: server.adminToken }).finally(() => (slowDone = true));
    // Ordinary requests one after another while the slow one runs: every one is answered
    // (the slow query's queued statements are dropped once it is given up on).
    const health: boolean[] = [];
    const pages: boolean[] = [];
    const ordinary = Promise.all([
      (async () => {
        do health.push((await fetch(`${server.url}/healthz`)).ok);
        while (!slowDone);
      })(),
      (async () => {
        do {
          const list = await server.gql(`{ allocations { id name } }`, {}, { token: server.adminToken });
          pages.push(!list.errors && list.data.allocations.length === 1);
        } while (!slowDone);
      })(),
    ]);
    const r = await slow;
    await ordinary;
    expect(codesOf(r)).toEqual(["TIMEOUT"]);
    expect(r.errors![0]!.message).toBe(`This request took longer than ${TIMEOUT_MS} ms: ask for fewer items and try again`);
    expect(health.length && health.every(Boolean)).toBe(true);
    expect(pages.length && pages.every(Boolean)).toBe(true);
    const entries = await waitFor(async () => {
      const e = await timeoutEntries();
      return e.length > before ? e : false;
    }, { what: "the timeout's log entry" });
    expect(entries.at(-1)!.message).toBe(`Request refused: query ran longer than ${TIMEOUT_MS} ms`);
    // And the server is itself again: a small query right after is answered in full.
    const after = await server.gql(`{ vouchers(first: 1, filter: { search: "seed-user-7" }) { edges { node { id } } } }`, {}, { token: server.adminToken });
    expect(after.errors).toBeUndefined();
  });

  it("over WebSocket: the same query is answered with TIMEOUT", async () => {
    const before = (await timeoutEntries()).length;
    const client = server.ws({ authorization: `Bearer ${server.adminToken}` });
    await expect(collect(client, slowQuery(), {}, 1, 30_000).done).rejects.toMatchObject({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: "TIMEOUT" }) })] });
    await waitFor(async () => (await timeoutEntries()).length > before, { what: "the timeout's log entry" });
    // The connection stays usable.
    const [me] = await collect(client, `{ me { username } }`, {}, 1).done;
    expect(me).toEqual({ me: { username: "admin" } });
  });

  it("a mutation is never cut off by the timeout (it is answered only once it finished)", async () => {
    const r = await server.gql(`mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`, { input: { name: "After the timeout", priceMinor: 300, dataLimitMb: 100, validityHours: 24 } }, { token: server.adminToken });
    expect(r.errors).toBeUndefined();
  });
});

// Two API processes on one SQLite file (two replicas sharing a volume): concurrent writes
// through both must all commit, each waiting its turn for the write lock. Transactions
// that read before they write are the hard case: opened with a deferred BEGIN, the
// upgrade to a write lock fails at once ("database is locked") when the other process
// holds it; opened with BEGIN IMMEDIATE they wait under busy_timeout.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STARTUP_MS, startProcessServer, type ProcessServer } from "../helpers/process-server.js";

const dataDir = mkdtempSync(path.join(tmpdir(), "cz-multi-"));
let a: ProcessServer;
let b: ProcessServer;
let tokens: [string, string];
beforeAll(async () => {
  a = await startProcessServer({ name: "A", dataDir });
  b = await startProcessServer({ name: "B", dataDir });
  tokens = [await a.login(), await b.login()];
}, 2 * STARTUP_MS);
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const create = `mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`;
// deleteAllocation reads (usage counts) and then deletes, in one interactive transaction.
const remove = `mutation($id: ID!) { deleteAllocation(id: $id) }`;

describe("two API processes writing to one database file", () => {
  it("concurrent read-then-write transactions through both processes all commit", async () => {
    const servers = [a, b] as const;
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) => servers[i % 2]!.gql(create, { input: { name: `Multi ${i}`, priceMinor: 1000 + i, dataLimitMb: 100 } }, { token: tokens[i % 2] })),
    );
    expect(created.flatMap((r) => r.errors ?? [])).toEqual([]);
    const ids = created.map((r) => r.data.createAllocation.id as string);
    const deleted = await Promise.all(ids.map((id, i) => servers[i % 2]!.gql(remove, { id }, { token: tokens[i % 2] })));
    expect(deleted.flatMap((r) => r.errors ?? [])).toEqual([]);
    const left = await a.gql(`{ allocations(includeInactive: true) { name } }`, {}, { token: tokens[0] });
    expect(left.data.allocations.filter((x: { name: string }) => x.name.startsWith("Multi "))).toEqual([]);
    // Every write left exactly one change entry, whichever process made it.
    const logs = await b.gql(`{ logs(first: 200, filter: { model: "Allocation", kinds: [CREATE, DELETE] }) { edges { node { kind } } } }`, {}, { token: tokens[1] });
    expect(logs.data.logs.edges).toHaveLength(80);
  });
});

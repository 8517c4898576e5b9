// The list and export must stay fast with 1,000,000 sales. Timings are not asserted; the
// query plans are: a page must read an index in list order (or a small, selective set), never
// sort the whole table. The data mixes a common status (over the probe's threshold) with a
// rare one, so both of the status strategies are taken, and both must give the right rows.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countQuery, keyOf, pageQuery, SELECTIVE_STATUS_ROWS, transactionSql, type TransactionFilterValue } from "../../api/modules/transactions/filter.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
let staff: string;
let allocationId: string;

const COMMON = SELECTIVE_STATUS_ROWS + 100;
const RARE = 30;
const t0 = Date.parse("2025-02-01T00:00:00Z");

const read = <T,>(sql: string, params: unknown[]) => server.app.services.reader.read<T>(sql, params);
const plan = (q: { sql: string; params: unknown[] }) =>
  read<{ detail: string }>(`EXPLAIN QUERY PLAN ${q.sql}`, q.params).map((r) => r.detail).join(" | ");

function pagePlan(filter: TransactionFilterValue, after?: string) {
  const q = transactionSql(read, filter);
  return plan(pageQuery(q, { after: after ? keyOf(after) : null, limit: 51 }));
}

/** Reads an index and at most sorts ties on the last ORDER BY term; no full sort. */
function expectOrderedIndexScan(p: string, index: string) {
  expect(p).toContain(`USING INDEX ${index}`);
  expect(p).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
}

let dataDir: string;

beforeAll(async () => {
  // Seed through one server, then test through a fresh one on the same data: seeding blocks
  // the event loop for seconds, and a keep-alive socket left idle that long may be reset.
  dataDir = mkdtempSync(path.join(tmpdir(), "cz-plan-"));
  server = await startTestServer({ dataDir });
  const r = await server.gql(
    `mutation { createAllocation(input: { name: "Plan", priceMinor: 300, dataLimitMb: 300 }) { id } }`,
    {},
    { token: server.adminToken },
  );
  allocationId = r.data.createAllocation.id;
  const dbId = Buffer.from(allocationId, "base64").toString("utf8").split(":")[1]!;
  await server.app.services.prisma.transaction.createMany({
    data: Array.from({ length: COMMON + RARE }, (_, i) => ({
      reference: `CZ-P${String(i).padStart(7, "0")}`,
      fullName: `Plan Customer ${i}`,
      phoneNumber: `02700${String(i).padStart(5, "0")}`,
      allocationId: dbId,
      amountMinor: 300,
      // The rare PENDING sales are spread through time, so a scan would have to read far.
      status: i % Math.floor((COMMON + RARE) / RARE) === 0 ? ("PENDING" as const) : ("PAID" as const),
      provider: "sandbox",
      providerReference: `PP-${i}`,
      createdAt: new Date(t0 + i * 1000),
    })),
  });
  await server.stop();
  server = await startTestServer({ dataDir });
  staff = await server.tokenFor("STAFF");
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("transaction query plans", () => {
  it("read the newest sales from the createdAt index, and the next page from the cursor on", async () => {
    expectOrderedIndexScan(pagePlan({}), "Transaction_createdAt_idx");
    const r = await server.gql(`{ transactions(first: 3) { pageInfo { endCursor } } }`, {}, { token: staff });
    const next = pagePlan({}, r.data.transactions.pageInfo.endCursor);
    expectOrderedIndexScan(next, "Transaction_createdAt_idx");
    expect(next).toContain("(createdAt<?)");
  });

  it("filter a common status while scanning in order, and read a rare one through the status index", async () => {
    const pending = await server.app.services.prisma.transaction.count({ where: { status: "PENDING" } });
    expect(pending).toBeLessThan(SELECTIVE_STATUS_ROWS);
    expect(COMMON + RARE - pending).toBeGreaterThanOrEqual(SELECTIVE_STATUS_ROWS);
    expectOrderedIndexScan(pagePlan({ status: ["PAID"] }), "Transaction_createdAt_idx");
    expect(pagePlan({ status: ["PENDING"] })).toContain("USING INDEX Transaction_status_expiresAt_idx");
    expect(plan(countQuery(transactionSql(read, { status: ["PAID"] })))).toContain("COVERING INDEX Transaction_status_expiresAt_idx");

    // Both ways give the right rows, in order.
    for (const status of ["PAID", "PENDING"] as const) {
      const r = await server.gql(
        `query($f: TransactionFilter) { transactions(first: 20, filter: $f) { totalCount edges { node { reference } } } }`,
        { f: { status: [status] } },
        { token: staff },
      );
      const db = await server.app.services.prisma.transaction.findMany({ where: { status }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 20 });
      expect(r.data.transactions.edges.map((e: any) => e.node.reference)).toEqual(db.map((t) => t.reference));
      expect(r.data.transactions.totalCount).toBe(await server.app.services.prisma.transaction.count({ where: { status } }));
    }
  });

  it("use the bundle and date indexes in list order", async () => {
    expectOrderedIndexScan(pagePlan({ allocationId }), "Transaction_allocationId_createdAt_idx");
    const window = pagePlan({ status: ["PAID"], from: new Date(t0 + 1000_000), to: new Date(t0 + 2000_000) });
    expectOrderedIndexScan(window, "Transaction_createdAt_idx");
    expect(window).toContain("createdAt>? AND createdAt<?");
  });

  it("look identifiers up through their own indexes", async () => {
    expect(pagePlan({ search: "+233 27 000 0042" })).toContain("USING INDEX Transaction_phoneNumber_idx (phoneNumber=?)");
    expect(pagePlan({ search: "027000004" })).toContain("USING INDEX Transaction_phoneNumber_idx (phoneNumber>? AND phoneNumber<?)");
    for (const search of ["cz-p0000042", "PP-42"]) {
      expect(pagePlan({ search, status: ["PAID"] })).toMatch(/USING INDEX sqlite_autoindex_Transaction_1 \(id=\?\)/);
    }
  });
});

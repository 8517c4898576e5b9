// Query.transactionTotals over real HTTP: for random sales and random filters, the totals
// equal a plain SQL aggregate written here independently of filter.ts (no steering, no
// index hints), and they are the same whatever page of the list is shown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { sqlDate } from "../../api/db/sql-date.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { seedAllocation } from "./sales-seed.js";

let server: TestServer;
let staff: string;
let manager: string;
let bundles: { id: string; dbId: string }[];

const STATUSES = ["PENDING", "PAID", "FAILED", "PARTIALLY_REFUNDED", "REFUNDED"] as const;
const PHONES = ["0241111111", "0242222222", "0203333333", "0554444444"];
const NAMES = ["Ama Mensah", "Kofi Boateng", "Akosua Owusu", "Yaw Asante"];
const T0 = Date.parse("2026-03-01T00:00:00Z");
const HOUR = 3_600_000;

const TOTALS = `query($filter: TransactionFilter) {
  transactionTotals(filter: $filter) { count paidCount gross { amountMinor currency } refunded { amountMinor } net { amountMinor formatted } }
}`;

beforeAll(async () => {
  server = await startTestServer();
  staff = await server.tokenFor("STAFF");
  manager = await server.tokenFor("MANAGER");
  bundles = [await seedAllocation(server, { vouchers: 0 }), await seedAllocation(server, { vouchers: 0 })];
});
afterAll(() => server?.stop());

const sale = fc.record({
  status: fc.constantFrom(...STATUSES),
  amountMinor: fc.integer({ min: 1, max: 500_000 }),
  refundShare: fc.double({ min: 0, max: 1, noNaN: true }),
  bundle: fc.integer({ min: 0, max: 1 }),
  phone: fc.integer({ min: 0, max: PHONES.length - 1 }),
  name: fc.integer({ min: 0, max: NAMES.length - 1 }),
  hour: fc.integer({ min: 0, max: 24 * 6 }),
});

const filter = fc.record(
  {
    status: fc.subarray([...STATUSES], { minLength: 1 }),
    bundle: fc.integer({ min: 0, max: 1 }),
    fromHour: fc.integer({ min: 0, max: 24 * 3 }),
    hours: fc.integer({ min: 1, max: 24 * 4 }),
    search: fc.oneof(fc.constantFrom(...PHONES), fc.constantFrom("Mensah", "ko", "a")),
  },
  { requiredKeys: [] },
);

type Row = { count: number; paidCount: number; gross: number; refunded: number };

/** The expected answer, as plain SQL a reader can check by eye. */
function expected(f: Record<string, any>): Row {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.status) {
    where.push(`status IN (${f.status.map(() => "?").join(",")})`);
    params.push(...f.status);
  }
  if (f.bundle !== undefined) {
    where.push(`allocationId = ?`);
    params.push(bundles[f.bundle]!.dbId);
  }
  if (f.fromHour !== undefined) {
    where.push(`createdAt >= ?`);
    params.push(sqlDate(new Date(T0 + f.fromHour * HOUR)));
  }
  if (f.fromHour !== undefined && f.hours !== undefined) {
    where.push(`createdAt < ?`);
    params.push(sqlDate(new Date(T0 + (f.fromHour + f.hours) * HOUR)));
  }
  if (f.search) {
    if (PHONES.includes(f.search)) where.push(`phoneNumber = ?`);
    else where.push(`fullName LIKE ?`);
    params.push(PHONES.includes(f.search) ? f.search : `%${f.search}%`);
  }
  const taken = `status IN ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')`;
  const [r] = server.app.services.reader.read<Row>(
    `SELECT count(*) AS count, count(CASE WHEN ${taken} THEN 1 END) AS paidCount,
       coalesce(sum(CASE WHEN ${taken} THEN amountMinor END), 0) AS gross,
       coalesce(sum(CASE WHEN ${taken} THEN refundedMinor END), 0) AS refunded
     FROM "Transaction" ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`,
    params,
  );
  return r!;
}

function filterInput(f: Record<string, any>) {
  return {
    ...(f.status ? { status: f.status } : {}),
    ...(f.bundle !== undefined ? { allocationId: bundles[f.bundle]!.id } : {}),
    ...(f.fromHour !== undefined ? { from: new Date(T0 + f.fromHour * HOUR).toISOString() } : {}),
    ...(f.fromHour !== undefined && f.hours !== undefined ? { to: new Date(T0 + (f.fromHour + f.hours) * HOUR).toISOString() } : {}),
    ...(f.search ? { search: f.search } : {}),
  };
}

let batch = 0;

describe("transactionTotals", () => {
  it("equals a plain SQL aggregate for random sales and filters", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sale, { minLength: 0, maxLength: 40 }), fc.array(filter, { minLength: 1, maxLength: 4 }), async (sales, filters) => {
        const prisma = server.app.services.prisma;
        await prisma.transaction.deleteMany({});
        batch++;
        await prisma.transaction.createMany({
          data: sales.map((s, i) => {
            const refunded = s.status === "REFUNDED" ? s.amountMinor : s.status === "PARTIALLY_REFUNDED" ? Math.floor(s.amountMinor * s.refundShare) : 0;
            return {
              reference: `CZ-T${batch}-${i}`,
              fullName: NAMES[s.name]!,
              phoneNumber: PHONES[s.phone]!,
              allocationId: bundles[s.bundle]!.dbId,
              amountMinor: s.amountMinor,
              refundedMinor: refunded,
              status: s.status,
              provider: "sandbox",
              createdAt: new Date(T0 + s.hour * HOUR + i),
            };
          }),
        });
        for (const f of [{}, ...filters]) {
          const r = await server.gql(TOTALS, { filter: filterInput(f) }, { token: manager });
          expect(r.errors).toBeUndefined();
          const want = expected(f);
          const got = r.data.transactionTotals;
          expect({ count: got.count, paidCount: got.paidCount, gross: got.gross.amountMinor, refunded: got.refunded.amountMinor }).toEqual(want);
          expect(got.net.amountMinor).toBe(want.gross - want.refunded);
          expect(got.gross.currency).toBe("GHS");
        }
      }),
      { numRuns: 25 },
    );
  });

  it("is the same as the list's totalCount and does not change with the page", async () => {
    const filter = { status: ["PAID", "REFUNDED", "PARTIALLY_REFUNDED"] };
    const q = `query($filter: TransactionFilter, $after: String) {
      transactions(first: 2, after: $after, filter: $filter) { totalCount pageInfo { endCursor } }
      transactionTotals(filter: $filter) { count gross { amountMinor } }
    }`;
    const first = await server.gql(q, { filter }, { token: manager });
    const second = await server.gql(q, { filter, after: first.data.transactions.pageInfo.endCursor }, { token: manager });
    expect(first.data.transactionTotals).toEqual(second.data.transactionTotals);
    expect(first.data.transactionTotals.count).toBe(first.data.transactions.totalCount);
  });

  it("gives staff the counts and managers the money too", async () => {
    const counts = await server.gql(`{ transactionTotals { count paidCount } }`, {}, { token: staff });
    expect(counts.errors).toBeUndefined();
    expect(counts.data.transactionTotals.count).toBe(expected({}).count);
    const money = await server.gql(`{ transactionTotals { count gross { amountMinor } } }`, {}, { token: staff });
    expect(money.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(money.errors?.[0]?.path).toEqual(["transactionTotals", "gross"]);
  });

  it("is refused to anonymous callers, and bad filters write nothing and say why", async () => {
    const anon = await server.gql(TOTALS, {});
    expect(anon.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(anon.data?.transactionTotals ?? null).toBeNull();
    const bad = await server.gql(TOTALS, { filter: { from: "2026-03-02T00:00:00Z", to: "2026-03-01T00:00:00Z" } }, { token: staff });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const long = await server.gql(TOTALS, { filter: { search: "x".repeat(201) } }, { token: staff });
    expect(long.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

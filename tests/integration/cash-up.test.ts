// Query.cashUp and GET /exports/cash-up.csv over real HTTP, in a shop whose day is not the
// UTC day (America/New_York: UTC-5, UTC-4 from 2026-03-08, a 23-hour day): sales either side
// of local midnight land on their local day; figures per day, staff and provider equal an
// independent count (Intl's local date of each sale); staff see their own sales only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseCsv } from "../../api/modules/vouchers/csv.js";
import { linesSql } from "../../api/modules/transactions/cash-up.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { seedAllocation } from "./sales-seed.js";

const ZONE = "America/New_York";
let server: TestServer;
let manager: string;
let staffA: { token: string; id: string; dbId: string; username: string };
let staffB: { token: string; id: string; dbId: string; username: string };
let bundle: { id: string; dbId: string };

const CASH_UP = `query($from: String!, $to: String!, $staffId: ID) {
  cashUp(from: $from, to: $to, staffId: $staffId) {
    from to timeZone staffId
    lines { day staffId staffName provider count gross { amountMinor } refunded { amountMinor } net { amountMinor } }
    days { day count gross { amountMinor } net { amountMinor } }
    staff { staffId staffName count net { amountMinor } }
    providers { provider count gross { amountMinor } }
    total { count gross { amountMinor currency } refunded { amountMinor } net { amountMinor formatted } }
  }
}`;

async function staffMember() {
  const token = await server.tokenFor("STAFF");
  const me = (await server.gql(`{ me { id username } }`, {}, { token })).data.me;
  return { token, id: me.id as string, dbId: Buffer.from(me.id, "base64").toString().split(":")[1]!, username: me.username as string };
}

let seq = 0;
type Sale = { at: string; soldBy?: string | null; provider?: string; amountMinor?: number; refundedMinor?: number; status?: string };
async function seed(sales: Sale[]) {
  await server.app.services.prisma.transaction.createMany({
    data: sales.map((s) => ({
      reference: `CZ-CU${++seq}`,
      fullName: "Ama Mensah",
      phoneNumber: "0241234567",
      allocationId: bundle.dbId,
      amountMinor: s.amountMinor ?? 500,
      refundedMinor: s.refundedMinor ?? 0,
      status: (s.status ?? "PAID") as "PAID",
      provider: s.provider ?? "cash",
      soldById: s.soldBy ?? null,
      createdAt: new Date(s.at),
    })),
  });
}

beforeAll(async () => {
  server = await startTestServer({ env: { TIME_ZONE: ZONE } });
  manager = await server.tokenFor("MANAGER");
  staffA = await staffMember();
  staffB = await staffMember();
  bundle = await seedAllocation(server, { vouchers: 0 });
});
afterAll(() => server?.stop());

describe("cash-up days in the shop's time zone", () => {
  it("puts sales either side of local midnight on their local day, also across a clock change", async () => {
    await server.app.services.prisma.transaction.deleteMany({});
    await seed([
      // 2026-03-01 23:59:59 in New York (UTC-5) and 2026-03-02 00:00:00.
      { at: "2026-03-02T04:59:59.999Z", soldBy: staffA.dbId, amountMinor: 100 },
      { at: "2026-03-02T05:00:00.000Z", soldBy: staffA.dbId, amountMinor: 200 },
      // 2026-03-08 has 23 hours: 05:00Z to 04:00Z next day (EDT, UTC-4, from 07:00Z).
      { at: "2026-03-08T05:00:00.000Z", soldBy: staffB.dbId, amountMinor: 300, provider: "cash" },
      { at: "2026-03-09T03:59:59.999Z", soldBy: null, amountMinor: 400, provider: "paystack", refundedMinor: 150, status: "PARTIALLY_REFUNDED" },
      { at: "2026-03-09T04:00:00.000Z", soldBy: null, amountMinor: 800, provider: "paystack" },
      // Took no money: not in the cash-up.
      { at: "2026-03-02T12:00:00.000Z", soldBy: staffA.dbId, amountMinor: 9999, status: "PENDING" },
      { at: "2026-03-02T12:00:00.000Z", soldBy: staffA.dbId, amountMinor: 9999, status: "FAILED" },
    ]);
    const r = await server.gql(CASH_UP, { from: "2026-03-01", to: "2026-03-09" }, { token: manager });
    expect(r.errors).toBeUndefined();
    const c = r.data.cashUp;
    expect(c.timeZone).toBe(ZONE);
    expect(c.days.map((d: any) => [d.day, d.count, d.gross.amountMinor])).toEqual([
      ["2026-03-01", 1, 100],
      ["2026-03-02", 1, 200],
      ["2026-03-08", 2, 700],
      ["2026-03-09", 1, 800],
    ]);
    expect(c.lines.find((l: any) => l.day === "2026-03-08" && l.provider === "paystack")).toMatchObject({
      staffId: null, staffName: "Online (customer paid)", count: 1, gross: { amountMinor: 400 }, refunded: { amountMinor: 150 }, net: { amountMinor: 250 },
    });
    expect(c.total).toMatchObject({ count: 5, gross: { amountMinor: 1800, currency: "GHS" }, refunded: { amountMinor: 150 }, net: { amountMinor: 1650, formatted: "16.50" } });
    expect(c.staff.map((s: any) => [s.staffName, s.count, s.net.amountMinor])).toEqual([
      ["Online (customer paid)", 2, 1050],
      [staffA.username, 2, 300],
      [staffB.username, 1, 300],
    ]);
    // One day only: its first and last instants, nothing of the neighbours.
    const one = await server.gql(CASH_UP, { from: "2026-03-08", to: "2026-03-08" }, { token: manager });
    expect(one.data.cashUp.total.count).toBe(2);
  });

  it("equals an independent count of random sales by local day, staff and provider", async () => {
    const startMs = Date.parse("2026-10-25T00:00:00Z"); // US clocks go back on 2026-11-01
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            minute: fc.integer({ min: 0, max: 14 * 24 * 60 }),
            who: fc.constantFrom<"a" | "b" | "online">("a", "b", "online"),
            provider: fc.constantFrom("cash", "sandbox", "paystack"),
            amountMinor: fc.integer({ min: 1, max: 100_000 }),
            status: fc.constantFrom("PAID", "PAID", "REFUNDED", "PENDING", "FAILED"),
          }),
          { maxLength: 40 },
        ),
        async (sales) => {
          await server.app.services.prisma.transaction.deleteMany({});
          const rows = sales.map((s) => ({
            at: new Date(startMs + s.minute * 60_000).toISOString(),
            soldBy: s.who === "a" ? staffA.dbId : s.who === "b" ? staffB.dbId : null,
            provider: s.provider,
            amountMinor: s.amountMinor,
            refundedMinor: s.status === "REFUNDED" ? s.amountMinor : 0,
            status: s.status,
          }));
          await seed(rows);
          const local = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
          const want = new Map<string, { count: number; gross: number; refunded: number }>();
          for (const s of rows) {
            if (!["PAID", "REFUNDED"].includes(s.status)) continue;
            const key = `${local.format(new Date(s.at))}|${s.soldBy ?? ""}|${s.provider}`;
            const w = want.get(key) ?? { count: 0, gross: 0, refunded: 0 };
            want.set(key, { count: w.count + 1, gross: w.gross + s.amountMinor, refunded: w.refunded + s.refundedMinor });
          }
          // 2026-10-24 local starts 04:00Z the day before startMs: the range covers every sale.
          const r = await server.gql(CASH_UP, { from: "2026-10-24", to: "2026-11-08" }, { token: manager });
          expect(r.errors).toBeUndefined();
          const got = new Map<string, { count: number; gross: number; refunded: number }>(
            r.data.cashUp.lines.map((l: any) => [
              `${l.day}|${l.staffId ? Buffer.from(l.staffId, "base64").toString().split(":")[1] : ""}|${l.provider}`,
              { count: l.count, gross: l.gross.amountMinor, refunded: l.refunded.amountMinor },
            ]),
          );
          expect(got).toEqual(want);
          const total = [...want.values()].reduce((a, w) => a + w.gross - w.refunded, 0);
          expect(r.data.cashUp.total.net.amountMinor).toBe(total);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe("the plan", () => {
  it("reads each day as a range of the createdAt index, never every paid sale per day", () => {
    for (const oneStaff of [false, true]) {
      const plan = server.app.services.reader
        .read<{ detail: string }>(`EXPLAIN QUERY PLAN ${linesSql(oneStaff)}`, ["[]", ...(oneStaff ? ["x"] : [])])
        .map((r) => r.detail);
      expect(plan.join("\n")).toMatch(/SEARCH t USING INDEX Transaction_createdAt_idx \(createdAt>\? AND createdAt<\?\)/);
    }
  });
});

describe("who sees which cash-up", () => {
  beforeAll(async () => {
    await server.app.services.prisma.transaction.deleteMany({});
    await seed([
      { at: "2026-04-01T15:00:00Z", soldBy: staffA.dbId, amountMinor: 1000 },
      { at: "2026-04-01T16:00:00Z", soldBy: staffB.dbId, amountMinor: 2000 },
      { at: "2026-04-01T17:00:00Z", soldBy: null, amountMinor: 4000, provider: "paystack" },
    ]);
  });
  const range = { from: "2026-04-01", to: "2026-04-01" };

  it("managers see everyone's sales, or one member of staff's", async () => {
    const all = await server.gql(CASH_UP, range, { token: manager });
    expect(all.data.cashUp.total.gross.amountMinor).toBe(7000);
    expect(all.data.cashUp.staffId).toBeNull();
    const one = await server.gql(CASH_UP, { ...range, staffId: staffB.id }, { token: manager });
    expect(one.data.cashUp.total.gross.amountMinor).toBe(2000);
    expect(one.data.cashUp.staffId).toBe(staffB.id);
  });

  it("staff see their own sales only, and are refused a colleague's", async () => {
    const own = await server.gql(CASH_UP, range, { token: staffA.token });
    expect(own.errors).toBeUndefined();
    expect(own.data.cashUp.staffId).toBe(staffA.id);
    expect(own.data.cashUp.total.gross.amountMinor).toBe(1000);
    expect(own.data.cashUp.staff.map((s: any) => s.staffName)).toEqual([staffA.username]);
    const other = await server.gql(CASH_UP, { ...range, staffId: staffB.id }, { token: staffA.token });
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(other.data?.cashUp ?? null).toBeNull();
  });

  it("anonymous callers are refused", async () => {
    const r = await server.gql(CASH_UP, range);
    expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(r.data?.cashUp ?? null).toBeNull();
  });

  it("bad ranges say what to type", async () => {
    for (const [vars, field] of [
      [{ from: "2026-02-30", to: "2026-03-01" }, "from"],
      [{ from: "yesterday", to: "2026-03-01" }, "from"],
      [{ from: "2026-03-02", to: "2026-03-01" }, "from"],
      [{ from: "2024-01-01", to: "2026-03-01" }, "to"],
    ] as const) {
      const r = await server.gql(CASH_UP, vars, { token: manager });
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe("BAD_USER_INPUT");
      expect(r.errors?.[0]?.extensions?.field).toBe(field);
    }
  });

  it("exports the same figures as CSV for managers, and refuses staff and anonymous callers", async () => {
    const res = await fetch(`${server.url}/exports/cash-up.csv?from=2026-04-01&to=2026-04-01`, { headers: { authorization: `Bearer ${manager}`, "x-request-id": "cash-up-csv-1" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("cash-up-2026-04-01-to-2026-04-01.csv");
    const [header, ...records] = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
    expect(header!.fields).toEqual(["day", "staff", "provider", "sales", "gross", "refunded", "net", "currency"]);
    const lines = records.map((r) => r.fields);
    expect(lines).toContainEqual(["2026-04-01", staffA.username, "cash", "1", "10.00", "0.00", "10.00", "GHS"]);
    expect(lines).toContainEqual(["2026-04-01", "Online (customer paid)", "paystack", "1", "40.00", "0.00", "40.00", "GHS"]);
    expect(lines.at(-1)).toEqual(["Total", "", "", "3", "70.00", "0.00", "70.00", "GHS"]);
    await server.app.services.log.flush();
    const entry = await server.app.services.prisma.logEntry.findFirst({ where: { requestId: "cash-up-csv-1", kind: "REQUEST" } });
    expect(entry?.message).toMatch(/^export cash-up\.csv ok: 3 rows/);

    const staff = await fetch(`${server.url}/exports/cash-up.csv?from=2026-04-01&to=2026-04-01`, { headers: { authorization: `Bearer ${staffA.token}` } });
    expect(staff.status).toBe(403);
    const anon = await fetch(`${server.url}/exports/cash-up.csv?from=2026-04-01&to=2026-04-01`);
    expect(anon.status).toBe(401);
    const bad = await fetch(`${server.url}/exports/cash-up.csv?from=2026-04-02&to=2026-04-01`, { headers: { authorization: `Bearer ${manager}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe("BAD_USER_INPUT");
  });
});

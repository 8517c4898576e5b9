// The money invariant over a seeded random run: 500 operations (request, approve, reject,
// approve with the provider failing, retry, and concurrent pairs of them) on 50 sales,
// through the real server. After the run, for every sale:
//   0 <= refundedMinor <= amountMinor, refundedMinor = sum of its COMPLETED refunds,
//   its status matches the amounts, and refunds holding money never exceed what was paid;
// and for every refund the log holds one PAYMENT entry per change of its status.
// The seed is printed on failure; CHILLZONE_REFUND_SEED replays a run.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { startTestServer, type Auth, type GqlResult, type TestServer } from "../helpers/server.js";
import { seedAllocation } from "./sales-seed.js";
import { APPROVE, REJECT, RETRY, paidSale, requestRefund } from "./refunds-seed.js";
import { setUpFile } from "../helpers/setup.js";

const SALES = 50;
const OPERATIONS = 500;
const seed = Number(process.env.CHILLZONE_REFUND_SEED ?? Date.now() % 1_000_000);

type Op =
  | { kind: "request"; sale: number; amount: "full" | "part" | "over" | "zero"; fraction: number }
  | { kind: "approve" | "reject" | "fail" | "retry"; pick: number }
  | { kind: "pair"; a: "approve" | "reject" | "retry" | "request"; b: "approve" | "reject" | "retry" | "request"; pick: number; sale: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("request" as const), sale: fc.nat(SALES - 1), amount: fc.constantFrom("full" as const, "part" as const, "part" as const, "over" as const, "zero" as const), fraction: fc.double({ min: 0.05, max: 0.9, noNaN: true }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("approve" as const), pick: fc.nat(10_000) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reject" as const), pick: fc.nat(10_000) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("fail" as const), pick: fc.nat(10_000) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("retry" as const), pick: fc.nat(10_000) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("pair" as const),
      a: fc.constantFrom("approve" as const, "reject" as const, "retry" as const, "request" as const),
      b: fc.constantFrom("approve" as const, "approve" as const, "retry" as const, "request" as const),
      pick: fc.nat(10_000),
      sale: fc.nat(SALES - 1),
    }),
  },
);

let server: TestServer;
let staff: Auth;
let managers: Auth[];
setUpFile(async () => {
  server = await startTestServer();
  staff = { token: await server.tokenFor("STAFF") };
  managers = [{ token: await server.tokenFor("MANAGER") }, { token: await server.tokenFor("MANAGER") }];
});
afterAll(() => server?.stop());

describe("refund money invariant", () => {
  it(`${OPERATIONS} random operations on ${SALES} sales keep every sale's money right (seed ${seed})`, async () => {
    const bundle = await seedAllocation(server, { vouchers: SALES, priceMinor: 1000 });
    const sales: { id: string; amountMinor: number }[] = [];
    for (let i = 0; i < SALES; i++) sales.push({ id: (await paidSale(server, bundle.id, `0243${String(i).padStart(4, "0")}12`)).id, amountMinor: 1000 });
    const ops = fc.sample(opArb, { numRuns: OPERATIONS, seed });
    const refunds: string[] = [];
    const sandbox = server.app.services.payments.sandbox;
    const unexpected: string[] = [];
    const note = (r: GqlResult, what: string) => {
      for (const e of r.errors ?? []) {
        const code = String(e.extensions?.code);
        // Refusals the rules promise (over-refund, decided already, nothing to retry) are fine; anything else is a bug.
        if (!["BAD_USER_INPUT", "CONFLICT"].includes(code)) unexpected.push(`${what}: ${code} ${e.message}`);
      }
      const created = (r.data as { requestRefund?: { id: string } } | undefined)?.requestRefund?.id;
      if (created && !refunds.includes(created)) refunds.push(created);
    };
    const request = (s: number, amount: "full" | "part" | "over" | "zero", fraction: number) => {
      const sale = sales[s]!;
      const amountMinor = amount === "full" ? undefined : amount === "over" ? sale.amountMinor + 1 : amount === "zero" ? 0 : Math.max(1, Math.round(sale.amountMinor * fraction));
      return requestRefund(server, staff, sale.id, { amountMinor }).then((r) => note(r, "request"));
    };
    const decide = (kind: "approve" | "reject" | "retry", pick: number, who = 0) => {
      if (refunds.length === 0) return Promise.resolve();
      const id = refunds[pick % refunds.length]!;
      const m = managers[who % managers.length]!;
      const r = kind === "approve" ? server.gql(APPROVE, { id }, m) : kind === "reject" ? server.gql(REJECT, { id, note: "Not eligible" }, m) : server.gql(RETRY, { id }, m);
      return r.then((x) => note(x, kind));
    };

    for (const op of ops) {
      if (op.kind === "request") await request(op.sale, op.amount, op.fraction);
      else if (op.kind === "fail") {
        sandbox.refundMode = "fail";
        try {
          await decide("approve", op.pick);
        } finally {
          sandbox.refundMode = "succeed";
        }
      } else if (op.kind === "pair") {
        const run = (k: typeof op.a, who: number) => (k === "request" ? request(op.sale, "part", 0.4) : decide(k, op.pick, who));
        await Promise.all([run(op.a, 0), run(op.b, 1)]);
      } else await decide(op.kind, op.pick);
    }
    expect(unexpected).toEqual([]);

    const prisma = server.app.services.prisma;
    const rows = await prisma.transaction.findMany({ where: { allocationId: bundle.dbId }, include: { refunds: true } });
    expect(rows).toHaveLength(SALES);
    const byStatus: Record<string, number> = {};
    for (const t of rows) {
      const completed = t.refunds.filter((r) => r.status === "COMPLETED").reduce((s, r) => s + r.amountMinor, 0);
      const holding = t.refunds.filter((r) => ["REQUESTED", "APPROVED", "COMPLETED"].includes(r.status)).reduce((s, r) => s + r.amountMinor, 0);
      const where = `${t.reference} (seed ${seed})`;
      expect(t.refundedMinor, where).toBeGreaterThanOrEqual(0);
      expect(t.refundedMinor, where).toBeLessThanOrEqual(t.amountMinor);
      expect(t.refundedMinor, where).toBe(completed);
      expect(holding, where).toBeLessThanOrEqual(t.amountMinor);
      expect(t.status, where).toBe(completed === 0 ? "PAID" : completed === t.amountMinor ? "REFUNDED" : "PARTIALLY_REFUNDED");
      for (const r of t.refunds) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    }
    // The run really went through every state (else the seed tested little).
    for (const s of ["REQUESTED", "REJECTED", "COMPLETED", "FAILED"]) expect(byStatus[s] ?? 0, `${s} in ${JSON.stringify(byStatus)}`).toBeGreaterThan(0);

    await server.app.services.log.flush();
    const entries = await prisma.logEntry.groupBy({ by: ["recordId", "kind"], where: { model: "Refund" }, _count: true });
    const statusChanges = await prisma.logEntry.groupBy({ by: ["recordId"], where: { model: "Refund", kind: "UPDATE", message: { contains: "status" } }, _count: true });
    const changes = new Map(statusChanges.map((e) => [e.recordId, e._count]));
    const payment = new Map(entries.filter((e) => e.kind === "PAYMENT").map((e) => [e.recordId, e._count]));
    const all = await prisma.refund.findMany({ where: { transaction: { allocationId: bundle.dbId } }, select: { id: true } });
    for (const { id } of all) expect(payment.get(id) ?? 0, `log entries of refund ${id} (seed ${seed})`).toBe(1 + (changes.get(id) ?? 0));
  }, 300_000);
});

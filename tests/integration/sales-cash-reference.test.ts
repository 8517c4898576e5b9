// A counter (cash) sale is created with its provider reference: one write, one change record,
// and the sale reads the same as when the reference was written in a second step.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { buy, CONFIRM, seedAllocation } from "./sales-seed.js";

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server?.stop());

it("stores CASH-<reference> at creation, with no UPDATE record for it, and confirms as before", async () => {
  const staff = await server.tokenFor("STAFF");
  const bundle = await seedAllocation(server, { vouchers: 2 });
  const r = await buy(server, bundle.id, { provider: "cash" }, { token: staff });
  expect(r.errors).toBeUndefined();
  const sale = r.data.purchase.transaction;
  expect(sale).toMatchObject({ status: "PENDING", provider: "cash", providerReference: `CASH-${sale.reference}` });
  const dbId = Buffer.from(sale.id, "base64").toString("utf8").split(":")[1]!;
  const records = await server.app.services.prisma.logEntry.findMany({ where: { model: "Transaction", recordId: dbId }, orderBy: { sequence: "asc" } });
  expect(records.map((e) => e.kind)).toEqual(["CREATE"]);
  expect(JSON.parse(records[0]!.data!).after.providerReference).toBe(`CASH-${sale.reference}`);

  const c = await server.gql(CONFIRM, { input: { reference: sale.reference, providerReference: "RCPT-77" } }, { token: staff });
  expect(c.errors).toBeUndefined();
  expect(c.data.confirmPayment).toMatchObject({ status: "PAID", providerReference: "RCPT-77" });
});

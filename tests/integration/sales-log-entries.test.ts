// What staff read in the log about each way a sale settles, field by field: the level,
// the message, the record it names and its data. The audit log is how an operator finds
// out what happened to a customer's money, so each outcome (paid, failed, paid after it had
// failed, paid with no voucher left, paid less than the price) is asserted in full, through
// the real Paystack adapter and its webhooks.
import { afterAll, describe, expect, it } from "vitest";
import type { PaystackStandin } from "../fixtures/paystack-standin.js";
import type { TestServer } from "../helpers/server.js";
import { buy, seedAllocation, startPaystackShop, type PaystackShop } from "./sales-seed.js";
import { setUpFile } from "../helpers/setup.js";

let shop: PaystackShop;
let server: TestServer;
let paystack: PaystackStandin;
let hook: string;

setUpFile(async () => {
  shop = await startPaystackShop();
  ({ server, paystack, hook } = shop);
});
afterAll(async () => {
  await shop?.close();
});

const charge = (reference: string, status: "success" | "failed", extra: { id?: number; amount?: number; gateway_response?: string } = {}) => {
  const t = paystack.transactions.get(reference)!;
  return { id: t.id, reference, amount: t.amount, currency: "GHS", status, gateway_response: status === "success" ? "Approved" : "Insufficient funds", ...extra };
};

async function send(event: string, data: ReturnType<typeof charge>) {
  const r = await paystack.sendWebhook(hook, event, data);
  expect(r.status).toBe(200);
}

/** Every PAYMENT entry about this sale, oldest first, with the fields staff see. */
async function paymentEntries(saleId: string) {
  await server.app.services.log.flush();
  const rows = await server.app.services.prisma.logEntry.findMany({ where: { kind: "PAYMENT", model: "Transaction", recordId: saleId }, orderBy: { sequence: "asc" } });
  return rows.map((r) => ({ level: r.level, message: r.message, data: r.data === null ? null : JSON.parse(r.data as string) }));
}

async function pendingSale(vouchers = 1, phoneNumber = "0241110000") {
  const bundle = await seedAllocation(server, { vouchers });
  const r = await buy(server, bundle.id, { phoneNumber });
  expect(r.errors).toBeUndefined();
  const sale = r.data.purchase.transaction as { reference: string; status: string };
  expect(sale.status).toBe("PENDING");
  const row = await server.app.services.prisma.transaction.findUniqueOrThrow({ where: { reference: sale.reference } });
  return { bundle, reference: sale.reference, id: row.id, priceMinor: row.amountMinor };
}

describe("the log entry of each settlement outcome", () => {
  it("paid: INFO, the provider and the path it came by, with the sale's figures", async () => {
    const s = await pendingSale(1, "0241110001");
    const data = charge(s.reference, "success");
    await send("charge.success", data);
    expect(await paymentEntries(s.id)).toEqual([
      {
        level: "INFO",
        message: `${s.reference} paid via paystack (webhook)`,
        data: { reference: s.reference, provider: "paystack", providerReference: String(data.id), source: "webhook", amountMinor: s.priceMinor },
      },
    ]);
  });

  it("failed: INFO with the provider's reason", async () => {
    const s = await pendingSale(1, "0241110002");
    await send("charge.failed", charge(s.reference, "failed"));
    expect(await paymentEntries(s.id)).toEqual([
      {
        level: "INFO",
        message: `${s.reference} failed: Insufficient funds (webhook)`,
        data: { reference: s.reference, provider: "paystack", source: "webhook", reason: "Insufficient funds" },
      },
    ]);
  });

  it("paid after it had failed: WARN, sold anyway", async () => {
    const s = await pendingSale(1, "0241110003");
    const failed = charge(s.reference, "failed");
    await send("charge.failed", failed);
    const late = charge(s.reference, "success", { id: failed.id + 5000 });
    await send("charge.success", late);
    const entries = await paymentEntries(s.id);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toEqual({
      level: "WARN",
      message: `${s.reference} paid via paystack after it had failed; sold anyway (webhook)`,
      data: { reference: s.reference, provider: "paystack", providerReference: String(late.id), source: "webhook", amountMinor: s.priceMinor },
    });
  });

  it("paid with no voucher left: ERROR, so someone issues one", async () => {
    const s = await pendingSale(1, "0241110004");
    const failed = charge(s.reference, "failed");
    await send("charge.failed", failed);
    // Its released voucher goes to the next buyer before the late payment arrives.
    const next = await buy(server, s.bundle.id, { phoneNumber: "0241110005" });
    expect(next.errors).toBeUndefined();
    const late = charge(s.reference, "success", { id: failed.id + 6000 });
    await send("charge.success", late);
    const entries = await paymentEntries(s.id);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toEqual({
      level: "ERROR",
      message: `${s.reference} paid but no voucher: none available for the bundle`,
      data: { reference: s.reference, provider: "paystack", providerReference: String(late.id), source: "webhook", amountMinor: s.priceMinor },
    });
  });

  it("paid less than the price: ERROR with both amounts and the event, and the sale stays pending", async () => {
    const s = await pendingSale(1, "0241110006");
    const data = charge(s.reference, "success", { amount: 1 });
    await send("charge.success", data);
    expect(await paymentEntries(s.id)).toEqual([
      {
        level: "ERROR",
        message: `${s.reference}: paystack reports 1 paid of ${s.priceMinor}; not settled (webhook)`,
        data: { amountMinor: 1, priceMinor: s.priceMinor, source: "webhook", eventKey: `charge.success:${data.id}` },
      },
    ]);
    // The same event again is logged again, but recorded once, and the sale is untouched.
    await send("charge.success", data);
    const again = await paymentEntries(s.id);
    expect(again.filter((e) => e.message.includes("reports 1 paid"))).toHaveLength(2);
    expect(await server.app.services.prisma.paymentEvent.count({ where: { reference: s.reference } })).toBe(1);
    expect((await server.app.services.prisma.transaction.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("PENDING");
  });
});

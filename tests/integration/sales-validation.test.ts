// What a purchase accepts: phone numbers in every accepted form (stored as 0XXXXXXXXX),
// names, providers; and the cash sale at the counter through confirmPayment.
import { afterAll, describe, expect, it } from "vitest";
import { startTestServer, codesOf, type TestServer } from "../helpers/server.js";
import { buy, CONFIRM, seedAllocation } from "./sales-seed.js";
import { setUpFile } from "../helpers/setup.js";

let server: TestServer;
let staff: string;
let bundle: { id: string; dbId: string };

setUpFile(async () => {
  server = await startTestServer();
  staff = await server.tokenFor("STAFF");
  bundle = await seedAllocation(server, { vouchers: 40 });
});
afterAll(() => server?.stop());

const count = () => server.app.services.prisma.transaction.count();

describe("purchase input", () => {
  const accepted: [string, string, string][] = [
    ["0241234567", "0241234567", "MTN"],
    ["233201234567", "0201234567", "TELECEL"],
    ["+233 27 123 4567", "0271234567", "AIRTELTIGO"],
    ["+233-59-123-4567", "0591234567", "MTN"],
    ["050 123 4567", "0501234567", "TELECEL"],
  ];
  it.each(accepted)("accepts phone %s as %s (%s)", async (input, stored, network) => {
    const r = await buy(server, bundle.id, { phoneNumber: input });
    expect(r.errors).toBeUndefined();
    expect(r.data.purchase.transaction.phoneNumber).toBe(stored);
    const t = await server.app.services.prisma.transaction.findUniqueOrThrow({ where: { id: Buffer.from(r.data.purchase.transaction.id, "base64").toString().split(":")[1] } });
    expect(t.network).toBe(network);
  });

  const rejected: [string, RegExp][] = [
    ["0211234567", /starts with 021/],
    ["0311234567", /starts with 031/],
    ["024123456", /not a Ghanaian phone number/],
    ["02412345678", /not a Ghanaian phone number/],
    ["+234 24 123 4567", /not a Ghanaian phone number/],
    ["phone", /not a Ghanaian phone number/],
  ];
  it.each(rejected)("refuses phone %s, writing nothing", async (input, message) => {
    const before = await count();
    const r = await buy(server, bundle.id, { phoneNumber: input });
    expect(codesOf(r)).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors![0]!.message).toMatch(message);
    expect(r.errors![0]!.extensions!.field).toBe("phoneNumber");
    expect(await count()).toBe(before);
  });

  it.each([["  Kwame   Nkrumah ", "Kwame Nkrumah"], ["Adwoa O'Neil-Boateng", "Adwoa O'Neil-Boateng"], ["Jr. Ré", "Jr. Ré"]])(
    "accepts name %j as %j",
    async (input, stored) => {
      const r = await buy(server, bundle.id, { fullName: input });
      expect(r.errors).toBeUndefined();
      expect(r.data.purchase.transaction.fullName).toBe(stored);
    },
  );

  it.each([["A", /at least 2/], ["   ", /at least 2/], ["x".repeat(81), /80 characters/], ["Ama 2", /only letters/], ["<script>", /only letters/], ["-Ama", /only letters/]])(
    "refuses name %j, writing nothing",
    async (input, message) => {
      const before = await count();
      const r = await buy(server, bundle.id, { fullName: input });
      expect(codesOf(r)).toEqual(["BAD_USER_INPUT"]);
      expect(r.errors![0]!.message).toMatch(message);
      expect(await count()).toBe(before);
    },
  );

  it("refuses an unknown provider, and cash from the public", async () => {
    const before = await count();
    const unknown = await buy(server, bundle.id, { provider: "bitcoin" });
    expect(codesOf(unknown)).toEqual(["BAD_USER_INPUT"]);
    expect(unknown.errors![0]!.message).toMatch(/Unknown payment provider "bitcoin"/);
    expect(codesOf(await buy(server, bundle.id, { provider: "cash" }))).toEqual(["FORBIDDEN"]);
    expect(await count()).toBe(before);
  });

  it("refuses an unknown or inactive bundle", async () => {
    const missing = await buy(server, "QWxsb2NhdGlvbjpub3BlMDAwMDAwMDAwMDAwMDAwMDAw");
    expect(codesOf(missing)).toEqual(["NOT_FOUND"]);
    const other = await seedAllocation(server, { vouchers: 1 });
    await server.app.services.prisma.allocation.update({ where: { id: other.dbId }, data: { active: false } });
    expect(codesOf(await buy(server, other.id))).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("cash at the counter", () => {
  it("staff sell for cash and confirm; confirming again is harmless", async () => {
    const r = await buy(server, bundle.id, { provider: "cash" }, { token: staff });
    expect(r.errors).toBeUndefined();
    expect(r.data.purchase).toMatchObject({ instructions: "Collect cash at the counter", transaction: { status: "PENDING", provider: "cash" } });
    const reference = r.data.purchase.transaction.reference as string;
    expect(reference).toMatch(/^CZ-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);

    const c = await server.gql(CONFIRM, { input: { reference: reference.toLowerCase().replace("-", " "), providerReference: "RCPT-001" } }, { token: staff });
    expect(c.errors).toBeUndefined();
    expect(c.data.confirmPayment).toMatchObject({ status: "PAID", providerReference: "RCPT-001", reference });
    const again = await server.gql(CONFIRM, { input: { reference, providerReference: "RCPT-001" } }, { token: staff });
    expect(again.data.confirmPayment).toMatchObject({ status: "PAID", providerReference: "RCPT-001" });
    const other = await server.gql(CONFIRM, { input: { reference, providerReference: "RCPT-002" } }, { token: staff });
    expect(codesOf(other)).toEqual(["CONFLICT"]);
    expect(other.errors![0]!.message).toMatch(/already paid/);

    const t = await server.app.services.prisma.transaction.findUniqueOrThrow({ where: { reference }, include: { voucher: true } });
    expect(t.voucher?.status).toBe("SOLD");
    expect(t.soldById).not.toBeNull();
    expect(await server.app.services.prisma.outboxMessage.count({ where: { transactionId: t.id } })).toBe(1);
  });

  it("a receipt number already used by another cash sale is a CONFLICT", async () => {
    const a = (await buy(server, bundle.id, { provider: "cash" }, { token: staff })).data.purchase.transaction.reference;
    const b = (await buy(server, bundle.id, { provider: "cash" }, { token: staff })).data.purchase.transaction.reference;
    expect((await server.gql(CONFIRM, { input: { reference: a, providerReference: "RCPT-DUP" } }, { token: staff })).errors).toBeUndefined();
    const dup = await server.gql(CONFIRM, { input: { reference: b, providerReference: "RCPT-DUP" } }, { token: staff });
    expect(codesOf(dup)).toEqual(["CONFLICT"]);
    expect((await server.app.services.prisma.transaction.findUniqueOrThrow({ where: { reference: b } })).status).toBe("PENDING");
  });

  it("unknown references are NOT_FOUND; failed sales are a CONFLICT", async () => {
    expect(codesOf(await server.gql(CONFIRM, { input: { reference: "CZ-22222222", providerReference: "X" } }, { token: staff }))).toEqual(["NOT_FOUND"]);
    const r = await buy(server, bundle.id, { provider: "cash" }, { token: staff });
    const reference = r.data.purchase.transaction.reference;
    await server.app.services.prisma.transaction.update({ where: { reference }, data: { status: "FAILED", failureReason: "Payment not received in time" } });
    const c = await server.gql(CONFIRM, { input: { reference, providerReference: "RCPT-9" } }, { token: staff });
    expect(codesOf(c)).toEqual(["CONFLICT"]);
    expect(c.errors![0]!.message).toMatch(/has failed \(Payment not received in time\)/);
  });

  it("customers cannot confirm payments", async () => {
    expect(codesOf(await server.gql(CONFIRM, { input: { reference: "CZ-22222222", providerReference: "X" } }))).toEqual(["UNAUTHENTICATED"]);
  });
});

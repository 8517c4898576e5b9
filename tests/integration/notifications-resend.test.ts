// resendVoucher: staff send a paid sale's voucher SMS again through the outbox, once a
// minute per sale at most; anything else is refused with nothing queued.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";
import { buy, seedAllocation, waitFor } from "./sales-seed.js";

let server: TestServer;
let staff: string;

beforeAll(async () => {
  server = await startTestServer();
  staff = await server.tokenFor("STAFF");
});
afterAll(async () => {
  await server?.stop();
});

const RESEND = `mutation($id: ID!) { resendVoucher(transactionId: $id) { id reference notifications { channel recipient status } } }`;
const prisma = () => server.app.services.prisma;
const dbIdOf = (globalId: string) => Buffer.from(globalId, "base64").toString("utf8").split(":")[1]!;
const smsCount = (transactionId: string) => prisma().outboxMessage.count({ where: { transactionId, channel: "SMS" } });

describe("resendVoucher", () => {
  it("anonymous callers are UNAUTHENTICATED and nothing is queued", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const sale = (await buy(server, bundle.id, { phoneNumber: "0241110001" })).data.purchase.transaction;
    const before = await smsCount(dbIdOf(sale.id));
    const r = await server.gql(RESEND, { id: sale.id });
    expect(codesOf(r)).toEqual(["UNAUTHENTICATED"]);
    expect(await smsCount(dbIdOf(sale.id))).toBe(before);
  });

  it("staff queue one more voucher SMS, the log names them, and a second resend within the minute is refused", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const sale = (await buy(server, bundle.id, { phoneNumber: "0241110002" })).data.purchase.transaction;
    expect(sale.status).toBe("PAID");
    const dbId = dbIdOf(sale.id);
    const before = await prisma().outboxMessage.findMany({ where: { transactionId: dbId, channel: "SMS" } });
    expect(before).toHaveLength(1);

    const r = await server.gql(RESEND, { id: sale.id }, { token: staff });
    expect(r.errors).toBeUndefined();
    expect(r.data.resendVoucher.notifications.filter((n: { channel: string }) => n.channel === "SMS")).toHaveLength(2);

    const after = await prisma().outboxMessage.findMany({ where: { transactionId: dbId, channel: "SMS" }, orderBy: { createdAt: "asc" } });
    expect(after).toHaveLength(2);
    const added = after.find((m) => !before.some((b) => b.id === m.id))!;
    expect(added).toMatchObject({ recipient: "0241110002", subject: "Voucher" });
    expect(added.body).toBe(before[0]!.body); // the same voucher text as the first SMS
    expect(added.body).toContain(bundle.usernames[0]);

    const entry = await waitFor("the resend log entry", () =>
      prisma().logEntry.findFirst({ where: { model: "Transaction", recordId: dbId, message: { contains: "voucher SMS sent again" } } }),
    );
    expect(entry.level).toBe("INFO");
    const me = await server.gql(`{ me { username } }`, {}, { token: staff });
    expect(entry.message).toContain(me.data.me.username);

    const again = await server.gql(RESEND, { id: sale.id }, { token: staff });
    expect(codesOf(again)).toEqual(["TOO_MANY_REQUESTS"]);
    expect(again.errors![0]!.extensions!.retryAfter).toBeGreaterThan(0);
    expect(await smsCount(dbId)).toBe(2);
  });

  it("an unpaid or failed sale is CONFLICT and nothing is queued", async () => {
    const bundle = await seedAllocation(server, { vouchers: 2 });
    // The sandbox leaves numbers ending in 9999 pending and declines those ending in 0000.
    const pending = (await buy(server, bundle.id, { phoneNumber: "0241119999" })).data.purchase.transaction;
    expect(pending.status).toBe("PENDING");
    const r = await server.gql(RESEND, { id: pending.id }, { token: staff });
    expect(codesOf(r)).toEqual(["CONFLICT"]);
    expect(r.errors![0]!.message).toMatch(/only a paid sale/);
    expect(await smsCount(dbIdOf(pending.id))).toBe(0);

    const declined = await buy(server, bundle.id, { phoneNumber: "0241110000" });
    expect(codesOf(declined)).toEqual(["PAYMENT_FAILED"]);
    const failed = await prisma().transaction.findFirstOrThrow({ where: { phoneNumber: "0241110000" } });
    const failedId = Buffer.from(`Transaction:${failed.id}`).toString("base64");
    const f = await server.gql(RESEND, { id: failedId }, { token: staff });
    expect(codesOf(f)).toEqual(["CONFLICT"]);
    expect(await smsCount(failed.id)).toBe(0);
  });

  it("a raw id or another type's id is BAD_USER_INPUT, an unknown sale NOT_FOUND", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const sale = (await buy(server, bundle.id, { phoneNumber: "0241110003" })).data.purchase.transaction;
    expect(codesOf(await server.gql(RESEND, { id: dbIdOf(sale.id) }, { token: staff }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await server.gql(RESEND, { id: bundle.id }, { token: staff }))).toEqual(["BAD_USER_INPUT"]);
    const unknown = Buffer.from("Transaction:nope").toString("base64");
    expect(codesOf(await server.gql(RESEND, { id: unknown }, { token: staff }))).toEqual(["NOT_FOUND"]);
  });
});

describe("what a buyer reads of a declined payment", () => {
  it("the purchase error and transactionByReference use plain words, never the provider's message; staff still see it", async () => {
    const bundle = await seedAllocation(server, { vouchers: 1 });
    const r = await buy(server, bundle.id, { phoneNumber: "0241230000" });
    expect(codesOf(r)).toEqual(["PAYMENT_FAILED"]);
    expect(r.errors![0]!.message).toBe("Declined by your mobile money provider. No money was taken. Try again or pay at the counter.");
    const reference = r.errors![0]!.extensions!.reference as string;
    const q = `query($r: String!) { transactionByReference(reference: $r) { status failureReason } }`;
    const anon = await server.gql(q, { r: reference });
    expect(anon.data.transactionByReference).toEqual({ status: "FAILED", failureReason: "Declined by your mobile money provider. No money was taken." });
    const seen = await server.gql(q, { r: reference }, { token: staff });
    expect(seen.data.transactionByReference.failureReason).toBe("sandbox: insufficient funds");
  });
});

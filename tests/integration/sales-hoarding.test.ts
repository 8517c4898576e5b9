// Anti-hoarding: unpaid purchases reserve vouchers, so one phone number may hold only a few
// at once, and one client address may only try so often. Staff at the counter are exempt.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";
import { buy, seedAllocation } from "./sales-seed.js";

let server: TestServer;
let bundle: { id: string; dbId: string };

beforeAll(async () => {
  // Sandbox "pending": purchases stay unpaid and keep their vouchers reserved.
  server = await startTestServer({ env: { SANDBOX_MODE: "pending", MAX_PENDING_PER_PHONE: "2", PURCHASES_PER_MINUTE_PER_IP: "6" } });
  bundle = await seedAllocation(server, { vouchers: 20 });
});
afterAll(() => server?.stop());

const reserved = () => server.app.services.prisma.voucher.count({ where: { transaction: { status: "PENDING" } } });

describe("anti-hoarding", () => {
  it("a phone number holds at most MAX_PENDING_PER_PHONE unpaid purchases", async () => {
    expect((await buy(server, bundle.id, { phoneNumber: "0245550001" })).errors).toBeUndefined();
    expect((await buy(server, bundle.id, { phoneNumber: "0245550001" })).errors).toBeUndefined();
    const before = await reserved();
    const third = await buy(server, bundle.id, { phoneNumber: "+233 24 555 0001" });
    expect(codesOf(third)).toEqual(["CONFLICT"]);
    expect(third.errors![0]!.message).toMatch(/0245550001 already has 2 unpaid purchases \(CZ-/);
    expect(await reserved()).toBe(before);
    // Another number is not affected.
    expect((await buy(server, bundle.id, { phoneNumber: "0245550002" })).errors).toBeUndefined();
  });

  it("staff selling at the counter are not limited", async () => {
    const staff = await server.tokenFor("STAFF");
    for (let i = 0; i < 3; i++) {
      const r = await buy(server, bundle.id, { phoneNumber: "0245550003", provider: "cash" }, { token: staff });
      expect(r.errors).toBeUndefined();
    }
  });

  it("one address gets TOO_MANY_REQUESTS past PURCHASES_PER_MINUTE_PER_IP attempts", async () => {
    // Three attempts were made above anonymously, plus one refused: 4 of 6 used.
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await buy(server, bundle.id, { phoneNumber: `024555010${i}` }));
    const codes = results.map((r) => codesOf(r)[0] ?? "ok");
    expect(codes.slice(0, 2)).toEqual(["ok", "ok"]);
    expect(codes.slice(2)).toEqual(["TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
    expect(results[3]!.errors![0]!.message).toMatch(/try again in \d+ seconds/);
  });
});

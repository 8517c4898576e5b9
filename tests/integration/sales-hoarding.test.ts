// Anti-hoarding: unpaid purchases reserve vouchers, so one phone number may hold only a few
// at once, and one client address may only try so often. Staff at the counter are exempt.
// Each test buys from its own client address (127.0.0.x), so none depends on the attempts
// another made.
import { afterAll, describe, expect, it } from "vitest";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";
import { buy, seedAllocation } from "./sales-seed.js";
import { setUpFile } from "../helpers/setup.js";

let server: TestServer;
let bundle: { id: string; dbId: string };

setUpFile(async () => {
  // Sandbox "pending": purchases stay unpaid and keep their vouchers reserved.
  server = await startTestServer({ env: { SANDBOX_MODE: "pending", MAX_PENDING_PER_PHONE: "2", PURCHASES_PER_MINUTE_PER_IP: "6" } });
  bundle = await seedAllocation(server, { vouchers: 40 });
});
afterAll(() => server?.stop());

const reserved = () => server.app.services.prisma.voucher.count({ where: { transaction: { status: "PENDING" } } });

describe("anti-hoarding", () => {
  it("a phone number holds at most MAX_PENDING_PER_PHONE unpaid purchases", async () => {
    const from = "127.0.0.11";
    expect((await buy(server, bundle.id, { phoneNumber: "0245550001" }, { from })).errors).toBeUndefined();
    expect((await buy(server, bundle.id, { phoneNumber: "0245550001" }, { from })).errors).toBeUndefined();
    const before = await reserved();
    const third = await buy(server, bundle.id, { phoneNumber: "+233 24 555 0001" }, { from });
    expect(codesOf(third)).toEqual(["CONFLICT"]);
    expect(third.errors![0]!.message).toMatch(/^This phone number already has 2 unpaid purchases from this device/);
    expect(await reserved()).toBe(before);
    // Another number is not affected.
    expect((await buy(server, bundle.id, { phoneNumber: "0245550002" }, { from })).errors).toBeUndefined();
  });

  it("staff selling at the counter are limited neither per number nor per address", async () => {
    const staff = await server.tokenFor("STAFF");
    for (let i = 0; i < 8; i++) {
      const r = await buy(server, bundle.id, { phoneNumber: "0245550003", provider: "cash" }, { token: staff, from: "127.0.0.21" });
      expect(r.errors, `sale ${i + 1}`).toBeUndefined();
    }
  });

  it("one address gets TOO_MANY_REQUESTS past PURCHASES_PER_MINUTE_PER_IP attempts; another address does not", async () => {
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await buy(server, bundle.id, { phoneNumber: `024555010${i}` }, { from: "127.0.0.31" }));
    const codes = results.map((r) => codesOf(r)[0] ?? "ok");
    expect(codes).toEqual([...Array(6).fill("ok"), "TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
    expect(results[7]!.errors![0]!.message).toMatch(/try again in \d+ seconds/);
    expect((await buy(server, bundle.id, { phoneNumber: "0245550200" }, { from: "127.0.0.32" })).errors).toBeUndefined();
  });
});

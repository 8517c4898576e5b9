// A sale's reference is the buyer's secret key to it (transactionByReference shows the
// voucher once paid). A stranger who knows a phone number must not learn its references
// from an error, must not be able to stop that number buying, cannot guess references
// quickly (aliases count), and a hit shows the sale without its buyer's name and number.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";
import { buy, seedAllocation } from "./sales-seed.js";
import { normalizeReference } from "../../api/modules/common/reference.js";

let server: TestServer;
let bundle: { id: string; dbId: string };
beforeAll(async () => {
  server = await startTestServer({ env: { SANDBOX_MODE: "pending", MAX_PENDING_PER_PHONE: "2", REFERENCE_LOOKUPS_PER_MINUTE: "10" } });
  bundle = await seedAllocation(server, { vouchers: 20 });
});
afterAll(() => server?.stop());

const BY_REF = `query($r: String!) { transactionByReference(reference: $r) { reference status fullName phoneNumber } }`;

describe("references", () => {
  it("are CZ- and 12 characters in groups of four; typed loosely they still match, old 8-character ones too", async () => {
    const r = await buy(server, bundle.id, { phoneNumber: "0245551001" }, { from: "127.0.3.1" });
    const reference = r.data.purchase.transaction.reference as string;
    expect(reference).toMatch(/^CZ-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    expect(normalizeReference(` ${reference.replace(/-/g, "").toLowerCase()} `)).toBe(reference);
    expect(normalizeReference(reference.replace(/-/g, " "))).toBe(reference);
    expect(normalizeReference("cz buyer234")).toBe("CZ-BUYER234");
    const found = await server.gql(BY_REF, { r: reference.replace(/-/g, "").toLowerCase() }, { from: "127.0.3.1" });
    expect(found.data.transactionByReference.reference).toBe(reference);
  });

  it("the per-phone cap names no reference, and a stranger cannot use it to stop the owner buying", async () => {
    const victim = "0245551002";
    const stranger = "127.0.3.2";
    const refs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await buy(server, bundle.id, { phoneNumber: victim }, { from: stranger });
      expect(r.errors).toBeUndefined();
      refs.push(r.data.purchase.transaction.reference);
    }
    const capped = await buy(server, bundle.id, { phoneNumber: victim }, { from: stranger });
    expect(codesOf(capped)).toEqual(["CONFLICT"]);
    expect(capped.errors![0]!.extensions!.reason).toBe("purchase/too-many-pending");
    const text = JSON.stringify(capped);
    expect(text).not.toMatch(/CZ-/);
    for (const ref of refs) expect(text).not.toContain(ref);
    // The owner, on their own device, still buys.
    const owner = await buy(server, bundle.id, { phoneNumber: victim }, { from: "127.0.3.3" });
    expect(owner.errors).toBeUndefined();
  });

  it("a hit by reference shows the sale but masks the buyer's name and number; staff see them", async () => {
    const r = await buy(server, bundle.id, { phoneNumber: "0245551234", fullName: "Ama Serwaa Mensah" }, { from: "127.0.3.4" });
    const reference = r.data.purchase.transaction.reference;
    const anon = await server.gql(BY_REF, { r: reference }, { from: "127.0.3.5" });
    expect(anon.data.transactionByReference).toEqual({ reference, status: "PENDING", fullName: "Ama M.", phoneNumber: "024 ••• ••34" });
    const staff = await server.gql(BY_REF, { r: reference }, { token: await server.tokenFor("STAFF"), from: "127.0.3.5" });
    expect(staff.data.transactionByReference).toMatchObject({ fullName: "Ama Serwaa Mensah", phoneNumber: "0245551234" });
  });

  it("lookups are limited per address and every alias counts as one", async () => {
    const from = "127.0.3.6";
    // Anonymous documents may carry 3 aliases: 4 requests of 3 guesses each, 12 guesses in all.
    let n = 0;
    const guesses = () =>
      Array.from({ length: 3 }, () => `g${n}: transactionByReference(reference: "CZ-2222-2222-${String(2222 + n++).replace(/[01]/g, "2")}") { reference }`).join("\n");
    const limited: { message: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await server.gql(`{ ${guesses()} }`, {}, { from });
      limited.push(...(r.errors ?? []).filter((e) => e.extensions?.code === "TOO_MANY_REQUESTS"));
    }
    expect(limited.length).toBe(2); // 10 guesses answered (null), the 11th and 12th refused
    expect(limited[0]!.message).toMatch(/try again in \d+ seconds/);
    // Refused on the next request too, while another address still looks up.
    expect(codesOf(await server.gql(BY_REF, { r: "CZ-2222-2222-2222" }, { from }))).toEqual(["TOO_MANY_REQUESTS"]);
    const other = await server.gql(BY_REF, { r: "CZ-2222-2222-2222" }, { from: "127.0.3.7" });
    expect(other.errors).toBeUndefined();
    expect(other.data.transactionByReference).toBeNull();
  });
});

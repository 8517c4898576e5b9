// The Settings page's API: shopSettings / updateShopSettings are for admins only; each
// setting is the environment's default until changed, back to it with null; a bad field is
// BAD_USER_INPUT naming it and changes nothing; a change writes a readable INFO log entry and
// appInfo (public, cached) shows the new values at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, codesOf, type TestServer } from "../helpers/server.js";
import { waitFor } from "../helpers/wait.js";
import { startSmsStandin } from "../fixtures/sms-standin.js";
import { buy, seedAllocation } from "./sales-seed.js";

let server: TestServer;
let staff: string;
let manager: string;

const SETTINGS = `shopName timeZone hotspotLoginUrl smsSender receiptFooter cardsPerPage cardsPerPageChoices fields { key label environmentVariable source value environmentDefault updatedAt }`;
const APP_INFO = `query { appInfo { shopName timeZone hotspotLoginUrl receiptFooter cardsPerPage } }`;
const UPDATE = `mutation($input: UpdateShopSettingsInput!) { updateShopSettings(input: $input) { ${SETTINGS} } }`;

async function settings() {
  const r = await server.gql(`query { shopSettings { ${SETTINGS} } }`, {}, { token: server.adminToken });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.shopSettings;
}
const sourceOf = (s: { fields: { key: string; source: string }[] }, key: string) => s.fields.find((f) => f.key === key)?.source;

async function update(input: Record<string, unknown>, token = server.adminToken) {
  return server.gql(UPDATE, { input }, { token });
}
async function appInfo() {
  const r = await server.gql(APP_INFO);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.appInfo;
}
async function settingsLog() {
  const r = await server.gql(
    `query($f: LogFilter) { logs(first: 50, filter: $f) { edges { node { kind level message model actor { username } data } } } }`,
    { f: { kinds: ["SYSTEM"], model: "ShopSetting" } },
    { token: server.adminToken },
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.logs.edges.map((e: { node: unknown }) => e.node) as { kind: string; level: string; message: string; actor: { username: string } | null; data: any }[];
}

beforeAll(async () => {
  server = await startTestServer({ env: { SHOP_NAME: "Env Shop", TIME_ZONE: "Africa/Accra", HOTSPOT_LOGIN_URL: "http://10.0.0.1/login", SMS_SENDER: "EnvSender" } });
  staff = await server.tokenFor("STAFF");
  manager = await server.tokenFor("MANAGER");
}, 60_000);
afterAll(async () => server?.stop());

describe("who may", () => {
  it("refuses anonymous callers, staff and managers", async () => {
    const read = `query { shopSettings { shopName } }`;
    expect(codesOf(await server.gql(read))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await server.gql(read, {}, { token: staff }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await server.gql(read, {}, { token: manager }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await server.gql(UPDATE, { input: { shopName: "Hacked" } }))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await update({ shopName: "Hacked" }, staff))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await update({ shopName: "Hacked" }, manager))).toEqual(["FORBIDDEN"]);
    expect((await settings()).shopName).toBe("Env Shop");
  });
});

describe("defaults, overrides and reset", () => {
  it("starts from the environment", async () => {
    const s = await settings();
    expect(s).toMatchObject({ shopName: "Env Shop", timeZone: "Africa/Accra", hotspotLoginUrl: "http://10.0.0.1/login", smsSender: "EnvSender", receiptFooter: null, cardsPerPage: 21 });
    expect(s.cardsPerPageChoices).toEqual([4, 6, 8, 10, 12, 21]);
    expect(s.fields.every((f: { source: string; updatedAt: string | null }) => f.source === "ENVIRONMENT" && f.updatedAt === null)).toBe(true);
    expect(s.fields.find((f: { key: string }) => f.key === "shopName")).toMatchObject({ environmentVariable: "SHOP_NAME", value: "Env Shop", environmentDefault: "Env Shop" });
    expect(await appInfo()).toEqual({ shopName: "Env Shop", timeZone: "Africa/Accra", hotspotLoginUrl: "http://10.0.0.1/login", receiptFooter: null, cardsPerPage: 21 });
  });

  it("overrides, shows it on appInfo at once, logs it, and goes back to the default with null", async () => {
    expect(await appInfo()).toMatchObject({ shopName: "Env Shop" }); // cached now
    const r = await update({ shopName: "  Kofi's Wi-Fi  ", timeZone: "Europe/London", cardsPerPage: 8, receiptFooter: "Thank you!\nCall 024 000 0000" });
    expect(r.errors).toBeUndefined();
    const s = r.data.updateShopSettings;
    expect(s).toMatchObject({ shopName: "Kofi's Wi-Fi", timeZone: "Europe/London", cardsPerPage: 8, receiptFooter: "Thank you!\nCall 024 000 0000", smsSender: "EnvSender" });
    expect(sourceOf(s, "shopName")).toBe("DATABASE");
    expect(sourceOf(s, "smsSender")).toBe("ENVIRONMENT");
    expect(s.fields.find((f: { key: string }) => f.key === "shopName")).toMatchObject({ value: "Kofi's Wi-Fi", environmentDefault: "Env Shop" });
    expect(await appInfo()).toEqual({ shopName: "Kofi's Wi-Fi", timeZone: "Europe/London", hotspotLoginUrl: "http://10.0.0.1/login", receiptFooter: "Thank you!\nCall 024 000 0000", cardsPerPage: 8 });

    const entry = (await settingsLog())[0]!;
    expect(entry).toMatchObject({ kind: "SYSTEM", level: "INFO", message: "Settings changed: shop name, time zone, receipt footer, cards per page", actor: { username: "admin" } });
    expect(entry.data.changes.shopName).toEqual({ before: "default", after: "Kofi's Wi-Fi" });

    // Saving the same values again changes nothing and writes no entry.
    const before = (await settingsLog()).length;
    expect((await update({ shopName: "Kofi's Wi-Fi", cardsPerPage: 8 })).errors).toBeUndefined();
    expect((await settingsLog()).length).toBe(before);

    // Empty text: no hotspot login link, although the environment has one.
    expect((await update({ hotspotLoginUrl: "" })).data.updateShopSettings.hotspotLoginUrl).toBeNull();
    expect((await appInfo()).hotspotLoginUrl).toBeNull();

    const reset = await update({ shopName: null, timeZone: null, hotspotLoginUrl: null, cardsPerPage: null, receiptFooter: null });
    expect(reset.errors).toBeUndefined();
    expect(reset.data.updateShopSettings.fields.every((f: { source: string }) => f.source === "ENVIRONMENT")).toBe(true);
    expect(await appInfo()).toEqual({ shopName: "Env Shop", timeZone: "Africa/Accra", hotspotLoginUrl: "http://10.0.0.1/login", receiptFooter: null, cardsPerPage: 21 });
    expect((await settingsLog())[0]!.message).toBe("Settings changed: shop name, time zone, hotspot login URL, receipt footer, cards per page");
  });

  it("each change is in the change stream as a ShopSetting row", async () => {
    await update({ smsSender: "KofiWiFi" });
    const r = await server.gql(`query { logs(first: 5, filter: { model: "ShopSetting", kinds: [CREATE, UPDATE, DELETE] }) { edges { node { kind recordId } } } }`, {}, { token: server.adminToken });
    expect(r.data.logs.edges[0].node).toEqual({ kind: "CREATE", recordId: "smsSender" });
    expect((await settings()).smsSender).toBe("KofiWiFi");
    await update({ smsSender: null });
  });
});

describe("validation", () => {
  const bad: [string, Record<string, unknown>][] = [
    ["shopName", { shopName: "   " }],
    ["shopName", { shopName: "x".repeat(61) }],
    ["shopName", { shopName: "Line\nbreak" }],
    ["shopName", { shopName: "bidi\u202etxt" }],
    ["timeZone", { timeZone: "Mars/Olympus" }],
    ["timeZone", { timeZone: "+01:00" }],
    ["timeZone", { timeZone: "" }],
    ["hotspotLoginUrl", { hotspotLoginUrl: "javascript:alert(1)" }],
    ["hotspotLoginUrl", { hotspotLoginUrl: "ftp://10.0.0.1/" }],
    ["hotspotLoginUrl", { hotspotLoginUrl: "not a url" }],
    ["hotspotLoginUrl", { hotspotLoginUrl: "http://user:pw@10.0.0.1/" }],
    ["hotspotLoginUrl", { hotspotLoginUrl: `http://10.0.0.1/${"a".repeat(500)}` }],
    ["smsSender", { smsSender: "TwelveLetter" }],
    ["smsSender", { smsSender: "Kofi WiFi" }],
    ["smsSender", { smsSender: "0241234567" }],
    ["smsSender", { smsSender: "" }],
    ["receiptFooter", { receiptFooter: "x".repeat(201) }],
    ["receiptFooter", { receiptFooter: "1\n2\n3\n4" }],
    ["cardsPerPage", { cardsPerPage: 7 }],
    ["cardsPerPage", { cardsPerPage: 0 }],
    ["cardsPerPage", { cardsPerPage: 1000 }],
  ];
  it.each(bad)("refuses a bad %s and changes nothing else given with it", async (field, input) => {
    const before = await settings();
    const logged = (await settingsLog()).length;
    const r = await update({ ...input, shopName: field === "shopName" ? input.shopName : "Should Not Stick" });
    expect(codesOf(r)).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors![0]!.extensions!.field).toBe(field);
    expect(r.errors![0]!.message).not.toMatch(/unexpected|internal/i);
    expect(await settings()).toEqual(before);
    expect((await settingsLog()).length).toBe(logged);
  });
});

describe("another replica on the same database", () => {
  it("drops its cached settings when the change reaches it through the change stream", async () => {
    const other = await startTestServer({ dataDir: server.dataDir, env: { SHOP_NAME: "Env Shop", JOURNAL: "off" } });
    try {
      const info = async () => (await other.gql(`query { appInfo { shopName cardsPerPage } }`)).data.appInfo;
      expect(await info()).toEqual({ shopName: "Env Shop", cardsPerPage: 21 }); // cached there now
      expect((await update({ shopName: "From Replica A", cardsPerPage: 12 })).errors).toBeUndefined();
      // The other process learns of the change from the log (its own change feed), not from a timer.
      await waitFor(async () => (await info()).shopName === "From Replica A", { what: "the other replica's appInfo to show the new name" });
      expect(await info()).toEqual({ shopName: "From Replica A", cardsPerPage: 12 });
      expect((await update({ shopName: null, cardsPerPage: null })).errors).toBeUndefined();
      await waitFor(async () => (await info()).shopName === "Env Shop", { what: "the reset to reach the other replica" });
    } finally {
      await other.stop();
    }
  }, 60_000);
});

describe("where SMS are sent", () => {
  it("the buyer's SMS goes out with the sender name and carries the login link of the settings", async () => {
    const gateway = await startSmsStandin();
    const shop = await startTestServer({ env: { SMS_PROVIDER: "http", SMS_URL: gateway.url, SMS_API_KEY: gateway.apiKey, SMS_SENDER: "EnvSender", OUTBOX_POLL_MS: "30" } });
    try {
      const r = await shop.gql(UPDATE, { input: { smsSender: "KofiWiFi", hotspotLoginUrl: "http://kofi.hotspot/login" } }, { token: shop.adminToken });
      expect(r.errors).toBeUndefined();
      const bundle = await seedAllocation(shop, { vouchers: 1, name: "Sender test" });
      const bought = await buy(shop, bundle.id, { phoneNumber: "0241112233" });
      expect(bought.data.purchase.transaction.status).toBe("PAID");
      const sent = await waitFor(() => gateway.messages.find((m) => m.recipient === "233241112233") ?? false, { what: "the voucher SMS" });
      expect(sent.sender).toBe("KofiWiFi");
      expect(sent.message).toContain("Log in at http://kofi.hotspot/login");
    } finally {
      await shop.stop();
      await gateway.close();
    }
  }, 60_000);
});

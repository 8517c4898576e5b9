// The settings' checks and their environment defaults (api/modules/settings/fields.ts, config.ts).
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../api/core/config.js";
import { defaultsOf, FIELDS, isIanaZone } from "../../api/modules/settings/fields.js";

describe("settings", () => {
  it("takes IANA zone names only", () => {
    for (const z of ["Africa/Accra", "Europe/London", "America/Argentina/Buenos_Aires", "UTC"]) expect(isIanaZone(z), z).toBe(true);
    for (const z of ["Mars/Olympus", "+01:00", "GMT+1", "EST5EDT;rm", "", "Africa/"]) expect(isIanaZone(z), z).toBe(false);
  });

  it("reads its defaults from the environment, and refuses a bad one at start", () => {
    const c = loadConfig({ SHOP_NAME: "Kofi", RECEIPT_FOOTER: "  Thanks  ", CARDS_PER_PAGE: "8", SMS_SENDER: "KofiWiFi", TIME_ZONE: "Europe/London" });
    expect(defaultsOf(c)).toEqual({ shopName: "Kofi", timeZone: "Europe/London", hotspotLoginUrl: null, smsSender: "KofiWiFi", receiptFooter: "Thanks", cardsPerPage: 8 });
    expect(defaultsOf(loadConfig({}))).toMatchObject({ shopName: "Chillzone", receiptFooter: null, cardsPerPage: 21 });
    expect(() => loadConfig({ CARDS_PER_PAGE: "7" })).toThrow(ConfigError);
    expect(() => loadConfig({ SHOP_NAME: "x".repeat(61) })).toThrow(/SHOP_NAME/);
  });

  it("normalizes what it stores", () => {
    expect(FIELDS.shopName.check("  Kofi  ")).toBe("Kofi");
    expect(FIELDS.receiptFooter.check("a\r\nb")).toBe("a\nb");
    expect(FIELDS.receiptFooter.check("   ")).toBeNull();
    expect(FIELDS.hotspotLoginUrl.check("")).toBeNull();
    expect(FIELDS.hotspotLoginUrl.check("https://wifi.example/login?x=1")).toBe("https://wifi.example/login?x=1");
    expect(() => FIELDS.smsSender.check("Kofi-WiFi")).toThrow(/11 letters/);
    expect(() => FIELDS.shopName.check(42)).toThrow(/must be text/);
  });
});

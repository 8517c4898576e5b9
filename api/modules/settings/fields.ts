// The settings an owner may change, each with its environment default and its check.
// A check returns the value to store, or throws BAD_USER_INPUT naming the field.
import type { Config } from "../../core/config.js";
import { CARDS_PER_PAGE_CHOICES } from "../../core/config.js";
import { badInput } from "../../core/errors.js";

export type ShopSettingsValues = {
  shopName: string;
  timeZone: string;
  hotspotLoginUrl: string | null;
  smsSender: string;
  receiptFooter: string | null;
  cardsPerPage: number;
};
export type SettingKey = keyof ShopSettingsValues;

type Field<K extends SettingKey> = {
  key: K;
  /** In plain words, for the log entry ("Settings changed: time zone, shop name"). */
  label: string;
  /** The environment variable that gives the default. */
  env: string;
  fallback: (c: Config) => ShopSettingsValues[K];
  /** The value to store for what an admin typed; throws badInput(…, key). */
  check: (raw: unknown) => ShopSettingsValues[K];
};

// Control characters (newline excepted where a field allows lines) never belong in a setting.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function text(key: SettingKey, raw: unknown, max: number, opts: { lines?: number; what: string }): string {
  if (typeof raw !== "string") throw badInput(`${opts.what} must be text`, key);
  const v = raw.replace(/\r\n?/g, "\n").trim();
  if (CONTROL.test(v) || (!opts.lines && v.includes("\n"))) throw badInput(`${opts.what} may not contain control characters${opts.lines ? "" : " or line breaks"}`, key);
  if (opts.lines && v.split("\n").length > opts.lines) throw badInput(`${opts.what} may have at most ${opts.lines} lines`, key);
  if ([...v].length > max) throw badInput(`${opts.what} may be at most ${max} characters`, key);
  return v;
}

let zones: Set<string> | undefined;
/** IANA names only (as Intl knows them), not offsets like +01:00 or abbreviations. */
export function isIanaZone(v: string): boolean {
  zones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  if (zones.has(v)) return true;
  // Aliases Intl accepts but does not list (e.g. Europe/Kiev for Europe/Kyiv) are IANA names too.
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2}$/.test(v)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: v });
    return true;
  } catch {
    return false;
  }
}

export const FIELDS = {
  shopName: {
    key: "shopName",
    label: "shop name",
    env: "SHOP_NAME",
    fallback: (c) => c.shop.name,
    check: (raw) => {
      const v = text("shopName", raw, 60, { what: "The shop name" });
      if (!v) throw badInput("The shop name may not be empty", "shopName");
      return v;
    },
  },
  timeZone: {
    key: "timeZone",
    label: "time zone",
    env: "TIME_ZONE",
    fallback: (c) => c.timeZone,
    check: (raw) => {
      const v = text("timeZone", raw, 64, { what: "The time zone" });
      if (!isIanaZone(v)) throw badInput(`"${v.slice(0, 64)}" is not a time zone; use a name like Africa/Accra or Europe/London`, "timeZone");
      return v;
    },
  },
  hotspotLoginUrl: {
    key: "hotspotLoginUrl",
    label: "hotspot login URL",
    env: "HOTSPOT_LOGIN_URL",
    fallback: (c) => c.hotspotLoginUrl ?? null,
    check: (raw) => {
      const v = text("hotspotLoginUrl", raw, 500, { what: "The hotspot login URL" });
      if (!v) return null; // empty: no login link (cards carry no QR code)
      let u: URL;
      try {
        u = new URL(v);
      } catch {
        throw badInput("The hotspot login URL must be a full address like http://10.0.0.1/login", "hotspotLoginUrl");
      }
      if (u.protocol !== "http:" && u.protocol !== "https:") throw badInput("The hotspot login URL must start with http:// or https://", "hotspotLoginUrl");
      if (u.username || u.password) throw badInput("The hotspot login URL may not carry a user name or password", "hotspotLoginUrl");
      if (/\s/.test(v)) throw badInput("The hotspot login URL may not contain spaces", "hotspotLoginUrl");
      return v;
    },
  },
  smsSender: {
    key: "smsSender",
    label: "SMS sender name",
    env: "SMS_SENDER",
    fallback: (c) => c.sms.sender,
    check: (raw) => {
      const v = text("smsSender", raw, 11, { what: "The SMS sender name" });
      // What SMS gateways accept as an alphanumeric sender id: 1-11 letters and digits, at least one letter.
      if (!/^[A-Za-z0-9]{1,11}$/.test(v) || !/[A-Za-z]/.test(v)) {
        throw badInput("The SMS sender name must be 1 to 11 letters and digits (no spaces), with at least one letter", "smsSender");
      }
      return v;
    },
  },
  receiptFooter: {
    key: "receiptFooter",
    label: "receipt footer",
    env: "RECEIPT_FOOTER",
    fallback: (c) => c.shop.receiptFooter,
    check: (raw) => text("receiptFooter", raw, 200, { lines: 3, what: "The receipt footer" }) || null,
  },
  cardsPerPage: {
    key: "cardsPerPage",
    label: "cards per page",
    env: "CARDS_PER_PAGE",
    fallback: (c) => c.shop.cardsPerPage,
    check: (raw) => {
      if (typeof raw !== "number" || !CARDS_PER_PAGE_CHOICES.includes(raw)) {
        throw badInput(`Cards per page must be one of ${CARDS_PER_PAGE_CHOICES.join(", ")}`, "cardsPerPage");
      }
      return raw;
    },
  },
} satisfies { [K in SettingKey]: Field<K> };

export const SETTING_KEYS = Object.keys(FIELDS) as SettingKey[];

export function defaultsOf(config: Config): ShopSettingsValues {
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, FIELDS[k].fallback(config)])) as ShopSettingsValues;
}

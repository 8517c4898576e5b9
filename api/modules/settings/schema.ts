// The settings module's GraphQL types (imported by api/schema.ts only): the admin's Settings
// page reads shopSettings and saves with updateShopSettings; appInfo (transactions module)
// serves the effective values to every page.
import { builder } from "../../core/builder.js";
import { CARDS_PER_PAGE_CHOICES } from "../../core/config.js";
import type { Context } from "../../core/context.js";
import { FIELDS, SETTING_KEYS, type SettingKey, type ShopSettingsValues } from "./fields.js";
import { shopSettings, settingsChanged, SETTINGS_MODEL, type EffectiveSettings, type SettingState } from "./store.js";

const SettingSourceEnum = builder.enumType("SettingSource", {
  description: "Where a setting's value comes from.",
  values: {
    DATABASE: { description: "Changed on the Settings page (stored in the database)." },
    ENVIRONMENT: { description: "The server's environment (configuration) default." },
  } as const,
});

const show = (v: string | number | null) => (v === null ? null : String(v));

const ShopSettingState = builder.objectRef<SettingState>("ShopSettingState").implement({
  description: "One setting: its value, and whether it is the environment's default.",
  fields: (t) => ({
    key: t.string({ description: "The field's name in ShopSettings and UpdateShopSettingsInput, e.g. shopName.", resolve: (s) => s.key }),
    label: t.string({ description: "In plain words, e.g. shop name.", resolve: (s) => FIELDS[s.key].label }),
    environmentVariable: t.string({ description: "The variable that gives the default, e.g. SHOP_NAME.", resolve: (s) => FIELDS[s.key].env }),
    source: t.field({ type: SettingSourceEnum, resolve: (s) => s.source }),
    value: t.string({ nullable: true, description: "The value in effect, as text (null: none).", resolve: (s) => show(s.value) }),
    environmentDefault: t.string({ nullable: true, description: "What applies without a stored value (null: none).", resolve: (s) => show(s.environmentDefault) }),
    updatedAt: t.field({ type: "DateTime", nullable: true, description: "When it was last changed on the Settings page (null: the default applies).", resolve: (s) => s.updatedAt }),
  }),
});

const ShopSettings = builder.objectRef<EffectiveSettings>("ShopSettings").implement({
  description: "Settings an admin may change; each is the environment's default until changed.",
  fields: (t) => ({
    shopName: t.string({ resolve: (s) => s.values.shopName }),
    timeZone: t.string({ description: "IANA time zone dates are shown in on every page.", resolve: (s) => s.values.timeZone }),
    hotspotLoginUrl: t.string({ nullable: true, description: "Router login page: QR codes on printed cards and Connect now on /buy (null: none).", resolve: (s) => s.values.hotspotLoginUrl }),
    smsSender: t.string({ description: "Sender name SMS go out with (1-11 letters and digits).", resolve: (s) => s.values.smsSender }),
    receiptFooter: t.string({ nullable: true, resolve: (s) => s.values.receiptFooter }),
    cardsPerPage: t.int({ description: "Voucher cards per A4 page on the print page.", resolve: (s) => s.values.cardsPerPage }),
    cardsPerPageChoices: t.intList({ description: "The layouts cardsPerPage may take.", resolve: () => [...CARDS_PER_PAGE_CHOICES] }),
    fields: t.field({ type: [ShopSettingState], description: "Each setting with where its value comes from.", resolve: (s) => s.fields }),
  }),
});

const UpdateShopSettingsInput = builder.inputType("UpdateShopSettingsInput", {
  description: "Only the fields given change. null: back to the environment's default. Empty text for hotspotLoginUrl or receiptFooter: none.",
  fields: (t) => ({
    shopName: t.string({ required: false, description: "1-60 characters." }),
    timeZone: t.string({ required: false, description: "An IANA name, e.g. Africa/Accra." }),
    hotspotLoginUrl: t.string({ required: false, description: "An http:// or https:// address (at most 500 characters); empty: none." }),
    smsSender: t.string({ required: false, description: "1-11 letters and digits, at least one letter." }),
    receiptFooter: t.string({ required: false, description: "At most 200 characters in at most 3 lines; empty: none." }),
    cardsPerPage: t.int({ required: false, description: "One of ShopSettings.cardsPerPageChoices." }),
  }),
});

type Change = { key: SettingKey; stored: string | null };

async function update(ctx: Context, input: Record<string, unknown>): Promise<void> {
  // Every field is checked before anything is written: one bad field changes nothing.
  const wanted: Change[] = [];
  for (const key of SETTING_KEYS) {
    if (!Object.prototype.hasOwnProperty.call(input, key) || input[key] === undefined) continue;
    const raw = input[key];
    const value: ShopSettingsValues[SettingKey] | undefined = raw === null ? undefined : FIELDS[key].check(raw);
    wanted.push({ key, stored: value === undefined ? null : JSON.stringify(value) });
  }
  if (wanted.length === 0) return;
  const userId = ctx.viewer?.userId ?? null;
  const changed = await ctx.prisma.$transaction(async (tx) => {
    const before = new Map((await tx.shopSetting.findMany({ where: { id: { in: wanted.map((w) => w.key) } } })).map((r) => [r.id, r.value]));
    const done: { key: SettingKey; before: string | null; after: string | null }[] = [];
    for (const w of wanted) {
      const was = before.get(w.key) ?? null;
      if (was === w.stored) continue;
      if (w.stored === null) await tx.shopSetting.delete({ where: { id: w.key } });
      else await tx.shopSetting.upsert({ where: { id: w.key }, create: { id: w.key, value: w.stored, updatedById: userId }, update: { value: w.stored, updatedById: userId } });
      done.push({ key: w.key, before: was, after: w.stored });
    }
    return done;
  });
  settingsChanged(ctx.services);
  if (changed.length === 0) return;
  const parse = (v: string | null) => (v === null ? "default" : (JSON.parse(v) as unknown));
  ctx.services.log.write({
    kind: "SYSTEM",
    level: "INFO",
    model: SETTINGS_MODEL,
    message: `Settings changed: ${changed.map((c) => FIELDS[c.key].label).join(", ")}`,
    data: { changes: Object.fromEntries(changed.map((c) => [c.key, { before: parse(c.before), after: parse(c.after) }])) },
  });
  // Written before the answer, so the Logs page shows it as soon as the page says Saved.
  await ctx.services.log.flush().catch(() => {});
}

builder.queryFields((t) => ({
  shopSettings: t.field({
    type: ShopSettings,
    description: "The shop's settings and where each comes from (admins).",
    authScopes: { admin: true },
    resolve: (_r, _a, ctx) => shopSettings(ctx.services),
  }),
}));

builder.mutationFields((t) => ({
  updateShopSettings: t.field({
    type: ShopSettings,
    description: "Changes the given settings (admins); null puts one back to the environment's default. A bad field: BAD_USER_INPUT naming it in extensions.field, and nothing changes.",
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdateShopSettingsInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      await update(ctx, input as Record<string, unknown>);
      return shopSettings(ctx.services);
    },
  }),
}));

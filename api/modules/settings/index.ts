// What other modules may use of settings: the effective values (cached; see store.ts).
export { shopSettings, settingsChanged, type EffectiveSettings } from "./store.js";
export type { ShopSettingsValues } from "./fields.js";

// The effective settings: a stored row where there is one, else the environment's default.
// Held in memory (appInfo is on /buy's hot path) and dropped whenever the change stream carries
// a ShopSetting entry: this process's own writes and, through the bus (Redis with several
// replicas), every other replica's. A restore (its BACKUP entry) and a gap the bus could not
// fill (resync) drop it too.
import type { Services } from "../../core/context.js";
import { defaultsOf, FIELDS, SETTING_KEYS, type SettingKey, type ShopSettingsValues } from "./fields.js";

export const SETTINGS_MODEL = "ShopSetting";

export type SettingSource = "DATABASE" | "ENVIRONMENT";
export type SettingState = {
  key: SettingKey;
  value: ShopSettingsValues[SettingKey];
  source: SettingSource;
  environmentDefault: ShopSettingsValues[SettingKey];
  updatedAt: Date | null;
  updatedById: string | null;
};
export type EffectiveSettings = { values: ShopSettingsValues; fields: SettingState[] };

type Row = { id: string; value: string; updatedById: string | null; updatedAt: string | number };

/** A stored value, or undefined when it no longer passes its check (then the default applies). */
export function decodeStored(key: SettingKey, json: string): ShopSettingsValues[SettingKey] | undefined {
  try {
    const raw: unknown = JSON.parse(json);
    return raw === null ? null : FIELDS[key].check(raw);
  } catch {
    return undefined;
  }
}

class SettingsCache {
  private current: EffectiveSettings | null = null;
  constructor(private readonly services: Services) {
    services.hub.bus.subscribe({
      record: (r) => {
        // A restore replaces the table without a change entry per row: its one BACKUP entry drops the cache too.
        if (r.model === SETTINGS_MODEL || r.kind === "BACKUP") this.current = null;
      },
      resync: () => {
        this.current = null;
      },
    });
  }

  get(): EffectiveSettings {
    return (this.current ??= this.load());
  }

  invalidate(): void {
    this.current = null;
  }

  private load(): EffectiveSettings {
    const defaults = defaultsOf(this.services.config);
    const rows = this.services.reader.read<Row>(`SELECT "id", "value", "updatedById", "updatedAt" FROM "ShopSetting"`, []);
    const byKey = new Map(rows.map((r) => [r.id, r]));
    const values = { ...defaults } as Record<SettingKey, unknown>;
    const fields = SETTING_KEYS.map((key): SettingState => {
      const row = byKey.get(key);
      const stored = row ? decodeStored(key, row.value) : undefined;
      if (row && stored !== undefined) values[key] = stored;
      const fromDb = row !== undefined && stored !== undefined;
      return {
        key,
        value: values[key] as ShopSettingsValues[SettingKey],
        source: fromDb ? "DATABASE" : "ENVIRONMENT",
        environmentDefault: defaults[key],
        updatedAt: fromDb ? new Date(row.updatedAt) : null,
        updatedById: fromDb ? row.updatedById : null,
      };
    });
    return { values: values as ShopSettingsValues, fields };
  }
}

const caches = new WeakMap<Services["hub"], SettingsCache>();

function cacheOf(services: Services): SettingsCache {
  let c = caches.get(services.hub);
  if (!c) caches.set(services.hub, (c = new SettingsCache(services)));
  return c;
}

/** The settings in effect now (from memory after the first read). */
export function shopSettings(services: Services): EffectiveSettings {
  return cacheOf(services).get();
}

/** After this process changed the settings: the next read sees the commit without waiting for the stream. */
export function settingsChanged(services: Services): void {
  cacheOf(services).invalidate();
}

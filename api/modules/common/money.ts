import { builder } from "../../core/builder.js";

export type MoneyShape = { amountMinor: number; currency: string };

/** Minor units to a major-unit decimal string with two places: 10 -> "0.10". */
export function formatMinor(amountMinor: number): string {
  const sign = amountMinor < 0 ? "-" : "";
  const abs = Math.abs(amountMinor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export const Money = builder.objectRef<MoneyShape>("Money").implement({
  description: "An amount of money. Arithmetic is always done on amountMinor.",
  fields: (t) => ({
    amountMinor: t.exposeInt("amountMinor", { description: "Amount in minor units (pesewas for GHS)." }),
    currency: t.exposeString("currency", { description: "ISO 4217 code, e.g. GHS." }),
    formatted: t.string({
      description: 'Major units as a decimal string, e.g. "0.10".',
      resolve: (m) => formatMinor(m.amountMinor),
    }),
  }),
});

export const money = (amountMinor: number, currency: string): MoneyShape => ({ amountMinor, currency });

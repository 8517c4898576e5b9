import { builder } from "../../core/builder.js";
import { CURRENCY } from "./money-taken.js";

type AppInfoShape = { currency: string; paymentProvider: string; hotspotLoginUrl: string | null; timeZone: string };

const AppInfo = builder.objectRef<AppInfoShape>("AppInfo").implement({
  description: "What the public pages need to know about this installation.",
  fields: (t) => ({
    currency: t.exposeString("currency", { description: "ISO 4217 code prices are shown in, e.g. GHS." }),
    paymentProvider: t.exposeString("paymentProvider", { description: "The default payment provider key: sandbox or paystack." }),
    hotspotLoginUrl: t.exposeString("hotspotLoginUrl", { nullable: true, description: "Where a buyer logs in with the voucher, if configured." }),
    timeZone: t.exposeString("timeZone", { description: "The shop's IANA time zone (TIME_ZONE): dates on every page are shown in it." }),
  }),
});

builder.queryFields((t) => ({
  appInfo: t.field({
    type: AppInfo,
    description: "Public: currency, payment provider and hotspot login page.",
    resolve: (_r, _a, ctx) => {
      const { config } = ctx.services;
      return { currency: CURRENCY, paymentProvider: config.payments.provider, hotspotLoginUrl: config.hotspotLoginUrl ?? null, timeZone: config.timeZone };
    },
  }),
}));

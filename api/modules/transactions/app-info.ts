import { builder } from "../../core/builder.js";
import { CURRENCY } from "./money-taken.js";
import { shopSettings } from "../settings/index.js";

type AppInfoShape = {
  currency: string;
  paymentProvider: string;
  hotspotLoginUrl: string | null;
  timeZone: string;
  shopName: string;
  receiptFooter: string | null;
  cardsPerPage: number;
};

const AppInfo = builder.objectRef<AppInfoShape>("AppInfo").implement({
  description: "What the public pages need to know about this installation.",
  fields: (t) => ({
    currency: t.exposeString("currency", { description: "ISO 4217 code prices are shown in, e.g. GHS." }),
    paymentProvider: t.exposeString("paymentProvider", { description: "The default payment provider key: sandbox or paystack." }),
    hotspotLoginUrl: t.exposeString("hotspotLoginUrl", { nullable: true, description: "Where a buyer logs in with the voucher, if configured (Settings, else HOTSPOT_LOGIN_URL)." }),
    timeZone: t.exposeString("timeZone", { description: "The shop's IANA time zone (Settings, else TIME_ZONE): dates on every page are shown in it." }),
    shopName: t.exposeString("shopName", { description: "The shop's name (Settings, else SHOP_NAME)." }),
    receiptFooter: t.exposeString("receiptFooter", { nullable: true, description: "Text under a receipt (Settings, else RECEIPT_FOOTER), if any." }),
    cardsPerPage: t.exposeInt("cardsPerPage", { description: "Voucher cards per A4 page on the print page (Settings, else CARDS_PER_PAGE)." }),
  }),
});

builder.queryFields((t) => ({
  appInfo: t.field({
    type: AppInfo,
    description: "Public: currency, payment provider, hotspot login page and the shop's settings.",
    resolve: (_r, _a, ctx) => {
      const { config } = ctx.services;
      const s = shopSettings(ctx.services).values;
      return {
        currency: CURRENCY,
        paymentProvider: config.payments.provider,
        hotspotLoginUrl: s.hotspotLoginUrl,
        timeZone: s.timeZone,
        shopName: s.shopName,
        receiptFooter: s.receiptFooter,
        cardsPerPage: s.cardsPerPage,
      };
    },
  }),
}));

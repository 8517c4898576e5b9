// Query.cashUp: the cash-up page's figures (cash-up.ts), staff and up; staff see their own sales.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../core/builder.js";
import { Money, money } from "../common/money.js";
import { idOf } from "../common/ids.js";
import { CURRENCY } from "./money-taken.js";
import { cashUp, cashUpScope, type CashUp, type CashUpGroup } from "./cash-up.js";

const CashUpRow = builder.objectRef<CashUpGroup>("CashUpRow").implement({
  description:
    "Sales that took money (PAID, PARTIALLY_REFUNDED, REFUNDED) in one group of the cash-up. day, staff and provider are set when the row is grouped by them, null when it adds up over them.",
  fields: (t) => ({
    day: t.exposeString("day", { nullable: true, description: "The shop's local date, YYYY-MM-DD (TIME_ZONE)." }),
    staffId: t.id({
      nullable: true,
      description: "The User who recorded these sales; null for sales the customer paid online (or when not grouped by staff).",
      resolve: (r) => (r.staffId ? encodeGlobalID("User", r.staffId) : null),
    }),
    staffName: t.exposeString("staffName", { nullable: true, description: 'Their username, "Online (customer paid)", or "Former user".' }),
    provider: t.exposeString("provider", { nullable: true, description: "Payment provider key: cash, sandbox, paystack." }),
    count: t.exposeInt("count", { description: "Number of sales." }),
    gross: t.field({ type: Money, description: "What they took, before refunds.", resolve: (r) => money(r.grossMinor, CURRENCY) }),
    refunded: t.field({ type: Money, description: "What was given back of them.", resolve: (r) => money(r.refundedMinor, CURRENCY) }),
    net: t.field({ type: Money, description: "Gross minus refunded.", resolve: (r) => money(r.grossMinor - r.refundedMinor, CURRENCY) }),
  }),
});

const CashUpRef = builder.objectRef<CashUp>("CashUp").implement({
  description: "Sales per shop day, per member of staff and per payment provider, counted at the instant the sale was made (as the Transactions list and the dashboard).",
  fields: (t) => ({
    from: t.exposeString("from", { description: "First local date counted (YYYY-MM-DD)." }),
    to: t.exposeString("to", { description: "Last local date counted, included." }),
    timeZone: t.exposeString("timeZone", { description: "The shop's TIME_ZONE the days are in." }),
    staffId: t.id({ nullable: true, description: "Whose sales were counted: null for everyone's.", resolve: (c) => (c.staffId ? encodeGlobalID("User", c.staffId) : null) }),
    lines: t.field({ type: [CashUpRow], description: "One row per day, member of staff and provider that had sales; oldest day first.", resolve: (c) => c.lines }),
    days: t.field({ type: [CashUpRow], description: "One row per day with sales, oldest first.", resolve: (c) => c.days }),
    staff: t.field({ type: [CashUpRow], description: "One row per member of staff (and online), highest net first.", resolve: (c) => c.staff }),
    providers: t.field({ type: [CashUpRow], description: "One row per provider, highest net first.", resolve: (c) => c.providers }),
    total: t.field({ type: CashUpRow, description: "Everything counted.", resolve: (c) => c.total }),
  }),
});

builder.queryFields((t) => ({
  cashUp: t.field({
    type: CashUpRef,
    description:
      "Staff: the cash-up for local dates `from`..`to` (at most 366 days). Managers and admins see everyone's sales (or one member of staff's with `staffId`); staff see their own.",
    authScopes: { staff: true },
    args: {
      from: t.arg.string({ required: true, description: "First local date, YYYY-MM-DD." }),
      to: t.arg.string({ required: true, description: "Last local date (included), YYYY-MM-DD." }),
      staffId: t.arg.id({ description: "Only this User's sales (managers and admins; staff may pass their own)." }),
    },
    resolve: (_r, args, ctx) => {
      const asked = args.staffId ? idOf(String(args.staffId), "User") : null;
      const staffId = cashUpScope(ctx.viewer, asked);
      return cashUp(ctx.services.reader.reader, ctx.services.config.timeZone, { from: args.from, to: args.to, staffId });
    },
  }),
}));

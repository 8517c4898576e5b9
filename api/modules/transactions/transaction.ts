import { TransactionStatus } from "../../db/generated/enums.js";
import { enumFromPrisma } from "../common/enums.js";
import { builder } from "../../core/builder.js";
import { Money, money } from "../common/money.js";
import { normalizeReference } from "../common/reference.js";
import { BUYER, mayReadVoucher, publicFailureReason, revealVoucherToBuyer, staffOrBuyer } from "../common/buyer.js";
import { roleAtLeast } from "../../core/roles.js";
import { AppError, ErrorCode } from "../../core/errors.js";
import type { Services } from "../../core/context.js";

/** Lookups by reference per client address per minute (REFERENCE_LOOKUPS_PER_MINUTE). */
const referenceLookups = (services: Services) =>
  services.rateLimits.limiter({ name: "reference-lookup", points: services.config.referenceLookupsPerMinute, durationSec: 60 });

/** "Ama Serwaa Mensah" -> "Ama M." */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/);
  return words.length > 1 ? `${words[0]} ${words.at(-1)!.charAt(0).toUpperCase()}.` : (words[0] ?? "");
}

/** "0241234567" -> "024 ••• ••67" */
export const maskPhone = (phone: string) => `${phone.slice(0, 3)} ••• ••${phone.slice(-2)}`;

export const TransactionStatusEnum = enumFromPrisma("TransactionStatus", TransactionStatus);

export const Transaction = builder.prismaNode("Transaction", {
  id: { field: "id" },
  description: "A sale of one allocation to one customer.",
  // Staff, or the buyer: anonymous callers reach a sale only through a field that grants BUYER.
  authScopes: staffOrBuyer,
  // The BUYER grant is checked field by field, so this type's scopes cannot run at type
  // resolution; node(id) refuses anonymous callers for it instead (core/builder.ts).
  runScopesOnType: false,
  fields: (t) => ({
    reference: t.exposeString("reference", { description: "Public reference the buyer keeps; unique." }),
    fullName: t.string({
      description: "The buyer's name; a lookup by reference shows the first name and an initial only.",
      select: { fullName: true, id: true },
      resolve: (x, _a, ctx) => (ctx.maskBuyerDetails?.has(x.id) ? maskName(x.fullName) : x.fullName),
    }),
    phoneNumber: t.string({
      description: "Normalised Ghanaian number, 10 digits starting with 0; a lookup by reference shows only its first three and last two digits.",
      select: { phoneNumber: true, id: true },
      resolve: (x, _a, ctx) => (ctx.maskBuyerDetails?.has(x.id) ? maskPhone(x.phoneNumber) : x.phoneNumber),
    }),
    network: t.exposeString("network", { nullable: true, description: "MTN, TELECEL or AIRTELTIGO, from the number's prefix." }),
    allocation: t.relation("allocation"),
    amount: t.field({ type: Money, select: { amountMinor: true, currency: true }, resolve: (x) => money(x.amountMinor, x.currency) }),
    status: t.expose("status", { type: TransactionStatusEnum }),
    provider: t.exposeString("provider", { description: "Payment provider key, e.g. sandbox, paystack, cash." }),
    providerReference: t.exposeString("providerReference", {
      nullable: true,
      description: "The provider's own id (the legacy mtnTransactionId); unique per provider.",
    }),
    voucher: t.field({
      type: "Voucher",
      nullable: true,
      description: "Staff see the reserved or sold voucher; the buyer sees it once the sale is paid.",
      grantScopes: [BUYER],
      select: (_args, _ctx, nested) => ({ voucher: nested() }),
      resolve: (x, _a, ctx) => (x.voucher && mayReadVoucher(ctx, x.voucher.id) ? x.voucher : null),
    }),
    voucherDelivered: t.exposeBoolean("voucherDelivered"),
    refundedAmount: t.field({ type: Money, select: { refundedMinor: true, currency: true }, resolve: (x) => money(x.refundedMinor, x.currency) }),
    failureReason: t.string({
      nullable: true,
      description:
        "Why the payment failed, or what went wrong after it. The buyer (not signed in) gets plain words only, never the provider's own message.",
      select: { failureReason: true, status: true },
      resolve: (x, _a, ctx) => (roleAtLeast(ctx.viewer?.role, "STAFF") ? x.failureReason : publicFailureReason(x)),
    }),
    soldBy: t.field({
      type: "User",
      nullable: true,
      description: "Staff: the member of staff who made a counter sale; null for an online purchase.",
      authScopes: { staff: true },
      select: { soldById: true },
      resolve: (x, _a, ctx) => (x.soldById ? ctx.prisma.user.findUnique({ where: { id: x.soldById } }) : null),
    }),
    expiresAt: t.expose("expiresAt", {
      type: "DateTime",
      nullable: true,
      description: "A PENDING sale not paid by then fails and its voucher is released.",
    }),
    refunds: t.relation("refunds", {
      description: "Refunds of this sale, oldest first; the buyer sees them too.",
      grantScopes: [BUYER],
      query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    }),
    paidAt: t.expose("paidAt", { type: "DateTime", nullable: true }),
    notifications: t.relation("outbox", {
      description: "Messages sent (or being sent) about this sale, oldest first (staff).",
      authScopes: { staff: true },
      query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.queryFields((t) => ({
  transactionByReference: t.prismaField({
    type: "Transaction",
    nullable: true,
    description: "Public: a buyer checks a sale by its reference.",
    grantScopes: [BUYER],
    args: { reference: t.arg.string({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const staff = roleAtLeast(ctx.viewer?.role, "STAFF");
      // Every lookup is a guess (aliases run this once each): limited per address.
      if (!staff) {
        const verdict = await referenceLookups(ctx.services).hit(ctx.clientIp ?? "unknown");
        if (!verdict.allowed) {
          throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many purchase lookups from this device: try again in ${verdict.retryAfter} seconds`, { retryAfter: verdict.retryAfter });
        }
      }
      const reference = normalizeReference(args.reference);
      if (!reference || reference.length > 32) return null;
      const sale = await ctx.prisma.transaction.findUnique({ ...query, where: { reference } });
      if (!sale) return null;
      revealVoucherToBuyer(ctx, sale);
      // A hit shows what the buyer needs (status, bundle, voucher once paid), not who they are.
      if (!staff) (ctx.maskBuyerDetails ??= new Set()).add(sale.id);
      return sale;
    },
  }),
}));

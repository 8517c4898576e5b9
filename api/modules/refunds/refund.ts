// Refunds as stored, the list managers work through, and what is left to refund of a sale.
import { RefundSource, RefundStatus } from "../../db/generated/enums.js";
import { enumFromPrisma } from "../common/enums.js";
import type { Prisma } from "../../db/generated/client.js";
import { builder } from "../../core/builder.js";
import { roleAtLeast } from "../../core/roles.js";
import { Money, money } from "../common/money.js";
import { BUYER, staffOrBuyer } from "../common/buyer.js";
import { REFUNDABLE_SALE, remainingMinor } from "./rules.js";

export const RefundStatusEnum = enumFromPrisma("RefundStatus", RefundStatus);

export const RefundSourceEnum = enumFromPrisma("RefundSource", RefundSource, {
  description: "Who opened a refund: staff, the buyer (reportProblem) or the system (paid, but no voucher was available).",
});

export const Refund = builder.prismaNode("Refund", {
  id: { field: "id" },
  authScopes: staffOrBuyer,
  // The BUYER grant is checked field by field, so this type's scopes cannot run at type
  // resolution; node(id) refuses anonymous callers for it instead (core/builder.ts).
  runScopesOnType: false,
  fields: (t) => ({
    transaction: t.relation("transaction", { grantScopes: [BUYER] }),
    amount: t.field({ type: Money, select: { amountMinor: true, currency: true }, resolve: (r) => money(r.amountMinor, r.currency) }),
    reason: t.exposeString("reason"),
    status: t.expose("status", { type: RefundStatusEnum }),
    source: t.expose("source", { type: RefundSourceEnum }),
    // Staff names are for staff; a buyer looking at their refund sees null here.
    requestedBy: t.relation("requestedBy", { nullable: true, authScopes: { staff: true }, unauthorizedResolver: () => null }),
    decidedBy: t.relation("decidedBy", { nullable: true, authScopes: { staff: true }, unauthorizedResolver: () => null }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true }),
    decisionNote: t.exposeString("decisionNote", { nullable: true }),
    providerReference: t.exposeString("providerReference", { nullable: true }),
    failureReason: t.string({
      nullable: true,
      description: "Why the provider refused the refund; the buyer (not signed in) gets plain words, never the provider's message.",
      select: { failureReason: true },
      resolve: (x, _a, ctx) =>
        roleAtLeast(ctx.viewer?.role, "STAFF") || !x.failureReason ? x.failureReason : "The refund could not be sent yet; staff will try again.",
    }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectFields("Transaction", (t) => ({
  refundableAmount: t.field({
    type: Money,
    description: "What a new refund may still take: paid, minus refunds completed, approved or awaiting a decision. Zero unless paid.",
    select: { amountMinor: true, currency: true, status: true, reference: true, refunds: { select: { id: true, status: true, amountMinor: true } } },
    resolve: (s) => money((REFUNDABLE_SALE as readonly string[]).includes(s.status) ? Math.max(0, remainingMinor(s, s.refunds)) : 0, s.currency),
  }),
}));

const RefundFilter = builder.inputType("RefundFilter", {
  fields: (t) => ({
    status: t.field({ type: [RefundStatusEnum] }),
    source: t.field({ type: [RefundSourceEnum] }),
    from: t.field({ type: "DateTime", description: "Requested at or after." }),
    to: t.field({ type: "DateTime", description: "Requested before." }),
    search: t.string({ description: "Matches the sale's reference, the buyer's phone number or name." }),
  }),
});

type Filter = { status?: string[] | null; source?: string[] | null; from?: Date | null; to?: Date | null; search?: string | null } | null | undefined;

function whereOf(f: Filter): Prisma.RefundWhereInput {
  const where: Prisma.RefundWhereInput = {};
  if (f?.status?.length) where.status = { in: f.status as Prisma.EnumRefundStatusFilter["in"] };
  if (f?.source?.length) where.source = { in: f.source as Prisma.EnumRefundSourceFilter["in"] };
  if (f?.from || f?.to) where.createdAt = { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) };
  const q = f?.search?.trim().slice(0, 100);
  if (q) {
    const digits = q.replace(/[\s+-]/g, "");
    // A phone typed as +233 24 ... is stored as 024...
    const phone = /^233\d{9}$/.test(digits) ? `0${digits.slice(3)}` : digits;
    where.transaction = {
      OR: [{ reference: { contains: q.toUpperCase() } }, { fullName: { contains: q } }, ...(/^\d{3,}$/.test(phone) ? [{ phoneNumber: { contains: phone } }] : [])],
    };
  }
  return where;
}

builder.queryFields((t) => ({
  refunds: t.prismaConnection(
    {
      type: "Refund",
      cursor: "id",
      description: "Refunds, newest first (staff).",
      authScopes: { staff: true },
      args: { filter: t.arg({ type: RefundFilter }) },
      totalCount: (_c, args, ctx) => ctx.prisma.refund.count({ where: whereOf(args.filter) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.refund.findMany({ ...query, where: whereOf(args.filter), orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    },
    { name: "RefundConnection" },
    { name: "RefundEdge" },
  ),
}));

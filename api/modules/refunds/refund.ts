// Refunds as stored, and the list managers work through. Requesting and deciding refunds
// (with the provider's refund API) is the refunds module's write side.
import { builder } from "../../core/builder.js";
import { Money, money } from "../common/money.js";
import { BUYER, staffOrBuyer } from "../common/buyer.js";

export const RefundStatusEnum = builder.enumType("RefundStatus", {
  values: ["REQUESTED", "APPROVED", "REJECTED", "COMPLETED", "FAILED"] as const,
});

export const Refund = builder.prismaNode("Refund", {
  id: { field: "id" },
  authScopes: staffOrBuyer,
  fields: (t) => ({
    transaction: t.relation("transaction", { grantScopes: [BUYER] }),
    amount: t.field({ type: Money, select: { amountMinor: true, currency: true }, resolve: (r) => money(r.amountMinor, r.currency) }),
    reason: t.exposeString("reason"),
    status: t.expose("status", { type: RefundStatusEnum }),
    // Staff names are for staff; a buyer looking at their refund sees null here.
    requestedBy: t.relation("requestedBy", { nullable: true, authScopes: { staff: true }, unauthorizedResolver: () => null }),
    decidedBy: t.relation("decidedBy", { nullable: true, authScopes: { staff: true }, unauthorizedResolver: () => null }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true }),
    decisionNote: t.exposeString("decisionNote", { nullable: true }),
    providerReference: t.exposeString("providerReference", { nullable: true }),
    failureReason: t.exposeString("failureReason", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const RefundFilter = builder.inputType("RefundFilter", {
  fields: (t) => ({ status: t.field({ type: [RefundStatusEnum] }) }),
});

builder.queryFields((t) => ({
  refunds: t.prismaConnection(
    {
      type: "Refund",
      cursor: "id",
      description: "Refunds, newest first (staff).",
      authScopes: { staff: true },
      args: { filter: t.arg({ type: RefundFilter }) },
      totalCount: (_c, args, ctx) => ctx.prisma.refund.count({ where: args.filter?.status?.length ? { status: { in: args.filter.status } } : {} }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.refund.findMany({
          ...query,
          where: args.filter?.status?.length ? { status: { in: args.filter.status } } : {},
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        }),
    },
    { name: "RefundConnection" },
    { name: "RefundEdge" },
  ),
}));

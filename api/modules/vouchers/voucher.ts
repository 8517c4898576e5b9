import { ProvisioningState, VoucherStatus } from "../../db/generated/enums.js";
import { enumFromPrisma } from "../common/enums.js";
import { z } from "zod";
import { builder } from "../../core/builder.js";
import { conflict, notFound } from "../../core/errors.js";
import type { Prisma } from "../../db/generated/client.js";
import { idOf } from "../common/ids.js";
import { BUYER, mayReadPassword, staffOrBuyer } from "../common/buyer.js";

export const VoucherStatusEnum = enumFromPrisma("VoucherStatus", VoucherStatus);
export const ProvisioningStateEnum = enumFromPrisma("ProvisioningState", ProvisioningState);

type UsageShape = { bytesIn: number; bytesOut: number; uptime: string; syncedAt: Date };

const VoucherUsage = builder.objectRef<UsageShape>("VoucherUsage").implement({
  fields: (t) => ({
    bytesIn: t.exposeFloat("bytesIn"),
    bytesOut: t.exposeFloat("bytesOut"),
    uptime: t.exposeString("uptime", { description: "RouterOS duration, e.g. 1h12m." }),
    syncedAt: t.expose("syncedAt", { type: "DateTime" }),
  }),
});

export const Voucher = builder.prismaNode("Voucher", {
  id: { field: "id" },
  description: "Hotspot credentials sold to a customer.",
  authScopes: staffOrBuyer,
  // The BUYER grant is checked field by field, so this type's scopes cannot run at type
  // resolution; node(id) refuses anonymous callers for it instead (core/builder.ts).
  runScopesOnType: false,
  fields: (t) => ({
    username: t.exposeString("username"),
    password: t.string({
      nullable: true,
      description: "Null unless the viewer is a manager or admin, or the buyer holding the transaction reference.",
      resolve: (v, _a, ctx) => (mayReadPassword(ctx, v.id) ? v.password : null),
    }),
    allocation: t.relation("allocation"),
    status: t.expose("status", { type: VoucherStatusEnum }),
    router: t.relation("router", { nullable: true, description: "The router this voucher is (to be) provisioned on." }),
    provisioning: t.expose("provisioning", { type: ProvisioningStateEnum }),
    provisioningError: t.exposeString("provisioningError", {
      nullable: true,
      description: "Why the last attempt to create the hotspot user on the router failed, while provisioning is FAILED.",
    }),
    transaction: t.relation("transaction", { nullable: true, grantScopes: [BUYER] }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    reservedUntil: t.expose("reservedUntil", {
      type: "DateTime",
      nullable: true,
      description: "While a pending online sale holds this voucher: until when. Such a voucher is never printed.",
    }),
    printedAt: t.expose("printedAt", { type: "DateTime", nullable: true, description: "When the voucher was printed on a card (sold at the counter only)." }),
    printBatch: t.relation("printBatch", { nullable: true }),
    usage: t.field({
      type: VoucherUsage,
      nullable: true,
      description: "Usage as last read from the router; null before the first sync.",
      resolve: (v) =>
        v.usageSyncedAt
          ? { bytesIn: v.usageBytesIn ?? 0, bytesOut: v.usageBytesOut ?? 0, uptime: v.usageUptime ?? "0s", syncedAt: v.usageSyncedAt }
          : null,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const VoucherFilter = builder.inputType("VoucherFilter", {
  fields: (t) => ({
    status: t.field({ type: [VoucherStatusEnum] }),
    allocationId: t.id(),
    search: t.string({ description: "Part of the username.", validate: z.string().max(200, "Search is too long (200 characters at most)") }),
    printed: t.boolean({ description: "true: printed cards only; false: vouchers never printed." }),
    reserved: t.boolean({ description: "true: vouchers a pending online sale holds; false: the others." }),
  }),
});

function voucherWhere(filter: typeof VoucherFilter.$inferInput | null | undefined): Prisma.VoucherWhereInput {
  const where: Prisma.VoucherWhereInput = {};
  if (filter?.status?.length) where.status = { in: filter.status };
  if (filter?.allocationId) where.allocationId = idOf(String(filter.allocationId), "Allocation");
  const search = filter?.search?.trim();
  if (search) where.username = { contains: search };
  if (filter?.printed === true) where.printBatchId = { not: null };
  if (filter?.printed === false) where.printBatchId = null;
  if (filter?.reserved === true) where.AND = [{ status: "AVAILABLE" }, { reservedUntil: { not: null } }];
  if (filter?.reserved === false) where.OR = [{ status: { not: "AVAILABLE" } }, { reservedUntil: null }];
  return where;
}

builder.queryFields((t) => ({
  vouchers: t.prismaConnection(
    {
      type: "Voucher",
      cursor: "id",
      description: "The voucher pool, newest first (staff). Passwords need a manager login.",
      authScopes: { staff: true },
      args: { filter: t.arg({ type: VoucherFilter }) },
      totalCount: (_c, args, ctx) => ctx.prisma.voucher.count({ where: voucherWhere(args.filter) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.voucher.findMany({ ...query, where: voucherWhere(args.filter), orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    },
    { name: "VoucherConnection" },
    { name: "VoucherEdge" },
  ),
}));

builder.mutationFields((t) => ({
  disableVoucher: t.prismaField({
    type: "Voucher",
    description: "Stops a voucher from being sold or used: AVAILABLE or SOLD becomes DISABLED. Disabling twice is harmless.",
    authScopes: { manager: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _r, args, ctx) => {
      const id = idOf(String(args.id), "Voucher");
      return ctx.prisma.$transaction(async (tx) => {
        const v = await tx.voucher.findUnique({ where: { id }, include: { transaction: { select: { reference: true, status: true } } } });
        if (!v) throw notFound("Voucher");
        const reserved = v.transaction?.status === "PENDING" || (v.status === "AVAILABLE" && v.reservedUntil !== null && v.reservedUntil > new Date());
        if (reserved) {
          const sale = v.transaction ? ` by the pending sale ${v.transaction.reference}` : "";
          throw conflict(`Voucher ${v.username} is reserved${sale}: try again once that sale is paid or has expired`, "voucher/reserved");
        }
        if (v.status === "EXPIRED") throw conflict(`Voucher ${v.username} has already expired`, "voucher/expired");
        if (v.status === "DISABLED") return tx.voucher.findUniqueOrThrow({ ...query, where: { id } });
        return tx.voucher.update({ ...query, where: { id }, data: { status: "DISABLED", reservedUntil: null } });
      });
    },
  }),
}));

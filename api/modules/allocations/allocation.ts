import { z } from "zod";
import { builder } from "../../core/builder.js";
import { badInput, conflict, notFound, unauthenticated, forbidden } from "../../core/errors.js";
import { roleAtLeast } from "../../core/roles.js";
import { Money, money } from "../common/money.js";
import { idOf } from "../common/ids.js";
import { allocationCode } from "./code.js";
import { routerDuration } from "../common/router-duration.js";

export const Allocation = builder.prismaNode("Allocation", {
  id: { field: "id" },
  description: "A data bundle on sale (the legacy 'data allocation'), e.g. 0.1 GHS for 100 MB.",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Stable legacy code PRICE_CURRENCY__SIZE, e.g. 0.1_GHS__100MB." }),
    name: t.exposeString("name"),
    price: t.field({ type: Money, select: { priceMinor: true, currency: true }, resolve: (a) => money(a.priceMinor, a.currency) }),
    dataLimitMb: t.exposeInt("dataLimitMb", {
      nullable: true,
      description: "Data quota in MB, where 1 MB = 1,048,576 bytes (RouterOS 'M'). Null: unlimited.",
    }),
    uptimeLimit: t.exposeString("uptimeLimit", { nullable: true, description: "RouterOS duration such as 1h or 7d. Null: no uptime limit." }),
    validityHours: t.exposeInt("validityHours", { nullable: true, description: "Calendar validity counted from the sale, in hours. Null: no expiry." }),
    routerProfile: t.exposeString("routerProfile", { nullable: true, description: "Hotspot user profile applied on the router." }),
    sharedUsers: t.exposeInt("sharedUsers", { nullable: true, description: "Devices that may use one voucher at once. Null: the router profile's default." }),
    active: t.exposeBoolean("active"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const AllocationInput = builder.inputType("AllocationInput", {
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().trim().min(1, "Name the bundle").max(80, "Name is too long (80 characters at most)") }),
    priceMinor: t.int({
      required: true,
      validate: z.number().int().positive("Price must be more than zero (in pesewas: 50 = 0.50 GHS)").max(100_000_000, "Price is too high"),
    }),
    currency: t.string({ defaultValue: "GHS", validate: z.string().regex(/^[A-Z]{3}$/, "Currency is a 3-letter ISO code such as GHS") }),
    dataLimitMb: t.int({ validate: z.number().int().positive("Data limit must be more than 0 MB").max(10_485_760, "Data limit is too large (10 TB at most)") }),
    uptimeLimit: t.string({ validate: routerDuration }),
    validityHours: t.int({ validate: z.number().int().positive("Validity must be at least 1 hour").max(24 * 366, "Validity is at most a year") }),
    routerProfile: t.string({ validate: z.string().trim().min(1).max(64, "Profile name is too long") }),
    sharedUsers: t.int({ validate: z.number().int().min(1, "At least one device").max(100) }),
    active: t.boolean({ defaultValue: true }),
  }),
});

type Input = typeof AllocationInput.$inferInput;

function toData(input: Input) {
  const data = {
    name: input.name.trim(),
    priceMinor: input.priceMinor,
    currency: input.currency ?? "GHS",
    dataLimitMb: input.dataLimitMb ?? null,
    uptimeLimit: input.uptimeLimit?.trim() || null,
    validityHours: input.validityHours ?? null,
    routerProfile: input.routerProfile?.trim() || null,
    sharedUsers: input.sharedUsers ?? null,
    active: input.active ?? true,
  };
  return { ...data, code: allocationCode(data) };
}

const duplicate = (code: string) =>
  badInput(`A bundle with code ${code} already exists (same price and size): edit that one, or change the price or data limit`, "code");

builder.queryFields((t) => ({
  allocations: t.prismaField({
    type: ["Allocation"],
    description: "Public: the bundles on sale. Inactive ones need a staff login.",
    args: { includeInactive: t.arg.boolean({ defaultValue: false }) },
    resolve: (query, _r, { includeInactive }, ctx) => {
      if (includeInactive && !roleAtLeast(ctx.viewer?.role, "STAFF")) {
        throw ctx.viewer ? forbidden("Inactive bundles are visible to staff only") : unauthenticated("Log in to see inactive bundles");
      }
      return ctx.prisma.allocation.findMany({
        ...query,
        where: includeInactive ? {} : { active: true },
        orderBy: [{ active: "desc" }, { priceMinor: "asc" }, { name: "asc" }],
      });
    },
  }),
}));

builder.mutationFields((t) => ({
  createAllocation: t.prismaField({
    type: "Allocation",
    authScopes: { manager: true },
    args: { input: t.arg({ type: AllocationInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const data = toData(input);
      if (await ctx.prisma.allocation.findUnique({ where: { code: data.code } })) throw duplicate(data.code);
      return ctx.prisma.allocation.create({ ...query, data });
    },
  }),
  updateAllocation: t.prismaField({
    type: "Allocation",
    authScopes: { manager: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: AllocationInput, required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const id = idOf(String(args.id), "Allocation");
      const data = toData(args.input);
      const existing = await ctx.prisma.allocation.findUnique({ where: { id } });
      if (!existing) throw notFound("Allocation");
      const clash = await ctx.prisma.allocation.findUnique({ where: { code: data.code } });
      if (clash && clash.id !== id) throw duplicate(data.code);
      return ctx.prisma.allocation.update({ ...query, where: { id }, data });
    },
  }),
  deleteAllocation: t.id({
    authScopes: { manager: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const id = idOf(String(args.id), "Allocation");
      return ctx.prisma.$transaction(async (tx) => {
        const a = await tx.allocation.findUnique({ where: { id }, include: { _count: { select: { vouchers: true, transactions: true } } } });
        if (!a) throw notFound("Allocation");
        if (a._count.transactions > 0 || a._count.vouchers > 0) {
          throw conflict(
            `${a.code} has ${a._count.transactions} sale(s) and ${a._count.vouchers} voucher(s): deactivate it instead of deleting, so the history stays`,
            "in-use",
          );
        }
        await tx.allocation.delete({ where: { id } });
        return String(args.id);
      });
    },
  }),
}));

import { z } from "zod";
import { builder } from "../../core/builder.js";
import { newPassword, newUsername } from "./credentials.js";
import { insertVouchers } from "./insert.js";
import { poolAllocation } from "./pool.js";
import { badInput } from "../../core/errors.js";
import type { Context } from "../../core/context.js";
import { idOf } from "../common/ids.js";

export const MAX_GENERATE = 10_000;
/** generateVouchers returns at most this many of the new vouchers; `count` is the full number. */
export const RETURNED_VOUCHERS = 100;

const GenerateVouchersInput = builder.inputType("GenerateVouchersInput", {
  fields: (t) => ({
    allocationId: t.id({ required: true }),
    count: t.int({
      required: true,
      validate: z.number().int().min(1, "Generate at least one voucher").max(MAX_GENERATE, `Generate at most ${MAX_GENERATE.toLocaleString("en")} vouchers at a time`),
    }),
    routerId: t.id({ description: "The router these vouchers are for, recorded on each (provisioning PENDING: nothing creates them on the router yet); omitted: the default router, if any." }),
  }),
});

const GenerateVouchersPayload = builder.objectRef<{ count: number; ids: string[] }>("GenerateVouchersPayload").implement({
  fields: (t) => ({
    count: t.exposeInt("count", { description: "How many vouchers were created." }),
    vouchers: t.prismaField({
      type: ["Voucher"],
      description: `The first ${RETURNED_VOUCHERS} of the new vouchers, in creation order; list the rest with Query.vouchers.`,
      resolve: (query, p, _a, ctx) =>
        ctx.prisma.voucher.findMany({ ...query, where: { id: { in: p.ids.slice(0, RETURNED_VOUCHERS) } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    }),
  }),
});

/** The named router, else the default one; null when no router is configured. */
async function targetRouter(ctx: Context, given: string | number | null | undefined): Promise<string | null> {
  if (given !== null && given !== undefined) {
    const id = idOf(String(given), "Router");
    const router = await ctx.prisma.router.findUnique({ where: { id }, select: { id: true } });
    if (!router) throw badInput("That router does not exist: pick one from the Routers page", "routerId");
    return router.id;
  }
  const fallback = await ctx.prisma.router.findFirst({ where: { isDefault: true }, select: { id: true } });
  return fallback?.id ?? null;
}

builder.mutationFields((t) => ({
  generateVouchers: t.field({
    type: GenerateVouchersPayload,
    description: "Bulk-create vouchers in one database transaction.",
    authScopes: { manager: true },
    args: { input: t.arg({ type: GenerateVouchersInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const allocation = await poolAllocation(ctx, input.allocationId);
      const rows = Array.from({ length: input.count }, () => ({
        username: newUsername(),
        password: newPassword(),
        uptimeLimit: allocation.uptimeLimit,
      }));
      const routerId = await targetRouter(ctx, input.routerId);
      const { ids } = await insertVouchers(ctx.services.db, { allocationId: allocation.id, source: "GENERATED", rows, onDuplicate: "retry", routerId });
      return { count: ids.length, ids };
    },
  }),
}));

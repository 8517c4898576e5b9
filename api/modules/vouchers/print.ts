// Printing cards takes vouchers out of the online pool for good: one statement marks `count`
// AVAILABLE vouchers that no sale holds and no batch has printed, so a voucher is either
// printed or reservable online, never both (reserveVoucher skips printed ones). The cards'
// passwords are shown to the staff member printing: they are about to hold them on paper.
import { z } from "zod";
import { builder } from "../../core/builder.js";
import { conflict, notFound } from "../../core/errors.js";
import type { Context } from "../../core/context.js";
import type { PrintBatch as PrintBatchRow } from "../../db/generated/client.js";
import { idOf } from "../common/ids.js";
import { poolAllocation } from "./pool.js";

export const MAX_PRINT = 500;

/** Lets a staff member read the passwords of the batch's cards that are still unsold. */
function revealUnsold(ctx: Context, vouchers: { id: string; status: string }[]) {
  for (const v of vouchers) if (v.status === "AVAILABLE") (ctx.revealVoucherFor ??= new Set()).add(v.id);
}

export const PrintBatch = builder.prismaNode("PrintBatch", {
  id: { field: "id" },
  description: "Voucher cards printed together: they are sold at the counter only, never online.",
  authScopes: { staff: true },
  fields: (t) => ({
    allocation: t.relation("allocation"),
    count: t.exposeInt("count", { description: "How many cards were printed." }),
    printedBy: t.field({
      type: "User",
      nullable: true,
      description: "Who printed them (null once that user is deleted).",
      resolve: (b, _a, ctx) => (b.printedById ? ctx.loaders.user.load(b.printedById) : null),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    vouchers: t.prismaField({
      type: ["Voucher"],
      description: "The batch's cards in print order. Passwords show for cards not sold yet (managers see all).",
      select: { id: true },
      resolve: async (query, b, _a, ctx) => {
        const rows = await ctx.prisma.voucher.findMany({ ...query, where: { printBatchId: b.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
        revealUnsold(ctx, rows);
        return rows;
      },
    }),
    unsold: t.int({
      description: "Cards of the batch still waiting to be sold at the counter.",
      select: { id: true },
      resolve: (b, _a, ctx) => ctx.prisma.voucher.count({ where: { printBatchId: b.id, status: "AVAILABLE" } }),
    }),
  }),
});

const PrintVouchersInput = builder.inputType("PrintVouchersInput", {
  fields: (t) => ({
    allocationId: t.id({ required: true }),
    count: t.int({
      required: true,
      validate: z.number().int().min(1, "Print at least one card").max(MAX_PRINT, `Print at most ${MAX_PRINT} cards at a time`),
    }),
  }),
});

/** Marks `count` free vouchers of the bundle as printed in a new batch, all or none. */
async function printBatch(ctx: Context, allocationId: string, count: number): Promise<PrintBatchRow> {
  const allocation = await poolAllocation(ctx, allocationId);
  const printedById = ctx.viewer?.userId ?? null;
  return ctx.prisma.$transaction(async (tx) => {
    const batch = await tx.printBatch.create({ data: { allocationId: allocation.id, count, printedById } });
    const now = new Date();
    // One statement, as reserveVoucher: the UPDATE holds the write lock from its read on.
    const taken = await tx.$queryRaw<{ id: string }[]>`UPDATE "Voucher" SET "printBatchId" = ${batch.id}, "printedAt" = ${now}, "updatedAt" = ${now}
      WHERE "id" IN (SELECT "id" FROM "Voucher" WHERE "allocationId" = ${allocation.id} AND "status" = 'AVAILABLE'
        AND "reservedUntil" IS NULL AND "printBatchId" IS NULL ORDER BY "createdAt", "id" LIMIT ${count})
      RETURNING "id"`;
    if (taken.length < count) {
      const free = taken.length;
      // Throwing rolls the batch and the marks back: nothing is printed.
      throw conflict(
        free === 0
          ? `No ${allocation.name} vouchers are free to print (the rest are sold, reserved or printed already): generate more first`
          : `Only ${free} ${allocation.name} ${free === 1 ? "voucher is" : "vouchers are"} free to print: print ${free} or fewer, or generate more first`,
        "print/not-enough",
      );
    }
    return batch;
  });
}

builder.queryFields((t) => ({
  printBatch: t.prismaField({
    type: "PrintBatch",
    nullable: true,
    description: "One print batch, to print its cards again (staff).",
    authScopes: { staff: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _r, args, ctx) => ctx.prisma.printBatch.findUnique({ ...query, where: { id: idOf(String(args.id), "PrintBatch") } }),
  }),
  printBatches: t.prismaField({
    type: ["PrintBatch"],
    description: "The most recent print batches, newest first (staff).",
    authScopes: { staff: true },
    args: {
      first: t.arg.int({ defaultValue: 20, validate: z.number().int().min(1).max(100, "Ask for at most 100 batches") }),
      allocationId: t.arg.id(),
    },
    resolve: (query, _r, args, ctx) =>
      ctx.prisma.printBatch.findMany({
        ...query,
        where: args.allocationId ? { allocationId: idOf(String(args.allocationId), "Allocation") } : {},
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: args.first ?? 20,
      }),
  }),
}));

builder.mutationFields((t) => ({
  printVouchers: t.prismaField({
    type: "PrintBatch",
    description: `Takes up to ${MAX_PRINT} free vouchers of a bundle out of the online pool as a print batch (staff). All or nothing: CONFLICT when fewer are free.`,
    authScopes: { staff: true },
    args: { input: t.arg({ type: PrintVouchersInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const batch = await printBatch(ctx, String(input.allocationId), input.count);
      const found = await ctx.prisma.printBatch.findUnique({ ...query, where: { id: batch.id } });
      if (!found) throw notFound("Print batch");
      return found;
    },
  }),
}));

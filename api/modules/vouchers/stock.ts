// Allocation.stock: how a bundle's vouchers stand, from one grouped query per request for
// every bundle the response shows (a DataLoader per request), on the read-only connection.
import DataLoader from "dataloader";
import { builder } from "../../core/builder.js";
import type { Context } from "../../core/context.js";

export type Stock = { available: number; reserved: number; printed: number; sold: number };

const StockRef = builder.objectRef<Stock>("VoucherStock").implement({
  description: "A bundle's vouchers by state. Every unsold voucher is in exactly one of available, reserved and printed.",
  fields: (t) => ({
    available: t.exposeInt("available", { description: "Free for an online or counter sale, or for printing." }),
    reserved: t.exposeInt("reserved", { description: "Held by a pending online sale." }),
    printed: t.exposeInt("printed", { description: "Printed on cards, not sold yet: sold at the counter only." }),
    sold: t.exposeInt("sold", { description: "Sold (online or at the counter, printed or not)." }),
  }),
});

const STOCK_SQL = (n: number) => `SELECT "allocationId" AS id,
    COALESCE(SUM("status" = 'AVAILABLE' AND "printBatchId" IS NULL AND "reservedUntil" IS NULL), 0) AS available,
    COALESCE(SUM("status" = 'AVAILABLE' AND "printBatchId" IS NULL AND "reservedUntil" IS NOT NULL), 0) AS reserved,
    COALESCE(SUM("status" = 'AVAILABLE' AND "printBatchId" IS NOT NULL), 0) AS printed,
    COALESCE(SUM("status" = 'SOLD'), 0) AS sold
  FROM "Voucher" WHERE "allocationId" IN (${Array.from({ length: n }, () => "?").join(", ")}) GROUP BY "allocationId"`;

const loaders = new WeakMap<Context, DataLoader<string, Stock>>();

function stockLoader(ctx: Context): DataLoader<string, Stock> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(
      async (ids) => {
        const rows = ctx.services.reader.read<Stock & { id: string }>(STOCK_SQL(ids.length), [...ids]);
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => {
          const r = byId.get(id);
          return { available: r?.available ?? 0, reserved: r?.reserved ?? 0, printed: r?.printed ?? 0, sold: r?.sold ?? 0 };
        });
      },
      { maxBatchSize: 500 },
    );
    loaders.set(ctx, loader);
  }
  return loader;
}

builder.prismaObjectFields("Allocation", (t) => ({
  stock: t.field({
    type: StockRef,
    description: "The bundle's vouchers by state (staff).",
    authScopes: { staff: true },
    select: { id: true },
    resolve: (a, _args, ctx) => stockLoader(ctx).load(a.id),
  }),
}));

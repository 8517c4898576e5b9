import { builder } from "../../core/builder.js";
import { readVoucherCsv } from "./csv.js";
import { insertVouchers } from "./insert.js";
import { poolAllocation } from "./pool.js";

const ImportVouchersInput = builder.inputType("ImportVouchersInput", {
  fields: (t) => ({
    allocationId: t.id({ required: true }),
    csv: t.string({ required: true, description: "CSV exported from the router, header Login,Password,Uptime Limit (the legacy import)." }),
  }),
});

const ImportVouchersPayload = builder.objectRef<{ imported: number; skipped: number }>("ImportVouchersPayload").implement({
  fields: (t) => ({
    imported: t.exposeInt("imported"),
    skipped: t.exposeInt("skipped", { description: "Lines whose login is already a voucher, or repeats an earlier line." }),
  }),
});

builder.mutationFields((t) => ({
  importVouchers: t.field({
    type: ImportVouchersPayload,
    description: "Adds the router's existing hotspot users to the pool, all or nothing: a bad line imports nothing and names the line.",
    authScopes: { manager: true },
    args: { input: t.arg({ type: ImportVouchersInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const rows = readVoucherCsv(input.csv);
      const allocation = await poolAllocation(ctx, input.allocationId);
      const { ids, skipped } = await insertVouchers(ctx.services.db, { allocationId: allocation.id, source: "IMPORTED", rows, onDuplicate: "skip" });
      return { imported: ids.length, skipped };
    },
  }),
}));

// What generateVouchers and importVouchers share: the bundle the new vouchers belong to.
import { badInput } from "../../core/errors.js";
import type { Context } from "../../core/context.js";
import { idOf } from "../common/ids.js";

/** The allocation new vouchers go into: it must exist and be on sale. */
export async function poolAllocation(ctx: Context, allocationId: string | number) {
  const id = idOf(String(allocationId), "Allocation");
  const allocation = await ctx.prisma.allocation.findUnique({ where: { id } });
  if (!allocation) throw badInput("There is no bundle with this id", "allocationId");
  if (!allocation.active) throw badInput(`${allocation.code} is not on sale: activate the bundle before adding vouchers to it`, "allocationId");
  return allocation;
}

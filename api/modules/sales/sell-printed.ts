import { z } from "zod";
import { builder } from "../../core/builder.js";
import { normalizePhone } from "../common/phone.js";
import { revealVoucherToBuyer } from "../common/buyer.js";
import { sellPrintedCard } from "./counter-sale.js";
import { fullNameRule, idempotencyKeyRule } from "./rules.js";

const SellPrintedVoucherInput = builder.inputType("SellPrintedVoucherInput", {
  fields: (t) => ({
    code: t.string({
      required: true,
      description: "The card's code (the voucher username), typed or scanned; a scanned QR login link works too.",
      validate: z.string().max(2048, "That is not a voucher code"),
    }),
    idempotencyKey: t.string({ required: true, description: "Same key, same sale: a repeated click never sells twice.", validate: idempotencyKeyRule }),
    fullName: t.string({ description: "The customer's name, if they give it.", validate: z.string().trim().max(0).or(fullNameRule) }),
    phoneNumber: t.string({ description: "The customer's number, if they give it: the voucher is also sent there by SMS." }),
  }),
});

builder.mutationFields((t) => ({
  sellPrintedVoucher: t.prismaField({
    type: "Transaction",
    description: "Staff: a cash sale of exactly the voucher on a printed card. Refused when the code is unknown, never printed, already sold or disabled.",
    authScopes: { staff: true },
    args: { input: t.arg({ type: SellPrintedVoucherInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const phone = input.phoneNumber?.trim() ? normalizePhone(input.phoneNumber, "phoneNumber") : null;
      const sale = await sellPrintedCard(ctx.services, {
        code: input.code,
        idempotencyKey: input.idempotencyKey,
        fullName: input.fullName?.trim() || null,
        phone,
        sellerId: ctx.viewer?.userId ?? null,
      });
      const found = await ctx.prisma.transaction.findUniqueOrThrow({ ...query, where: { id: sale.id } });
      revealVoucherToBuyer(ctx, found);
      return found;
    },
  }),
}));

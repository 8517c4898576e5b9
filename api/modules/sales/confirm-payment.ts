import { builder } from "../../core/builder.js";
import { conflict, notFound } from "../../core/errors.js";
import { markPaid } from "./settle.js";
import { revealVoucherToBuyer } from "../common/buyer.js";
import { normalizeReference } from "../common/reference.js";
import { providerReferenceRule } from "./rules.js";

const ConfirmPaymentInput = builder.inputType("ConfirmPaymentInput", {
  fields: (t) => ({
    reference: t.string({ required: true, description: "The sale's reference, e.g. CZ-7KQ2M9XD." }),
    providerReference: t.string({
      required: true,
      description: "Receipt number for cash, or the provider's id of a payment checked by hand.",
      validate: providerReferenceRule,
    }),
  }),
});

builder.mutationFields((t) => ({
  confirmPayment: t.prismaField({
    type: "Transaction",
    description: "Staff: record a payment taken outside the provider flow (cash, manual check).",
    authScopes: { staff: true },
    args: { input: t.arg({ type: ConfirmPaymentInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const reference = normalizeReference(input.reference);
      const providerReference = input.providerReference;
      const current = await ctx.prisma.transaction.findUnique({ where: { reference } });
      if (!current) throw notFound(`Sale ${reference}`);
      const load = async () => {
        const sale = await ctx.prisma.transaction.findUniqueOrThrow({ ...query, where: { reference } });
        // The member of staff who made this counter sale hands the credentials over.
        revealVoucherToBuyer(ctx, sale);
        return sale;
      };
      const check = (status: string, paidWith: string | null) => {
        if (status === "FAILED") {
          throw conflict(`Sale ${reference} has failed (${current.failureReason ?? "not paid in time"}): start a new sale instead`, "sale-failed");
        }
        if (status === "REFUNDED" || status === "PARTIALLY_REFUNDED") {
          throw conflict(`Sale ${reference} was paid and then refunded: it cannot be confirmed again`, "sale-refunded");
        }
        if (status === "PAID" && paidWith !== providerReference) {
          throw conflict(`Sale ${reference} is already paid (payment reference ${paidWith}): nothing to confirm`, "already-paid");
        }
      };
      check(current.status, current.providerReference);
      if (current.status === "PAID") return load();
      const result = await markPaid(ctx.services, { reference, providerReference, source: "confirmPayment" });
      // Someone else settled it between our read and our update: judge what they did.
      if (result.outcome === "unchanged") check(result.transaction.status, result.transaction.providerReference);
      return load();
    },
  }),
}));

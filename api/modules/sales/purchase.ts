import { builder } from "../../core/builder.js";
import { roleAtLeast } from "../../core/roles.js";
import { idOf } from "../common/ids.js";
import { normalizePhone } from "../common/phone.js";
import { AppError, ErrorCode } from "../../core/errors.js";
import { BUYER, BUYER_DECLINED, revealVoucherToBuyer } from "../common/buyer.js";
import { purchase } from "./purchase-flow.js";
import { fullNameRule, idempotencyKeyRule } from "./rules.js";
import { purchaseAttempts, tooManyRequests } from "./hoarding.js";

const PurchaseInput = builder.inputType("PurchaseInput", {
  fields: (t) => ({
    allocationId: t.id({ required: true }),
    fullName: t.string({ required: true, validate: fullNameRule }),
    phoneNumber: t.string({ required: true, description: "0XXXXXXXXX, 233XXXXXXXXX or +233 XX XXX XXXX (MTN, Telecel, AirtelTigo)." }),
    provider: t.string({ description: "Payment provider key; default: the configured default provider." }),
    idempotencyKey: t.string({
      required: true,
      description: "Same key, same result: a retried purchase never charges or sells twice.",
      validate: idempotencyKeyRule,
    }),
  }),
});

type Payload = { transactionId: string; instructions: string | null };

const PurchasePayload = builder.objectRef<Payload>("PurchasePayload").implement({
  fields: (t) => ({
    transaction: t.prismaField({
      type: "Transaction",
      // The caller just made this sale: they are its buyer, and see the voucher once paid.
      grantScopes: [BUYER],
      resolve: async (query, p, _a, ctx) => {
        const sale = await ctx.prisma.transaction.findUniqueOrThrow({ ...query, where: { id: p.transactionId } });
        revealVoucherToBuyer(ctx, sale);
        return sale;
      },
    }),
    instructions: t.exposeString("instructions", {
      nullable: true,
      description: "What the buyer must do to pay (e.g. approve the mobile money prompt), if anything.",
    }),
  }),
});

builder.mutationFields((t) => ({
  purchase: t.field({
    type: PurchasePayload,
    description: "Public: start a sale.",
    args: { input: t.arg({ type: PurchaseInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const isStaff = roleAtLeast(ctx.viewer?.role, "STAFF");
      if (!isStaff) {
        const verdict = await purchaseAttempts(ctx.services).hit(ctx.clientIp ?? "unknown");
        if (!verdict.allowed) throw tooManyRequests(`Too many purchase attempts from this device: try again in ${verdict.retryAfter} seconds`, verdict.retryAfter);
      }
      const started = purchase(ctx.services, {
        allocationId: idOf(String(input.allocationId), "Allocation"),
        fullName: input.fullName,
        phone: normalizePhone(input.phoneNumber, "phoneNumber"),
        provider: input.provider,
        idempotencyKey: input.idempotencyKey,
        seller: { userId: ctx.viewer?.userId, isStaff },
        clientIp: ctx.clientIp,
      });
      if (isStaff) return started;
      // The buyer gets our words; the provider's own message is for staff (the sale keeps it).
      return started.catch((err: unknown) => {
        if (err instanceof AppError && err.extensions.code === ErrorCode.PAYMENT_FAILED) {
          throw new AppError(ErrorCode.PAYMENT_FAILED, `${BUYER_DECLINED} Try again or pay at the counter.`, { reference: err.extensions.reference });
        }
        throw err;
      });
    },
  }),
}));

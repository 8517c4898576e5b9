// requestRefund (staff), approveRefund / rejectRefund / retryRefund (managers).
import { builder } from "../../core/builder.js";
import type { Context } from "../../core/context.js";
import { actorLabel } from "../../db/request-context.js";
import { idOf } from "../common/ids.js";
import { approveRefund, rejectRefund, retryRefund, type Decider } from "./decide.js";
import { requestRefund } from "./request.js";
import { noteRule, reasonRule, rejectNoteRule } from "./rules.js";
import { z } from "zod";

const idempotencyKeyRule = z
  .string()
  .trim()
  .min(1, "Send an idempotency key (e.g. a UUID made once per refund request)")
  .max(128, "The idempotency key is too long (128 characters at most)");

const RequestRefundInput = builder.inputType("RequestRefundInput", {
  fields: (t) => ({
    transactionId: t.id({ required: true }),
    amountMinor: t.int({ description: "Omitted: the whole remaining paid amount." }),
    reason: t.string({ required: true, validate: reasonRule }),
    idempotencyKey: t.string({ required: true, validate: idempotencyKeyRule }),
  }),
});

const decider = (ctx: Context): Decider => ({ userId: ctx.viewer?.userId, label: actorLabel(ctx.actor) });

builder.mutationFields((t) => ({
  requestRefund: t.prismaField({
    type: "Refund",
    description: "Staff: ask for money back for a paid sale, in full (amountMinor omitted) or in part; a manager decides.",
    authScopes: { staff: true },
    args: { input: t.arg({ type: RequestRefundInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const refund = await requestRefund(ctx.services, {
        transactionId: idOf(String(input.transactionId), "Transaction"),
        amountMinor: input.amountMinor,
        reason: input.reason,
        idempotencyKey: input.idempotencyKey,
        requestedById: ctx.viewer?.userId ?? null,
        source: "STAFF",
      });
      return ctx.prisma.refund.findUniqueOrThrow({ ...query, where: { id: refund.id } });
    },
  }),
  approveRefund: t.prismaField({
    type: "Refund",
    description: "Managers: approve a requested refund; the money goes back through the sale's payment provider. Approving twice refunds once.",
    authScopes: { manager: true },
    args: { id: t.arg.id({ required: true }), note: t.arg.string({ validate: noteRule }) },
    resolve: async (query, _r, args, ctx) => {
      const refund = await approveRefund(ctx.services, idOf(String(args.id), "Refund"), decider(ctx), args.note ?? null);
      return ctx.prisma.refund.findUniqueOrThrow({ ...query, where: { id: refund.id } });
    },
  }),
  rejectRefund: t.prismaField({
    type: "Refund",
    description: "Managers: turn a requested refund down, saying why.",
    authScopes: { manager: true },
    args: { id: t.arg.id({ required: true }), note: t.arg.string({ required: true, validate: rejectNoteRule }) },
    resolve: async (query, _r, args, ctx) => {
      const refund = await rejectRefund(ctx.services, idOf(String(args.id), "Refund"), decider(ctx), args.note);
      return ctx.prisma.refund.findUniqueOrThrow({ ...query, where: { id: refund.id } });
    },
  }),
  retryRefund: t.prismaField({
    type: "Refund",
    description: "Managers: send a FAILED refund to the provider again.",
    authScopes: { manager: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const refund = await retryRefund(ctx.services, idOf(String(args.id), "Refund"), decider(ctx));
      return ctx.prisma.refund.findUniqueOrThrow({ ...query, where: { id: refund.id } });
    },
  }),
}));

// resendVoucher (staff): the buyer lost the voucher SMS, so the same text goes out again
// through the outbox (one new row, sent with retries like the first). Only for a paid sale
// that still has a working voucher; at most one resend per sale per minute, so a double
// click or a script cannot flood the buyer's phone or the SMS bill.
import { builder } from "../../core/builder.js";
import { AppError, ErrorCode, conflict, notFound } from "../../core/errors.js";
import type { Services } from "../../core/context.js";
import { actorLabel } from "../../db/request-context.js";
import { idOf } from "../common/ids.js";
import { buyerSms, VOUCHER_SMS } from "./messages.js";
import { nudgeOutbox } from "./outbox.js";

/** One resend per sale per RESEND_WINDOW_SEC, counted by the shared rate limiter. */
export const RESEND_WINDOW_SEC = 60;
const resends = (services: Services) => services.rateLimits.limiter({ name: "voucher-resend", points: 1, durationSec: RESEND_WINDOW_SEC });

const RESENDABLE = new Set(["PAID", "PARTIALLY_REFUNDED"]);

builder.mutationFields((t) => ({
  resendVoucher: t.prismaField({
    type: "Transaction",
    description:
      "Staff: send the voucher SMS of a paid sale to the buyer's number again (through the outbox). At most once a minute per sale.",
    authScopes: { staff: true },
    args: { transactionId: t.arg.id({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const id = idOf(String(args.transactionId), "Transaction");
      const sale = await ctx.prisma.transaction.findUnique({ where: { id }, include: { voucher: true, allocation: true } });
      if (!sale) throw notFound("Sale");
      if (!RESENDABLE.has(sale.status)) {
        throw conflict(`Sale ${sale.reference} is ${sale.status.toLowerCase().replace("_", " ")}: only a paid sale's voucher can be sent again`, "not-paid");
      }
      const v = sale.voucher;
      if (!v) throw conflict(`Sale ${sale.reference} has no voucher yet: issue one first, then send it`, "no-voucher");
      if (v.status !== "SOLD") throw conflict(`The voucher of sale ${sale.reference} is ${v.status.toLowerCase()}: it would not work, so it is not sent again`, "voucher-unusable");
      if (!sale.phoneNumber) throw conflict(`Sale ${sale.reference} has no phone number to send the voucher to`, "no-phone");

      const limiter = resends(ctx.services);
      const verdict = await limiter.hit(sale.id);
      if (!verdict.allowed) {
        throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `The voucher of ${sale.reference} was just sent: wait ${verdict.retryAfter} seconds before sending it again`, { retryAfter: verdict.retryAfter });
      }
      const sms = buyerSms(
        {
          transactionId: sale.id,
          reference: sale.reference,
          fullName: sale.fullName,
          phoneNumber: sale.phoneNumber,
          bundle: sale.allocation.name,
          amountMinor: sale.amountMinor,
          currency: sale.currency,
          provider: sale.provider,
          providerReference: sale.providerReference,
          paidAt: sale.paidAt ?? sale.createdAt,
          voucher: { username: v.username, password: v.password, expiresAt: v.expiresAt },
          source: "resendVoucher",
        },
        ctx.services.config.hotspotLoginUrl,
      );
      try {
        await ctx.prisma.outboxMessage.create({
          data: { channel: "SMS", recipient: sale.phoneNumber, subject: VOUCHER_SMS, body: sms.body, transactionId: sale.id },
        });
      } catch (err) {
        await limiter.refund(sale.id).catch(() => undefined);
        throw err;
      }
      nudgeOutbox(ctx.services);
      const by = actorLabel(ctx.actor);
      ctx.services.log.write({
        kind: "SYSTEM",
        level: "INFO",
        message: `${sale.reference}: voucher SMS sent again to ${sale.phoneNumber} by ${by}`,
        model: "Transaction",
        recordId: sale.id,
        data: { reference: sale.reference, by, voucherId: v.id },
      });
      return ctx.prisma.transaction.findUniqueOrThrow({ ...query, where: { id: sale.id } });
    },
  }),
}));

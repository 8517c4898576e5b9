// reportProblem: the buyer, holding a sale's reference, says something went wrong. It opens
// a REQUESTED refund of whatever is left of the sale, with the buyer's words as its reason,
// for a manager to decide. Public, so: rate limited per address and per reference, one open
// report per sale, and an unknown reference answers exactly as a sale that cannot be
// reported does (nobody learns which references exist).
import { builder } from "../../core/builder.js";
import { AppError, ErrorCode, badInput, uniqueViolation } from "../../core/errors.js";
import type { Services } from "../../core/context.js";
import { normalizeReference } from "../common/reference.js";
import { openRefund, logRequested } from "./request.js";
import { problemRule, remainingMinor, REFUNDABLE_SALE } from "./rules.js";
import { reportWait } from "./report-limits.js";

type Payload = { message: string; alreadyOpen: boolean };

const ReportProblemPayload = builder.objectRef<Payload>("ReportProblemPayload").implement({
  fields: (t) => ({
    message: t.exposeString("message", { description: "What happens next, in words for the buyer." }),
    alreadyOpen: t.exposeBoolean("alreadyOpen", { description: "A report of this sale was already open: nothing new was created." }),
  }),
});

const RECEIVED = "Thank you. Our staff will look at your purchase and refund it if it did not work. You will get an SMS.";
const REFUNDED = "This purchase has already been refunded in full. You should have received an SMS about it.";
const ALREADY = "We already have your report about this purchase. Our staff will get back to you by SMS.";

// The same words for an unknown reference and for a sale that is not paid: no enumeration.
const noSuchSale = () => badInput("We found no paid purchase with that reference. Check the reference in your SMS or on your receipt.", "reference");

async function report(services: Services, reference: string, message: string): Promise<Payload> {
  const sale = reference ? await services.prisma.transaction.findUnique({ where: { reference }, include: { refunds: true } }) : null;
  // The holder of the reference can read the sale anyway (transactionByReference): saying so reveals nothing.
  if (sale?.status === "REFUNDED") return { message: REFUNDED, alreadyOpen: true };
  if (!sale || !(REFUNDABLE_SALE as readonly string[]).includes(sale.status)) throw noSuchSale();
  const open = sale.refunds.some((r) => r.source === "CUSTOMER" && (r.status === "REQUESTED" || r.status === "APPROVED"));
  // Nothing left to refund (staff already asked for all of it): the buyer is being looked after.
  if (open || remainingMinor(sale, sale.refunds) <= 0) return { message: ALREADY, alreadyOpen: true };
  const customerReports = sale.refunds.filter((r) => r.source === "CUSTOMER").length;
  try {
    const refund = await services.prisma.$transaction(async (tx) => {
      const again = await tx.refund.count({ where: { transactionId: sale.id, source: "CUSTOMER", status: { in: ["REQUESTED", "APPROVED"] } } });
      if (again > 0) return null;
      // The key numbers the sale's reports: two reports at once compute the same key.
      return openRefund(tx, {
        transactionId: sale.id,
        reason: message,
        idempotencyKey: `customer:${sale.id}:${customerReports + 1}`,
        requestedById: null,
        source: "CUSTOMER",
      });
    });
    if (!refund) return { message: ALREADY, alreadyOpen: true };
    await logRequested(services, refund);
    return { message: RECEIVED, alreadyOpen: false };
  } catch (err) {
    if (uniqueViolation(err)?.some((f) => f.includes("idempotencyKey"))) return { message: ALREADY, alreadyOpen: true };
    if (err instanceof AppError && err.extensions.code === ErrorCode.BAD_USER_INPUT) return { message: ALREADY, alreadyOpen: true };
    throw err;
  }
}

builder.mutationFields((t) => ({
  reportProblem: t.field({
    type: ReportProblemPayload,
    description: "Public: the buyer reports a problem with a paid sale; opens a refund request for a manager to decide.",
    args: {
      reference: t.arg.string({ required: true, description: "The sale's reference, e.g. CZ-7KQ2M9XD." }),
      message: t.arg.string({ required: true, validate: problemRule, description: "What went wrong, in the buyer's words." }),
    },
    resolve: async (_r, args, ctx) => {
      const reference = normalizeReference(args.reference);
      const wait = await reportWait(ctx.services, ctx.clientIp ?? "unknown", reference || "-");
      if (wait > 0) throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many reports: try again in ${Math.ceil(wait / 60)} minute(s)`, { retryAfter: wait });
      return report(ctx.services, reference, args.message);
    },
  }),
}));

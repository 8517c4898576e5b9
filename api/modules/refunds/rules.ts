// The money rules of refunds, shared by every path that opens, retries or settles one.
// Pure: callers pass the rows they read inside their own database transaction.
import { z } from "zod";
import { badInput } from "../../core/errors.js";
import { formatMinor } from "../common/money.js";

/** Refunds that hold part of the paid amount: already paid back, or on their way. */
export const HOLDING = ["REQUESTED", "APPROVED", "COMPLETED"] as const;

export const REFUNDABLE_SALE = ["PAID", "PARTIALLY_REFUNDED"] as const;

type Sale = { reference: string; status: string; amountMinor: number; currency: string };
type Held = { status: string; amountMinor: number; id?: string };

/** Paid minus every refund that holds money (REQUESTED, APPROVED, COMPLETED), optionally leaving one out. */
export function remainingMinor(sale: Sale, refunds: Held[], except?: string): number {
  const held = refunds
    .filter((r) => r.id !== except && (HOLDING as readonly string[]).includes(r.status))
    .reduce((sum, r) => sum + r.amountMinor, 0);
  return sale.amountMinor - held;
}

/**
 * The amount a new refund may take: the whole remainder when omitted. Throws BAD_USER_INPUT
 * with what to do instead, so nothing is written.
 */
export function refundAmount(sale: Sale, refunds: Held[], requested: number | null | undefined): number {
  if (!(REFUNDABLE_SALE as readonly string[]).includes(sale.status)) {
    throw badInput(`Sale ${sale.reference} is ${sale.status.toLowerCase().replace("_", " ")}: only a paid sale can be refunded`, "transactionId");
  }
  const left = remainingMinor(sale, refunds);
  const amount = requested ?? left;
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    if (requested == null) throw badInput(`Sale ${sale.reference} has nothing left to refund: its whole amount is refunded or awaiting a decision`, "amountMinor");
    throw badInput("The refund amount must be a positive number of pesewas (e.g. 150 for GHS 1.50)", "amountMinor");
  }
  if (amount > left) {
    throw badInput(
      `At most ${sale.currency} ${formatMinor(left)} of ${sale.currency} ${formatMinor(sale.amountMinor)} can still be refunded for ${sale.reference} (counting refunds awaiting a decision)`,
      "amountMinor",
    );
  }
  return amount;
}

/** The sale's status once `refundedMinor` of it is paid back. */
export function saleStatusFor(amountMinor: number, refundedMinor: number): "PAID" | "PARTIALLY_REFUNDED" | "REFUNDED" {
  if (refundedMinor <= 0) return "PAID";
  return refundedMinor >= amountMinor ? "REFUNDED" : "PARTIALLY_REFUNDED";
}

export const reasonRule = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, "Say why the money goes back (the customer sees nothing of it; managers do)").max(500, "The reason is too long (500 characters at most)"));

export const noteRule = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().max(500, "The note is too long (500 characters at most)"));

export const rejectNoteRule = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, "Write a note saying why the refund is rejected").max(500, "The note is too long (500 characters at most)"));

export const problemRule = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, " "))
  .pipe(z.string().min(5, "Tell us in a few words what went wrong").max(500, "Please keep it under 500 characters"));

// Input rules for a sale, shared by the GraphQL inputs and the flows behind them.
import { z } from "zod";

export const fullNameRule = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(2, "Enter the buyer's full name (at least 2 characters)")
      .max(80, "The name is too long (80 characters at most)")
      .regex(/^\p{L}[\p{L}\p{M} .'-]*$/u, "A name may contain only letters, spaces and . ' -"),
  );

export const idempotencyKeyRule = z
  .string()
  .trim()
  .min(1, "Send an idempotency key (e.g. a UUID made once per purchase attempt)")
  .max(128, "The idempotency key is too long (128 characters at most)");

export const providerReferenceRule = z
  .string()
  .trim()
  .min(1, "Enter the payment's reference (receipt number or provider id)")
  .max(128, "The payment reference is too long (128 characters at most)");

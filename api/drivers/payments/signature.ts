// HMAC-SHA512 (hex) over the exact raw body: Paystack's webhook signature scheme,
// reused by the sandbox so one webhook path serves both.
import { createHmac, timingSafeEqual } from "node:crypto";

export function signBody(secret: string, rawBody: string | Uint8Array): string {
  return createHmac("sha512", secret).update(rawBody).digest("hex");
}

/** Constant-time comparison; a missing or malformed header is simply "not valid". */
export function isValidSignature(secret: string, rawBody: string | Uint8Array, signature: string | undefined): boolean {
  if (!signature || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  const expected = Buffer.from(signBody(secret, rawBody), "hex");
  const given = Buffer.from(signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// Sale references the buyer reads out at the counter or types in: CZ- and 8 characters
// from an alphabet without look-alikes (no 0/O, 1/I/L, U/V), drawn with crypto randomness.
import { randomInt } from "node:crypto";

const alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";
const length = 8;

export function newReference(): string {
  let s = "CZ-";
  for (let i = 0; i < length; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

/** What a buyer types, tolerantly: lower case, spaces, a missing dash. */
export function normalizeReference(input: string): string {
  const compact = input.trim().toUpperCase().replace(/\s+/g, "");
  return /^CZ[A-Z0-9]{8}$/.test(compact) ? `CZ-${compact.slice(2)}` : compact;
}

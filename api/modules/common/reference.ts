// Sale references the buyer reads out at the counter or types in: CZ- and 12 characters in
// groups of four, from an alphabet without look-alikes (no 0/O, 1/I/L, U/V), drawn with
// crypto randomness. The reference is the buyer's key to their sale (transactionByReference
// shows the voucher once paid), so it must be unguessable: 29^12 ≈ 2^58 values, against
// lookups limited per address (REFERENCE_LOOKUPS_PER_MINUTE). Older 8-character references
// (CZ-XXXXXXXX) stay valid.
import { randomInt } from "node:crypto";

const alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";
const groups = 3;
const groupLength = 4;

export function newReference(): string {
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) {
    let s = "";
    for (let i = 0; i < groupLength; i++) s += alphabet[randomInt(alphabet.length)];
    parts.push(s);
  }
  return `CZ-${parts.join("-")}`;
}

/** What a buyer types, tolerantly: lower case, spaces, missing or extra dashes. */
export function normalizeReference(input: string): string {
  const compact = input.trim().toUpperCase().replace(/\s+/g, "");
  const bare = /^CZ-?([A-Z0-9-]+)$/.exec(compact)?.[1]?.replace(/-/g, "");
  if (bare?.length === 8) return `CZ-${bare}`;
  if (bare?.length === 12) return `CZ-${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}`;
  return compact;
}

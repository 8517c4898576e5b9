// Voucher credentials: drawn with crypto.randomInt (uniform, no modulo bias) from an
// alphabet a customer can read off a printed card and type on a phone: lower case only,
// without 0/o, 1/l/i look-alikes (I and O cannot occur in lower case).
import { randomInt } from "node:crypto";

export const VOUCHER_ALPHABET = "23456789abcdefghijkmnpqrstuvwxyz";

// Entropy: the alphabet has 32 symbols, so every character carries exactly 5 bits.
// - Username, 8 characters = 40 bits (~1.1e12 values). It is not secret (staff and the
//   router see it), but being random it cannot be enumerated: a burst of 10,000 makes a
//   collision with any of, say, 1,000,000 existing vouchers about 1 in 100,000 (the insert
//   retries that row), and gives a guesser nothing to start from.
// - Password, 8 characters = another 40 bits. Someone who has seen a username still needs
//   ~5.5e11 tries on average; the hotspot login page answers at most a few hundred a second,
//   which is over 50 years. Without a username, a blind guess must hit both: 80 bits.
// Longer passwords would be safer on paper but are typed on phones from cards; 8 keeps
// the card readable while the brute-force cost stays far beyond a voucher's lifetime.
export const USERNAME_LENGTH = 8;
export const PASSWORD_LENGTH = 8;

export function randomCode(length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) s += VOUCHER_ALPHABET[randomInt(VOUCHER_ALPHABET.length)];
  return s;
}

export const newUsername = () => randomCode(USERNAME_LENGTH);
export const newPassword = () => randomCode(PASSWORD_LENGTH);

// Finding a printed card by what is on it, for the counter sale: the username typed in, or
// what a barcode scanner types when it reads the card's QR code (the hotspot login link,
// which carries the username as a query parameter).
import type { Prisma } from "../../db/generated/client.js";
import { badInput, conflict } from "../../core/errors.js";

/** The username a typed or scanned code stands for. */
export function cardUsername(code: string): string {
  const text = code.trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      const fromLink = new URL(text).searchParams.get("username");
      if (fromLink) return fromLink.trim();
    } catch {
      // Not a link after all: look it up as typed.
    }
  }
  return text;
}

export type PrintedCard = {
  id: string;
  username: string;
  password: string;
  allocation: { id: string; name: string; priceMinor: number; currency: string; validityHours: number | null };
};

/**
 * The printed, unsold voucher a code names; otherwise an error saying why it cannot be sold:
 * BAD_USER_INPUT for an unknown or never-printed code, CONFLICT for a sold, disabled or
 * expired card. Reads only: the sale itself claims the voucher with a conditional update.
 */
export async function printedCardFor(prisma: Prisma.TransactionClient, code: string, field = "code"): Promise<PrintedCard> {
  const username = cardUsername(code);
  if (!username) throw badInput("Enter the code printed on the card (the username)", field);
  if (username.length > 64) throw badInput("That is not a voucher code: codes are at most 64 characters", field);
  const select = {
    id: true,
    username: true,
    password: true,
    status: true,
    printBatchId: true,
    reservedUntil: true,
    allocation: { select: { id: true, name: true, priceMinor: true, currency: true, validityHours: true } },
  } as const;
  // Generated codes are lower case; a card typed in capitals still matches.
  const v =
    (await prisma.voucher.findUnique({ where: { username }, select })) ??
    (username !== username.toLowerCase() ? await prisma.voucher.findUnique({ where: { username: username.toLowerCase() }, select }) : null);
  const shown = username.slice(0, 64);
  if (!v) throw badInput(`No voucher has the code "${shown}": check the card and type it again`, field);
  if (v.status === "SOLD") throw conflict(`The card ${v.username} is already sold: it cannot be sold twice`, "card/sold");
  if (v.status === "DISABLED") throw conflict(`The card ${v.username} is disabled: do not sell it, give the customer another card`, "card/disabled");
  if (v.status === "EXPIRED") throw conflict(`The card ${v.username} has expired: give the customer another card`, "card/expired");
  if (!v.printBatchId) {
    throw badInput(`The voucher ${v.username} was never printed: only printed cards are sold here (sell a bundle with "Cash sale" instead)`, field);
  }
  return { id: v.id, username: v.username, password: v.password, allocation: v.allocation };
}

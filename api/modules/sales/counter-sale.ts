// Selling a printed card at the counter: the customer pays cash for exactly the voucher on
// the card. Printed vouchers are out of the online pool (reserve.ts), so this is the only
// way one is sold. Exactly once: the voucher is claimed with a conditional update (still
// AVAILABLE, printed, unheld) in the same database transaction that records the PAID sale,
// and Transaction.voucherId is unique; a repeated idempotencyKey answers with the same sale.
import type { Transaction } from "../../db/generated/client.js";
import type { Services } from "../../core/context.js";
import { conflict, uniqueViolation } from "../../core/errors.js";
import { nudgeOutbox, saleNotifications } from "../notifications/index.js";
import { shopSettings } from "../settings/index.js";
import { printedCardFor, cardUsername } from "../vouchers/index.js";
import type { Network } from "../common/phone.js";
import { newReference } from "../common/reference.js";

export const WALK_IN = "Walk-in customer";

export type CounterSaleRequest = {
  code: string;
  idempotencyKey: string;
  fullName?: string | null;
  phone?: { number: string; network: Network } | null;
  sellerId: string | null;
};

export async function sellPrintedCard(services: Services, req: CounterSaleRequest): Promise<Transaction> {
  const { prisma } = services;
  const existing = await prisma.transaction.findUnique({ where: { idempotencyKey: req.idempotencyKey }, include: { voucher: true } });
  if (existing) return replay(existing, req);

  const card = await printedCardFor(prisma, req.code);
  const a = card.allocation;
  const now = new Date();
  const expiresAt = a.validityHours ? new Date(now.getTime() + a.validityHours * 3_600_000) : null;
  const fullName = req.fullName || WALK_IN;
  let sale: Transaction | undefined;
  for (let attempt = 0; !sale; attempt++) {
    try {
      sale = await prisma.$transaction(async (tx) => {
        const claimed = await tx.voucher.updateMany({
          where: { id: card.id, status: "AVAILABLE", printBatchId: { not: null }, reservedUntil: null },
          data: { status: "SOLD", expiresAt },
        });
        // Sold (or disabled) by someone else since the lookup: say which, from the row as it is now.
        if (claimed.count === 0) {
          await printedCardFor(tx, card.username);
          throw conflict(`The card ${card.username} cannot be sold right now: try again`, "card/busy");
        }
        const t = await tx.transaction.create({
          data: {
            reference: newReference(),
            fullName,
            phoneNumber: req.phone?.number ?? "",
            network: req.phone?.network ?? null,
            allocationId: a.id,
            amountMinor: a.priceMinor,
            currency: a.currency,
            provider: "cash",
            // The card itself is the receipt; (provider, providerReference) is unique, a second guard.
            providerReference: `card:${card.username}`,
            status: "PAID",
            paidAt: now,
            voucherId: card.id,
            idempotencyKey: req.idempotencyKey,
            soldById: req.sellerId,
          },
        });
        const rows = saleNotifications(
          {
            transactionId: t.id,
            reference: t.reference,
            fullName,
            phoneNumber: t.phoneNumber || "none given",
            bundle: a.name,
            amountMinor: t.amountMinor,
            currency: t.currency,
            provider: "cash",
            providerReference: t.providerReference,
            paidAt: now,
            voucher: { username: card.username, password: card.password, expiresAt },
            source: "counter (printed card)",
          },
          { managerEmails: services.config.mail.managerEmails, loginUrl: shopSettings(services).values.hotspotLoginUrl ?? undefined },
        );
        // The customer holds the card: the voucher SMS goes only to a number they gave (a copy
        // on their phone); the managers' mail goes as for any sale.
        const send = req.phone ? rows : rows.filter((r) => r.channel !== "SMS");
        if (send.length) await tx.outboxMessage.createMany({ data: send });
        return t;
      });
    } catch (err) {
      const fields = uniqueViolation(err);
      if (fields?.some((f) => f.includes("idempotencyKey"))) {
        const winner = await prisma.transaction.findUnique({ where: { idempotencyKey: req.idempotencyKey }, include: { voucher: true } });
        if (winner) return replay(winner, req);
      }
      if (fields?.some((f) => f.includes("voucherId") || f.includes("providerReference"))) {
        throw conflict(`The card ${card.username} is already sold: it cannot be sold twice`, "card/sold");
      }
      if (fields?.some((f) => f.includes("reference")) && attempt < 3) continue;
      throw err;
    }
  }
  services.log.write({
    kind: "PAYMENT",
    level: "INFO",
    message: `${sale.reference} paid via cash: printed card ${card.username} (${a.name}) sold at the counter`,
    model: "Transaction",
    recordId: sale.id,
    data: { reference: sale.reference, provider: "cash", providerReference: sale.providerReference, source: "counter", amountMinor: sale.amountMinor, voucher: card.username },
  });
  nudgeOutbox(services);
  return sale;
}

/** The same key again: the same sale if it was for this card, else CONFLICT. */
function replay(t: Transaction & { voucher: { username: string } | null }, req: CounterSaleRequest): Transaction {
  const username = cardUsername(req.code);
  if (!t.voucher || (t.voucher.username !== username && t.voucher.username !== username.toLowerCase())) {
    throw conflict("This idempotency key was already used for another sale: use a new key for a new sale", "idempotency-key");
  }
  return t;
}

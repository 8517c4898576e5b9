// purchase: idempotency, reservation and the PENDING sale in one short database
// transaction, then the provider's charge outside it, applied through settle.
import type { Transaction } from "../../db/generated/client.js";
import type { Services } from "../../core/context.js";
import { AppError, ErrorCode, badInput, conflict, forbidden, notFound, uniqueViolation } from "../../core/errors.js";
import { ProviderError, type ChargeResult, type PaymentProvider } from "../../drivers/payments/index.js";
import type { Network } from "../common/phone.js";
import { markFailed, markPaid } from "./settle.js";
import { newReference } from "../common/reference.js";
import { confirmHold, firstHoldUntil, reserveVoucherIn } from "./reserve.js";
import { saleFromRow, type SaleRow } from "./sale-row.js";
import { sqlDate } from "../../db/sql-date.js";
import { newId } from "../../db/ids.js";
import { assertPhoneMayReserve, assertPoolShare } from "./hoarding.js";
import { networkOf, normalizeAddress } from "../../core/client-address.js";

export type PurchaseRequest = {
  allocationId: string;
  fullName: string;
  phone: { number: string; network: Network };
  provider?: string | null;
  idempotencyKey: string;
  /** The staff member selling at the counter, if any. */
  seller: { userId?: string; isStaff: boolean };
  /** The client address the purchase came from (anti-hoarding caps count by it). */
  clientIp: string | null;
};

export type PurchaseOutcome = { transactionId: string; instructions: string | null };

export const paymentFailed = (reason: string, reference: string) =>
  new AppError(ErrorCode.PAYMENT_FAILED, `Payment failed: ${reason}`, { reference });

const soldOut = (bundle: string) =>
  new AppError(ErrorCode.SOLD_OUT, `${bundle} is sold out: no voucher is available right now. Choose another bundle or try again later.`);

/** The provider a buyer may use: the default; cash at the counter (staff); never a sandbox that is not the default. */
export function chooseProvider(services: Services, key: string | null | undefined, isStaff: boolean): PaymentProvider {
  const { payments } = services;
  const wanted = key?.trim() || payments.default.key;
  const provider = payments.get(wanted);
  const usable = payments.keys().filter((k) => k !== "cash" && (k !== "sandbox" || payments.default.key === "sandbox"));
  if (!provider) throw badInput(`Unknown payment provider "${wanted}": use ${usable.join(" or ")}`, "provider");
  if (wanted === "cash" && !isStaff) throw forbidden("Cash payments are taken by staff at the counter");
  // The sandbox pays without money: only usable when it is the configured default (demos, tests).
  if (wanted === "sandbox" && payments.default.key !== "sandbox") {
    throw badInput(`Payment provider "sandbox" is not enabled here: use ${usable.join(" or ")}`, "provider");
  }
  return provider;
}

export async function purchase(services: Services, req: PurchaseRequest): Promise<PurchaseOutcome> {
  const { prisma } = services;
  const provider = chooseProvider(services, req.provider, req.seller.isStaff);
  const now = Date.now();
  const buyerAddress = req.seller.isStaff ? null : normalizeAddress(req.clientIp);
  const buyerNetwork = networkOf(buyerAddress);
  // Online, a short hold until the provider confirms the charge started (applyCharge),
  // so purchases that never reach a payment prompt cannot hold the pool for long.
  const expiresAt = firstHoldUntil(services.config, now, req.seller.isStaff);
  let sale: Transaction | undefined;
  for (let attempt = 0; !sale; attempt++) {
    try {
      // One raw transaction (db.transaction): the idempotency and bundle reads, the caps, the
      // reservation (one conditional UPDATE) and the PENDING sale, as prepared statements.
      const step = await services.db.transaction((sql): { replay: Transaction } | { sale: Transaction } => {
        const existing = sql(`SELECT * FROM "Transaction" WHERE "idempotencyKey" = ?`).get(req.idempotencyKey) as SaleRow | undefined;
        if (existing) return { replay: saleFromRow(existing) };
        const allocation = sql(`SELECT "id", "name", "active", "priceMinor", "currency" FROM "Allocation" WHERE "id" = ?`).get(req.allocationId) as
          | { id: string; name: string; active: number; priceMinor: number; currency: string }
          | undefined;
        if (!allocation) throw notFound("Bundle");
        if (!allocation.active) throw badInput(`${allocation.name} is not on sale at the moment`, "allocationId");
        // Counter sales are exempt: staff may sell several bundles to one customer.
        if (!req.seller.isStaff) {
          assertPhoneMayReserve(sql, req.phone.number, buyerAddress, services.config.maxPendingPerPhone, new Date(now));
          assertPoolShare(sql, allocation, { address: buyerAddress, network: buyerNetwork }, services.config.unpaidCaps, new Date(now));
        }
        const voucherId = reserveVoucherIn(sql, allocation.id, expiresAt);
        if (!voucherId) throw soldOut(allocation.name);
        const reference = newReference();
        const at = sqlDate(new Date());
        const row = sql(`INSERT INTO "Transaction" ("id", "reference", "providerReference", "fullName", "phoneNumber", "network", "allocationId", "amountMinor",
            "currency", "status", "provider", "voucherId", "voucherDelivered", "refundedMinor", "idempotencyKey", "expiresAt", "soldById", "buyerAddress",
            "buyerNetwork", "createdAt", "updatedAt")
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?) RETURNING *`).get(
          newId(),
          reference,
          // Known up front (cash): one write instead of a second commit after charge().
          provider.localReference?.(reference) ?? null,
          req.fullName,
          req.phone.number,
          req.phone.network,
          allocation.id,
          allocation.priceMinor,
          allocation.currency,
          provider.key,
          voucherId,
          req.idempotencyKey,
          sqlDate(expiresAt),
          req.seller.userId ?? null,
          buyerAddress,
          buyerNetwork,
          at,
          at,
        ) as SaleRow;
        return { sale: saleFromRow(row) };
      });
      if ("replay" in step) return replay(services, step.replay, req, provider);
      sale = step.sale;
    } catch (err) {
      const fields = uniqueViolation(err);
      // The same purchase sent twice at once: the other request created it; answer with it.
      if (fields?.some((f) => f.includes("idempotencyKey"))) {
        const winner = await prisma.transaction.findUnique({ where: { idempotencyKey: req.idempotencyKey } });
        if (winner) return replay(services, winner, req, provider);
      }
      // A reference collision (about 1 in 10^11 per pair): draw again.
      // (A local provider reference derives from it: its collision is the same draw's.)
      if (fields?.some((f) => f.includes("reference") || (provider.localReference && f.includes("providerReference"))) && attempt < 3) continue;
      throw err;
    }
  }

  let result: ChargeResult;
  try {
    result = await provider.charge({
      reference: sale.reference,
      amountMinor: sale.amountMinor,
      currency: sale.currency,
      phoneNumber: sale.phoneNumber,
      network: req.phone.network,
      fullName: sale.fullName,
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof ProviderError && !err.retryable) {
      await markFailed(services, { reference: sale.reference, reason: message, source: "purchase" });
      throw paymentFailed(message, sale.reference);
    }
    // An outage or timeout: the charge may have reached the provider. The reservation holds
    // until it expires; then the reconciler asks the provider and settles either way.
    services.log.write({
      kind: "PAYMENT",
      level: "WARN",
      message: `${sale.reference}: charge via ${provider.key} not confirmed (${message}); kept pending`,
      model: "Transaction",
      recordId: sale.id,
      data: { reference: sale.reference, provider: provider.key, error: message },
    });
    return {
      transactionId: sale.id,
      instructions: `We could not reach the payment service yet. If a payment prompt arrives, approve it; your reference is ${sale.reference}.`,
    };
  }
  return applyCharge(services, sale, result, firstHoldUntil(services.config, now, true));
}

/** `fullHold`: the end of the full reservation, counted from the purchase's start. */
async function applyCharge(services: Services, sale: Transaction, result: ChargeResult, fullHold: Date): Promise<PurchaseOutcome> {
  const { reference } = sale;
  if (result.status === "PAID") {
    await markPaid(services, { reference, providerReference: result.providerReference ?? reference, source: "purchase", amountMinor: result.amountMinor });
  } else if (result.status === "FAILED") {
    const reason = result.failureReason ?? "declined by the payment provider";
    const settled = await markFailed(services, { reference, reason, source: "purchase" });
    // A webhook may have settled it first; only a sale that really failed is an error.
    if (settled.outcome === "settled" || (settled.outcome === "unchanged" && settled.transaction.status === "FAILED")) {
      throw paymentFailed(reason, reference);
    }
  } else {
    // PENDING: the charge started at the provider; the customer now has the full reservation
    // to approve it (a counter sale had it from the start: nothing to write).
    if (sale.expiresAt && sale.expiresAt < fullHold) await services.prisma.$transaction((tx) => confirmHold(tx, sale, fullHold));
    if (result.providerReference && result.providerReference !== sale.providerReference) await recordProviderReference(services, sale, result.providerReference);
  }
  return { transactionId: sale.id, instructions: result.instructions ?? null };
}

async function recordProviderReference(services: Services, sale: Transaction, providerReference: string): Promise<void> {
  try {
    await services.prisma.transaction.updateMany({
      where: { id: sale.id, status: "PENDING", providerReference: null },
      data: { providerReference },
    });
  } catch (err) {
    if (!uniqueViolation(err)) throw err;
    services.logger.warn({ reference: sale.reference, providerReference }, "provider reference already used by another sale");
  }
}

/** Same key: the same sale, never a second charge. Different details under the key: CONFLICT. */
async function replay(services: Services, t: Transaction, req: PurchaseRequest, provider: PaymentProvider): Promise<PurchaseOutcome> {
  const differs =
    t.allocationId !== req.allocationId || t.phoneNumber !== req.phone.number || t.fullName !== req.fullName || t.provider !== provider.key;
  if (differs) {
    throw conflict(
      "This idempotency key was already used for a different purchase (bundle, name, phone number or provider differ): use a new key for a new purchase",
      "idempotency-key",
    );
  }
  if (t.status === "FAILED") throw paymentFailed(t.failureReason ?? "declined", t.reference);
  if (t.status !== "PENDING") return { transactionId: t.id, instructions: null };
  // Still pending: ask the provider where it stands (a read, never a charge).
  try {
    const result = await provider.verify(t.reference);
    if (result.status === "PAID") {
      await markPaid(services, { reference: t.reference, providerReference: result.providerReference ?? t.reference, source: "replay", amountMinor: result.amountMinor });
      return { transactionId: t.id, instructions: null };
    }
    return { transactionId: t.id, instructions: result.instructions ?? null };
  } catch {
    // Not known there yet (the first request's charge is still in flight) or unreachable.
    return { transactionId: t.id, instructions: null };
  }
}

// The one place a sale changes from PENDING: every path (the purchase's own charge
// response, webhooks, confirmPayment, the reconciler) settles through markPaid/markFailed.
// Exactly once: the state change is a conditional update WHERE status = 'PENDING', so a
// second caller changes nothing and causes no side effects. The voucher, the outbox rows
// and (for webhooks) the PaymentEvent commit in the same database transaction.
import type { Prisma, Refund, Transaction } from "../../db/generated/client.js";
import type { Services } from "../../core/context.js";
import { conflict, uniqueViolation } from "../../core/errors.js";
import { nudgeOutbox, saleNotifications, type SaleFacts } from "../notifications/index.js";
import { shopSettings } from "../settings/index.js";
import { logRefundRequested, openNoVoucherRefund } from "../refunds/index.js";
import { takeVoucher } from "./reserve.js";
import { sqlDate } from "../../db/sql-date.js";
import { newId } from "../../db/ids.js";
import { saleFromRow, type SaleRow } from "./sale-row.js";

type Tx = Prisma.TransactionClient;

export type SettleSource = "purchase" | "webhook" | "confirmPayment" | "reconciler" | "replay";

/** A provider callback to record with the settlement; a replay of it changes nothing. */
export type EventRecord = { provider: string; eventKey: string; reference: string | null; type: string; payload: string };

export type SettleResult =
  | { outcome: "settled"; transaction: Transaction }
  /** Already settled by someone else (or not PENDING): nothing changed. */
  | { outcome: "unchanged"; transaction: Transaction }
  | { outcome: "duplicate-event" }
  | { outcome: "not-found" };

export const NO_VOUCHER_REASON = "Paid, but no voucher of this bundle was available: issue one to the buyer";

const isDuplicateEvent = (err: unknown) => uniqueViolation(err)?.some((f) => f.includes("eventKey")) ?? false;

async function recordEvent(tx: Tx, event: EventRecord | undefined) {
  if (event) await tx.paymentEvent.create({ data: event });
}

/** Records a provider event that settles nothing (unknown reference, refund events...). */
export async function recordPaymentEvent(services: Services, event: EventRecord): Promise<"recorded" | "duplicate-event"> {
  try {
    await services.prisma.$transaction((tx) => recordEvent(tx, event));
    return "recorded";
  } catch (err) {
    if (isDuplicateEvent(err)) return "duplicate-event";
    throw err;
  }
}

type PaidArgs = {
  reference: string;
  providerReference: string;
  source: SettleSource;
  event?: EventRecord;
  /** What the provider says was paid, when it says; less than the price is not a sale. */
  amountMinor?: number;
};

export async function markPaid(services: Services, args: PaidArgs): Promise<SettleResult> {
  const { reference, providerReference, source } = args;
  if (args.amountMinor !== undefined) {
    const sale = await services.prisma.transaction.findUnique({ where: { reference } });
    if (sale && args.amountMinor < sale.amountMinor) {
      // Every path (webhook, purchase answer, reconciler, replay) checks here, once.
      services.log.write({
        kind: "PAYMENT",
        level: "ERROR",
        message: `${reference}: ${sale.provider} reports ${args.amountMinor} paid of ${sale.amountMinor}; not settled (${source})`,
        model: "Transaction",
        recordId: sale.id,
        data: { amountMinor: args.amountMinor, priceMinor: sale.amountMinor, source, eventKey: args.event?.eventKey ?? null },
      });
      if (args.event && (await recordPaymentEvent(services, args.event)) === "duplicate-event") return { outcome: "duplicate-event" };
      return { outcome: "unchanged", transaction: sale };
    }
  }
  const now = new Date();
  let result: SettleResult & { late?: boolean; voucherMissing?: boolean; autoRefund?: Refund };
  try {
    result = (await settlePaidDirectly(services, args, now)) ?? (await services.prisma.$transaction(async (tx) => {
      await recordEvent(tx, args.event);
      const paid = { status: "PAID" as const, paidAt: now, providerReference, failureReason: null };
      let claimed = await tx.transaction.updateMany({ where: { reference, status: "PENDING" }, data: paid });
      // A success after we gave up (reservation expired, or the charge call failed): the
      // customer paid, so the sale goes through with whatever voucher is still available.
      const late = claimed.count === 0 && (await tx.transaction.updateMany({ where: { reference, status: "FAILED" }, data: paid })).count === 1;
      if (late) claimed = { count: 1 };
      const t = await tx.transaction.findUnique({ where: { reference }, include: { allocation: true } });
      if (!t) return { outcome: "not-found" as const };
      if (claimed.count === 0) return { outcome: "unchanged" as const, transaction: t };

      const a = t.allocation;
      const voucher = await takeVoucher(tx, t, {
        status: "SOLD",
        reservedUntil: null,
        // Provisioning is left as it is: a voucher bound for a router was set PENDING when
        // generated, and the router side tracks it from there.
        expiresAt: a.validityHours ? new Date(now.getTime() + a.validityHours * 3_600_000) : null,
      });
      // Usually the reserved voucher: the row is already right. Otherwise record the swap or the miss.
      const updated =
        voucher && voucher.id === t.voucherId
          ? t
          : await tx.transaction.update({
              where: { id: t.id },
              data: { voucherId: voucher?.id ?? null, failureReason: voucher ? null : NO_VOUCHER_REASON },
            });
      await tx.outboxMessage.createMany({
        data: saleNotifications(
          saleFacts(t, { reference, bundle: a.name, providerReference, paidAt: now, voucher: voucher ? { username: voucher.username, password: voucher.password, expiresAt: voucher.expiresAt } : null, source }),
          { managerEmails: services.config.mail.managerEmails, loginUrl: shopSettings(services).values.hotspotLoginUrl ?? undefined },
        ),
      });
      // Paid with nothing to give: a full refund waits for a manager (rejected if a voucher is handed over by hand).
      const autoRefund = voucher ? undefined : await openNoVoucherRefund(tx, t.id);
      return { outcome: "settled" as const, transaction: updated, late, voucherMissing: !voucher, autoRefund };
    }));
  } catch (err) {
    if (isDuplicateEvent(err)) return { outcome: "duplicate-event" };
    if (uniqueViolation(err)?.some((f) => f.includes("providerReference"))) {
      throw conflict(`Payment reference ${providerReference} already belongs to another sale`, "provider-reference");
    }
    throw err;
  }

  if (result.outcome === "settled") {
    const t = result.transaction;
    const base = { model: "Transaction", recordId: t.id, data: { reference, provider: t.provider, providerReference, source, amountMinor: t.amountMinor } };
    if (result.voucherMissing) {
      services.log.write({ kind: "PAYMENT", level: "ERROR", message: `${reference} paid but no voucher: none available for the bundle`, ...base });
      if (result.autoRefund) await logRefundRequested(services, result.autoRefund);
    } else {
      services.log.write({
        kind: "PAYMENT",
        level: result.late ? "WARN" : "INFO",
        message: result.late ? `${reference} paid via ${t.provider} after it had failed; sold anyway (${source})` : `${reference} paid via ${t.provider} (${source})`,
        ...base,
      });
    }
    nudgeOutbox(services);
    return { outcome: "settled", transaction: t };
  }
  return result;
}

/** Thrown inside the raw transaction to roll it back: the general path below takes the sale. */
class NotTheUsualSale extends Error {}

/**
 * The usual settlement, a PENDING sale whose reserved voucher is still there, as one raw
 * transaction (db.transaction) of prepared statements: the event, the claim (UPDATE ...
 * WHERE status = 'PENDING', the exactly-once step), the voucher sold only while still
 * AVAILABLE and unprinted, the outbox rows (their trigger queues the delivery jobs). The same
 * statements the Prisma transaction runs, without its compile and round trip per statement.
 * Anything else (already settled, failed before, the reservation lost, no sale) rolls back
 * whole and returns null: the Prisma transaction then decides, from scratch, with the rare cases.
 */
async function settlePaidDirectly(services: Services, args: PaidArgs, now: Date): Promise<(SettleResult & { late?: boolean }) | null> {
  const { reference, providerReference, source, event } = args;
  const at = sqlDate(now);
  const emails = services.config.mail.managerEmails;
  const loginUrl = shopSettings(services).values.hotspotLoginUrl ?? undefined;
  try {
    return await services.db.transaction((sql) => {
      if (event) {
        sql(`INSERT INTO "PaymentEvent" ("id", "provider", "eventKey", "reference", "type", "payload", "receivedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`)
          .run(newId(), event.provider, event.eventKey, event.reference, event.type, event.payload, at);
      }
      const row = sql(`UPDATE "Transaction" SET "status" = 'PAID', "paidAt" = ?, "providerReference" = ?, "failureReason" = NULL, "updatedAt" = ?
        WHERE "reference" = ? AND "status" = 'PENDING' AND "voucherId" IS NOT NULL RETURNING *`).get(at, providerReference, at, reference) as SaleRow | undefined;
      if (!row) throw new NotTheUsualSale();
      const a = sql(`SELECT "name", "validityHours" FROM "Allocation" WHERE "id" = ?`).get(row.allocationId) as { name: string; validityHours: number | null };
      const expiresAt = a.validityHours ? new Date(now.getTime() + a.validityHours * 3_600_000) : null;
      // Provisioning is left as it is (see the general path).
      const voucher = sql(`UPDATE "Voucher" SET "status" = 'SOLD', "reservedUntil" = NULL, "expiresAt" = ?, "updatedAt" = ?
        WHERE "id" = ? AND "status" = 'AVAILABLE' AND "printBatchId" IS NULL RETURNING "username", "password"`)
        .get(expiresAt && sqlDate(expiresAt), at, row.voucherId) as { username: string; password: string } | undefined;
      if (!voucher) throw new NotTheUsualSale();
      const t = saleFromRow(row);
      const messages = saleNotifications(
        saleFacts(t, { reference, bundle: a.name, providerReference, paidAt: now, voucher: { username: voucher.username, password: voucher.password, expiresAt }, source }),
        { managerEmails: emails, loginUrl },
      );
      const insert = sql(`INSERT INTO "OutboxMessage" ("id", "channel", "recipient", "subject", "body", "status", "attempts", "nextAttemptAt", "transactionId", "createdAt", "updatedAt")
        VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)`);
      for (const m of messages) insert.run(newId(), m.channel, m.recipient, m.subject ?? null, m.body, at, m.transactionId ?? null, at, at);
      return { outcome: "settled" as const, transaction: t, late: false };
    });
  } catch (err) {
    if (err instanceof NotTheUsualSale) return null;
    throw err;
  }
}

type FailedArgs = { reference: string; reason: string; source: SettleSource; event?: EventRecord };

export async function markFailed(services: Services, args: FailedArgs): Promise<SettleResult> {
  const { reference, reason, source } = args;
  let result: SettleResult;
  try {
    result = await services.prisma.$transaction(async (tx) => {
      await recordEvent(tx, args.event);
      // Release the reserved voucher, only while the sale is still PENDING (same transaction).
      await tx.$executeRaw`UPDATE "Voucher" SET "reservedUntil" = NULL, "updatedAt" = ${new Date()}
        WHERE "id" = (SELECT "voucherId" FROM "Transaction" WHERE "reference" = ${reference} AND "status" = 'PENDING')
          AND "status" = 'AVAILABLE'`;
      const claimed = await tx.transaction.updateMany({
        where: { reference, status: "PENDING" },
        data: { status: "FAILED", failureReason: reason.slice(0, 500), voucherId: null },
      });
      const t = await tx.transaction.findUnique({ where: { reference } });
      if (!t) return { outcome: "not-found" as const };
      return { outcome: claimed.count === 1 ? ("settled" as const) : ("unchanged" as const), transaction: t };
    });
  } catch (err) {
    if (isDuplicateEvent(err)) return { outcome: "duplicate-event" };
    throw err;
  }
  if (result.outcome === "settled") {
    const t = result.transaction;
    services.log.write({
      kind: "PAYMENT",
      level: "INFO",
      message: `${reference} failed: ${reason} (${source})`,
      model: "Transaction",
      recordId: t.id,
      data: { reference, provider: t.provider, source, reason },
    });
  }
  return result;
}

type PaidFacts = Omit<SaleFacts, "transactionId" | "fullName" | "phoneNumber" | "amountMinor" | "currency" | "provider">;

/** What a paid sale's messages say: the buyer and amount from its row, the rest from its settlement. */
function saleFacts(t: Pick<Transaction, "id" | "fullName" | "phoneNumber" | "amountMinor" | "currency" | "provider">, paid: PaidFacts): SaleFacts {
  return { transactionId: t.id, fullName: t.fullName, phoneNumber: t.phoneNumber, amountMinor: t.amountMinor, currency: t.currency, provider: t.provider, ...paid };
}

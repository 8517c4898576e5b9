// The texts a settled sale sends: the buyer's voucher SMS and the managers' email.
// Rows are written in the sale's own database transaction; the outbox worker sends them.
import type { Prisma } from "../../db/generated/client.js";
import { formatMinor } from "../common/money.js";

/** OutboxMessage.subject of the SMS carrying the credentials: its delivery sets voucherDelivered. */
export const VOUCHER_SMS = "Voucher";
export const NO_VOUCHER_SMS = "Payment received";
export const REFUND_SMS = "Refund";

export type SaleFacts = {
  transactionId: string;
  reference: string;
  fullName: string;
  phoneNumber: string;
  bundle: string;
  amountMinor: number;
  currency: string;
  provider: string;
  providerReference: string | null;
  paidAt: Date;
  voucher: { username: string; password: string; expiresAt: Date | null } | null;
  source: string;
};

// Ghana time (UTC+0, no DST). Built once: constructing an Intl formatter is costly.
const accra = new Intl.DateTimeFormat("en-GB", { timeZone: "Africa/Accra", dateStyle: "medium", timeStyle: "short" });
const when = (d: Date) => accra.format(d);

export function buyerSms(s: SaleFacts, loginUrl?: string): { subject: string; body: string } {
  if (!s.voucher) {
    return {
      subject: NO_VOUCHER_SMS,
      body: `Chillzone: we received ${s.currency} ${formatMinor(s.amountMinor)} for ${s.bundle} (ref ${s.reference}). Your voucher is being prepared; staff will send it shortly.`,
    };
  }
  const parts = [
    `Chillzone ${s.bundle} voucher. Username: ${s.voucher.username} Password: ${s.voucher.password}`,
    `Ref ${s.reference}.`,
  ];
  if (s.voucher.expiresAt) parts.push(`Valid until ${when(s.voucher.expiresAt)}.`);
  if (loginUrl) parts.push(`Log in at ${loginUrl}`);
  return { subject: VOUCHER_SMS, body: parts.join(" ") };
}

function managerEmail(s: SaleFacts): { subject: string; body: string } {
  const amount = `${s.currency} ${formatMinor(s.amountMinor)}`;
  const subject = s.voucher
    ? `Sale ${s.reference}: ${s.bundle} paid (${amount})`
    : `ACTION NEEDED: sale ${s.reference} is paid but no voucher was available`;
  const lines = [
    s.voucher ? `A sale was paid.` : `A sale was paid but no ${s.bundle} voucher was available. Add vouchers and issue one to the buyer.`,
    ``,
    `Reference:  ${s.reference}`,
    `Buyer:      ${s.fullName}, ${s.phoneNumber}`,
    `Bundle:     ${s.bundle}`,
    `Amount:     ${amount}`,
    `Paid via:   ${s.provider}${s.providerReference ? ` (${s.providerReference})` : ""}, confirmed by ${s.source}`,
    `Paid at:    ${when(s.paidAt)}`,
    `Voucher:    ${s.voucher ? s.voucher.username : "none"}`,
  ];
  return { subject, body: lines.join("\n") };
}

/** The outbox rows for a sale that has just been paid. */
export function saleNotifications(
  s: SaleFacts,
  opts: { managerEmails: string[]; loginUrl?: string },
): Prisma.OutboxMessageCreateManyInput[] {
  const sms = buyerSms(s, opts.loginUrl);
  const rows: Prisma.OutboxMessageCreateManyInput[] = [
    { channel: "SMS", recipient: s.phoneNumber, subject: sms.subject, body: sms.body, transactionId: s.transactionId },
  ];
  if (opts.managerEmails.length > 0) {
    const mail = managerEmail(s);
    rows.push({ channel: "EMAIL", recipient: opts.managerEmails.join(", "), subject: mail.subject, body: mail.body, transactionId: s.transactionId });
  }
  return rows;
}

export type RefundFacts = {
  transactionId: string;
  reference: string;
  phoneNumber: string;
  amountMinor: number;
  currency: string;
  provider: string;
  /** The whole sale is refunded: the voucher stops working. */
  full: boolean;
};

/** The buyer's SMS once a refund is completed; written in the refund's own database transaction. */
export function refundNotification(r: RefundFacts): Prisma.OutboxMessageCreateManyInput {
  const how = r.provider === "cash" ? "handed back in cash" : `sent back to your ${r.provider === "sandbox" ? "test" : "mobile money"} account`;
  const voucher = r.full ? " The voucher for this purchase no longer works." : "";
  return {
    channel: "SMS",
    recipient: r.phoneNumber,
    subject: REFUND_SMS,
    body: `Chillzone: ${r.currency} ${formatMinor(r.amountMinor)} for ref ${r.reference} has been ${how}.${voucher}`,
    transactionId: r.transactionId,
  };
}

// Delivery of the OutboxMessage rows a sale (or a refund) wrote, through the job queue
// (api/jobs) so that an SMS or email outage loses nothing. The row stays the message's
// record (status, attempts, last error, what the sale's page shows); a trigger in the
// migration queues one `outbox.deliver` job per PENDING row in the statement that inserts
// it, so the row and its delivery commit together however the row is written. The queue
// claims the job with a lease (two processes never send one message at once; a crashed
// sender's lease runs out and another worker sends it), retries with the one backoff
// (OUTBOX_RETRY_BASE_MS / OUTBOX_RETRY_MAX_MS) and after OUTBOX_MAX_ATTEMPTS, or an error the
// gateway calls final, marks the row FAILED with one WARN log entry.
import type { Services } from "../../core/context.js";
import type { JobHandler } from "../../jobs/index.js";
import { DeliveryError } from "../../drivers/notify/index.js";
import { VOUCHER_SMS } from "./messages.js";
import { shopSettings } from "../settings/index.js";

export const OUTBOX_DELIVER = "outbox.deliver";

/** Ask the queue to run now (after a payment settled and its messages committed). A no-op when the worker is not running. */
export function nudgeOutbox(services: Services): void {
  services.jobs.kick();
}

export const outboxDelivery: JobHandler<{ messageId: string }> = {
  kind: OUTBOX_DELIVER,
  retry: (config) => ({ maxAttempts: config.outbox.maxAttempts, backoff: { baseMs: config.outbox.retryBaseMs, capMs: config.outbox.retryMaxMs } }),
  // Unexpected errors (not a DeliveryError) are retried: they may be ours and get fixed.
  retryable: (err) => (err instanceof DeliveryError ? err.retryable : true),

  async run(job, services) {
    const m = await services.prisma.outboxMessage.findUnique({ where: { id: job.payload.messageId } });
    // Sent already (a repeat after a lost lease), given up on, or deleted: nothing to send.
    if (!m || m.status !== "PENDING") return;
    let providerMessageId: string | undefined;
    if (m.channel === "SMS") {
      providerMessageId = (await services.notify.sms.send(m.recipient, m.body, { sender: shopSettings(services).values.smsSender })).providerMessageId;
    } else {
      const to = m.recipient.split(",").map((s) => s.trim()).filter(Boolean);
      providerMessageId = (await services.notify.email.send({ to, subject: m.subject ?? "Chillzone", text: m.body })).messageId;
    }
    const sentAt = new Date();
    return {
      record: async (tx) => {
        await tx.outboxMessage.updateMany({
          where: { id: m.id, status: "PENDING" },
          data: { status: "SENT", sentAt, providerMessageId: providerMessageId ?? null, attempts: job.attempts, lastError: null },
        });
        if (m.channel === "SMS" && m.subject === VOUCHER_SMS && m.transactionId) {
          await tx.transaction.updateMany({ where: { id: m.transactionId }, data: { voucherDelivered: true } });
        }
      },
    };
  },

  failed: (tx, job, f) =>
    tx.outboxMessage.updateMany({
      where: { id: job.payload.messageId, status: "PENDING" },
      data: f.dead ? { status: "FAILED", attempts: f.attempts, lastError: f.error } : { attempts: f.attempts, lastError: f.error, nextAttemptAt: f.retryAt! },
    }),

  async deadLetter(job, f, services) {
    const m = await services.prisma.outboxMessage.findUnique({ where: { id: job.payload.messageId }, select: { channel: true, recipient: true, transactionId: true } });
    return {
      model: "OutboxMessage",
      recordId: job.payload.messageId,
      message: `${m?.channel ?? "Message"} to ${m?.recipient ?? "?"} not delivered after ${f.attempts} attempt(s): ${f.error}`,
      data: { channel: m?.channel, transactionId: m?.transactionId, attempts: f.attempts, retryable: f.retryable },
    };
  },
};

// The outbox worker: sends the OutboxMessage rows a sale wrote, with retries, so an SMS or
// email outage loses nothing. Polls every OUTBOX_POLL_MS and runs at once when nudged
// after a payment settles. Each row is claimed with a conditional update (a lease on
// nextAttemptAt) before sending, so two processes never send the same row at once.
import type { OutboxMessage } from "../../db/generated/client.js";
import type { Services } from "../../core/context.js";
import type { Worker } from "../../core/extensions.js";
import { backoffMs } from "../../core/backoff.js";
import { periodicJob } from "../../core/periodic.js";
import { DeliveryError } from "../../drivers/notify/index.js";
import { VOUCHER_SMS } from "./messages.js";
import { shopSettings } from "../settings/index.js";

/** Messages claimed and sent together. Claimed per round, so a lease only has to outlast one round of sends. */
const PARALLEL = 4;
/** Longer than any send can take (driver timeouts are 10-15 s): a crashed sender's rows come back after it. */
const LEASE_MS = 120_000;

/** Ask the outbox to run now (after a payment settled). A no-op when the worker is not running. */
export function nudgeOutbox(services: Services): void {
  services.nudges.nudge("outbox");
}


async function claim(services: Services, now: Date, take: number): Promise<OutboxMessage[]> {
  const due = await services.prisma.outboxMessage.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take,
  });
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  if (due.length === 0) return [];
  // All the round's leases in one transaction: one commit (one fsync) for the round.
  return services.prisma.$transaction(async (tx) => {
    const claimed: OutboxMessage[] = [];
    for (const m of due) {
      // The lease moves nextAttemptAt past `now`, so whoever updates second matches nothing.
      const r = await tx.outboxMessage.updateMany({
        where: { id: m.id, status: "PENDING", nextAttemptAt: { lte: now } },
        data: { nextAttemptAt: leaseUntil },
      });
      if (r.count === 1) claimed.push(m);
    }
    return claimed;
  });
}

type Tx = Parameters<Parameters<Services["prisma"]["$transaction"]>[0]>[0];
/** What a send leaves to record; the round's records commit together (one fsync per round). */
type Record = (tx: Tx) => Promise<unknown>;

async function deliver(services: Services, m: OutboxMessage): Promise<{ record: Record; after?: () => void }> {
  const { outbox } = services.config;
  try {
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
        await tx.outboxMessage.update({
          where: { id: m.id },
          data: { status: "SENT", sentAt, providerMessageId: providerMessageId ?? null, attempts: m.attempts + 1, lastError: null },
        });
        if (m.channel === "SMS" && m.subject === VOUCHER_SMS && m.transactionId) {
          await tx.transaction.updateMany({ where: { id: m.transactionId }, data: { voucherDelivered: true } });
        }
      },
    };
  } catch (err) {
    const attempts = m.attempts + 1;
    const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    // Unexpected errors (not a DeliveryError) are retried: they may be ours and get fixed.
    const retryable = err instanceof DeliveryError ? err.retryable : true;
    if (!retryable || attempts >= outbox.maxAttempts) {
      return {
        record: (tx) => tx.outboxMessage.update({ where: { id: m.id }, data: { status: "FAILED", attempts, lastError } }),
        after: () =>
          services.log.write({
            kind: "SYSTEM",
            level: "WARN",
            model: "OutboxMessage",
            recordId: m.id,
            message: `${m.channel} to ${m.recipient} not delivered after ${attempts} attempt(s): ${lastError}`,
            data: { channel: m.channel, transactionId: m.transactionId, attempts, retryable },
          }),
      };
    }
    const nextAttemptAt = new Date(Date.now() + backoffMs(attempts, { baseMs: outbox.retryBaseMs, capMs: outbox.retryMaxMs }));
    return { record: (tx) => tx.outboxMessage.update({ where: { id: m.id }, data: { attempts, lastError, nextAttemptAt } }) };
  }
}

/** Sends everything due (until `stopping` says so); returns how many rows it handled. */
export async function drainOutbox(services: Services, stopping: () => boolean = () => false): Promise<number> {
  let handled = 0;
  while (!stopping()) {
    const round = await claim(services, new Date(), PARALLEL);
    const outcomes = await Promise.all(round.map((m) => deliver(services, m)));
    if (outcomes.length) {
      await services.prisma.$transaction(async (tx) => {
        for (const o of outcomes) await o.record(tx);
      });
      for (const o of outcomes) o.after?.();
    }
    handled += round.length;
    if (round.length < PARALLEL) break;
  }
  return handled;
}

function startOutbox(services: Services): { stop(): Promise<void> } {
  const job = periodicJob({
    label: "outbox",
    intervalMs: services.config.outbox.pollMs,
    logger: services.logger,
    run: (isStopped) => drainOutbox(services, isStopped),
  });
  const off = services.nudges.on("outbox", job.kick);
  return {
    async stop() {
      off();
      await job.stop();
    },
  };
}

export const outboxWorker: Worker = { name: "outbox", start: startOutbox };

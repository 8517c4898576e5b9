// Retention of request-finished entries (kind REQUEST): each level is kept for its
// LOG_RETENTION_DAYS, then deleted in small batches by a background job, so the log and its
// full-text index stay bounded under a polling client. Audit entries (changes, logins,
// payments, refunds, backups, routers, system) are never touched: only kind = 'REQUEST'.
// Nothing the backup journal has not yet written is deleted (it walks the log contiguously).
import type { Services } from "../../core/context.js";
import type { Worker } from "../../core/extensions.js";
import { periodicJob } from "../../core/periodic.js";
import { sqlDate } from "../../db/sql-date.js";

/** Rows per delete transaction: short enough that a sale waiting for the connection barely notices. */
export const PRUNE_BATCH = 500;
const DAY_MS = 86_400_000;
const INTERVAL_MS = 10 * 60_000;

export type PruneResult = { deleted: number; byLevel: Record<string, number> };

/** Deletes REQUEST entries older than their level's retention, as of `now`, in batches. */
export async function pruneRequestEntries(services: Pick<Services, "config" | "db" | "journal">, opts: { now?: Date; isStopped?: () => boolean } = {}): Promise<PruneResult> {
  const now = (opts.now ?? new Date()).getTime();
  const result: PruneResult = { deleted: 0, byLevel: {} };
  const journaled = services.journal.enabled ? services.journal.status().lastSequence : Number.MAX_SAFE_INTEGER;
  for (const [level, days] of Object.entries(services.config.requestLog.retentionDays)) {
    const cutoff = sqlDate(new Date(now - days! * DAY_MS));
    // `at` never decreases along the log, so "older than the cutoff" is a sequence range,
    // walked on the (kind, sequence) index.
    const last = await services.db.exclusive((s) => Number(s.prepare(`SELECT coalesce(max(sequence), 0) FROM LogEntry WHERE at < ?`).pluck().get(cutoff)));
    const upTo = Math.min(last, journaled);
    for (;;) {
      if (opts.isStopped?.()) return result;
      const n = await services.db.exclusive((s) =>
        s.prepare(
          `DELETE FROM LogEntry WHERE sequence IN (SELECT sequence FROM LogEntry WHERE kind = 'REQUEST' AND level = ? AND sequence <= ? ORDER BY sequence LIMIT ?)`,
        ).run(level, upTo, PRUNE_BATCH).changes,
      );
      result.deleted += n;
      result.byLevel[level] = (result.byLevel[level] ?? 0) + n;
      if (n < PRUNE_BATCH) break;
      await new Promise((r) => setImmediate(r)); // let requests in between batches
    }
  }
  return result;
}

export const logRetentionWorker: Worker = {
  name: "log-retention",
  start: (services) =>
    periodicJob({
      label: "log-retention",
      intervalMs: INTERVAL_MS,
      logger: services.logger,
      run: async (isStopped) => {
        const r = await pruneRequestEntries(services, { isStopped });
        if (r.deleted) services.logger.info(r.byLevel, `log retention: deleted ${r.deleted} request entries`);
      },
    }),
};

// Retention of finished jobs: a DONE row is only history (its whole life is in the change
// log), so DONE jobs older than JOBS_DONE_RETENTION_DAYS are deleted in small batches by a
// background worker, off the path of the sale that queued them, so the Job table stays
// bounded. DEAD jobs are kept: they are the ones someone has to look at. The deletes are
// change-logged like any other (a "Job deleted" entry each, by the job-retention actor).
import type { Services } from "../core/context.js";
import type { Worker } from "../core/extensions.js";
import { periodicJob } from "../core/periodic.js";
import { sqlDate } from "../db/sql-date.js";

/** Rows per delete: short enough that a sale waiting for the write lock barely notices. */
export const JOB_PRUNE_BATCH = 200;
const DAY_MS = 86_400_000;
const INTERVAL_MS = 10 * 60_000;

/** Deletes DONE jobs finished more than the retention before `now`, in batches; returns how many. */
export async function pruneDoneJobs(services: Pick<Services, "config" | "prisma">, opts: { now?: Date; isStopped?: () => boolean } = {}): Promise<number> {
  const cutoff = sqlDate(new Date((opts.now ?? new Date()).getTime() - services.config.jobs.doneRetentionDays * DAY_MS));
  let deleted = 0;
  for (;;) {
    if (opts.isStopped?.()) return deleted;
    // A DONE job ran after its runAt, so "runAt < cutoff" only narrows the (status, runAt) index walk.
    const n = await services.prisma.$executeRaw`
      DELETE FROM "Job" WHERE "id" IN (
        SELECT "id" FROM "Job" WHERE "status" = 'DONE' AND "runAt" < ${cutoff} AND "updatedAt" < ${cutoff}
        ORDER BY "runAt" LIMIT ${JOB_PRUNE_BATCH})`;
    deleted += n;
    if (n < JOB_PRUNE_BATCH) return deleted;
    await new Promise((r) => setImmediate(r)); // let requests in between batches
  }
}

export const jobRetentionWorker: Worker = {
  name: "job-retention",
  start: (services) =>
    periodicJob({
      label: "job-retention",
      intervalMs: INTERVAL_MS,
      logger: services.logger,
      run: async (isStopped) => {
        const n = await pruneDoneJobs(services, { isStopped });
        if (n) services.logger.info(`job retention: deleted ${n} finished jobs`);
      },
    }),
};

// The backup schedule: BACKUP_SCHEDULE (cron, default "0 2 * * *") on the shop's clock
// (TIME_ZONE), through croner. A run due while another backup is being made is skipped
// (logged), not queued: the next one comes at its time.
import { Cron } from "croner";
import type { Worker } from "../../core/extensions.js";
import type { Services } from "../../core/context.js";
import { runInScope } from "../../db/request-context.js";
import { takeBackup, backupRunning } from "./run.js";

export function nextRun(schedule: string | null, timeZone: string, from = new Date()): Date | null {
  if (!schedule) return null;
  const c = new Cron(schedule, { paused: true, timezone: timeZone });
  const next = c.nextRun(from);
  c.stop();
  return next;
}

export const backupScheduleWorker: Worker = {
  name: "backup schedule",
  start(services: Services) {
    const { schedule, scheduleFormat } = services.config.backups;
    if (!schedule) return { stop: async () => {} };
    let running: Promise<unknown> | null = null;
    const job = new Cron(schedule, { timezone: services.config.timeZone, protect: true, unref: true }, () => {
      if (backupRunning(services)) {
        services.log.write({ kind: "BACKUP", level: "WARN", message: "Scheduled backup skipped: another backup was being made" });
        return;
      }
      running = runInScope({ actor: { kind: "system", label: "backup schedule" }, requestId: null }, () =>
        takeBackup(services, scheduleFormat, "SCHEDULED"),
      ).catch((err) => services.logger.error({ err }, "scheduled backup failed"));
    });
    return {
      async stop() {
        job.stop();
        await running;
      },
    };
  },
};

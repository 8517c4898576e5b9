// backupSettings: what the Backups page shows about the schedule and retention.
import { builder } from "../../core/builder.js";
import { nextRun } from "./schedule.js";
import { BackupFormatEnum } from "./backup.js";
import type { Config } from "../../core/config.js";

const BackupSettings = builder.objectRef<Config>("BackupSettings").implement({
  description: "How full backups are scheduled and kept (from the server's configuration).",
  fields: (t) => ({
    schedule: t.string({ nullable: true, description: "BACKUP_SCHEDULE as a cron expression; null: no scheduled backups.", resolve: (c) => c.backups.schedule }),
    scheduleFormat: t.field({ type: BackupFormatEnum, resolve: (c) => c.backups.scheduleFormat }),
    timeZone: t.string({ resolve: (c) => c.timeZone }),
    nextRunAt: t.field({ type: "DateTime", nullable: true, resolve: (c) => nextRun(c.backups.schedule, c.timeZone) }),
    keep: t.int({ nullable: true, description: "BACKUP_KEEP: how many finished backups are kept.", resolve: (c) => c.backups.keep ?? null }),
    keepDays: t.float({ nullable: true, description: "BACKUP_KEEP_DAYS: how many days a backup is kept.", resolve: (c) => c.backups.keepDays ?? null }),
    maxUploadBytes: t.float({ description: "BACKUP_MAX_UPLOAD_MB in bytes: the largest file a restore can upload.", resolve: (c) => c.backups.maxUploadBytes }),
  }),
});

builder.queryFields((t) => ({
  backupSettings: t.field({
    type: BackupSettings,
    description: "The backup schedule and retention (managers).",
    authScopes: { manager: true },
    resolve: (_r, _a, ctx) => ctx.services.config,
  }),
}));

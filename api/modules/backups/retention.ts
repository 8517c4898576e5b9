// What is kept: with BACKUP_KEEP, the newest N finished backups; with BACKUP_KEEP_DAYS,
// those younger than N days; with both, a backup goes when either says so. The newest
// finished backup is always kept, whatever the settings, so there is always one to restore.
// Failed attempts are cleared after a day (their log entry stays).
import { removeBackup, type BackupServices } from "./run.js";

const DAY = 86_400_000;

export async function applyRetention(services: BackupServices, now = new Date()): Promise<number> {
  const { keep, keepDays } = services.config.backups;
  const finished = await services.prisma.backup.findMany({ where: { status: "DONE" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, createdAt: true } });
  const drop = finished.slice(1).filter((b, i) => (keep !== undefined && i + 1 >= keep) || (keepDays !== undefined && now.getTime() - b.createdAt.getTime() > keepDays * DAY));
  const failed = await services.prisma.backup.findMany({ where: { status: "FAILED", createdAt: { lt: new Date(now.getTime() - DAY) } }, select: { id: true } });
  const system = { kind: "system", label: "backup retention" } as const;
  for (const b of drop) await removeBackup(services, b.id, system, "removed by retention");
  for (const b of failed) await services.prisma.backup.delete({ where: { id: b.id } }).catch(() => {});
  return drop.length;
}

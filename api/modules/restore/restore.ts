// The restore as a whole: candidate (every check) -> safety backup -> swap, the last two under
// the write lock. Validation alone (the dry run) builds and drops the candidate. Any error
// before the swap commits changes nothing; the swap is one transaction.
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import type { Services } from "../../core/context.js";
import { AppError, ErrorCode } from "../../core/errors.js";
import type { Actor } from "../../db/request-context.js";
import type { Backup } from "../../db/generated/client.js";
import { backupPath, ensureBackupDir, takeBackupThen, type BackupServices } from "../backups/index.js";
import { prepareCandidate, type BackupReport } from "./candidate.js";
import { journalDirOf, replayJournal, resolveTarget, type PointTarget } from "./point.js";
import { swapIn, type SwapResult } from "./swap.js";

export type RestoreServices = BackupServices & Pick<Services, "reader">;

export type RestoreOutcome = { safetyBackup: Backup; report: BackupReport; tables: SwapResult["tables"]; sequence: number; restoredAt: Date; replayed: number };

export type RestoreWho = { actor: Actor; requestId: string | null; origin: string; sessionId?: string | null };

/** What a long restore reports as it goes (the CLI draws it): each step, and the safety backup's progress. */
export type RestoreProgress = { step?: (name: string) => void; backup?: (done: number, total: number) => void };

const running = new WeakSet<object>();

/** A private work directory beside the backups (the same disk: the candidate can be large). */
function workDir(services: BackupServices): string {
  ensureBackupDir(services.config.backups.dir);
  return mkdtempSync(path.join(services.config.backups.dir, ".restore-"));
}

async function withCandidate<T>(services: RestoreServices, source: string, fn: (candidate: { file: string; report: BackupReport }) => Promise<T>): Promise<T> {
  const dir = workDir(services);
  try {
    const candidate = await prepareCandidate(source, dir, services.reader.sqlite);
    return await fn(candidate);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The dry run: every check, and how the backup differs from now. Nothing is changed. */
export function validateBackupFile(services: RestoreServices, source: string): Promise<BackupReport> {
  return withCandidate(services, source, async (c) => c.report);
}

async function once<T>(services: RestoreServices, fn: () => Promise<T>): Promise<T> {
  if (running.has(services)) throw new AppError(ErrorCode.CONFLICT, "A restore is running right now; wait for it to finish", { reason: "restore-running" });
  running.add(services);
  try {
    return await fn();
  } finally {
    running.delete(services);
  }
}

function swapStep(services: RestoreServices, candidateFile: string, who: RestoreWho, message: string, data: Record<string, unknown>, progress: RestoreProgress) {
  return (sqlite: Parameters<typeof swapIn>[0]) => {
    progress.step?.("Replacing the data (one transaction)");
    return swapIn(sqlite, { candidateFile, timeZone: services.config.timeZone, actor: who.actor, requestId: who.requestId, origin: who.origin, keepSessionId: who.sessionId, message, data });
  };
}

/** Replaces the data with the backup in `source` (a file path); `label` names it in the log. */
export function restoreBackupFile(services: RestoreServices, source: string, label: string, who: RestoreWho, progress: RestoreProgress = {}): Promise<RestoreOutcome> {
  progress.step?.("Checking the backup");
  return once(services, () =>
    withCandidate(services, source, async ({ file, report }) => {
      progress.step?.("Taking a PRE_RESTORE backup of the data now");
      const message = `Restored ${label} (${report.format}, up to change #${report.sequence}${report.migratedForward ? `, migrated forward from ${report.migration}` : ""})`;
      const { backup, result } = await takeBackupThen(services, "PRE_RESTORE", who.actor, swapStep(services, file, who, message, { source: label, format: report.format, backupSequence: report.sequence }, progress), progress.backup);
      return { safetyBackup: backup, report, tables: result.tables, sequence: result.sequence, restoredAt: new Date(), replayed: 0 };
    }),
  );
}

/** A listed backup plus the journal up to `target`: the data exactly as it was at that change. */
export function restoreBackupToPoint(services: RestoreServices, backup: Backup, target: PointTarget, who: RestoreWho): Promise<RestoreOutcome> {
  if (backup.status !== "DONE") throw new AppError(ErrorCode.BAD_USER_INPUT, "That backup did not finish: pick a finished one", { field: "backupId" });
  if (!services.config.journal.enabled) throw new AppError(ErrorCode.BAD_USER_INPUT, "The journal is off (JOURNAL=off): only whole backups can be restored", { reason: "journal-off" });
  return once(services, () =>
    withCandidate(services, backupPath(services.config.backups.dir, backup.fileName), async ({ file, report }) => {
      const journalDir = journalDirOf(services.config.backups.dir);
      const to = resolveTarget(journalDir, target, report.sequence);
      const replayed = replayJournal(file, journalDir, report.sequence, to, report.migration);
      const message = `Restored to change #${to}: the ${backup.format} backup of ${backup.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC and ${replayed} journal change(s) after it`;
      const { backup: safety, result } = await takeBackupThen(services, "PRE_RESTORE", who.actor, swapStep(services, file, who, message, { backupId: backup.id, backupSequence: report.sequence, toSequence: to, replayed }, {}));
      return { safetyBackup: safety, report: { ...report, sequence: to }, tables: result.tables, sequence: result.sequence, restoredAt: new Date(), replayed };
    }),
  );
}

// Taking one full backup, whatever asked for it (createBackup, the schedule, a restore's
// safety copy): the Backup row is written RUNNING first and carries the progress, so the
// Backups page follows it through the change stream; the file is written under a
// .partial name and renamed once complete, so a listed file is always a whole one.
import { createReadStream, rmSync, renameSync, statSync, chmodSync } from "node:fs";
import { createHash } from "node:crypto";
import type { Services } from "../../core/context.js";
import { AppError, ErrorCode } from "../../core/errors.js";
import type { Actor } from "../../db/request-context.js";
import type { Backup } from "../../db/generated/client.js";
import type Database from "better-sqlite3";
import { backupPath, ensureBackupDir, newFileName, type BackupFormatValue, type BackupTriggerValue } from "./files.js";
import { writeSqliteSnapshot } from "./sqlite-snapshot.js";
import { writeHtmlBackup } from "./html-write.js";
import { applyRetention } from "./retention.js";
import type { TableCount } from "./html-format.js";

/** Progress is written at most this often (each write is a change-stream entry). */
const PROGRESS_EVERY_MS = 250;

/** What taking a backup needs: the server's services, or the CLI's (database, log writer, config). */
export type BackupServices = Pick<Services, "prisma" | "log" | "config" | "logger" | "db">;

const busy = new WeakMap<BackupServices, Promise<unknown>>();

async function fileSha256(file: string): Promise<string> {
  const h = createHash("sha256");
  // Large reads: every chunk waits its turn behind the requests being served.
  for await (const chunk of createReadStream(file, { highWaterMark: 4 * 1_048_576 })) h.update(chunk as Buffer);
  return h.digest("hex");
}

const mb = (n: number) => `${(n / 1_048_576).toFixed(n < 10_485_760 ? 2 : 1)} MB`;

export function backupRunning(services: BackupServices): boolean {
  return busy.has(services);
}

type Progress = (done: number, total: number) => void;

/** `onProgress` (the CLI's progress bar) sees every step; the Backup row only every PROGRESS_EVERY_MS. */
export async function takeBackup(services: BackupServices, format: BackupFormatValue, trigger: BackupTriggerValue, actor?: Actor, onProgress?: Progress): Promise<Backup> {
  return (await exclusiveRun(services, () => take(services, format, trigger, actor, onProgress))).backup;
}

/**
 * A SQLITE backup and then `step`, both while the database's write lock is held: no write
 * can land between the copy and the step (the restore's safety copy, then its swap). The
 * backup is kept and listed even when the step throws; the step's error is thrown after.
 */
export async function takeBackupThen<T>(services: BackupServices, trigger: BackupTriggerValue, actor: Actor | undefined, step: (sqlite: Database.Database) => T, onProgress?: Progress): Promise<{ backup: Backup; result: T }> {
  const out = await exclusiveRun(services, () => take(services, "SQLITE", trigger, actor, onProgress, step));
  if (out.stepError !== undefined) throw out.stepError;
  return { backup: out.backup, result: out.result as T };
}

async function exclusiveRun<T>(services: BackupServices, run: () => Promise<T>): Promise<T> {
  // One at a time per process: two copies at once only slow each other and the shop down.
  if (busy.has(services)) throw new AppError(ErrorCode.CONFLICT, "A backup is being made right now; wait for it to finish, then try again", { reason: "backup-running" });
  const p = run();
  busy.set(services, p);
  try {
    return await p;
  } finally {
    busy.delete(services);
  }
}

type Taken = { backup: Backup; result?: unknown; stepError?: unknown };

async function take(services: BackupServices, format: BackupFormatValue, trigger: BackupTriggerValue, actor?: Actor, onProgress?: Progress, step?: (sqlite: Database.Database) => unknown): Promise<Taken> {
  const { prisma, log, config } = services;
  const dir = config.backups.dir;
  const fileName = newFileName(format);
  const row = await prisma.backup.create({
    data: { format, trigger, status: "RUNNING", fileName, sizeBytes: 0, sha256: "", sequence: 0, tables: "[]" },
  });
  const what = `${format} backup (${trigger.toLowerCase().replace("_", "-")})`;
  log.write({ kind: "BACKUP", message: `${what} started`, model: "Backup", recordId: row.id, actor, data: { format, trigger, fileName } });

  // Progress writes never overlap and never hold the backup up: the latest one wins.
  let lastWrite = 0;
  let inFlight: Promise<unknown> | null = null;
  const progress = (done: number, total: number) => {
    onProgress?.(done, total);
    // Under the write lock (a step follows) the row waits: its update would queue behind the lock.
    if (step) return;
    const now = Date.now();
    if (inFlight || now - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = now;
    inFlight = prisma.backup
      .update({ where: { id: row.id }, data: { done, total } })
      .catch(() => {})
      .finally(() => (inFlight = null));
  };

  const file = backupPath(dir, fileName);
  const partial = `${file}.partial`;
  const started = performance.now();
  try {
    ensureBackupDir(dir);
    let result: { sequence: number; tables: TableCount[]; sha256: string; sizeBytes: number; total: number };
    let stepped: { result?: unknown; error?: unknown } = {};
    if (format === "SQLITE") {
      let pages = 0;
      const copy = (sqlite: Database.Database) =>
        writeSqliteSnapshot(sqlite, partial, (done, total) => {
          pages = total;
          progress(done, total);
        });
      const r = step
        ? await services.db.exclusive(async (sqlite) => {
            const snapshot = await copy(sqlite);
            try {
              stepped = { result: step(sqlite) };
            } catch (err) {
              stepped = { error: err };
            }
            return snapshot;
          })
        : await copy(services.db.sqlite);
      chmodSync(partial, 0o600);
      result = { ...r, sha256: await fileSha256(partial), sizeBytes: statSync(partial).size, total: pages };
    } else {
      const r = await writeHtmlBackup(services.db.file, partial, progress);
      result = { ...r, total: r.tables.reduce((n, t) => n + t.rows, 0) + r.deletedRows };
    }
    await inFlight;
    renameSync(partial, file);
    const done = await prisma.backup.update({
      where: { id: row.id },
      data: {
        status: "DONE",
        sizeBytes: result.sizeBytes,
        sha256: result.sha256,
        sequence: result.sequence,
        tables: JSON.stringify(result.tables),
        done: result.total,
        total: result.total,
        finishedAt: new Date(),
      },
    });
    const rows = result.tables.reduce((n, t) => n + t.rows, 0);
    const ms = Math.round(performance.now() - started);
    log.write({
      kind: "BACKUP",
      message: `${what} finished: ${rows} rows in ${result.tables.length} tables, ${mb(result.sizeBytes)}, up to change #${result.sequence}, in ${ms} ms`,
      model: "Backup",
      recordId: row.id,
      actor,
      data: { format, trigger, fileName, sizeBytes: result.sizeBytes, sha256: result.sha256, sequence: result.sequence, rows, durationMs: ms },
    });
    await applyRetention(services).catch((err) => services.logger.error({ err }, "backup retention failed"));
    return { backup: done, result: stepped.result, stepError: stepped.error };
  } catch (err) {
    await inFlight;
    try {
      rmSync(partial, { force: true });
    } catch {
      // the directory itself is what failed
    }
    const reason = (err as Error)?.message ?? String(err);
    services.logger.error({ err, backupId: row.id }, "backup failed");
    await prisma.backup.update({ where: { id: row.id }, data: { status: "FAILED", error: reason.slice(0, 500), finishedAt: new Date() } }).catch(() => {});
    log.write({ kind: "BACKUP", level: "ERROR", message: `${what} failed: ${reason}`, model: "Backup", recordId: row.id, actor, data: { format, trigger, fileName, error: reason } });
    throw new AppError(ErrorCode.UNAVAILABLE, `The backup could not be written to ${dir}: ${reason}. Check that the directory exists, is writable and has free space, then try again.`);
  }
}

/** Deletes a backup's file and row. */
export async function removeBackup(services: BackupServices, id: string, actor?: Actor, why = "deleted"): Promise<void> {
  const row = await services.prisma.backup.findUnique({ where: { id } });
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, "Backup not found: it may have been deleted already");
  if (row.status === "RUNNING") throw new AppError(ErrorCode.CONFLICT, "This backup is still being made; delete it once it has finished", { reason: "backup-running" });
  rmSync(backupPath(services.config.backups.dir, row.fileName), { force: true });
  await services.prisma.backup.delete({ where: { id } });
  services.log.write({
    kind: "BACKUP",
    message: `${row.format} backup of ${row.createdAt.toISOString().slice(0, 16).replace("T", " ")} ${why}`,
    model: "Backup",
    recordId: id,
    actor,
    data: { format: row.format, trigger: row.trigger, fileName: row.fileName, reason: why },
  });
}

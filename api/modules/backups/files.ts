// Where backup files live: BACKUP_DIR (default DATA_DIR/backups), readable by the server's
// user only (directory 0700, files 0600): a backup holds every row, password hashes included.
import { chmodSync, mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

export type BackupFormatValue = "SQLITE" | "HTML";
export type BackupTriggerValue = "TRANSACTION" | "MANUAL" | "SCHEDULED" | "PRE_RESTORE";

const EXT: Record<BackupFormatValue, string> = { SQLITE: "sqlite", HTML: "html" };

export function ensureBackupDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** chillzone-20261203-200000-1a2b3c4d.html: sortable by time, never guessed from outside. */
export function newFileName(format: BackupFormatValue, at = new Date()): string {
  const stamp = at.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return `chillzone-${stamp}-${randomBytes(4).toString("hex")}.${EXT[format]}`;
}

const SAFE_NAME = /^chillzone-\d{8}-\d{6}-[0-9a-f]{8}\.(sqlite|html)$/;

/** The file's path; only names this module made are accepted, so a stored name can never point outside the directory. */
export function backupPath(dir: string, fileName: string): string {
  if (!SAFE_NAME.test(fileName)) throw new Error(`not a backup file name: ${fileName}`);
  return path.join(dir, fileName);
}

export const contentTypeOf = (fileName: string) => (fileName.endsWith(".html") ? "text/html; charset=utf-8" : "application/vnd.sqlite3");

// What other modules and app.ts may use of backups (nothing here registers GraphQL types):
// the download route and the schedule worker (listed in api/app.ts); the restore work takes
// its safety backup with takeBackup(…, "PRE_RESTORE") and reads HTML backups with readHtmlBackup.
export { backupDownloadRoute } from "./download-route.js";
export { backupScheduleWorker } from "./schedule.js";
export { takeBackup, takeBackupThen, type BackupServices } from "./run.js";
export { backupPath, ensureBackupDir } from "./files.js";
export { readHtmlBackup, type HtmlBackupRead } from "./html-read.js";
export { typedValue, type RawValue, type Manifest } from "./html-format.js";
export { backedUpTables, migrationOf, q } from "./tables.js";
export type { TableInfo, TableCount } from "./html-format.js";
export { writeSqliteSnapshot } from "./sqlite-snapshot.js";

// What other modules may use of backups (nothing here registers GraphQL types).
// Importing it registers the download route and the schedule worker (core/extensions.ts);
// app.ts does. The restore work takes its safety backup with takeBackup(…, "PRE_RESTORE")
// and reads HTML backups with readHtmlBackup.
import "./download-route.js";
import "./schedule.js";
export { takeBackup } from "./run.js";
export { readHtmlBackup, type HtmlBackupRead } from "./html-read.js";
export { typedValue, type RawValue, type Manifest } from "./html-format.js";

// BackupFormat: shared by backups (what a file is written as) and restore (what a file was read as).
import { BackupFormat } from "../../db/generated/enums.js";
import { enumFromPrisma } from "./enums.js";

export const BackupFormatEnum = enumFromPrisma("BackupFormat", BackupFormat, {
  values: {
    SQLITE: "A SQLite database file: the exact copy to restore from.",
    HTML: "One HTML document that opens in a browser: every table, the deleted rows and a manifest.",
  },
});

// BackupFormat: shared by backups (what a file is written as) and restore (what a file was read as).
import { builder } from "../../core/builder.js";

export const BackupFormatEnum = builder.enumType("BackupFormat", {
  values: {
    SQLITE: { description: "A SQLite database file: the exact copy to restore from." },
    HTML: { description: "One HTML document that opens in a browser: every table, the deleted rows and a manifest." },
  } as const,
});

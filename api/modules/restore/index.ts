// What other parts may use of restore (nothing here registers GraphQL types): the CLI's
// restore and verify will call these with the server stopped.
export { validateBackupFile, restoreBackupFile, restoreBackupToPoint, type RestoreOutcome, type RestoreServices } from "./restore.js";
export { deletedRowsPage, restoreDeletedRow } from "./deleted.js";
export { watchRestores, RESTORED_CLOSE } from "./signal.js";

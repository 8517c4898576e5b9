// What other modules may use of logs: the retention worker (started by the app).
export { logRetentionWorker, pruneRequestEntries, type PruneResult } from "./retention.js";

// What modules and app.ts may use of the job queue.
export { enqueue, JobQueue, jobsWorker, PermanentJobError, type ClaimedJob, type Completion, type DeadLetterEntry, type Failure, type JobHandler, type Tx } from "./queue.js";
export { jobRetentionWorker, pruneDoneJobs } from "./retention.js";

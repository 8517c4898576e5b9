-- The durable job queue (api/jobs). The change triggers (api/events/triggers.ts) cover it at
-- start like every other table.
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" DATETIME,
    "lockedBy" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- Every PENDING OutboxMessage, however it is written (createMany in a sale, raw SQL), queues its
-- delivery in the same statement, so the row and its job commit or roll back together.
CREATE TRIGGER "outbox_enqueue_delivery" AFTER INSERT ON "OutboxMessage" WHEN NEW."status" = 'PENDING' BEGIN
  INSERT INTO "Job" ("id", "kind", "payload", "status", "attempts", "runAt", "createdAt", "updatedAt")
  VALUES ('j' || lower(hex(randomblob(12))), 'outbox.deliver', json_object('messageId', NEW."id"), 'QUEUED', 0, NEW."nextAttemptAt",
          strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'));
END;

-- Messages still waiting when this version starts move onto the queue.
INSERT INTO "Job" ("id", "kind", "payload", "status", "attempts", "runAt", "createdAt", "updatedAt")
SELECT 'j' || lower(hex(randomblob(12))), 'outbox.deliver', json_object('messageId', "id"), 'QUEUED', "attempts", "nextAttemptAt",
       strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
FROM "OutboxMessage" WHERE "status" = 'PENDING';

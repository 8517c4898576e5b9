-- A Backup row now exists from the moment its backup starts (status RUNNING) and carries
-- its progress, so the change stream takes progress to the Backups page. Columns are added
-- in place (same result as Prisma's table redefinition, without copying the table).
ALTER TABLE "Backup" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'DONE';
ALTER TABLE "Backup" ADD COLUMN "done" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Backup" ADD COLUMN "total" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Backup" ADD COLUMN "error" TEXT;
ALTER TABLE "Backup" ADD COLUMN "finishedAt" DATETIME;

-- CreateIndex
CREATE INDEX "Backup_status_createdAt_idx" ON "Backup"("status", "createdAt");

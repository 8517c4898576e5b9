-- Printed cards leave the online pool: a print batch per printing, and the voucher's batch.
-- Columns are added in place (ADD COLUMN with a NULL default may carry a foreign key) rather
-- than by rebuilding "Voucher": dropping that table would run Transaction's ON DELETE SET NULL.

-- CreateTable
CREATE TABLE "PrintBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "allocationId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "printedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PrintBatch_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "Allocation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PrintBatch_createdAt_idx" ON "PrintBatch"("createdAt");

-- AlterTable
ALTER TABLE "Voucher" ADD COLUMN "printBatchId" TEXT REFERENCES "PrintBatch" ("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Voucher" ADD COLUMN "printedAt" DATETIME;

-- CreateIndex
CREATE INDEX "Voucher_printBatchId_idx" ON "Voucher"("printBatchId");

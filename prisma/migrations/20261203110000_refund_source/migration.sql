-- Refund: who opened it (staff, the buyer through reportProblem, or the system for a paid
-- sale that got no voucher) and when the provider confirmed it. Added columns, not a table
-- rebuild: existing rows and the change-log triggers stay as they are.
ALTER TABLE "Refund" ADD COLUMN "source" TEXT NOT NULL DEFAULT 'STAFF';
ALTER TABLE "Refund" ADD COLUMN "completedAt" DATETIME;
CREATE INDEX "Refund_status_completedAt_idx" ON "Refund"("status", "completedAt");

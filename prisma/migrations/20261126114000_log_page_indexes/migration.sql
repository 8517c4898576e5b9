-- Newest-first pages of the log filtered by model or by record walk an index already in
-- sequence order (see api/modules/logs/page-query.ts); (model, recordId, sequence) made
-- SQLite sort every entry of a model, and nothing served a record id alone.
-- DropIndex
DROP INDEX "LogEntry_model_recordId_sequence_idx";

-- CreateIndex
CREATE INDEX "LogEntry_model_sequence_idx" ON "LogEntry"("model", "sequence");

-- CreateIndex
CREATE INDEX "LogEntry_recordId_sequence_idx" ON "LogEntry"("recordId", "sequence");

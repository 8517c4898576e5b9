-- The router provisioning queue (vouchers waiting for, or failed at, a router): counted on every
-- /metrics scrape, so a partial index keeps that count small however many vouchers there are.
CREATE INDEX "Voucher_provisioning_queue_idx" ON "Voucher"("provisioning") WHERE "provisioning" IN ('PENDING', 'FAILED');

-- AlterTable
ALTER TABLE "Transaction" ADD COLUMN "buyerAddress" TEXT;
ALTER TABLE "Transaction" ADD COLUMN "buyerNetwork" TEXT;

-- CreateIndex
CREATE INDEX "Transaction_buyerAddress_status_idx" ON "Transaction"("buyerAddress", "status");

-- CreateIndex
CREATE INDEX "Transaction_buyerNetwork_status_idx" ON "Transaction"("buyerNetwork", "status");


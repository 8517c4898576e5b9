-- Dashboard aggregates (api/modules/dashboard). Derived data, not Prisma models: kept by the
-- dash_* triggers that the app installs at start from the live TIME_ZONE, rebuilt from the
-- transactions and vouchers when those triggers were missing. Not change-logged
-- (api/events/triggers.ts leaves Dashboard* tables out): the log records the sales and
-- vouchers these figures follow, and the figures can always be recomputed from them.

-- Sales figures per bucket (a local hour of TIME_ZONE, as its UTC start in unix seconds),
-- bundle and provider. "Sales" are transactions in PAID, PARTIALLY_REFUNDED or REFUNDED, at
-- their createdAt; refunds and refunded amounts count with the sale they return.
CREATE TABLE "DashboardHour" (
  "bucket" INTEGER NOT NULL,
  "allocationId" TEXT NOT NULL,
  "provider" TEXT NOT NULL,
  "sales" INTEGER NOT NULL DEFAULT 0,
  "revenueMinor" INTEGER NOT NULL DEFAULT 0,
  "refunds" INTEGER NOT NULL DEFAULT 0,
  "refundedMinor" INTEGER NOT NULL DEFAULT 0,
  "newCustomers" INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY ("bucket", "allocationId", "provider")
) WITHOUT ROWID;

-- The same per bucket only: hour-level series and sales by hour of day over long ranges.
CREATE TABLE "DashboardHourTotal" (
  "bucket" INTEGER NOT NULL PRIMARY KEY,
  "sales" INTEGER NOT NULL DEFAULT 0,
  "revenueMinor" INTEGER NOT NULL DEFAULT 0,
  "refunds" INTEGER NOT NULL DEFAULT 0,
  "refundedMinor" INTEGER NOT NULL DEFAULT 0,
  "newCustomers" INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- The same per local calendar day ("YYYY-MM-DD" in TIME_ZONE), bundle and provider.
CREATE TABLE "DashboardDay" (
  "day" TEXT NOT NULL,
  "allocationId" TEXT NOT NULL,
  "provider" TEXT NOT NULL,
  "sales" INTEGER NOT NULL DEFAULT 0,
  "revenueMinor" INTEGER NOT NULL DEFAULT 0,
  "refunds" INTEGER NOT NULL DEFAULT 0,
  "refundedMinor" INTEGER NOT NULL DEFAULT 0,
  "newCustomers" INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY ("day", "allocationId", "provider")
) WITHOUT ROWID;

-- Each buyer's (phone number's) first sale: "new customers" of a period are those whose first sale is in it.
CREATE TABLE "DashboardCustomer" (
  "phoneNumber" TEXT NOT NULL PRIMARY KEY,
  "transactionId" TEXT NOT NULL,
  "firstAt" TEXT NOT NULL,
  "allocationId" TEXT NOT NULL,
  "provider" TEXT NOT NULL
) WITHOUT ROWID;

-- Vouchers per bundle and state (AVAILABLE = free to sell, RESERVED = held by a pending sale, SOLD, DISABLED, EXPIRED).
CREATE TABLE "DashboardStock" (
  "allocationId" TEXT NOT NULL,
  "state" TEXT NOT NULL,
  "vouchers" INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY ("allocationId", "state")
) WITHOUT ROWID;

-- TIME_ZONE's UTC offsets (minutes) from each instant on (unix seconds), for local days in SQL.
CREATE TABLE "DashboardZone" (
  "startsAt" INTEGER NOT NULL PRIMARY KEY,
  "offsetMinutes" INTEGER NOT NULL
) WITHOUT ROWID;

-- What the aggregates were built for (zone, trigger version).
CREATE TABLE "DashboardMeta" (
  "key" TEXT NOT NULL PRIMARY KEY,
  "value" TEXT NOT NULL
) WITHOUT ROWID;

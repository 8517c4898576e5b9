-- Settings an owner changes on the Settings page; no row: the environment's default.
-- Logged like every domain table: the change triggers are generated at start (api/events/triggers.ts).

-- CreateTable
CREATE TABLE "ShopSetting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

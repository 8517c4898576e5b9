// Applies prisma/migrations at start so `npm start` works on a fresh clone.
// Rows go into Prisma's own _prisma_migrations table (same checksum scheme), so the
// Prisma CLI sees the same history on a database the app created.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

import { migrationsDir } from "../core/paths.js";

export { migrationsDir };

/** The migrations this version ships, in order, with the checksum _prisma_migrations records. */
export function knownMigrations(dir = migrationsDir): { name: string; checksum: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, checksum: createHash("sha256").update(readFileSync(path.join(dir, name, "migration.sql"), "utf8")).digest("hex") }));
}

/** Applies the pending migrations in order; with `upTo`, stops after that one (a restore rebuilding an older schema). */
export function applyMigrations(db: Database.Database, dir = migrationsDir, upTo?: string): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
  const applied = new Set(
    (db.prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).all() as { migration_name: string }[]).map((r) => r.migration_name),
  );
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
  const done: string[] = [];
  for (const name of names) {
    if (upTo !== undefined && name > upTo) break;
    if (applied.has(name)) continue;
    const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    // Each migration and its bookkeeping row commit together or not at all. IMMEDIATE: two
    // processes opening the database at once (CLI commands) take turns instead of one failing
    // with "database is locked"; the second then finds the migration applied and skips it.
    db.transaction(() => {
      if (db.prepare(`SELECT 1 FROM _prisma_migrations WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`).get(name)) return;
      db.exec(sql);
      db.prepare(
        `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES (?, ?, ?, ?, ?, 1)`,
      ).run(randomUUID(), checksum, new Date().toISOString(), name, new Date().toISOString());
    }).immediate();
    done.push(name);
  }
  return done;
}

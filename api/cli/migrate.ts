// migrate: applies pending migrations (the server also does at start); --status only lists them.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Command } from "commander";
import { migrationsDir } from "../core/paths.js";
import { config, withDb } from "./open.js";
import { EXIT } from "./exit.js";

/** Migration folders not yet recorded as applied in the database file (all when it does not exist). */
export function pendingMigrations(dbFile: string): string[] {
  const all = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(migrationsDir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
  if (!existsSync(dbFile)) return all;
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) return all;
    const done = new Set((db.prepare(`SELECT migration_name AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).all() as { n: string }[]).map((r) => r.n));
    return all.filter((n) => !done.has(n));
  } finally {
    db.close();
  }
}

export function migrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("Apply pending database migrations (stop the server first when upgrading)")
    .option("--status", "only list pending migrations; exit 1 when there are some")
    .action(async (opts: { status?: boolean }) => {
      const cfg = config();
      const pending = pendingMigrations(cfg.dbFile);
      if (opts.status) {
        console.log(pending.length ? `${pending.length} pending migration(s):\n${pending.map((n) => `  ${n}`).join("\n")}` : "The database is up to date.");
        if (pending.length) process.exitCode = EXIT.FAILED;
        return;
      }
      await withDb(cfg, async () => {});
      console.log(pending.length ? `Applied ${pending.length} migration(s):\n${pending.map((n) => `  ${n}`).join("\n")}` : "The database is up to date.");
    });
}

// backup, restore, verify, list-backups: the arguments are fixed here so scripts and the README
// can rely on them; the work belongs to the backups module (the same takeBackup the Backups
// page and the schedule run), so a CLI backup is listed, retained and logged like any other.
import type { Command } from "commander";
import { AppError } from "../core/errors.js";
import { createLogger } from "../core/logger.js";
import { LogWriter } from "../events/log-writer.js";
import { takeBackup, type BackupServices } from "../modules/backups/index.js";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Config } from "../core/config.js";
import { ReadConnection } from "../db/reader.js";
import { restoreBackupFile, validateBackupFile, type RestoreServices } from "../modules/restore/index.js";
import { config, withDb } from "./open.js";
import { progressBar } from "./progress.js";
import { CliError, usage } from "./exit.js";

const FORMATS = { sqlite: "SQLITE", html: "HTML" } as const;

const mb = (n: number) => `${(n / 1_048_576).toFixed(n < 10_485_760 ? 2 : 1)} MB`;

export function backupCommands(program: Command): void {
  program
    .command("backup")
    .description("Write a full backup to BACKUP_DIR (works beside a running server: writes go on)")
    .option("--format <format>", "sqlite (a consistent copy of the database file) or html (readable, one section per table)", "sqlite")
    .action(async (opts: { format: string }) => {
      const format = FORMATS[opts.format.toLowerCase() as keyof typeof FORMATS];
      if (!format) throw usage(`--format must be sqlite or html, not ${opts.format}`);
      const cfg = config();
      const backup = await withDb(cfg, async (db) => {
        const log = new LogWriter(db, "cli", () => {});
        const services: BackupServices = { prisma: db.prisma, db, config: cfg, log, logger: createLogger({ logLevel: "silent" }) };
        const bar = progressBar(format === "SQLITE" ? "pages" : "rows");
        try {
          return await takeBackup(services, format, "MANUAL", { kind: "system", label: "cli" }, bar.update);
        } catch (err) {
          if (err instanceof AppError) throw new CliError(err.message);
          throw err;
        } finally {
          bar.done();
          await log.flush();
        }
      });
      console.log(`${backup.format} backup written: ${cfg.backups.dir}/${backup.fileName} (${mb(backup.sizeBytes)}, up to change #${backup.sequence}, sha256 ${backup.sha256})`);
    });
  program
    .command("list-backups")
    .description("List the backups in BACKUP_DIR, newest first")
    .option("--json", "one JSON object per line, for scripts")
    .action(async (opts: { json?: boolean }) => {
      const cfg = config();
      const rows = await withDb(cfg, (db) => db.prisma.backup.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] }));
      if (opts.json) {
        for (const b of rows) console.log(JSON.stringify({ id: b.id, createdAt: b.createdAt, format: b.format, trigger: b.trigger, status: b.status, file: b.fileName, sizeBytes: b.sizeBytes, sequence: b.sequence, sha256: b.sha256 }));
        return;
      }
      if (!rows.length) return console.log(`No backups yet in ${cfg.backups.dir}. Make one with: chillzone backup`);
      for (const b of rows) {
        const when = b.createdAt.toISOString().slice(0, 16).replace("T", " ");
        const what = b.status === "DONE" ? `${mb(b.sizeBytes).padStart(9)}  up to #${b.sequence}` : b.status === "RUNNING" ? "  being made" : `  FAILED: ${b.error ?? "unknown"}`;
        console.log(`${when} UTC  ${b.format.padEnd(6)}  ${b.trigger.toLowerCase().replace("_", "-").padEnd(11)}  ${what}  ${b.fileName}`);
      }
    });
  program
    .command("restore")
    .description("Replace the data with a backup, after checking all of it and taking a PRE_RESTORE safety backup (stop the server first)")
    .argument("<file>", "a SQLITE or HTML backup file")
    .option("--force", "restore even though a server answers on PORT (its open pages then show the old data until they reload)")
    .action(async (file: string, opts: { force?: boolean }) => {
      const cfg = config();
      const source = readable(file);
      if (!opts.force && (await serverAnswers(cfg.port))) throw new CliError(`A Chillzone server answers on port ${cfg.port}: stop it first (or pass --force), then restore`);
      const bar = progressBar("pages");
      const step = (name: string) => {
        bar.done();
        if (process.stderr.isTTY) process.stderr.write(`${name}…\n`);
      };
      const outcome = await withRestore(cfg, (services) => restoreBackupFile(services, source, `the file ${path.basename(source)} (CLI)`, { actor: CLI, requestId: null, origin: "cli" }, { step, backup: bar.update })).finally(() => bar.done());
      console.log(`Restored ${outcome.report.format} backup ${source}: ${outcome.tables.reduce((n, t) => n + t.rows, 0)} rows in ${outcome.tables.length} tables, up to change #${outcome.report.sequence}${outcome.report.migratedForward ? ` (migrated forward from ${outcome.report.migration})` : ""}.`);
      console.log(`The data before the restore is in ${cfg.backups.dir}/${outcome.safetyBackup.fileName} (PRE_RESTORE).`);
    });
  program
    .command("verify")
    .description("Check a backup file in full (every table, row, key and relation) and report what it holds; changes nothing")
    .argument("<file>", "a SQLITE or HTML backup file")
    .option("--json", "the report as one JSON object")
    .action(async (file: string, opts: { json?: boolean }) => {
      const cfg = config();
      const source = readable(file);
      const report = await withRestore(cfg, (services) => validateBackupFile(services, source));
      if (opts.json) return console.log(JSON.stringify(report));
      console.log(`${source}: a valid ${report.format} backup (${mb(report.sizeBytes)}), schema ${report.migration}${report.migratedForward ? " (older: migrated forward on restore)" : ""}, up to change #${report.sequence}${report.takenAt ? ` of ${report.takenAt}` : ""}.`);
      for (const t of report.tables) console.log(`  ${t.table.padEnd(22)} ${String(t.rows).padStart(9)} rows   (now ${t.currentRows})`);
    });
}

const CLI = { kind: "system", label: "cli" } as const;

function readable(file: string): string {
  const source = path.resolve(file);
  if (!existsSync(source) || !statSync(source).isFile()) throw usage(`${file} is not a file`);
  return source;
}

/** Whether something answers /healthz on this machine's PORT (a running server). */
async function serverAnswers(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(800) });
    return res.status < 500 || res.status === 503;
  } catch {
    return false;
  }
}

/** The restore module's services as the CLI has them: the database, a reader, the log. AppErrors become one line. */
async function withRestore<T>(cfg: Config, fn: (services: RestoreServices) => Promise<T>): Promise<T> {
  return withDb(cfg, async (db) => {
    const log = new LogWriter(db, "cli", () => {});
    const reader = new ReadConnection(cfg.dbFile);
    const services: RestoreServices = { prisma: db.prisma, db, config: cfg, log, logger: createLogger({ logLevel: "silent" }), reader };
    try {
      return await fn(services);
    } catch (err) {
      if (err instanceof AppError) throw new CliError(err.message);
      throw err;
    } finally {
      reader.close();
      await log.flush();
    }
  });
}

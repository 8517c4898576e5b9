// backup, restore, verify, list-backups: the arguments are fixed here so scripts and the README
// can rely on them; the work belongs to the backups module (the same takeBackup the Backups
// page and the schedule run), so a CLI backup is listed, retained and logged like any other.
import type { Command } from "commander";
import { AppError } from "../core/errors.js";
import { createLogger } from "../core/logger.js";
import { LogWriter } from "../events/log-writer.js";
import { takeBackup, type BackupServices } from "../modules/backups/index.js";
import { config, withDb } from "./open.js";
import { progressBar } from "./progress.js";
import { CliError, EXIT, usage } from "./exit.js";

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
    .description("Replace the database with a backup (the server must be stopped)")
    .argument("<file>", "the backup file")
    .action(() => {
      throw new CliError("restore is not in this version of Chillzone. Until then, stop the server and copy a SQLITE backup over DATA_DIR/chillzone.db (removing its -wal and -shm files).", EXIT.UNAVAILABLE);
    });
  program
    .command("verify")
    .description("Check that a backup file is complete and readable")
    .argument("<file>", "the backup file")
    .action(() => {
      throw new CliError("verify is not in this version of Chillzone.", EXIT.UNAVAILABLE);
    });
}

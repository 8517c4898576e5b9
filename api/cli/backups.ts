// backup, restore, verify, list-backups: the commands and their arguments are fixed here so
// scripts and the README can rely on them; the work itself belongs to the backups module,
// which this version does not have yet. Each exits UNAVAILABLE (3) with a plain message.
import type { Command } from "commander";
import { CliError, EXIT } from "./exit.js";

const missing = (what: string) =>
  new CliError(`${what} needs the backups module, which this version of Chillzone does not include yet. Until then, stop the server and copy DATA_DIR (chillzone.db with its -wal file) to another disk.`, EXIT.UNAVAILABLE);

export function backupCommands(program: Command): void {
  program
    .command("backup")
    .description("Write a backup of the database to BACKUP_DIR")
    .option("--format <format>", "sqlite (a consistent copy of the file) or json (an export)", "sqlite")
    .action((opts: { format: string }) => {
      if (!["sqlite", "json"].includes(opts.format)) throw new CliError(`--format must be sqlite or json, not ${opts.format}`, EXIT.USAGE);
      throw missing("backup");
    });
  program
    .command("restore")
    .description("Replace the database with a backup (the server must be stopped)")
    .argument("<file>", "the backup file")
    .action(() => {
      throw missing("restore");
    });
  program
    .command("verify")
    .description("Check that a backup file is complete and readable")
    .argument("<file>", "the backup file")
    .action(() => {
      throw missing("verify");
    });
  program
    .command("list-backups")
    .description("List the backups in BACKUP_DIR, newest first")
    .action(() => {
      throw missing("list-backups");
    });
}

// vouchers import FILE: the router's hotspot user export into a bundle's pool, all or nothing,
// as the dashboard's import does (same reader, same insert).
import { readFileSync, statSync } from "node:fs";
import type { Command } from "commander";
import { AppError } from "../core/errors.js";
import { insertVouchers, readVoucherCsv } from "../modules/vouchers/index.js";
import { config, withDb } from "./open.js";
import { CliError } from "./exit.js";

export function voucherCommands(program: Command): void {
  const vouchers = program.command("vouchers").description("Voucher pool work");
  vouchers
    .command("import")
    .description("Import a CSV exported from the router (header Login,Password,Uptime Limit) into a bundle")
    .argument("<file>", "the CSV file")
    .requiredOption("--bundle <code>", "the bundle (allocation) code the vouchers belong to")
    .action(async (file: string, opts: { bundle: string }) => {
      let text: string;
      try {
        if (statSync(file).size > 5_000_000) throw new CliError(`${file} is larger than 5 MB: split it`);
        text = readFileSync(file, "utf8");
      } catch (err) {
        if (err instanceof CliError) throw err;
        throw new CliError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message}`);
      }
      let rows;
      try {
        rows = readVoucherCsv(text, "file");
      } catch (err) {
        if (err instanceof AppError) throw new CliError(`${file}: ${err.message}`);
        throw err;
      }
      const result = await withDb(config(), async (db) => {
        const allocation = await db.prisma.allocation.findUnique({ where: { code: opts.bundle } });
        if (!allocation) {
          const known = (await db.prisma.allocation.findMany({ select: { code: true }, take: 20, orderBy: { code: "asc" } })).map((a) => a.code);
          throw new CliError(`There is no bundle with code ${opts.bundle}${known.length ? ` (bundles: ${known.join(", ")})` : " (no bundles yet)"}`);
        }
        if (!allocation.active) throw new CliError(`${allocation.code} is not on sale: activate the bundle before adding vouchers to it`);
        return insertVouchers(db, { allocationId: allocation.id, source: "IMPORTED", rows, onDuplicate: "skip" });
      });
      console.log(`Imported ${result.ids.length} voucher(s) into ${opts.bundle}${result.skipped ? `; ${result.skipped} skipped (already in the pool or repeated)` : ""}.`);
    });
}

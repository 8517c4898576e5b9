// Restore time and peak memory: a backup of N vouchers in each format restored into a shop's
// database by restoreBackupFile, the same function the API and `chillzone restore` call (every
// check, the PRE_RESTORE safety copy of the data it replaces, the swap). Each restore runs in
// its own process, so its peak RSS (getrusage maxrss) is that restore's alone. The database
// restored into holds 1,000 vouchers, so the safety copy is small and the time is the restore's.
// Appends a section to bench/RESULTS.md.
//
//   npx tsx bench/restore.ts                      # 100,000 and 1,000,000 rows
//   npx tsx bench/restore.ts --sizes 100000 --no-write
import { execFileSync } from "node:child_process";
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { seedVouchers } from "./seed-vouchers.js";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

type Result = { format: string; ms: number; candidateMs: number; baselineMb: number; peakMb: number; sizeBytes: number; rows: number };

if (process.argv[2] === "--child") {
  // One restore, measured: argv = --child <format> <backupFile> <dataDir>
  const [format, file, dataDir] = process.argv.slice(3) as [string, string, string];
  const { loadConfig } = await import("../api/core/config.js");
  const { createLogger } = await import("../api/core/logger.js");
  const { openDatabase } = await import("../api/db/client.js");
  const { ReadConnection } = await import("../api/db/reader.js");
  const { LogWriter } = await import("../api/events/log-writer.js");
  const { restoreBackupFile, validateBackupFile } = await import("../api/modules/restore/index.js");
  const config = loadConfig({ NODE_ENV: "production", DATA_DIR: dataDir, LOG_LEVEL: "silent", BACKUP_SCHEDULE: "off" });
  const db = await openDatabase(config.dbFile, "bench");
  const log = new LogWriter(db, "bench", () => {});
  const reader = new ReadConnection(config.dbFile);
  const services = { prisma: db.prisma, db, config, log, logger: createLogger({ logLevel: "silent" }), reader };
  const baselineMb = process.resourceUsage().maxRSS / 1024;
  // The dry run alone (what validateBackup costs), then the whole restore.
  const v0 = performance.now();
  await validateBackupFile(services, file);
  const candidateMs = performance.now() - v0;
  const t0 = performance.now();
  const out = await restoreBackupFile(services, file, "bench", { actor: { kind: "system", label: "bench" }, requestId: null, origin: "bench" });
  const ms = performance.now() - t0;
  await log.flush();
  reader.close();
  await db.close();
  const rows = out.tables.reduce((n, t) => n + t.rows, 0);
  const r: Result = { format, ms, candidateMs, baselineMb, peakMb: process.resourceUsage().maxRSS / 1024, sizeBytes: statSync(file).size, rows };
  console.log(JSON.stringify(r));
  process.exit(0);
}

const sizes = arg("sizes", "100000,1000000").split(",").map(Number);
const write = !process.argv.includes("--no-write");

const lines: string[] = [];
const startLoad = loadavg()[0]!;
for (const n of sizes) {
  const dir = mkdtempSync(path.join(tmpdir(), "cz-bench-restore-"));
  const source = path.join(dir, "source.db");
  await seedVouchers(source, n);
  const { writeSqliteSnapshot } = await import("../api/modules/backups/sqlite-snapshot.js");
  const { writeHtmlBackup } = await import("../api/modules/backups/html-write.js");
  const files = { SQLITE: path.join(dir, "backup.db"), HTML: path.join(dir, "backup.html") };
  const live = new Database(source);
  await writeSqliteSnapshot(live, files.SQLITE, () => {});
  live.close();
  await writeHtmlBackup(source, files.HTML, () => {});
  const shop = path.join(dir, "shop.db");
  await seedVouchers(shop, 1_000);
  for (const format of ["SQLITE", "HTML"] as const) {
    const dataDir = path.join(dir, `restore-${format}`);
    mkdirSync(dataDir);
    copyFileSync(shop, path.join(dataDir, "chillzone.db"));
    const out = execFileSync(process.execPath, ["--import", "tsx", import.meta.filename, "--child", format, files[format], dataDir], { encoding: "utf8", maxBuffer: 1 << 20 });
    const r = JSON.parse(out.trim().split("\n").at(-1)!) as Result;
    const line = `| ${n.toLocaleString("en")} | ${format} | ${(r.sizeBytes / 1_048_576).toFixed(1)} | ${(r.candidateMs / 1000).toFixed(2)} | ${(r.ms / 1000).toFixed(2)} | ${r.peakMb.toFixed(0)} | ${r.baselineMb.toFixed(0)} | ${r.rows.toLocaleString("en")} |`;
    console.log(line);
    lines.push(line);
    rmSync(dataDir, { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
}

if (write) {
  const section = `
## Restore (SQLITE and HTML)

\`npx tsx bench/restore.ts --sizes ${sizes.join(",")}\`: a backup of N vouchers (plus the app's other tables, empty) in each
format, restored by \`restoreBackupFile\` (what \`restoreBackup\` and \`chillzone restore\` run) into a shop database of
1,000 vouchers, each in its own process. "check" = \`validateBackupFile\` alone (the dry run: the candidate database built
and checked, then dropped); "restore" = the whole restore (candidate again, PRE_RESTORE safety copy, swap in one
transaction, dashboard rebuilt). Peak = the process's maximum RSS, baseline = its RSS before (Node, tsx, modules, Prisma).

- Machine: \`${execFileSync("uname", ["-a"], { encoding: "utf8" }).trim()}\`
- CPU: ${cpus()[0]?.model} (${cpus().length} cores)
- Node: ${process.version}
- Date: ${new Date().toISOString()}
- Load average (1 min) at start / end: ${startLoad.toFixed(2)} / ${loadavg()[0]!.toFixed(2)} (the machine is shared with other work)

| Rows | Format | file MB | check s | restore s | peak RSS MB | baseline MB | rows restored |
|---:|---|---:|---:|---:|---:|---:|---:|
${lines.join("\n")}
`;
  appendFileSync(new URL("./RESULTS.md", import.meta.url), section);
}

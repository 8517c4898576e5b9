// Full backup time and peak memory: SQLITE (online backup API) and HTML (streamed), at
// 100,000 and 1,000,000 vouchers. Each measurement runs in its own child process, so its
// peak RSS (getrusage maxrss) is that format's alone. Appends a section to bench/RESULTS.md.
//
//   npx tsx bench/backups.ts                      # 100,000 and 1,000,000 rows
//   npx tsx bench/backups.ts --sizes 100000 --no-write
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { seedVouchers as seed } from "./seed-vouchers.js";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

type Result = { format: string; ms: number; baselineMb: number; peakMb: number; sizeBytes: number; rows: number };

if (process.argv[2] === "--child") {
  // One backup, measured: argv = --child <format> <dbFile> <dest>
  const [format, dbFile, dest] = process.argv.slice(3) as [string, string, string];
  const { writeSqliteSnapshot } = await import("../api/modules/backups/sqlite-snapshot.js");
  const { writeHtmlBackup } = await import("../api/modules/backups/html-write.js");
  const live = new Database(dbFile);
  live.pragma("journal_mode = WAL");
  const baselineMb = process.resourceUsage().maxRSS / 1024;
  const t0 = performance.now();
  let rows = 0;
  if (format === "SQLITE") rows = (await writeSqliteSnapshot(live, dest, () => {})).tables.reduce((n, t) => n + t.rows, 0);
  else rows = (await writeHtmlBackup(dbFile, dest, () => {})).tables.reduce((n, t) => n + t.rows, 0);
  const ms = performance.now() - t0;
  live.close();
  const r: Result = { format, ms, baselineMb, peakMb: process.resourceUsage().maxRSS / 1024, sizeBytes: statSync(dest).size, rows };
  console.log(JSON.stringify(r));
  process.exit(0);
}

const sizes = arg("sizes", "100000,1000000").split(",").map(Number);
const write = !process.argv.includes("--no-write");

const lines: string[] = [];
const startLoad = loadavg()[0]!;
for (const n of sizes) {
  const dir = mkdtempSync(path.join(tmpdir(), "cz-bench-backups-"));
  const dbFile = path.join(dir, "chillzone.db");
  await seed(dbFile, n);
  for (const format of ["SQLITE", "HTML"]) {
    const dest = path.join(dir, `backup.${format.toLowerCase()}`);
    const out = execFileSync(process.execPath, ["--import", "tsx", import.meta.filename, "--child", format, dbFile, dest], { encoding: "utf8", maxBuffer: 1 << 20 });
    const r = JSON.parse(out.trim().split("\n").at(-1)!) as Result;
    const line = `| ${n.toLocaleString("en")} | ${format} | ${(r.ms / 1000).toFixed(2)} | ${r.peakMb.toFixed(0)} | ${r.baselineMb.toFixed(0)} | ${(r.sizeBytes / 1_048_576).toFixed(1)} |`;
    console.log(line);
    lines.push(line);
    rmSync(dest, { force: true });
  }
  rmSync(dir, { recursive: true, force: true });
}

if (write) {
  const section = `
## Full backups (SQLITE and HTML)

\`npx tsx bench/backups.ts --sizes ${sizes.join(",")}\`: a database of N vouchers (plus the app's other tables, empty), backed up by
\`writeSqliteSnapshot\` (SQLite's online backup API, 1,000 pages per step) and \`writeHtmlBackup\` (one read transaction,
rows streamed to the file with backpressure), each in its own process; peak = the process's maximum RSS, baseline = its RSS
before the backup (Node, tsx and the modules loaded).

- Machine: \`${execFileSync("uname", ["-a"], { encoding: "utf8" }).trim()}\`
- CPU: ${cpus()[0]?.model} (${cpus().length} cores)
- Node: ${process.version}
- Date: ${new Date().toISOString()}
- Load average (1 min) at start / end: ${startLoad.toFixed(2)} / ${loadavg()[0]!.toFixed(2)} (the machine is shared with other work)

| Rows | Format | seconds | peak RSS MB | baseline MB | file MB |
|---:|---|---:|---:|---:|---:|
${lines.join("\n")}
`;
  appendFileSync(new URL("./RESULTS.md", import.meta.url), section);
}

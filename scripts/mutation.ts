// npm run mutation [-- settlement authorization triggers refunds journal]: mutation testing with StrykerJS,
// one module at a time (stryker/<module>.config.mjs), then each module's score from its
// JSON report. Slow (minutes per module): not part of `npm test`. MUTATION.md holds the
// recorded scores and what every surviving mutant means.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const modules = ["settlement", "authorization", "triggers", "refunds", "journal"];
const asked = process.argv.slice(2);
const unknown = asked.filter((m) => !modules.includes(m));
if (unknown.length) {
  console.error(`Unknown module ${unknown.join(", ")}: choose from ${modules.join(", ")}`);
  process.exit(2);
}

type Report = { files: Record<string, { mutants: { status: string }[] }> };
const detected = new Set(["Killed", "Timeout"]);
const undetected = new Set(["Survived", "NoCoverage"]);

let failed = false;
const rows: string[] = [];
for (const m of asked.length ? asked : modules) {
  const run = spawnSync("npx", ["stryker", "run", `stryker/${m}.config.mjs`], { stdio: "inherit" });
  if (run.status !== 0) failed = true;
  const file = `reports/mutation/${m}.json`;
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, "utf8")) as Report;
  for (const [name, f] of Object.entries(report.files)) {
    const k = f.mutants.filter((x) => detected.has(x.status)).length;
    const s = f.mutants.filter((x) => undetected.has(x.status)).length;
    const score = k + s ? ((100 * k) / (k + s)).toFixed(1) : "n/a";
    rows.push(`${m.padEnd(14)} ${name.padEnd(40)} ${String(k).padStart(6)} ${String(s).padStart(9)} ${score.padStart(7)}%`);
  }
}
console.log(`\n${"module".padEnd(14)} ${"file".padEnd(40)} ${"killed".padStart(6)} ${"survived".padStart(9)} ${"score".padStart(8)}`);
for (const r of rows) console.log(r);
process.exit(failed ? 1 : 0);

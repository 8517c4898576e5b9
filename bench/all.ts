// npm run bench [-- name ...]: every benchmark (each `bench:<name>` script in package.json), one
// after the other so they do not load the machine for each other. Each writes its own section
// of bench/RESULTS.md; this prints how each run ended and how long it took.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "package.json"), "utf8")) as { scripts: Record<string, string> };
const all = Object.keys(pkg.scripts).filter((s) => s.startsWith("bench:")).map((s) => s.slice("bench:".length));
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !all.includes(a));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(", ")}: choose from ${all.join(", ")}`);
  process.exit(2);
}
const rows: string[] = [];
let failed = false;
for (const name of asked.length ? asked : all) {
  console.log(`\n=== bench:${name}`);
  const t0 = Date.now();
  const run = spawnSync("npm", ["run", "-s", `bench:${name}`], { stdio: "inherit" });
  const ok = run.status === 0;
  failed ||= !ok;
  rows.push(`${name.padEnd(14)} ${ok ? "ok    " : `exit ${run.status ?? run.signal}`} ${((Date.now() - t0) / 1000).toFixed(0).padStart(6)} s`);
}
console.log(`\n${rows.join("\n")}`);
process.exit(failed ? 1 : 0);

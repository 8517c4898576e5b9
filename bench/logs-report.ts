// Shared by bench/logs.ts and bench/events.ts: machine facts and writing one section of
// bench/RESULTS.md (other sections are left as they are).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";

const loadAtStart = loadavg()[0]!;

export function machine(): string {
  let uname = "";
  try {
    uname = execFileSync("uname", ["-a"], { encoding: "utf8" }).trim();
  } catch {
    uname = `${process.platform} ${process.arch}`;
  }
  let cpu = cpus()[0]?.model ?? "unknown";
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpu;
  } catch {
    // not Linux
  }
  return [
    `- Machine: \`${uname}\``,
    `- CPU: ${cpu} (${cpus().length} cores)`,
    `- Node: ${process.version}`,
    `- Date: ${new Date().toISOString()}`,
    // Only comparable between runs on an otherwise idle machine.
    `- Load average (1 min) at start / end: ${loadAtStart.toFixed(2)} / ${loadavg()[0]!.toFixed(2)}`,
  ].join("\n");
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

/** Replaces (or appends) the section that starts with `heading` in bench/RESULTS.md. */
export function writeSection(heading: string, text: string): void {
  const file = new URL("./RESULTS.md", import.meta.url);
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const start = current.indexOf(heading);
  let next: string;
  if (start < 0) next = `${current.trimEnd()}\n\n${text.trimEnd()}\n`;
  else {
    const after = current.indexOf("\n## ", start + 1);
    next = current.slice(0, start) + text.trimEnd() + "\n" + (after < 0 ? "" : `\n${current.slice(after + 1)}`);
  }
  writeFileSync(file, next.endsWith("\n") ? next : `${next}\n`);
}

// Cold start: from spawning a start command to the first 200 from /readyz, a few runs per
// command, each with a fresh DATA_DIR (so migrations and the first admin are part of it).
//
//   npx tsx bench/cold-start.ts --label "node dist" -- node dist/main.js
//   npx tsx bench/cold-start.ts --runs 3 --label "npm start" -- npm start
//
// Prints one Markdown table row per command; the machine, date and load go above it.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../tests/helpers/redis.js";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const runs = Number(arg("runs", "5"));
const label = arg("label", "command");
const sep = process.argv.indexOf("--");
const [cmd, ...args] = process.argv.slice(sep + 1);
if (sep < 0 || !cmd) throw new Error("usage: cold-start.ts [--runs N] [--label L] -- command args...");

async function once(): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cz-cold-"));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(cmd!, args, {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", ADMIN_USERNAME: "admin", ADMIN_PASSWORD: "admin-pass-123" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${cmd} exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    // The whole process group: `npm start` runs the server as a grandchild.
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid!, "SIGTERM");
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const loadBefore = loadavg()[0]!.toFixed(2);
const times: number[] = [];
for (let i = 0; i < runs; i++) times.push(await once());
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
console.log(`# ${cpus()[0]?.model} x${cpus().length}, node ${process.version}, ${new Date().toISOString()}, load ${loadBefore} -> ${loadavg()[0]!.toFixed(2)}`);
console.log(`| ${label} | ${runs} | ${(times[0]! / 1000).toFixed(2)} | ${(median / 1000).toFixed(2)} | ${(times.at(-1)! / 1000).toFixed(2)} |`);

// Top self-time functions of a V8 .cpuprofile (node --cpu-prof), and the share by package.
//   npx tsx bench/cpu-profile-top.ts /tmp/prof/CPU.*.cpuprofile [--top 30]
import { readFileSync } from "node:fs";

type Node = { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount: number };
const file = process.argv[2]!;
const top = Number(process.argv[process.argv.indexOf("--top") + 1] || 30);
const prof = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byNode = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
const pkg = new Map<string, number>();
let total = 0;
for (let i = 0; i < prof.samples.length; i++) {
  const n = byNode.get(prof.samples[i]!)!;
  const dt = prof.timeDeltas[i] ?? 0;
  total += dt;
  const { functionName, url, lineNumber, columnNumber } = n.callFrame;
  const short = url.replace(/^file:\/\/.*?node_modules\//, "").replace(/^file:\/\/\/work\/wt\/[^/]+\//, "");
  const key = `${functionName || "(anonymous)"} ${short}:${lineNumber + 1}:${columnNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + dt);
  const p = url.includes("node_modules/") ? url.split("node_modules/").pop()!.split("/").slice(0, url.split("node_modules/").pop()!.startsWith("@") ? 2 : 1).join("/") : url.startsWith("file://") ? "(our code)" : url ? "(node internals)" : functionName;
  pkg.set(p, (pkg.get(p) ?? 0) + dt);
}
// Inclusive time: each function counted once per sample whatever its depth.
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const keyOf = (n: Node) => {
  const { functionName, url, lineNumber, columnNumber } = n.callFrame;
  const short = url.replace(/^file:\/\/.*?node_modules\//, "").replace(/^file:\/\/\/work\/wt\/[^/]+\//, "");
  return `${functionName || "(anonymous)"} ${short}:${lineNumber + 1}:${columnNumber + 1}`;
};
const inclusive = new Map<string, number>();
for (let i = 0; i < prof.samples.length; i++) {
  const dt = prof.timeDeltas[i] ?? 0;
  const seen = new Set<string>();
  for (let id: number | undefined = prof.samples[i]; id !== undefined; id = parent.get(id)) seen.add(keyOf(byNode.get(id)!));
  for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
}
const pct = (v: number) => ((100 * v) / total).toFixed(1);
console.log(`total ${(total / 1e6).toFixed(1)} s sampled`);
console.log("\n| self % | function |\n|---:|---|");
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${pct(v)} | \`${k}\` |`);
console.log("\n| self % | package |\n|---:|---|");
for (const [k, v] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`| ${pct(v)} | ${k} |`);
console.log("\n| total % | function (inclusive) |\n|---:|---|");
for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top * 2)) console.log(`| ${pct(v)} | \`${k}\` |`);

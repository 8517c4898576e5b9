// The live heap of a process, exactly: the sum of self sizes in a V8 heap snapshot (taken
// after a full GC, so unlike "heap used" it does not depend on when the last GC ran).
// Streams the snapshot's `nodes` array, so snapshots of any size are read in constant memory.
import { closeSync, createReadStream, openSync, readSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

/** Sum of the nodes' self_size in a .heapsnapshot file, in bytes. */
export async function heapSnapshotTotal(file: string): Promise<number> {
  let head = "";
  let fields: string[] | null = null;
  let inNodes = false;
  let done = false;
  let index = 0;
  let number = "";
  let total = 0;
  let selfAt = 0;
  let width = 0;
  const take = () => {
    if (number === "") return;
    if (index % width === selfAt) total += Number(number);
    index++;
    number = "";
  };
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    if (done) break;
    let text = chunk as string;
    if (!inNodes) {
      head += text;
      const m = /"node_fields":\s*\[([^\]]*)\]/.exec(head);
      const at = head.indexOf('"nodes":[');
      if (!m || at < 0) continue;
      fields = JSON.parse(`[${m[1]}]`) as string[];
      width = fields.length;
      selfAt = fields.indexOf("self_size");
      text = head.slice(at + '"nodes":['.length);
      head = "";
      inNodes = true;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) number += text[i];
      else if (c === 93) {
        take();
        done = true;
        break;
      } else take();
    }
  }
  if (!fields || selfAt < 0) throw new Error(`${file}: not a V8 heap snapshot`);
  return total;
}

/**
 * Asks a process started with --heapsnapshot-signal=SIGUSR2 for a snapshot (written to its
 * working directory `cwd`), waits until it is complete, and returns its live heap in bytes.
 * The file is removed afterwards.
 */
export async function liveHeapOf(pid: number, cwd: string, timeoutMs = 300_000): Promise<number> {
  const existing = new Set(readdirSync(cwd).filter((f) => f.endsWith(".heapsnapshot")));
  process.kill(pid, "SIGUSR2");
  const deadline = Date.now() + timeoutMs;
  let file: string | undefined;
  let lastSize = -1;
  for (;;) {
    if (Date.now() > deadline) throw new Error("no heap snapshot appeared");
    await new Promise((r) => setTimeout(r, 1000));
    file ??= readdirSync(cwd).find((f) => f.endsWith(".heapsnapshot") && !existing.has(f));
    if (!file) continue;
    const size = statSync(path.join(cwd, file)).size;
    // Done when it stopped growing and ends the JSON document.
    if (size > 0 && size === lastSize && endsDocument(path.join(cwd, file), size)) break;
    lastSize = size;
  }
  const full = path.join(cwd, file);
  try {
    return await heapSnapshotTotal(full);
  } finally {
    // BENCH_KEEP_SNAPSHOTS=1 keeps them, to compare by constructor.
    if (!process.env.BENCH_KEEP_SNAPSHOTS) rmSync(full, { force: true });
  }
}

function endsDocument(file: string, size: number): boolean {
  const fd = openSync(file, "r");
  try {
    const tail = Buffer.alloc(Math.min(16, size));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return tail.toString("utf8").trimEnd().endsWith("}");
  } finally {
    closeSync(fd);
  }
}

// The backup journal, in process: a write's entries are on the journal's disk when its
// answer arrives, concurrent writes share flushes, background writes follow within the
// tick, and a torn or short journal is repaired and caught up on start.
import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";
import { compareWithLog, journalDir, poll } from "../helpers/journal.js";
import { readFrames } from "../../api/journal/read.js";
import { segmentName } from "../../api/journal/format.js";
import { Journal } from "../../api/journal/writer.js";
import { setUpFile } from "../helpers/setup.js";

const create = `mutation Create($input: AllocationInput!) { createAllocation(input: $input) { id } }`;
let n = 0;
const input = () => ({ input: { name: `Bundle ${++n}`, priceMinor: 100 + n, dataLimitMb: 100 + n } });

let server: TestServer;
let manager: string;
setUpFile(async () => {
  server = await startTestServer({ keepData: true });
  manager = await server.tokenFor("MANAGER");
});
afterAll(() => server?.stop());

describe("backup journal", () => {
  it("holds a write's change entries when its answer arrives", async () => {
    const r = await server.gql(create, input(), { token: manager });
    expect(r.errors).toBeUndefined();
    // The global id is base64 of "Allocation:<row id>".
    const id = Buffer.from(r.data.createAllocation.id as string, "base64").toString().split(":")[1];
    // Read the files right away: no waiting, the answer itself is the promise.
    const frames = readFrames(journalDir(server.dataDir));
    expect(frames.some((f) => f.row.kind === "CREATE" && f.row.model === "Allocation" && f.row.recordId === id)).toBe(true);
    const { verification, mismatches } = compareWithLog(server.dataDir);
    expect(verification.problems).toEqual([]);
    expect(mismatches).toEqual([]);
  });

  it("lets concurrent writes share fdatasyncs (group commit)", async () => {
    const before = server.app.services.journal.status().flushes;
    const N = 30;
    const results = await Promise.all(Array.from({ length: N }, () => server.gql(create, input(), { token: manager })));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const flushes = server.app.services.journal.status().flushes - before;
    expect(flushes).toBeGreaterThan(0);
    expect(flushes).toBeLessThan(N);
  });

  it("journals writes made outside requests (the activity log) within the tick", async () => {
    const { logSequence } = server.app.services.journal.status();
    // The REQUEST entries of the writes above are written by the log writer, after the answers.
    const s = await poll("the journal to catch up with the log", () => {
      const st = server.app.services.journal.status();
      return st.lastSequence >= logSequence && st.lag === 0 && st;
    });
    expect(s.healthy).toBe(true);
    const kinds = new Set(readFrames(journalDir(server.dataDir)).map((f) => f.row.kind));
    expect(kinds.has("REQUEST")).toBe(true);
    // Far below the 64 MB segment size: one segment, and nothing has needed repairing.
    expect(s.segments).toBe(1);
    expect(s.repairs).toBe(0);
    expect(s.bytes).toBeGreaterThan(0);
    expect(s.diskFreeBytes).toBeGreaterThan(0);
  });

  it("answers a write over WebSocket only once it is journaled too", async () => {
    const client = server.ws({ authorization: manager });
    const r = await new Promise<any>((resolve, reject) => {
      let got: unknown;
      client.subscribe({ query: create, variables: input() }, { next: (v) => (got = v), error: reject, complete: () => resolve(got) });
    });
    expect(r.errors).toBeUndefined();
    const id = Buffer.from(r.data.createAllocation.id as string, "base64").toString().split(":")[1];
    expect(readFrames(journalDir(server.dataDir)).some((f) => f.row.kind === "CREATE" && f.row.recordId === id)).toBe(true);
  });

  it("shows its status to managers and admins only", async () => {
    const q = `{ journalStatus { enabled healthy error lastSequence logSequence lag segments bytes diskFreeBytes flushes headHash } }`;
    expect(codesOf(await server.gql(q))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await server.gql(q, {}, { token: await server.tokenFor("STAFF") }))).toEqual(["FORBIDDEN"]);
    const r = await server.gql(q, {}, { token: manager });
    expect(r.errors).toBeUndefined();
    expect(r.data.journalStatus).toMatchObject({ enabled: true, healthy: true, error: null });
    expect(r.data.journalStatus.lastSequence).toBeGreaterThan(0);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { checks: Record<string, string> }).checks.journal).toBe("ok");
  });

  it("keeps the journal directory and segment files private", () => {
    const dir = journalDir(server.dataDir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".czj"))) expect(statSync(path.join(dir, f)).mode & 0o777).toBe(0o600);
  });

  it("on start, cuts off a torn last line and catches up what a crash left out", async () => {
    const dataDir = server.dataDir;
    await server.stop();
    const dir = journalDir(dataDir);
    const last = path.join(dir, readdirSync(dir).filter((x) => x.endsWith(".czj")).sort().at(-1)!);
    // A crash cut the journal short (the last frames never made it) and left half a line.
    const size = statSync(last).size;
    truncateSync(last, size - 300);
    appendFileSync(last, '999999 0123456789abcdef {"sequence":999999,"at":"2026-');
    expect(compareWithLog(dataDir).verification.tornBytes).toBeGreaterThan(0);
    server = await startTestServer({ dataDir, keepData: true });
    manager = await server.tokenFor("MANAGER");
    const r = await server.gql(create, input(), { token: manager });
    expect(r.errors).toBeUndefined();
    expect(server.app.services.journal.status().repairs).toBeGreaterThan(0);
    const { verification, mismatches, logMax } = compareWithLog(dataDir);
    expect(verification.problems).toEqual([]);
    expect(verification.tornBytes).toBe(0);
    expect(mismatches).toEqual([]);
    expect(verification.lastSequence).toBeGreaterThan(0);
    expect(verification.lastSequence! <= logMax).toBe(true);
  });

  it("rotates segments by size, each with a header that chains to the previous one", async () => {
    const dataDir = server.dataDir;
    await server.stop();
    server = await startTestServer({ dataDir, keepData: true, env: { JOURNAL_SEGMENT_MB: "1" } });
    manager = await server.tokenFor("MANAGER");
    // ~1 MB of log: bulk-create via many writes would be slow; big messages do it in a few.
    for (let i = 0; i < 8; i++) {
      await server.app.services.prisma.allocation.create({ data: { name: "x".repeat(150_000) + i, code: `big-${i}`, priceMinor: 1, dataLimitMb: 1 } as never });
    }
    const r = await server.gql(create, input(), { token: manager });
    expect(r.errors).toBeUndefined();
    const { verification, mismatches } = compareWithLog(dataDir);
    expect(verification.problems).toEqual([]);
    expect(mismatches).toEqual([]);
    expect(verification.segments.length).toBeGreaterThan(1);
    expect(verification.segments.every((s) => s.header?.schema && s.header.format === 1)).toBe(true);
  });
});

// After a stop, the journal of a data directory opened on its own (as the server does at
// start), to see what its first flush makes of files a crash or an operator left behind.
describe("backup journal, on files a crash or an operator left behind", () => {
  const segments = (dir: string) => readdirSync(dir).filter((x) => x.endsWith(".czj")).sort();
  /** A stopped server's data directory with a few writes journaled. */
  async function stoppedWithWrites(): Promise<string> {
    const s = await startTestServer({ keepData: true });
    const token = await s.tokenFor("MANAGER");
    for (let i = 0; i < 3; i++) expect((await s.gql(create, input(), { token })).errors).toBeUndefined();
    await s.stop();
    return s.dataDir;
  }
  const openJournal = (dataDir: string) => {
    const j = new Journal({ enabled: true, backupDir: path.join(dataDir, "backups"), dbFile: path.join(dataDir, "chillzone.db"), segmentBytes: 64 * 1024 * 1024, logger: pino({ level: "silent" }) });
    j.start();
    return j;
  };
  /** Cuts the last segment back to its header and the first half of its frames; returns the last sequence kept. */
  function cutInHalf(file: string): number {
    const lines = readFileSync(file, "utf8").split("\n").slice(0, -1);
    const keep = lines.slice(0, 1 + Math.floor((lines.length - 1) / 2));
    writeFileSync(file, keep.join("\n") + "\n");
    return Number(keep.at(-1)!.split(" ")[0]);
  }

  it("drops a last segment without a valid header (a crash while creating it) and carries on in the one before", async () => {
    const dataDir = await stoppedWithWrites();
    const dir = journalDir(dataDir);
    const kept = cutInHalf(path.join(dir, segments(dir).at(-1)!));
    const bogus = path.join(dir, segmentName(kept + 1));
    writeFileSync(bogus, "CZJ1 01234567");
    const j = openJournal(dataDir);
    try {
      await j.waitForCommitted();
      expect(j.status()).toMatchObject({ healthy: true, lag: 0 });
      expect(j.status().repairs).toBeGreaterThan(0);
    } finally {
      await j.close();
    }
    expect(existsSync(bogus)).toBe(false);
    const { verification, mismatches, logMax } = compareWithLog(dataDir);
    expect(verification.problems).toEqual([]);
    expect(mismatches).toEqual([]);
    expect(verification.lastSequence).toBe(logMax);
  });

  it("cuts off a last frame edited after it was written (still valid JSON) and writes it again from the log", async () => {
    const dataDir = await stoppedWithWrites();
    const dir = journalDir(dataDir);
    const last = path.join(dir, segments(dir).at(-1)!);
    const lines = readFileSync(last, "utf8").split("\n").slice(0, -1);
    const frame = lines.at(-1)!;
    const json = JSON.parse(frame.split(" ").slice(2).join(" "));
    lines[lines.length - 1] = frame.split(" ").slice(0, 2).join(" ") + " " + JSON.stringify({ ...json, message: `${json.message} (edited)` });
    writeFileSync(last, lines.join("\n") + "\n");
    // Without its lock file (lost, or the directory copied without it) nothing says where the
    // journal validly ends, so the first flush checks every frame from the segment's start.
    rmSync(path.join(dir, "journal.lock"));
    expect(compareWithLog(dataDir).verification.problems.length).toBeGreaterThan(0);
    const j = openJournal(dataDir);
    try {
      await j.waitForCommitted();
      expect(j.status().repairs).toBeGreaterThan(0);
    } finally {
      await j.close();
    }
    const { verification, mismatches, logMax } = compareWithLog(dataDir);
    expect(verification.problems).toEqual([]);
    expect(mismatches).toEqual([]);
    expect(verification.lastSequence).toBe(logMax);
  });

  it("checks a last segment replaced by another file (a damaged copy) from its start, not from where the old file ended", async () => {
    const dataDir = await stoppedWithWrites();
    const dir = journalDir(dataDir);
    const last = path.join(dir, segments(dir).at(-1)!);
    const size = statSync(last).size;
    // The copy has the first half of the frames, then a damaged line; it is longer than the
    // old file, so the lock file's row (where the old file validly ended) would fit it.
    const lines = readFileSync(last, "utf8").split("\n").slice(0, -1);
    const copy = `${lines.slice(0, 1 + Math.floor((lines.length - 1) / 2)).join("\n")}\n${"x".repeat(size)}\n`;
    rmSync(last);
    writeFileSync(last, copy);
    const j = openJournal(dataDir);
    try {
      await j.waitForCommitted();
      expect(j.status().repairs).toBeGreaterThan(0);
    } finally {
      await j.close();
    }
    const { verification, mismatches, logMax } = compareWithLog(dataDir);
    expect(verification.problems).toEqual([]);
    expect(mismatches).toEqual([]);
    expect(verification.lastSequence).toBe(logMax);
  });

  it("stops, saying so, when log entries it has not written yet are missing from the database (no gap in the journal)", async () => {
    const dataDir = await stoppedWithWrites();
    const dir = journalDir(dataDir);
    const last = path.join(dir, segments(dir).at(-1)!);
    const kept = cutInHalf(last);
    const db = new Database(path.join(dataDir, "chillzone.db"));
    db.prepare("DELETE FROM LogEntry WHERE sequence = ?").run(kept + 1);
    db.close();
    const size = statSync(last).size;
    const j = openJournal(dataDir);
    try {
      await expect(j.waitForCommitted()).rejects.toThrow(`log entries ${kept + 1} to ${kept + 1} are missing from the database`);
      expect(j.status().healthy).toBe(false);
    } finally {
      await j.close();
    }
    expect(statSync(last).size).toBe(size);
    expect(compareWithLog(dataDir).verification.lastSequence).toBe(kept);
  });

  it("refuses a last segment whose header names another first sequence than its file name (foreign or renamed)", async () => {
    const dataDir = await stoppedWithWrites();
    const dir = journalDir(dataDir);
    const name = segments(dir).at(-1)!;
    const first = Number(name.slice(8, 24));
    renameSync(path.join(dir, name), path.join(dir, segmentName(first + 1)));
    const j = openJournal(dataDir);
    try {
      await expect(j.waitForCommitted()).rejects.toThrow(`segment ${segmentName(first + 1)} says it starts at sequence ${first}`);
      expect(j.status().healthy).toBe(false);
    } finally {
      await j.close();
    }
  });
});

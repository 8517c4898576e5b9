// The backup journal, in process: a write's entries are on the journal's disk when its
// answer arrives, concurrent writes share flushes, background writes follow within the
// tick, and a torn or short journal is repaired and caught up on start.
import { appendFileSync, readdirSync, statSync, truncateSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";
import { compareWithLog, journalDir, poll } from "../helpers/journal.js";
import { readFrames } from "../../api/journal/read.js";
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
    expect(s.segments).toBeGreaterThan(0);
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

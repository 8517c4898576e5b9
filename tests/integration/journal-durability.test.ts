// Durability: a real server process, several clients writing at once, kill -9 at a random
// moment, restart, again and again. Every write whose answer arrived must be in the database
// and in the journal (read straight from the files, before the restart could catch anything
// up); after the last restart the journal is contiguous, every checksum holds and every frame
// equals its LogEntry row.
// Rounds: DURABILITY_ROUNDS (default 5: a process start takes 5-20 s on the shared machine;
// the 20 rounds is `DURABILITY_ROUNDS=20`).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { startProcessServer, STARTUP_MS, type ProcessServer } from "../helpers/process-server.js";
import { compareWithLog, journalDir } from "../helpers/journal.js";
import { verifyJournal } from "../../api/journal/read.js";

const ROUNDS = Number(process.env.DURABILITY_ROUNDS ?? 5);
const CLIENTS = 4;
const create = `mutation Create($input: AllocationInput!) { createAllocation(input: $input) { id } }`;
const rowId = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1]!;

const dataDir = mkdtempSync(path.join(tmpdir(), "cz-durable-"));
let server: ProcessServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("journal durability under kill -9", () => {
  it(`loses no acknowledged write over ${ROUNDS} kills`, { timeout: ROUNDS * (STARTUP_MS + 30_000) }, async () => {
    const acknowledged: string[] = [];
    let n = 0;
    for (let round = 0; round < ROUNDS; round++) {
      server = await startProcessServer({ name: `round ${round}`, dataDir });
      const token = await server.login();
      const s = server;
      let killed = false;
      const client = async () => {
        while (!killed) {
          const i = ++n;
          try {
            const r = await s.gql(create, { input: { name: `Durable ${i}`, priceMinor: 1000 + i, dataLimitMb: 1000 + i } }, { token });
            if (r.data?.createAllocation?.id && !r.errors) acknowledged.push(rowId(r.data.createAllocation.id));
          } catch {
            // the connection died with the process: not acknowledged
          }
        }
      };
      const clients = Array.from({ length: CLIENTS }, client);
      // Kill at a random moment once writes are flowing: after 1 to 40 more acknowledgements.
      const target = acknowledged.length + 1 + Math.floor(Math.random() * 40);
      while (acknowledged.length < target && s.child.exitCode === null) await new Promise((r) => setImmediate(r));
      await new Promise((r) => setTimeout(r, Math.random() * 20));
      const exited = new Promise((r) => s.child.once("exit", r));
      s.child.kill("SIGKILL");
      await exited;
      killed = true;
      await Promise.all(clients);
      server = undefined;

      // Before anything restarts: the files alone must hold every acknowledged write.
      const inJournal = new Set<string>();
      const v = verifyJournal(journalDir(dataDir), (f) => {
        if (f.row.kind === "CREATE" && f.row.model === "Allocation" && f.row.recordId) inJournal.add(f.row.recordId);
      });
      expect(v.problems, `round ${round}`).toEqual([]);
      const missing = acknowledged.filter((id) => !inJournal.has(id));
      expect(missing, `acknowledged writes missing from the journal after kill ${round}`).toEqual([]);
      const db = new Database(path.join(dataDir, "chillzone.db"), { readonly: true });
      const inDb = new Set((db.prepare("SELECT id FROM Allocation").pluck().all() as string[]));
      db.close();
      expect(acknowledged.filter((id) => !inDb.has(id)), `acknowledged writes missing from the database after kill ${round}`).toEqual([]);
    }
    expect(acknowledged.length).toBeGreaterThan(ROUNDS);

    // One more start repairs any torn tail and catches up what the kills left unjournaled.
    server = await startProcessServer({ name: "final", dataDir });
    const token = await server.login();
    const r = await server.gql(create, { input: { name: "After", priceMinor: 7, dataLimitMb: 7 } }, { token });
    expect(r.errors).toBeUndefined();
    await server.stop();
    server = undefined;
    const { verification, mismatches, logMax } = compareWithLog(dataDir);
    expect(verification.problems).toEqual([]);
    expect(verification.tornBytes).toBe(0);
    expect(mismatches).toEqual([]);
    expect(verification.lastSequence).toBe(logMax);
    expect(verification.firstSequence).toBe(1);
  });
});

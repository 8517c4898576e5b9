// Journal faults: BACKUP_DIR gone, read-only, full. Writes fail with JOURNAL_UNAVAILABLE
// (refused before writing once the journal is known to be down), /readyz says why, and
// everything succeeds again once the directory is back, with nothing committed missing
// from the journal. The read-only and full cases need mount (root in a container); they
// are skipped where it is not allowed.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { startTestServer, type GqlResult, type TestServer } from "../helpers/server.js";
import { compareWithLog, journalDir, poll } from "../helpers/journal.js";
import { setUpFile } from "../helpers/setup.js";

const create = `mutation Create($input: AllocationInput!) { createAllocation(input: $input) { id } }`;
let n = 0;
const input = () => ({ input: { name: `Bundle ${++n}`, priceMinor: 100 + n, dataLimitMb: 100 + n } });

function canMount(): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), "cz-mnt-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], { stdio: "ignore" });
    execFileSync("umount", [dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const mounting = canMount();
const mounted: string[] = [];
const mount = (...args: string[]) => {
  execFileSync("mount", args, { stdio: "ignore" });
  mounted.push(args.at(-1)!);
};
const umount = (dir: string) => {
  execFileSync("umount", [dir], { stdio: "ignore" });
  mounted.splice(mounted.indexOf(dir), 1);
};

let server: TestServer;
let manager: string;
const readyz = async (s: TestServer) => {
  const r = await fetch(`${s.url}/readyz`);
  return { status: r.status, body: (await r.json()) as { checks: Record<string, string> } };
};
const codes = (r: GqlResult) => (r.errors ?? []).map((e) => e.extensions?.code);

/** The journal is down: a write fails clearly (first maybe after its commit, then before writing), /readyz is 503 with the reason. */
async function expectDown(s: TestServer, reason: RegExp, tries = 1) {
  // A full disk may still take a few lines into the last page of the segment.
  let first = await s.gql(create, input(), { token: manager });
  for (let i = 1; i < tries && !first.errors; i++) first = await s.gql(create, input(), { token: manager });
  expect(codes(first)).toEqual(["JOURNAL_UNAVAILABLE"]);
  expect(first.errors![0]!.message).toMatch(reason);
  const count = await s.app.services.prisma.allocation.count();
  const second = await s.gql(create, input(), { token: manager });
  expect(codes(second)).toEqual(["JOURNAL_UNAVAILABLE"]);
  expect(second.errors![0]!.extensions?.committed).toBe(false);
  expect(second.errors![0]!.message).toMatch(/Nothing was saved/);
  expect(await s.app.services.prisma.allocation.count()).toBe(count);
  const ready = await readyz(s);
  expect(ready.status).toBe(503);
  expect(ready.body.checks.journal).toMatch(reason);
  // Reads still work.
  expect((await s.gql(`{ allocations { id } }`)).errors).toBeUndefined();
}

/** The journal is back: writes succeed, /readyz is 200, the journal holds every committed entry. */
async function expectBack(s: TestServer, dataDir: string, backupDir = path.join(dataDir, "backups")) {
  const r = await s.gql(create, input(), { token: manager });
  expect(r.errors).toBeUndefined();
  expect((await readyz(s)).status).toBe(200);
  await poll("the journal to catch up", () => s.app.services.journal.status().lag === 0);
  const { verification, mismatches, logMax } = compareWithLog(dataDir, path.join(backupDir, "journal"));
  expect(verification.problems).toEqual([]);
  expect(mismatches).toEqual([]);
  expect(verification.lastSequence).toBe(logMax);
}

afterAll(async () => {
  for (const dir of [...mounted].reverse()) execFileSync("umount", ["-l", dir], { stdio: "ignore" });
  await server?.stop();
});

describe("journal faults", () => {
  // A failed start fails a test of its own (a mutation run would count skipped tests as survived).
  setUpFile(async () => {
    server = await startTestServer();
    manager = await server.tokenFor("MANAGER");
  });

  it("BACKUP_DIR removed: writes fail, then succeed once it is back", async () => {
    expect((await server.gql(create, input(), { token: manager })).errors).toBeUndefined();
    const backups = path.join(server.dataDir, "backups");
    renameSync(backups, `${backups}.away`);
    await expectDown(server, /missing/);
    renameSync(`${backups}.away`, backups);
    await expectBack(server, server.dataDir);
  });

  it("another process reading the lock file as a flush commits: the write waits its turn and succeeds", async () => {
    // Another replica's BEGIN IMMEDIATE that is about to fail holds a read lock on journal.lock
    // for a moment; a COMMIT at that moment got SQLITE_BUSY at once and the write was refused
    // ("held the journal lock for too long") although nobody held it long. Here a reader
    // holds it for 150 ms across the flush.
    const other = new Database(path.join(journalDir(server.dataDir), "journal.lock"));
    try {
      other.exec("BEGIN");
      other.prepare("SELECT * FROM tail").all();
      const released = new Promise<void>((resolve) => setTimeout(() => { other.exec("COMMIT"); resolve(); }, 150));
      const r = await server.gql(create, input(), { token: manager });
      await released;
      expect(r.errors).toBeUndefined();
      expect(compareWithLog(server.dataDir).mismatches).toEqual([]);
    } finally {
      if (other.inTransaction) other.exec("ROLLBACK");
      other.close();
    }
  });

  it("the journal directory replaced by an empty one: rebuilt from the log", async () => {
    const dir = journalDir(server.dataDir);
    rmSync(dir, { recursive: true });
    mkdirSync(dir, { mode: 0o700 });
    await expectBack(server, server.dataDir);
  });

  it.skipIf(!mounting)("BACKUP_DIR read-only: writes fail, then succeed once it is writable", async () => {
    const dir = journalDir(server.dataDir);
    mount("--bind", "-o", "ro", dir, dir);
    await expectDown(server, /read-only/);
    umount(dir);
    await expectBack(server, server.dataDir);
  });

  it.skipIf(!mounting)("backup disk full: writes fail, then succeed once there is room", async () => {
    await server.stop();
    const backupDir = mkdtempSync(path.join(tmpdir(), "cz-full-"));
    mount("-t", "tmpfs", "-o", "size=512k", "tmpfs", backupDir);
    server = await startTestServer({ env: { BACKUP_DIR: backupDir } });
    manager = await server.tokenFor("MANAGER");
    expect((await server.gql(create, input(), { token: manager })).errors).toBeUndefined();
    // Fill the disk to the last byte.
    const filler = path.join(backupDir, "filler");
    try {
      writeFileSync(filler, Buffer.alloc(1024 * 1024));
    } catch {
      // ENOSPC: what was written of it stays
    }
    await expectDown(server, /full/, 200);
    rmSync(filler);
    await expectBack(server, server.dataDir, backupDir);
    await server.stop();
    umount(backupDir);
    rmSync(backupDir, { recursive: true, force: true });
  });
});

// What api/db/client.ts relies on inside @prisma/adapter-better-sqlite3, checked on a real
// database file so an upgrade that changes any of it fails here, by name, instead of
// quietly losing a guarantee:
// - the adapter runs every statement through `client.prepare(sql)` (our statement cache);
// - it opens transactions with a plain "BEGIN" (rewritten to BEGIN IMMEDIATE);
// - a statement outside an open interactive transaction must not run inside it (our lock).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../api/db/client.js";

const dir = mkdtempSync(path.join(tmpdir(), "cz-adapter-"));
const file = path.join(dir, "seams.db");
let db: Db;
beforeAll(async () => {
  db = await openDatabase(file, "test");
});
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens a gate the test controls: a transaction waits inside until the test lets it go. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("the Prisma adapter seams db/client.ts patches", () => {
  it("statements go through the connection's prepare, and a repeated query is prepared once", async () => {
    const prepared: string[] = [];
    const original = db.sqlite.prepare.bind(db.sqlite);
    db.sqlite.prepare = ((sql: string) => {
      prepared.push(sql);
      return original(sql);
    }) as typeof db.sqlite.prepare;
    try {
      await db.prisma.allocation.findMany({ where: { code: "seam-1" } });
      const first = prepared.length;
      expect(first, "the adapter no longer prepares through client.prepare: the statement cache is bypassed").toBeGreaterThan(0);
      for (let i = 0; i < 5; i++) await db.prisma.allocation.findMany({ where: { code: `seam-${i}` } });
      expect(prepared.length, "a repeated query was prepared again: the statement cache no longer hits").toBe(first);
    } finally {
      db.sqlite.prepare = original;
    }
  });

  it("an interactive transaction holds the write lock from its start (BEGIN IMMEDIATE)", async () => {
    const other = new Database(file);
    other.pragma("busy_timeout = 0");
    const inside = gate();
    const release = gate();
    const tx = db.prisma.$transaction(async (t) => {
      await t.allocation.count(); // a read only: a deferred BEGIN would hold no write lock yet
      inside.open();
      await release.opened;
    });
    await inside.opened;
    try {
      expect(() => other.exec("BEGIN IMMEDIATE"), "another connection took the write lock: transactions no longer begin IMMEDIATE").toThrow(
        /locked|busy/i,
      );
    } finally {
      release.open();
      await tx;
      other.close();
    }
    // And once it ends, the lock is free again.
    const after = new Database(file);
    after.exec("BEGIN IMMEDIATE; ROLLBACK");
    after.close();
  });

  it("a query from outside waits for an open transaction instead of running inside it", async () => {
    const before = await db.prisma.allocation.count();
    const inside = gate();
    const release = gate();
    const tx = db.prisma
      .$transaction(async (t) => {
        await t.allocation.create({ data: { code: "seam-tx", name: "Rolled back", priceMinor: 100 } });
        inside.open();
        await release.opened;
        throw new Error("roll back");
      })
      .catch((e: Error) => e.message);
    await inside.opened;
    let outsideDone = false;
    const outside = db.prisma.allocation.count().then((n) => ((outsideDone = true), n));
    // Give the outside query every chance to run early: it must still be waiting.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(outsideDone, "a statement ran while another request's transaction was open").toBe(false);
    release.open();
    expect(await tx).toBe("roll back");
    expect(await outside, "the outside query saw (or was rolled back with) the transaction's row").toBe(before);
  });
});

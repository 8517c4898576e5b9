// db.transaction (api/db/client.ts), the one raw-transaction seam the sale's write path uses:
// all or nothing with the change records its triggers write, stamped with the caller's
// request scope, and never interleaved with a Prisma transaction on the shared connection.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../api/db/client.js";
import { runInScope } from "../../api/db/request-context.js";
import { newId } from "../../api/db/ids.js";
import { sqlDate } from "../../api/db/sql-date.js";

const dir = mkdtempSync(path.join(tmpdir(), "cz-rawtx-"));
let db: Db;
beforeAll(async () => {
  db = await openDatabase(path.join(dir, "raw.db"), "test");
});
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const INSERT = `INSERT INTO "Allocation" ("id", "code", "name", "priceMinor", "currency", "active", "createdAt", "updatedAt") VALUES (?, ?, ?, 100, 'GHS', 1, ?, ?)`;
const changesOf = (id: string) => db.sqlite.prepare(`SELECT "actorLabel", "requestId" FROM "LogEntry" WHERE "model" = 'Allocation' AND "recordId" = ?`).all(id) as { actorLabel: string; requestId: string | null }[];
const scope = { actor: { kind: "user" as const, userId: "u1", username: "clerk", role: "STAFF" as const }, requestId: "req-raw-1" };

describe("db.transaction", () => {
  it("commits its statements with change records stamped with the caller's actor and request", async () => {
    const id = newId();
    const at = sqlDate(new Date());
    const n = await runInScope(scope, () => db.transaction((sql) => sql(INSERT).run(id, `raw-${id}`, "Raw ok", at, at).changes));
    expect(n).toBe(1);
    expect(changesOf(id)).toEqual([{ actorLabel: "clerk", requestId: "req-raw-1" }]);
    // Integers come back as numbers, not the connection's BigInts.
    const row = await db.transaction((sql) => sql(`SELECT "priceMinor" FROM "Allocation" WHERE "id" = ?`).get(id) as { priceMinor: unknown });
    expect(row.priceMinor).toBe(100);
  });

  it("rolls back whole, change records included, when fn throws, and rethrows", async () => {
    const id = newId();
    const at = sqlDate(new Date());
    await expect(
      runInScope(scope, () =>
        db.transaction((sql) => {
          sql(INSERT).run(id, `raw-${id}`, "Rolled back", at, at);
          throw new Error("changed my mind");
        }),
      ),
    ).rejects.toThrow("changed my mind");
    expect(db.sqlite.prepare(`SELECT count(*) AS n FROM "Allocation" WHERE "id" = ?`).get(id)).toEqual({ n: 0n });
    expect(changesOf(id)).toEqual([]);
  });

  it("waits for an open Prisma transaction instead of running inside it", async () => {
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const started = new Promise<void>((r) => (inside = r));
    const id = newId();
    const prismaTx = db.prisma
      .$transaction(async (t) => {
        await t.allocation.count();
        inside();
        await held;
        order.push("prisma tx done");
        throw new Error("roll back the Prisma transaction");
      })
      .catch(() => undefined);
    await started;
    const at = sqlDate(new Date());
    const raw = db.transaction((sql) => {
      order.push("raw tx");
      sql(INSERT).run(id, `raw-${id}`, "After the other", at, at);
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    release();
    await Promise.all([prismaTx, raw]);
    expect(order).toEqual(["prisma tx done", "raw tx"]);
    // Committed on its own: the Prisma transaction's rollback did not take it along.
    expect(await db.prisma.allocation.count({ where: { id } })).toBe(1);
  });
});

// Bulk voucher inserts for generateVouchers and importVouchers: one SQLite transaction of
// prepared statements on the raw connection. Measured on 10,000 rows (change triggers
// included): ~0.9 s, against 2-4 s for Prisma's createMany in an interactive transaction,
// and the Prisma connection is held for that whole time either way, so shorter is better.
// The change triggers still run per row, stamped with the request's actor (cz_ctx reads the
// async request scope, which `exclusive` keeps).
import type Database from "better-sqlite3";
import type { Db } from "../../db/client.js";
import { sqlDate } from "../../db/sql-date.js";
import { newUsername } from "./credentials.js";

export type NewVoucher = { username: string; password: string; uptimeLimit: string | null };

export { newId } from "../../db/ids.js";
import { newId } from "../../db/ids.js";

const isUsernameClash = (err: unknown) =>
  (err as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE" && String((err as Error).message).includes("Voucher.username");

const MAX_RETRIES = 20;

export type InsertResult = { ids: string[]; skipped: number };

/**
 * Inserts the rows for one allocation, all or nothing.
 * onDuplicate "retry": a username already taken is redrawn (generated vouchers).
 * onDuplicate "skip": a username already taken, in the database or earlier in `rows`, is
 * left out and counted (imported vouchers keep the router's usernames).
 */
export function insertVouchers(
  db: Db,
  input: { allocationId: string; source: "GENERATED" | "IMPORTED"; rows: NewVoucher[]; onDuplicate: "retry" | "skip"; routerId?: string | null },
): Promise<InsertResult> {
  return db.exclusive((sqlite: Database.Database) => {
    const conflictClause = input.onDuplicate === "skip" ? `ON CONFLICT("username") DO NOTHING` : "";
    const stmt = sqlite.prepare(
      `INSERT INTO "Voucher" ("id", "username", "password", "allocationId", "status", "source", "routerId", "provisioning", "provisioningAttempts", "uptimeLimit", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, 'AVAILABLE', ?, ?, ?, 0, ?, ?, ?) ${conflictClause}`,
    );
    const now = sqlDate(new Date());
    // A voucher bound for a router waits to be created there as a hotspot user.
    const routerId = input.routerId ?? null;
    const provisioning = routerId ? "PENDING" : "NOT_REQUIRED";
    return sqlite.transaction(() => {
      const ids: string[] = [];
      let skipped = 0;
      for (const row of input.rows) {
        const id = newId();
        let username = row.username;
        for (let attempt = 0; ; attempt++) {
          try {
            const { changes } = stmt.run(id, username, row.password, input.allocationId, input.source, routerId, provisioning, row.uptimeLimit, now, now);
            if (changes === 1) ids.push(id);
            else skipped++;
            break;
          } catch (err) {
            // A failed statement rolls back only itself; the transaction goes on.
            if (input.onDuplicate !== "retry" || !isUsernameClash(err) || attempt >= MAX_RETRIES) throw err;
            username = newUsername();
          }
        }
      }
      return { ids, skipped };
    })();
  });
}

// Puts the aggregates' triggers in place at start and rebuilds the figures when they may be
// stale. The triggers live in the database file (like the change-log ones), so they are
// active for every writer from the moment the file is opened. They are regenerated here
// because their SQL depends on TIME_ZONE (the bucket phase, the offsets table), and because
// a migration that redefines Transaction or Voucher (Prisma's copy-and-rename) drops them.
// Whenever what is installed differs from what this process would install, every figure
// is recomputed in the same IMMEDIATE transaction, so no write can fall between the two.
import type Database from "better-sqlite3";
import { CUSTOMER_TRIGGERS, rebuildSql, triggerSql } from "./aggregate-sql.js";
import { zoneModel, type ZoneModel } from "./zone.js";

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;
const models = new Map<string, ZoneModel>();

/** The zone's bucketing, computed once per process (about 0.2 s of Intl calls). */
export function modelFor(zone: string): ZoneModel {
  let m = models.get(zone);
  if (!m) {
    try {
      m = zoneModel(zone);
    } catch (e) {
      throw new Error(`Invalid configuration:\n  TIME_ZONE: ${(e as Error).message}`);
    }
    models.set(zone, m);
  }
  return m;
}

function installedTriggers(db: Database.Database): Map<string, string> {
  const rows = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'dash\\_%' ESCAPE '\\'`).all() as { name: string; sql: string }[];
  return new Map(rows.map((r) => [r.name, r.sql]));
}

function writeZone(db: Database.Database, z: ZoneModel): void {
  db.exec(`DELETE FROM "DashboardZone"`);
  const put = db.prepare(`INSERT INTO "DashboardZone" ("startsAt", "offsetMinutes") VALUES (?, ?)`);
  for (const [at, off] of z.transitions) put.run(at, off);
  db.prepare(`INSERT OR REPLACE INTO "DashboardMeta" ("key", "value") VALUES ('zone', ?)`).run(z.zone);
}

/** The rebuild proper, inside the caller's transaction; the customer triggers are put back as they were. */
function rebuild(db: Database.Database, z: ZoneModel): void {
  const have = installedTriggers(db);
  const wanted = triggerSql(z);
  for (const name of CUSTOMER_TRIGGERS) if (have.has(name)) db.exec(`DROP TRIGGER ${q(name)}`);
  writeZone(db, z);
  for (const sql of rebuildSql(z)) db.exec(sql);
  for (const name of CUSTOMER_TRIGGERS) if (have.has(name)) db.exec(wanted.get(name)!);
}

/** Recomputes every aggregate from Transaction and Voucher (after a bulk load or a restore, and in tests). */
export function rebuildDashboard(db: Database.Database, zone: string): void {
  const z = modelFor(zone);
  db.transaction(() => rebuild(db, z)).immediate();
}

/** Installs the triggers for `zone`; true when the figures had to be rebuilt. */
export function installDashboard(db: Database.Database, zone: string): boolean {
  const z = modelFor(zone);
  const wanted = triggerSql(z);
  return db.transaction(() => {
    const have = installedTriggers(db);
    const meta = db.prepare(`SELECT "value" FROM "DashboardMeta" WHERE "key" = 'zone'`).pluck().get() as string | undefined;
    const same = meta === zone && have.size === wanted.size && [...wanted].every(([name, sql]) => have.get(name) === sql);
    if (same) return false;
    for (const name of have.keys()) db.exec(`DROP TRIGGER ${q(name)}`);
    for (const sql of wanted.values()) db.exec(sql);
    rebuild(db, z);
    return true;
  }).immediate();
}

/** Drops the triggers (bulk loads that rebuild afterwards; the next start reinstalls them). */
export function dropDashboardTriggers(db: Database.Database): void {
  for (const name of installedTriggers(db).keys()) db.exec(`DROP TRIGGER ${q(name)}`);
}

// The change stream is written by SQLite triggers, generated at start from the live
// table definitions. Why triggers and not a Prisma extension: a trigger runs inside the
// statement that changed the row, so every path that writes (create, upsert, the bulk
// createMany/updateMany/deleteMany, raw SQL, cascades and SET NULL from foreign keys)
// yields exactly one record per affected row, in the same transaction; a rollback
// removes both. An extension would miss raw SQL and cascades, and would need an extra
// read to learn which rows a bulk update touched.
//
// Actor, request id and origin come from cz_ctx(), a SQL function the app registers on
// its connection (db/client.ts) that reads the async request scope.
import type Database from "better-sqlite3";

/** Tables that are not part of the domain: the log itself, Prisma's bookkeeping, FTS shadow tables,
 * and the dashboard's aggregates (derived from logged rows by their own triggers, rebuildable
 * from them: logging them would only double every sale's log entries). */
const excluded = (name: string) =>
  name === "LogEntry" || name.startsWith("Dashboard") || name.startsWith("LogEntrySearch") || name.startsWith("_") || name.startsWith("sqlite_");

/** Columns left out of the "what changed" message: they change on every write. */
const quietColumns = new Set(["updatedAt"]);

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
// `at` never goes below the previous entry's (a clock stepped back, another writer a few
// ms ahead): the log's time order is its sequence order, which lets a time window be read
// as a sequence range (modules/logs/page-query.ts). One primary-key seek per entry.
export const LAST_AT = `(SELECT "at" FROM "LogEntry" ORDER BY "sequence" DESC LIMIT 1)`;
const now = `max(strftime('%Y-%m-%dT%H:%M:%f+00:00','now'), coalesce(${LAST_AT}, ''))`;

export function domainTables(db: Database.Database): string[] {
  const rows = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
  return rows.map((r) => r.name).filter((n) => !excluded(n));
}

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name);
}

function rowJson(cols: string[], ref: "NEW" | "OLD"): string {
  return `json_object(${cols.map((c) => `${lit(c)}, ${ref}.${q(c)}`).join(", ")})`;
}

function triggerSql(table: string, cols: string[]): string[] {
  const insert = (kind: string, recordRef: string, message: string, data: string) =>
    `INSERT INTO "LogEntry" ("at","kind","level","model","recordId","message","actorId","actorLabel","requestId","origin","data")
     VALUES (${now}, '${kind}', 'INFO', ${lit(table)}, ${recordRef}."id", ${message},
             cz_ctx('actorId'), cz_ctx('actorLabel'), cz_ctx('requestId'), cz_ctx('origin'), ${data});`;
  const changed = cols
    .filter((c) => c !== "id" && !quietColumns.has(c))
    .map((c) => `CASE WHEN OLD.${q(c)} IS NOT NEW.${q(c)} THEN ${lit(c + ", ")} ELSE '' END`)
    .join(" || ");
  const changedList = changed ? `rtrim(${changed}, ', ')` : `''`;
  return [
    `CREATE TRIGGER ${q(`cz_${table}_insert`)} AFTER INSERT ON ${q(table)} BEGIN
      ${insert("CREATE", "NEW", `${lit(`${table} created`)}`, `json_object('after', ${rowJson(cols, "NEW")})`)}
    END`,
    `CREATE TRIGGER ${q(`cz_${table}_update`)} AFTER UPDATE ON ${q(table)} BEGIN
      ${insert(
        "UPDATE",
        "NEW",
        `${lit(`${table} updated`)} || CASE WHEN ${changedList} = '' THEN '' ELSE ': ' || ${changedList} END`,
        `json_object('before', ${rowJson(cols, "OLD")}, 'after', ${rowJson(cols, "NEW")})`,
      )}
    END`,
    `CREATE TRIGGER ${q(`cz_${table}_delete`)} AFTER DELETE ON ${q(table)} BEGIN
      ${insert("DELETE", "OLD", `${lit(`${table} deleted`)}`, `json_object('before', ${rowJson(cols, "OLD")})`)}
    END`,
  ];
}

/** Drops and recreates every change trigger, so they always match the migrated tables. */
export function installChangeTriggers(db: Database.Database): string[] {
  const tables = domainTables(db);
  db.transaction(() => {
    const existing = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'cz\\_%' ESCAPE '\\'`).all() as { name: string }[];
    for (const t of existing) db.exec(`DROP TRIGGER ${q(t.name)}`);
    for (const table of tables) {
      const cols = columnsOf(db, table);
      if (!cols.includes("id")) throw new Error(`table ${table} has no id column; the change stream needs one`);
      for (const sql of triggerSql(table, cols)) db.exec(sql);
    }
    // IMMEDIATE: a deferred transaction that reads, then writes, fails at once with "database
    // is locked" when another process wrote in between (busy_timeout cannot wait for that).
  }).immediate();
  return tables;
}

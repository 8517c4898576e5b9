// Deleted rows, one by one: the log's last DELETE entry of a record that is not in its table
// now holds the row's last values (the change trigger wrote them), so it can be listed and
// brought back. Bringing back inserts those values through the app's connection, so the
// change trigger records a CREATE like any other write; a unique key or a relation that no
// longer holds is named instead.
import type Database from "better-sqlite3";
import type { Services } from "../../core/context.js";
import { AppError, ErrorCode } from "../../core/errors.js";
import type { Actor } from "../../db/request-context.js";
import { backedUpTables, q } from "../backups/index.js";

export type DeletedRow = { sequence: number; model: string; recordId: string; deletedAt: string; actorLabel: string | null; values: Record<string, unknown> };

/** Columns never shown in the list (the restore itself uses every value). */
const SECRET = /password|hash|token|secret/i;

/** Models whose deleted rows can come back: the tables a backup restores. */
export function restorableModels(sqlite: Database.Database): string[] {
  return backedUpTables(sqlite).map((t) => t.name);
}

function lastDeleteSql(extra: string): string {
  return `SELECT l."sequence", l."model", l."recordId", l."at", l."actorLabel", json_extract(l."data", '$.before') AS "values"
    FROM "LogEntry" l
    WHERE l."kind" = 'DELETE' AND l."model" IS NOT NULL AND l."recordId" IS NOT NULL ${extra}
      AND NOT EXISTS (SELECT 1 FROM "LogEntry" n WHERE n."model" = l."model" AND n."recordId" = l."recordId" AND n."sequence" > l."sequence" AND n."kind" = 'DELETE')`;
}

type Raw = { sequence: number; model: string; recordId: string; at: string; actorLabel: string | null; values: string | null };

/** A page of deleted rows, newest first, after the cursor `before` (a sequence). */
export function deletedRowsPage(services: Services, o: { model?: string | null; before?: number | null; first: number }): { rows: DeletedRow[]; hasMore: boolean } {
  const models = new Set(restorableModels(services.reader.sqlite));
  if (o.model && !models.has(o.model)) throw new AppError(ErrorCode.BAD_USER_INPUT, `${o.model} is not a table whose rows can be brought back`, { field: "model" });
  const exists = (model: string, id: string) => services.reader.value(`SELECT 1 FROM ${q(model)} WHERE id = ?`, [id]) !== undefined;
  const out: DeletedRow[] = [];
  let before = o.before ?? Number.MAX_SAFE_INTEGER;
  // Rows brought back since are skipped, so a page may need several reads; each is bounded.
  for (let round = 0; round < 20 && out.length <= o.first; round++) {
    const raw = services.reader.read<Raw>(`${lastDeleteSql(`AND l."sequence" < ? ${o.model ? `AND l."model" = ?` : ""}`)} ORDER BY l."sequence" DESC LIMIT ?`, [before, ...(o.model ? [o.model] : []), 200]);
    for (const r of raw) {
      before = r.sequence;
      if (!models.has(r.model) || exists(r.model, r.recordId)) continue;
      out.push({ sequence: r.sequence, model: r.model, recordId: r.recordId, deletedAt: r.at, actorLabel: r.actorLabel, values: shown(r.values) });
      if (out.length > o.first) break;
    }
    if (raw.length < 200) break;
  }
  return { rows: out.slice(0, o.first), hasMore: out.length > o.first };
}

function shown(values: string | null): Record<string, unknown> {
  const v = values ? (JSON.parse(values) as Record<string, unknown>) : {};
  for (const k of Object.keys(v)) if (SECRET.test(k)) v[k] = "(hidden)";
  return v;
}

/** Brings back `model` row `recordId` with its last values; returns the CREATE entry's sequence. */
export async function restoreDeletedRow(services: Services, model: string, recordId: string, actor: Actor): Promise<number> {
  const tables = backedUpTables(services.reader.sqlite);
  const table = tables.find((t) => t.name === model);
  if (!table) throw new AppError(ErrorCode.BAD_USER_INPUT, `${model} is not a table whose rows can be brought back (one of: ${tables.map((t) => t.name).join(", ")})`, { field: "model" });
  const last = services.reader.read<Raw>(`${lastDeleteSql(`AND l."model" = ? AND l."recordId" = ?`)} LIMIT 1`, [model, recordId])[0];
  if (!last?.values) throw new AppError(ErrorCode.NOT_FOUND, `The log has no deleted ${model} with id ${recordId}`, { field: "recordId" });
  const values = JSON.parse(last.values) as Record<string, unknown>;
  const cols = table.columns.map((c) => c.name).filter((c) => c in values);
  const sequence = await services.db.exclusive((sqlite) => {
    if (sqlite.prepare(`SELECT 1 FROM ${q(model)} WHERE id = ?`).get(recordId)) throw new AppError(ErrorCode.CONFLICT, `${model} ${recordId} is already back`, { reason: "exists" });
    for (const fk of sqlite.prepare(`SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)`).all(model) as { table: string; from: string; to: string }[]) {
      const v = values[fk.from];
      if (v === null || v === undefined) continue;
      if (!sqlite.prepare(`SELECT 1 FROM ${q(fk.table)} WHERE ${q(fk.to)} = ?`).get(v as never))
        throw new AppError(ErrorCode.CONFLICT, `This ${model} belongs to ${fk.table} ${String(v)}, which is gone too: bring that ${fk.table} back first`, { reason: "broken-relation", relation: fk.from });
    }
    for (const idx of sqlite.prepare(`SELECT name FROM pragma_index_list(?) WHERE "unique" = 1 AND origin != 'pk'`).all(model) as { name: string }[]) {
      const keyCols = (sqlite.prepare(`SELECT name FROM pragma_index_info(?)`).all(idx.name) as { name: string }[]).map((r) => r.name);
      if (keyCols.some((c) => values[c] === null || values[c] === undefined)) continue;
      const other = sqlite.prepare(`SELECT id FROM ${q(model)} WHERE ${keyCols.map((c) => `${q(c)} = ?`).join(" AND ")}`).get(...keyCols.map((c) => values[c] as never)) as { id: string } | undefined;
      if (other) throw new AppError(ErrorCode.CONFLICT, `Another ${model} (${other.id}) now has the same ${keyCols.join(" and ")} (${keyCols.map((c) => String(values[c])).join(", ")}): change or remove that one first`, { reason: "duplicate-key", columns: keyCols });
    }
    const v = cols.map((c) => (typeof values[c] === "boolean" ? Number(values[c]) : values[c]) as never);
    sqlite.prepare(`INSERT INTO ${q(model)} (${cols.map(q).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`).run(...v);
    return Number(sqlite.prepare(`SELECT sequence FROM "LogEntry" WHERE model = ? AND recordId = ? AND kind = 'CREATE' ORDER BY sequence DESC LIMIT 1`).pluck().get(model, recordId));
  });
  services.log.write({ kind: "BACKUP", message: `Deleted ${model} ${recordId} brought back (as it was at change #${last.sequence})`, model, recordId, actor, data: { fromSequence: last.sequence } });
  return sequence;
}

// Writes the HTML backup, streamed: rows go to the file as they are read, a chunk at a
// time with backpressure, so memory stays flat at any size.
//
// Everything is read from one read transaction on a separate read-only connection: in
// WAL mode that is one moment of the database while the app keeps writing, so the row
// counts, the sequence and the rows all agree. Layout (format version 1, see
// html-format.ts and the module README): a table of contents, one <section> per table
// with a header row of its columns and one <tr> per row (id and data-key: its primary
// key), the deleted rows, and a manifest with the checksum over all of it at the end.
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import {
  ContentHash, GENERATOR, HTML_FORMAT_VERSION, cellHtml, defaultClass, escapeHtml,
  type DeletedRow, type Manifest, type RawValue, type TableCount, type TableInfo,
} from "./html-format.js";
import { HTML_STYLE } from "./html-style.js";
import { backedUpTables, countsOf, migrationOf, q } from "./tables.js";

const CHUNK = 64 * 1024;

/** Work done between two turns given to the requests being served. */
const SLICE_MS = 20;

class Out {
  private buf = "";
  private sliceStart = performance.now();
  readonly fileHash = createHash("sha256");
  bytes = 0;
  constructor(private readonly stream: WriteStream) {}
  async write(s: string): Promise<void> {
    this.buf += s;
    if (this.buf.length >= CHUNK) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.buf) return;
    const chunk = Buffer.from(this.buf, "utf8");
    this.buf = "";
    this.fileHash.update(chunk);
    this.bytes += chunk.length;
    // The reads are synchronous: yield after every slice of work so requests are served
    // meanwhile, but not after every chunk, or the backup would crawl behind a busy shop.
    if (!this.stream.write(chunk)) await once(this.stream, "drain");
    else if (performance.now() - this.sliceStart > SLICE_MS) await new Promise((resolve) => setImmediate(resolve));
    else return;
    this.sliceStart = performance.now();
  }
  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
  }
}

/** The deleted rows the log knows of: each record's last DELETE entry, for records not in their table now. */
function deletedRowsSql(table: string): string {
  return `SELECT l."sequence", l."recordId", l."at", l."actorLabel", json_extract(l."data", '$.before') AS "values"
    FROM "LogEntry" l
    WHERE l."kind" = 'DELETE' AND l."model" = ? AND l."recordId" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM ${q(table)} t WHERE t."id" = l."recordId")
      AND NOT EXISTS (SELECT 1 FROM "LogEntry" l2 WHERE l2."recordId" = l."recordId" AND l2."sequence" > l."sequence" AND l2."kind" = 'DELETE' AND l2."model" = l."model")
    ORDER BY l."sequence"`;
}

type Written = { sequence: number; tables: TableCount[]; migration: string | null; deletedRows: number; contentSha256: string; sha256: string; sizeBytes: number };

const rowsText = (n: number) => `${n} ${n === 1 ? "row" : "rows"}`;
const when = (iso: string) => iso.replace("T", " ").replace(/\.\d+Z$/, " UTC");

export async function writeHtmlBackup(dbFile: string, dest: string, onProgress: (done: number, total: number) => void, takenAt = new Date()): Promise<Written> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  db.defaultSafeIntegers(true);
  const stream = createWriteStream(dest, { mode: 0o600, flags: "wx" });
  const out = new Out(stream);
  try {
    db.exec("BEGIN");
    // The first read fixes the snapshot; everything after reads the same moment.
    const tables = backedUpTables(db);
    const { sequence, tables: counts } = countsOf(db, tables);
    const migration = migrationOf(db);
    const deletedTotal = tables.reduce((n, t) => n + Number(db.prepare(`SELECT count(*) FROM (${deletedRowsSql(t.name)})`).pluck().get(t.name)), 0);
    const total = counts.reduce((n, c) => n + c.rows, 0) + deletedTotal;
    let done = 0;
    const step = Math.max(1, Math.floor(total / 200));
    onProgress(0, total);
    const hash = new ContentHash();
    const at = takenAt.toISOString();

    await out.write(`<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`);
    await out.write(`<meta name="generator" content="${GENERATOR}"><title>Chillzone backup ${escapeHtml(when(at))}</title><style>${HTML_STYLE}</style></head>\n<body>\n`);
    await out.write(`<header><h1>Chillzone backup</h1><p>Taken <time datetime="${at}">${escapeHtml(when(at))}</time>, up to change #${sequence}, schema ${escapeHtml(migration ?? "none")}. `);
    await out.write(`Every table of the shop's data is below; the manifest at the end lets a restore prove nothing was changed or cut off.</p></header>\n`);
    await out.write(`<nav id="contents"><h2>Contents</h2><ul>\n`);
    for (const c of counts) await out.write(`<li><a href="#t-${escapeHtml(c.table)}">${escapeHtml(c.table)}</a> <small>${rowsText(c.rows)}</small></li>\n`);
    await out.write(`<li><a href="#deleted">Deleted rows</a> <small>${rowsText(deletedTotal)}</small></li>\n<li><a href="#manifest">Manifest</a></li></ul></nav>\n<main>\n`);

    for (const t of tables) {
      hash.table(t);
      const classes = t.columns.map((c) => defaultClass(c.type));
      const keyIdx = t.key.map((k) => t.columns.findIndex((c) => c.name === k));
      const rows = counts.find((c) => c.table === t.name)!.rows;
      const name = escapeHtml(t.name);
      await out.write(`<section id="t-${name}" data-table="${name}" data-key="${escapeHtml(t.key.join(","))}">\n<h2>${name} <small>${rowsText(rows)}</small></h2>\n<div class="scroll"><table>\n<thead><tr>`);
      for (const c of t.columns) await out.write(`<th data-column="${escapeHtml(c.name)}" data-type="${escapeHtml(c.type)}">${escapeHtml(c.name)}</th>`);
      await out.write(`</tr></thead>\n<tbody>\n`);
      const stmt = db.prepare(`SELECT ${t.columns.map((c) => q(c.name)).join(", ")} FROM ${q(t.name)}`).raw(true);
      for (const values of stmt.iterate() as IterableIterator<RawValue[]>) {
        hash.row(values);
        const key = escapeHtml(keyIdx.map((i) => String(values[i])).join(","));
        let line = `<tr id="r-${name}-${key}" data-key="${key}">`;
        for (let i = 0; i < values.length; i++) line += cellHtml(values[i]!, classes[i]!);
        await out.write(`${line}</tr>\n`);
        if (++done % step === 0) onProgress(done, total);
      }
      await out.write(`</tbody></table></div>\n</section>\n`);
    }

    await out.write(`<section id="deleted" data-deleted-rows>\n<h2>Deleted rows <small>${rowsText(deletedTotal)}</small></h2>\n<p>Rows deleted since the log began that are not in their table any more, with their last values.</p>\n`);
    await out.write(`<div class="scroll"><table>\n<thead><tr><th>table</th><th>key</th><th>deleted at</th><th>by</th><th>sequence</th><th>last values</th></tr></thead>\n<tbody>\n`);
    let deletedRows = 0;
    for (const t of tables) {
      const stmt = db.prepare(deletedRowsSql(t.name));
      for (const r of stmt.iterate(t.name) as IterableIterator<{ sequence: bigint; recordId: string; at: string; actorLabel: string | null; values: string | null }>) {
        const d: DeletedRow = { table: t.name, key: r.recordId, at: r.at, by: r.actorLabel, sequence: Number(r.sequence), values: r.values };
        hash.deleted(d);
        deletedRows++;
        await out.write(
          `<tr data-table="${escapeHtml(d.table)}" data-key="${escapeHtml(d.key)}">${cellHtml(d.table, "text")}${cellHtml(d.key, "text")}${cellHtml(d.at, "text")}${cellHtml(d.by, "text")}${cellHtml(BigInt(d.sequence), "int")}${cellHtml(d.values, "text")}</tr>\n`,
        );
        if (++done % step === 0) onProgress(done, total);
      }
    }
    await out.write(`</tbody></table></div>\n</section>\n</main>\n`);
    db.exec("COMMIT");

    const manifest: Manifest = {
      format: "chillzone-backup",
      formatVersion: HTML_FORMAT_VERSION,
      migration,
      sequence,
      takenAt: at,
      tables: counts,
      deletedRows,
      contentSha256: hash.digest(),
    };
    await out.write(`<footer id="manifest"><h2>Manifest</h2><dl><dt>Format</dt><dd>chillzone-backup version ${HTML_FORMAT_VERSION}</dd>`);
    await out.write(`<dt>Schema</dt><dd>${escapeHtml(migration ?? "none")}</dd><dt>Last change</dt><dd>#${sequence}</dd><dt>Rows</dt><dd>${counts.map((c) => `${escapeHtml(c.table)} ${c.rows}`).join(", ")}</dd>`);
    await out.write(`<dt>Deleted rows</dt><dd>${deletedRows}</dd><dt>Content SHA-256</dt><dd>${manifest.contentSha256}</dd></dl>\n`);
    // JSON inside <script> is raw text: "<" escaped so no value could close the element.
    await out.write(`<script type="application/json" id="manifest-data">${JSON.stringify(manifest).replace(/</g, "\\u003c")}</script></footer>\n</body></html>\n`);
    await out.end();
    onProgress(total, total);
    return { sequence, tables: counts, migration, deletedRows, contentSha256: manifest.contentSha256, sha256: out.fileHash.digest("hex"), sizeBytes: out.bytes };
  } catch (err) {
    stream.destroy();
    throw err;
  } finally {
    if (db.inTransaction) db.exec("ROLLBACK");
    db.close();
  }
}

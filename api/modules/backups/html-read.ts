// Reads an HTML backup back to rows, streamed (htmlparser2, chunk by chunk: memory stays
// flat at any size), and proves it whole: every cell decodes to its exact SQLite value,
// the row counts match the manifest, and the content checksum over every table, row and
// deleted row matches the one the writer computed. A truncated file has no manifest, an
// edited one fails the checksum; either way readHtmlBackup rejects, after handing over the
// rows it read, so a restore loads them inside a transaction it rolls back on rejection.
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { Parser } from "htmlparser2";
import {
  ContentHash, HTML_FORMAT_VERSION, cellClasses, cellValue, defaultClass,
  type CellClass, type DeletedRow, type Manifest, type RawValue, type TableInfo,
} from "./html-format.js";

export class HtmlBackupError extends Error {}

export type HtmlBackupHandlers = {
  table?(table: TableInfo): void;
  row?(table: TableInfo, values: RawValue[]): void;
  deleted?(row: DeletedRow): void;
};

export type HtmlBackupRead = { manifest: Manifest; tables: TableInfo[]; deletedRows: number };

type Cell = { cls: CellClass; text: string };

export async function readHtmlBackup(source: string | Readable, handlers: HtmlBackupHandlers = {}): Promise<HtmlBackupRead> {
  const input = typeof source === "string" ? createReadStream(source) : source;
  const hash = new ContentHash();
  const tables: TableInfo[] = [];
  const counts = new Map<string, number>();
  let table: (TableInfo & { classes: CellClass[]; ready: boolean }) | null = null;
  let inDeleted = false;
  let inBody = false;
  let row: Cell[] | null = null;
  let cell: Cell | null = null;
  let manifestText: string | null = null;
  let inManifest = false;
  let deletedRows = 0;
  let failure: Error | null = null;

  // Where in the file: the parser's offset of the tag being read (characters from the start).
  const fail = (message: string) => {
    throw new HtmlBackupError(`${message} (at character ${parser.startIndex.toLocaleString("en")} of the file)`);
  };
  const ready = () => {
    if (!table || table.ready) return;
    table.ready = true;
    table.classes = table.columns.map((c) => defaultClass(c.type));
    hash.table(table);
    handlers.table?.(table);
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (failure) return;
        try {
          if (name === "section" && attrs["data-table"] !== undefined) {
            if (counts.has(attrs["data-table"])) fail(`table ${attrs["data-table"]} appears twice`);
            table = { name: attrs["data-table"], key: (attrs["data-key"] ?? "id").split(","), columns: [], classes: [], ready: false };
            tables.push({ name: table.name, key: table.key, columns: table.columns });
            counts.set(table.name, 0);
          } else if (name === "section" && attrs["data-deleted-rows"] !== undefined) {
            table = null;
            inDeleted = true;
          } else if (name === "th" && table && attrs["data-column"] !== undefined) {
            table.columns.push({ name: attrs["data-column"], type: attrs["data-type"] ?? "" });
          } else if (name === "tbody") {
            inBody = true;
            ready();
          } else if (name === "tr" && inBody && (table || inDeleted)) {
            row = [];
          } else if (name === "td" && row) {
            const t = attrs["data-t"];
            if (t !== undefined && !cellClasses.has(t)) fail(`unknown cell type "${t}"`);
            const def = table ? table.classes[row.length] : row.length === 4 ? "int" : "text";
            if (!def) fail(`a row of ${table?.name} has more cells than the table has columns`);
            cell = { cls: (t as CellClass | undefined) ?? def!, text: "" };
          } else if (name === "script" && attrs.id === "manifest-data") {
            inManifest = true;
            manifestText = "";
          }
        } catch (err) {
          failure = err as Error;
        }
      },
      ontext(text) {
        if (cell) cell.text += text;
        else if (inManifest) manifestText += text;
      },
      onclosetag(name) {
        if (failure) return;
        try {
          if (name === "td" && cell && row) {
            row.push(cell);
            cell = null;
          } else if (name === "tr" && row) {
            const cells = row;
            row = null;
            if (table) {
              if (cells.length !== table.columns.length) fail(`a row of ${table.name} has ${cells.length} cells for ${table.columns.length} columns`);
              const values = cells.map((c) => cellValue(c.text, c.cls));
              hash.row(values);
              counts.set(table.name, counts.get(table.name)! + 1);
              handlers.row?.(table, values);
            } else if (inDeleted) {
              if (cells.length !== 6) fail(`a deleted row has ${cells.length} cells for 6`);
              const [t, key, at, by, seq, values] = cells.map((c) => cellValue(c.text, c.cls));
              const d: DeletedRow = { table: String(t), key: String(key), at: String(at), by: by === null ? null : String(by), sequence: Number(seq), values: values === null ? null : String(values) };
              hash.deleted(d);
              deletedRows++;
              handlers.deleted?.(d);
            }
          } else if (name === "tbody") {
            inBody = false;
          } else if (name === "section") {
            table = null;
            inDeleted = false;
          } else if (name === "script") {
            inManifest = false;
          }
        } catch (err) {
          failure = err as Error;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  // A multi-byte character may be split between two chunks: the decoder joins it.
  const decoder = new StringDecoder("utf8");
  const failed = () => failure as Error | null;
  for await (const chunk of input) {
    parser.write(typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer));
    if (failed()) break;
  }
  if (!failed()) {
    parser.write(decoder.end());
    parser.end();
  }
  const err = failed();
  if (err) {
    input.destroy();
    throw err instanceof HtmlBackupError ? err : new HtmlBackupError(err.message);
  }

  if (manifestText === null) throw new HtmlBackupError("The backup has no manifest: the file is cut short or is not a Chillzone HTML backup");
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestText) as Manifest;
  } catch {
    throw new HtmlBackupError("The backup's manifest is not valid JSON");
  }
  if (manifest.format !== "chillzone-backup" || manifest.formatVersion !== HTML_FORMAT_VERSION) {
    throw new HtmlBackupError(`Unsupported backup format ${manifest.format} version ${manifest.formatVersion}: this server reads version ${HTML_FORMAT_VERSION}`);
  }
  const listed = new Map(manifest.tables.map((t) => [t.table, t.rows]));
  for (const [name, rows] of counts) {
    if (listed.get(name) !== rows) throw new HtmlBackupError(`Table ${name} has ${rows} rows but the manifest says ${listed.get(name) ?? "none"}`);
  }
  for (const name of listed.keys()) if (!counts.has(name)) throw new HtmlBackupError(`Table ${name} is in the manifest but not in the document`);
  if (deletedRows !== manifest.deletedRows) throw new HtmlBackupError(`${deletedRows} deleted rows but the manifest says ${manifest.deletedRows}`);
  if (hash.digest() !== manifest.contentSha256) throw new HtmlBackupError("The backup's content does not match its checksum: it was changed after it was written");
  return { manifest, tables, deletedRows };
}

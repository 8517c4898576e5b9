// The HTML backup format, version 1: what a value looks like in a cell, shared by the writer
// (html-write.ts) and the reader (html-read.ts) so the two cannot drift apart.
//
// A cell holds the value's exact SQLite storage: NULL, INTEGER (as decimal digits, any
// size), REAL (JavaScript's shortest round-trip form), TEXT or BLOB. Each column has a
// default class from its declared type; a cell whose value has another class says so in
// `data-t`. Text that an HTML parser would not hand back unchanged (NUL, CR and other
// control characters, lone surrogates, noncharacters) is written as base64 of its UTF-8.
import { createHash, type Hash } from "node:crypto";

export const HTML_FORMAT_VERSION = 1;
export const GENERATOR = `chillzone-backup ${HTML_FORMAT_VERSION}`;

/** A value as SQLite stores it (integers always as bigint: exact past 2^53). */
export type RawValue = null | bigint | number | string | Uint8Array;

export type CellClass = "null" | "int" | "bool" | "real" | "text" | "b64" | "blob";

export type ColumnInfo = { name: string; type: string };
export type TableInfo = { name: string; columns: ColumnInfo[]; key: string[] };
export type TableCount = { table: string; rows: number };

export type Manifest = {
  format: "chillzone-backup";
  formatVersion: number;
  migration: string | null;
  sequence: number;
  takenAt: string;
  tables: TableCount[];
  deletedRows: number;
  /** SHA-256 over the canonical form of every table, row and deleted row (contentHash). */
  contentSha256: string;
};

export type DeletedRow = { table: string; key: string; at: string; by: string | null; sequence: number; values: string | null };

/** The class a column's values normally have, from its declared SQLite type. */
export function defaultClass(declared: string): CellClass {
  const t = declared.toUpperCase();
  if (t === "BOOLEAN") return "bool";
  if (t.includes("INT")) return "int";
  if (t.includes("REAL") || t.includes("FLOA") || t.includes("DOUB")) return "real";
  if (t === "BLOB") return "blob";
  return "text";
}

/** The one escaping function: every value and name written into the document passes here. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;"));
}

// Characters an HTML parser changes or drops: C0 controls but tab and LF (CR becomes LF,
// NUL becomes U+FFFD), DEL and C1 controls, noncharacters, unpaired surrogates.
const UNSAFE = /[\0-\x08\x0B-\x1F\x7F-\x9F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const realText = (v: number) => (Object.is(v, -0) ? "-0" : String(v));

export function parseReal(s: string): number {
  if (s === "-0") return -0;
  const n = Number(s);
  if (s.trim() === "" || Number.isNaN(n)) throw new Error(`"${s}" is not a number`);
  return n;
}

const base64 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("base64");

/** One `<td>` for a value in a column of class `def`. */
export function cellHtml(v: RawValue, def: CellClass): string {
  let cls: CellClass;
  let body: string;
  if (v === null) return `<td data-t="null"></td>`;
  if (typeof v === "bigint") {
    if (def === "bool" && (v === 0n || v === 1n)) return `<td>${v === 1n ? "true" : "false"}</td>`;
    cls = "int";
    body = v.toString();
  } else if (typeof v === "number") {
    cls = "real";
    body = realText(v);
  } else if (typeof v === "string") {
    if (UNSAFE.test(v)) {
      cls = "b64";
      body = Buffer.from(v, "utf8").toString("base64");
    } else {
      cls = "text";
      body = escapeHtml(v);
    }
  } else {
    cls = "blob";
    body = base64(v);
  }
  return cls === def ? `<td>${body}</td>` : `<td data-t="${cls}">${body}</td>`;
}

/** A cell's text back to its value; `cls` is its data-t or the column's default class. */
export function cellValue(text: string, cls: CellClass): RawValue {
  switch (cls) {
    case "null":
      if (text !== "") throw new Error("a null cell holds text");
      return null;
    case "bool":
      if (text === "true") return 1n;
      if (text === "false") return 0n;
      throw new Error(`"${text}" is not true or false`);
    case "int":
      if (!/^-?\d+$/.test(text)) throw new Error(`"${text}" is not an integer`);
      return BigInt(text);
    case "real":
      return parseReal(text);
    case "text":
      return text;
    case "b64":
      return Buffer.from(text, "base64").toString("utf8");
    case "blob":
      return new Uint8Array(Buffer.from(text, "base64"));
  }
}

export const cellClasses = new Set<string>(["null", "int", "bool", "real", "text", "b64", "blob"]);

/** The canonical form the content checksum is computed over: the same whether written or read back. */
function token(v: RawValue): unknown {
  if (v === null) return null;
  if (typeof v === "bigint") return `i${v}`;
  if (typeof v === "number") return `r${realText(v)}`;
  if (typeof v === "string") return `s${v}`;
  return `b${base64(v)}`;
}

export class ContentHash {
  private h: Hash = createHash("sha256");
  table(t: TableInfo): void {
    this.h.update(`T${JSON.stringify([t.name, t.columns.map((c) => [c.name, c.type]), t.key])}\n`);
  }
  row(values: RawValue[]): void {
    this.h.update(`R${JSON.stringify(values.map(token))}\n`);
  }
  deleted(d: DeletedRow): void {
    this.h.update(`D${JSON.stringify([d.table, d.key, d.at, d.by, d.sequence, d.values])}\n`);
  }
  digest(): string {
    return this.h.digest("hex");
  }
}

/** A value as the application means it: booleans, dates, numbers (bigint past 2^53), text, bytes. */
export function typedValue(column: ColumnInfo, v: RawValue): unknown {
  const t = column.type.toUpperCase();
  if (v === null) return null;
  if (t === "BOOLEAN" && typeof v === "bigint" && (v === 0n || v === 1n)) return v === 1n;
  if (t === "DATETIME" && typeof v === "string") {
    // Prisma writes ISO 8601; SQLite's CURRENT_TIMESTAMP writes "YYYY-MM-DD HH:MM:SS" in UTC.
    const d = new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(v) ? `${v.replace(" ", "T")}Z` : v);
    return Number.isNaN(d.getTime()) ? v : d;
  }
  if (typeof v === "bigint") return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  return v;
}

// A small RFC 4180 reader for the router's user export: comma separated, fields may be
// quoted ("" is a quote inside quotes, and quoted fields may span lines), LF or CRLF, an
// optional UTF-8 byte order mark. Each record keeps the line it starts on, for messages.
import { badInput } from "../../core/errors.js";
import { routerDuration } from "../common/router-duration.js";

export type CsvRecord = { line: number; fields: string[] };

export function parseCsv(text: string, field = "csv"): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let value = "";
  let line = 1;
  let start = 1;
  let quoted = false;
  let wasQuoted = false;
  let i = 0;
  const endField = () => {
    fields.push(wasQuoted ? value : value.trim());
    value = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is not a record (files often end with one or two).
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: start, fields });
    fields = [];
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          value += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === "\n") line++;
        value += c;
      }
      i++;
      continue;
    }
    if (c === '"' && value.trim() === "" && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      value = "";
    } else if (c === '"') {
      throw badInput(`Line ${line}: a quote inside an unquoted field; quote the whole field and double the quote ("")`, field);
    } else if (c === ",") {
      endField();
    } else if (c === "\r" || c === "\n") {
      endRecord();
      if (c === "\r" && src[i + 1] === "\n") i++;
      line++;
      start = line;
    } else if (wasQuoted) {
      if (c !== " " && c !== "\t") throw badInput(`Line ${line}: text after a closing quote`, field);
    } else {
      value += c;
    }
    i++;
  }
  if (quoted) throw badInput(`Line ${start}: a quoted field is never closed`, field);
  if (value !== "" || wasQuoted || fields.length > 0) endRecord();
  return records;
}

export const MAX_IMPORT_ROWS = 10_000;

const columns = { login: "Login", password: "Password", "uptime limit": "Uptime Limit" } as const;
type Column = keyof typeof columns;
const expectedHeader = Object.values(columns).join(",");

export type ImportedVoucher = { line: number; username: string; password: string; uptimeLimit: string | null };

/**
 * The legacy import: the router's hotspot user export with the header Login,Password,Uptime Limit
 * (any case, any order; Uptime Limit may be left out). Every line is checked before anything is
 * written: the first bad one fails the whole file with its line number.
 */
export function readVoucherCsv(csv: string, field = "csv"): ImportedVoucher[] {
  const [header, ...rows] = parseCsv(csv, field);
  if (!header) throw badInput(`The file is empty: the first line must be the header ${expectedHeader}`, field);
  const index = new Map<Column, number>();
  header.fields.forEach((name, i) => {
    const key = name.trim().toLowerCase().replace(/\s+/g, " ") as Column;
    if (!(key in columns)) throw badInput(`Line ${header.line}: unknown column "${name}"; the header must be ${expectedHeader}`, field);
    if (index.has(key)) throw badInput(`Line ${header.line}: the column ${columns[key]} appears twice`, field);
    index.set(key, i);
  });
  if (!index.has("login") || !index.has("password")) {
    throw badInput(`Line ${header.line}: the header must name Login and Password (expected ${expectedHeader})`, field);
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw badInput(`The file has ${rows.length} vouchers; import at most ${MAX_IMPORT_ROWS.toLocaleString("en")} at a time`, field);
  }
  const width = header.fields.length;
  return rows.map(({ line, fields }) => {
    if (fields.length !== width) throw badInput(`Line ${line}: expected ${width} fields like the header, found ${fields.length}`, field);
    const at = (c: Column) => (index.has(c) ? fields[index.get(c)!]!.trim() : "");
    const username = at("login");
    const password = at("password");
    const uptime = at("uptime limit");
    if (!username) throw badInput(`Line ${line}: Login is empty`, field);
    if (!password) throw badInput(`Line ${line}: Password is empty`, field);
    if (username.length > 64 || /[\p{Cc}]/u.test(username)) throw badInput(`Line ${line}: "${username.slice(0, 64)}" is not a usable login`, field);
    if (password.length > 64 || /[\p{Cc}]/u.test(password)) throw badInput(`Line ${line}: the password is not usable (64 printable characters at most)`, field);
    if (uptime && !routerDuration.safeParse(uptime).success) {
      throw badInput(`Line ${line}: "${uptime}" is not a RouterOS duration such as 30m, 12h, 1d or 1w2d`, field);
    }
    return { line, username, password, uptimeLimit: uptime || null };
  });
}

// The CSV writing every export of this module shares: RFC 4180 fields with a formula guard,
// and the response head (download name, UTF-8 byte order mark, header line).
import type { ServerResponse } from "node:http";

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled.
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe: a buyer's name is typed by the public and the file is opened in Excel.
 */
export function csvField(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (values: Parameters<typeof csvField>[0][]) => `${values.map(csvField).join(",")}\r\n`;

/** Starts a CSV download: 200, the file name, no caching, then the byte order mark and the header line. */
export function csvStart(res: ServerResponse, filename: string, header: string[]): void {
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${filename}"`,
    "cache-control": "no-store",
  });
  // The byte order mark makes Excel read the file as UTF-8 (names with accents).
  res.write(`\uFEFF${csvLine(header)}`);
}

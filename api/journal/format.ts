// The journal's on-disk format: one text line per LogEntry, framed with its sequence and a
// checksum chained to the previous line, in segment files that each start with a header.
//
//   CZJ1 <hash> {"format":1,"schema":"<last migration>","firstSequence":N,"prevHash":"<hash>","createdAt":"..."}
//   <sequence> <hash> {"sequence":N,"at":"...","kind":"UPDATE",...,"data":"..."}
//
// Why a chained, truncated SHA-256 rather than a CRC32: a CRC catches a torn or garbled line
// (which is all a crash can do), and so does this; but a chained hash also makes an edit,
// a deleted line or a reordering anywhere in the journal visible at every later line, so a
// verifier holding one recent hash (the Backups page shows it; a backup records it) can prove
// nothing before it was altered. 64 bits is plenty against accidents and costs ~2 µs a line;
// it is not a signature: someone who can rewrite the whole journal can rewrite the chain.
import { createHash } from "node:crypto";
import type { LogRecord } from "../events/types.js";

export const FORMAT_VERSION = 1;
export const HEADER_TAG = "CZJ1";
/** The hash before the first line of a journal. */
export const GENESIS = "0000000000000000";
export const SEGMENT_RE = /^journal-(\d{16})\.czj$/;

/** A LogEntry row as the journal keeps it: the log's own record, with the time as ISO text and kind/level as plain strings. */
export type JournalRow = Omit<LogRecord, "at" | "kind" | "level"> & { at: string; kind: string; level: string };

export type SegmentHeader = { format: number; schema: string; firstSequence: number; prevHash: string; createdAt: string };

export const segmentName = (firstSequence: number) => `journal-${String(firstSequence).padStart(16, "0")}.czj`;

const h16 = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 16);

export function frameHash(prevHash: string, sequence: number, json: string): string {
  return h16(`${prevHash}\n${sequence} ${json}`);
}

export function encodeFrame(prevHash: string, row: JournalRow): { line: string; hash: string } {
  // Key order is fixed by the object literal, so the same row always encodes to the same line.
  const json = JSON.stringify({
    sequence: row.sequence, at: row.at, kind: row.kind, level: row.level, model: row.model, recordId: row.recordId,
    message: row.message, actorId: row.actorId, actorLabel: row.actorLabel, requestId: row.requestId, origin: row.origin, data: row.data,
  });
  const hash = frameHash(prevHash, row.sequence, json);
  return { line: `${row.sequence} ${hash} ${json}\n`, hash };
}

export function encodeHeader(h: SegmentHeader): string {
  const json = JSON.stringify(h);
  return `${HEADER_TAG} ${h16(json)} ${json}\n`;
}

/** The header of a segment, or null if the line is not a valid one. */
export function decodeHeader(line: string): SegmentHeader | null {
  const m = /^CZJ1 ([0-9a-f]{16}) (\{.*\})$/.exec(line);
  if (!m || h16(m[2]!) !== m[1]) return null;
  try {
    const h = JSON.parse(m[2]!) as SegmentHeader;
    return h.format === FORMAT_VERSION && Number.isSafeInteger(h.firstSequence) ? h : null;
  } catch {
    return null;
  }
}

export type Frame = { sequence: number; hash: string; row: JournalRow };

/**
 * A line (without its newline) checked against the previous line's hash and the sequence it
 * must carry; null if it is not that frame (torn, garbled, out of order or altered).
 */
export function decodeFrame(line: string, prevHash: string, expected: number): Frame | null {
  const a = line.indexOf(" ");
  const b = line.indexOf(" ", a + 1);
  if (a < 0 || b < 0) return null;
  const sequence = Number(line.slice(0, a));
  const hash = line.slice(a + 1, b);
  const json = line.slice(b + 1);
  if (sequence !== expected || frameHash(prevHash, sequence, json) !== hash) return null;
  try {
    const row = JSON.parse(json) as JournalRow;
    return row.sequence === sequence ? { sequence, hash, row } : null;
  } catch {
    return null;
  }
}

// Reading segment files line by line, checking every frame: used by the writer to find where
// a segment validly ends (and repair a torn tail) and by the reader/verifier.
import { closeSync, openSync, readdirSync, readSync } from "node:fs";
import path from "node:path";
import { decodeFrame, decodeHeader, SEGMENT_RE, type Frame, type SegmentHeader } from "./format.js";

const CHUNK = 1 << 20;

/** The segment files of a journal directory, oldest first (names sort by first sequence). */
export function listSegments(dir: string): string[] {
  return readdirSync(dir).filter((n) => SEGMENT_RE.test(n)).sort();
}

/** Lines of a file from `offset`, each with the byte offset just past its newline; a last line without newline is reported as `partial`. */
export function* lines(file: string, offset = 0): Generator<{ text: string; end: number } | { partial: number }> {
  const fd = openSync(file, "r");
  try {
    let pos = offset;
    let carry = Buffer.alloc(0);
    let carryStart = offset;
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, pos);
      if (n === 0) break;
      pos += n;
      let data = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
      let start = 0;
      for (;;) {
        const nl = data.indexOf(0x0a, start);
        if (nl < 0) break;
        yield { text: data.toString("utf8", start, nl), end: carryStart + nl + 1 };
        start = nl + 1;
      }
      carryStart += start;
      carry = Buffer.from(data.subarray(start));
      data = carry;
    }
    if (carry.length) yield { partial: carry.length };
  } finally {
    closeSync(fd);
  }
}

export type ScanResult = {
  header: SegmentHeader | null;
  /** Bytes of the file that are a valid header and valid frames. */
  validSize: number;
  /** Sequence and hash of the last valid frame (the header's predecessor if none). */
  lastSequence: number;
  lastHash: string;
  frames: number;
  /** Bytes after the last valid frame (a torn or garbled tail), and why the scan stopped there. */
  invalidBytes: number;
  problem: string | null;
};

/**
 * Checks a segment from its start, or from `from` (a known-valid point: offset, sequence and
 * hash of the frame ending there). Stops at the first line that is not the next valid frame.
 */
export function scanSegment(file: string, size: number, from?: { offset: number; sequence: number; hash: string }, onFrame?: (f: Frame) => void): ScanResult {
  let header: SegmentHeader | null = null;
  let offset = from?.offset ?? 0;
  let seq = from ? from.sequence : 0;
  let hash = from?.hash ?? "";
  let frames = 0;
  let problem: string | null = null;
  for (const l of lines(file, offset)) {
    if ("partial" in l) {
      problem = "the last line is incomplete (torn write)";
      break;
    }
    if (!from && !header) {
      header = decodeHeader(l.text);
      if (!header) {
        problem = "the header is missing or damaged";
        break;
      }
      seq = header.firstSequence - 1;
      hash = header.prevHash;
      offset = l.end;
      continue;
    }
    const f = decodeFrame(l.text, hash, seq + 1);
    if (!f) {
      problem = `the line after sequence ${seq} is not frame ${seq + 1} or its checksum does not hold`;
      break;
    }
    onFrame?.(f);
    seq = f.sequence;
    hash = f.hash;
    offset = l.end;
    frames++;
  }
  return { header, validSize: offset, lastSequence: seq, lastHash: hash, frames, invalidBytes: Math.max(0, size - offset), problem };
}

export const segmentPath = (dir: string, name: string) => path.join(dir, name);

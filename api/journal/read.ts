// Reading the journal back: every frame in sequence order, and a verifier that proves the
// sequences are contiguous across segments and every checksum (and the chain) holds. The
// restore issue reads frames from here for point-in-time restore.
import { statSync } from "node:fs";
import path from "node:path";
import type { Frame, SegmentHeader } from "./format.js";
import { listSegments, scanSegment } from "./segments.js";

export type Verification = {
  ok: boolean;
  segments: { name: string; header: SegmentHeader | null; firstSequence: number | null; lastSequence: number; frames: number; bytes: number }[];
  firstSequence: number | null;
  lastSequence: number | null;
  frames: number;
  /** Hash of the last valid frame. */
  headHash: string | null;
  /** Bytes after the last valid frame of the last segment (a torn write the writer repairs on its next flush). */
  tornBytes: number;
  problems: string[];
};

/**
 * Checks a journal directory (BACKUP_DIR/journal). `onFrame` sees every valid frame in
 * order, so one pass both verifies and replays (the restore reads it this way).
 */
export function verifyJournal(dir: string, onFrame?: (f: Frame) => void): Verification {
  const names = listSegments(dir);
  const out: Verification = { ok: true, segments: [], firstSequence: null, lastSequence: null, frames: 0, headHash: null, tornBytes: 0, problems: [] };
  let prev: { sequence: number; hash: string } | null = null;
  names.forEach((name, i) => {
    const file = path.join(dir, name);
    const size = statSync(file).size;
    const scan = scanSegment(file, size, undefined, onFrame);
    const h = scan.header;
    out.segments.push({ name, header: h, firstSequence: h?.firstSequence ?? null, lastSequence: scan.lastSequence, frames: scan.frames, bytes: size });
    if (!h) {
      out.problems.push(`${name}: ${scan.problem ?? "no header"}`);
      return;
    }
    if (prev && h.firstSequence !== prev.sequence + 1) out.problems.push(`${name}: starts at ${h.firstSequence}, the previous segment ended at ${prev.sequence}`);
    if (prev && h.prevHash !== prev.hash) out.problems.push(`${name}: its header does not chain to the previous segment's last frame`);
    out.firstSequence ??= h.firstSequence;
    out.frames += scan.frames;
    if (scan.invalidBytes > 0) {
      if (i === names.length - 1 && scan.problem?.includes("incomplete")) out.tornBytes = scan.invalidBytes;
      else out.problems.push(`${name}: ${scan.problem} (${scan.invalidBytes} bytes not valid)`);
    }
    prev = { sequence: scan.lastSequence, hash: scan.lastHash };
  });
  const last = prev as { sequence: number; hash: string } | null;
  out.lastSequence = last && out.firstSequence !== null ? last.sequence : null;
  out.headHash = last?.hash ?? null;
  out.ok = out.problems.length === 0;
  return out;
}

/** Every valid frame of the journal, in sequence order, optionally from a sequence on. */
export function readFrames(dir: string, fromSequence = 0): Frame[] {
  const frames: Frame[] = [];
  verifyJournal(dir, (f) => {
    if (f.sequence >= fromSequence) frames.push(f);
  });
  return frames;
}

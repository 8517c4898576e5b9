// The journal's frame format on its own: a line is accepted only as the frame it must be, the
// next sequence chained to the previous line's hash, unaltered. The writer's torn-tail repair
// and the verifier both stop at the first line that is not (api/journal/segments.ts).
import { describe, expect, it } from "vitest";
import { decodeFrame, encodeFrame, frameHash, GENESIS, type JournalRow } from "../../api/journal/format.js";

const row = (sequence: number, message = `entry ${sequence}`): JournalRow => ({
  sequence, at: "2026-12-04T10:00:00.000Z", kind: "UPDATE", level: "INFO", model: "Voucher", recordId: `v${sequence}`,
  message, actorId: null, actorLabel: "admin", requestId: "r1", origin: "p1", data: JSON.stringify({ before: { n: sequence - 1 }, after: { n: sequence } }),
});
const strip = (line: string) => line.slice(0, -1); // without its newline

describe("journal frames", () => {
  const one = encodeFrame(GENESIS, row(1));
  const two = encodeFrame(one.hash, row(2));

  it("decode what they encode, chained: each line's hash covers the previous hash, its sequence and its JSON", () => {
    expect(one.line.endsWith("\n")).toBe(true);
    expect(one.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(one.hash).toBe(frameHash(GENESIS, 1, strip(one.line).split(" ").slice(2).join(" ")));
    expect(decodeFrame(strip(one.line), GENESIS, 1)).toEqual({ sequence: 1, hash: one.hash, row: row(1) });
    expect(decodeFrame(strip(two.line), one.hash, 2)).toEqual({ sequence: 2, hash: two.hash, row: row(2) });
    // The same row after another line hashes differently: the chain makes every later line depend on it.
    expect(encodeFrame(two.hash, row(2)).hash).not.toBe(two.hash);
  });

  it("refuse a line edited after it was written, even one that is still valid JSON of the same sequence", () => {
    const edited = strip(one.line).replace('"message":"entry 1"', '"message":"entry 9"');
    expect(edited).not.toBe(strip(one.line));
    expect(() => JSON.parse(edited.split(" ").slice(2).join(" "))).not.toThrow();
    expect(decodeFrame(edited, GENESIS, 1)).toBeNull();
    const rehashedElsewhere = `${one.line.split(" ")[0]} ${two.hash} ${strip(one.line).split(" ").slice(2).join(" ")}`;
    expect(decodeFrame(rehashedElsewhere, GENESIS, 1)).toBeNull();
  });

  it("refuse a valid line out of order: not the sequence expected next, or not after the line it was chained to", () => {
    expect(decodeFrame(strip(two.line), one.hash, 3)).toBeNull();
    expect(decodeFrame(strip(one.line), GENESIS, 2)).toBeNull();
    expect(decodeFrame(strip(two.line), GENESIS, 2)).toBeNull();
  });

  it("refuse a torn line and a line whose JSON names another sequence than its frame", () => {
    const l = strip(two.line);
    expect(decodeFrame(l.slice(0, l.length - 5), one.hash, 2)).toBeNull();
    expect(decodeFrame("2", one.hash, 2)).toBeNull();
    expect(decodeFrame(`2 ${two.hash}`, one.hash, 2)).toBeNull();
    // A frame for sequence 2 whose JSON says 3, hashed as if it were right.
    const json = JSON.stringify({ ...row(2), sequence: 3 });
    expect(decodeFrame(`2 ${frameHash(one.hash, 2, json)} ${json}`, one.hash, 2)).toBeNull();
  });
});

import { strykerConfig } from "./base.mjs";

// Where a silent bug loses an acknowledged change from the backup journal, or writes a frame
// a restore cannot read.
//
// The four files are 634 mutants: ~1 h 40 min at the ~6 mutants a minute the shared 2-core
// machine managed. A run mutates what decides whether every frame is hashed, written in order
// and read back, and whether a torn tail is found and cut off (MUTATION.md, "backup journal").
export default strykerConfig("journal", [
  "api/journal/format.ts:29-44", // frameHash, encodeFrame: the chained hash of every line
  "api/journal/format.ts:66-82", // decodeFrame: a line is that frame, in order, unaltered
  "api/journal/writer.ts:341-373", // flushRound's loop: contiguous frames, the chain, rotation
  "api/journal/writer.ts:391-426", // syncTail: where the journal validly ends, the torn-tail repair
], {
  // Left out inside those lines: server-log wording (stryker/ignore-wording.mjs) and static
  // mutants (evaluated once at import: each would rerun every test).
  plugins: ["@stryker-mutator/vitest-runner", "./stryker/ignore-wording.mjs", "./stryker/survivors-reporter.mjs"],
  ignorers: ["wording"],
  ignoreStatic: true,
  reporters: ["clear-text", "progress", "json", "html", "survivors"],
});

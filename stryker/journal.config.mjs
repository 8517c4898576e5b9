import { strykerConfig } from "./base.mjs";

// Where a silent bug loses an acknowledged change from the backup journal, or writes a frame
// a restore cannot read.
export default strykerConfig("journal", [
  "api/journal/writer.ts",
  "api/journal/format.ts",
  "api/journal/segments.ts",
  "api/journal/plugin.ts",
]);

import { testsFor } from "./tests-for.js";

// The backup journal (api/journal). journal-durability.test.ts is left out: it kills child
// processes, whose code a mutation run cannot switch mutants in. restore-roundtrip.test.ts is
// left out too: it guards restore (75 s a run, mostly fuzzing backup files); the journal's
// frames are checked against the log, field by field, by compareWithLog in these two.
export default testsFor([
  "tests/integration/journal.test.ts",
  "tests/integration/journal-faults.test.ts",
  "tests/unit/journal-format.test.ts",
], { isolate: false });

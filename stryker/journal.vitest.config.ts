import { testsFor } from "./tests-for.js";

// The backup journal (api/journal). journal-durability.test.ts is left out: it kills child
// processes, whose code a mutation run cannot switch mutants in.
export default testsFor([
  "tests/integration/journal.test.ts",
  "tests/integration/journal-faults.test.ts",
  "tests/integration/restore-roundtrip.test.ts",
]);

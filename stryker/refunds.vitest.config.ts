import { testsFor } from "./tests-for.js";

// Refunds: request, decide, settle at the provider (api/modules/refunds).
// refunds-invariant.test.ts (500 random operations, ~10 s a run, a new seed each run) and
// refunds-report.test.ts (the buyer's report: report-problem.ts, not mutated here) are left
// out of the mutation run to keep it tractable; the invariant was run by hand against the
// survivors (MUTATION.md).
export default testsFor([
  "tests/integration/refunds.test.ts",
  "tests/integration/refunds-paystack.test.ts",
], { isolate: false });

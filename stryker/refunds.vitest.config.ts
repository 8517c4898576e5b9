import { testsFor } from "./tests-for.js";

// Refunds: request, decide, settle at the provider (api/modules/refunds).
export default testsFor([
  "tests/integration/refunds.test.ts",
  "tests/integration/refunds-invariant.test.ts",
  "tests/integration/refunds-paystack.test.ts",
  "tests/integration/refunds-report.test.ts",
]);

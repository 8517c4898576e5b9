import { testsFor } from "./tests-for.js";

// Sales settlement and reservation (api/modules/sales/settle.ts, reserve.ts).
export default testsFor([
  "tests/integration/sales-paid-once.test.ts",
  "tests/integration/sales-log-entries.test.ts",
  "tests/integration/sales-concurrency.test.ts",
  "tests/integration/sales-paystack.test.ts",
  "tests/integration/sales-expiry.test.ts",
  "tests/integration/sales-validation.test.ts",
  "tests/integration/sales-hoarding.test.ts",
  "tests/integration/sales-reservation-hold.test.ts",
  "tests/integration/vouchers-printing.test.ts",
  "tests/integration/notifications-outbox.test.ts",
]);

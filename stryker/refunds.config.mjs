import { strykerConfig } from "./base.mjs";

// Where a silent bug refunds a sale twice, refunds more than was paid, or lets the wrong
// person approve one.
export default strykerConfig("refunds", [
  "api/modules/refunds/request.ts",
  "api/modules/refunds/decide.ts",
  "api/modules/refunds/settle-refund.ts",
  "api/modules/refunds/rules.ts",
]);

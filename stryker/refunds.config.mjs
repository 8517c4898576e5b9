import { strykerConfig } from "./base.mjs";

// Where a silent bug refunds a sale twice, refunds more than was paid, or lets the wrong
// person approve one.
//
// The whole four files are 559 mutants: ~2 h 10 min at ~15 s a mutant (four server-starting
// test files) on the shared 2-core machine, still ~50 min with the changes below. So a run
// mutates the code that decides money and who decides (MUTATION.md, "refunds"): the amount
// rules, the four-eyes check, the conditional claims of approve / reject / retry, and the
// completion / failure claims with the sale's totals and the voucher.
export default strykerConfig("refunds", [
  "api/modules/refunds/rules.ts:16-50", // remainingMinor, refundAmount, saleStatusFor
  "api/modules/refunds/decide.ts:22-25", // four eyes
  "api/modules/refunds/decide.ts:50-54", // approve: REQUESTED -> APPROVED, once
  "api/modules/refunds/decide.ts:77-82", // reject: REQUESTED -> REJECTED, once
  "api/modules/refunds/decide.ts:104-115", // retry: what is left, FAILED -> APPROVED, once
  "api/modules/refunds/settle-refund.ts:27-64", // duplicate webhooks; complete: APPROVED -> COMPLETED, totals, sale status, voucher
  "api/modules/refunds/settle-refund.ts:112-122", // fail: APPROVED -> FAILED
], {
  // Left out inside those lines: the wording of log entries and error messages
  // (stryker/ignore-wording.mjs) and static mutants (evaluated once at import: each would
  // rerun every test).
  plugins: ["@stryker-mutator/vitest-runner", "./stryker/ignore-wording.mjs", "./stryker/survivors-reporter.mjs"],
  ignorers: ["wording"],
  ignoreStatic: true,
  reporters: ["clear-text", "progress", "json", "html", "survivors"],
});

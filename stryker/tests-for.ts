// A vitest config for a mutation run: the project's own, limited to the test files that
// guard one module, so each mutant is tried against those and not the whole suite.
// `isolate: false` (refunds, journal) keeps the app's modules loaded between the runs of one
// Stryker test runner: mutants are switched at run time, so nothing needs re-importing, and
// importing the app was most of each mutant's time on the shared machine.
import type { UserConfig } from "vitest/config";
import base from "../vitest.config.js";

export function testsFor(include: string[], opts: { isolate?: boolean } = {}): UserConfig {
  return { ...base, test: { ...base.test, include, maxWorkers: 1, ...(opts.isolate === false ? { isolate: false } : {}) } };
}

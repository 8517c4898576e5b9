// A vitest config for a mutation run: the project's own, limited to the test files that
// guard one module, so each mutant is tried against those and not the whole suite.
import type { UserConfig } from "vitest/config";
import base from "../vitest.config.js";

export function testsFor(include: string[]): UserConfig {
  return { ...base, test: { ...base.test, include, maxWorkers: 1 } };
}

// Shared Stryker settings. One config per module (settlement, authorization, triggers, refunds, journal), each
// mutating that module's files and running only the tests that guard it (its
// <name>.vitest.config.ts). `npm run mutation` runs them all; `npm run mutation -- settlement`
// runs one. Scores and the surviving mutants are written up in MUTATION.md.
export function strykerConfig(name, mutate, overrides = {}) {
  return {
    $schema: "../node_modules/@stryker-mutator/core/schema/stryker-schema.json",
    testRunner: "vitest",
    plugins: ["@stryker-mutator/vitest-runner"],
    vitest: { configFile: `stryker/${name}.vitest.config.ts`, related: false },
    mutate,
    // Each mutant runs only the tests that executed its code in the first (dry) run.
    coverageAnalysis: "perTest",
    // Two shared cores: one mutant at a time unless told otherwise.
    concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1),
    // Integration tests start a server per file: generous, since a loaded machine is slow.
    timeoutMS: 120_000,
    timeoutFactor: 3,
    dryRunTimeoutMinutes: 30,
    // Re-runs try only the mutants whose code or tests changed since the last run.
    incremental: true,
    incrementalFile: `reports/mutation/${name}.incremental.json`,
    reporters: ["clear-text", "progress", "json", "html"],
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
    ignorePatterns: ["test-results", "bench", "data", "reports", "docker", ".stryker-tmp"],
    tempDirName: `.stryker-tmp/${name}`,
    cleanTempDir: true,
    ...overrides,
  };
}

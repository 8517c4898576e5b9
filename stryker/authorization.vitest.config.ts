import { BaseSequencer, type TestSpecification } from "vitest/node";
import { testsFor } from "./tests-for.js";

// Authentication and authorization scopes (api/core/auth.ts, roles.ts, builder.ts, auth-first-plugin.ts, live-auth.ts).
// authorization-matrix.test.ts exercises these files densely against one server (each caller
// kind on each level, auth before validation, every credential path, live re-checks); it runs
// first, and a mutation run stops at the first failing test (bail), so the other files run in
// full only for survivors. Not here, but in `npm test`: authorization.test.ts (the walk of
// every root and dashboard field: it checks each field's declared level, which lives in
// api/modules, with the same machinery the matrix covers; 106 tests that every surviving
// mutant would run again) and subscription-auth.test.ts (what it checks of live-auth.ts the
// matrix checks too; its WebSocket-origin check is app.ts's).
const files = [
  "tests/integration/authorization-matrix.test.ts",
  "tests/integration/access-paths.test.ts",
  "tests/integration/auth.test.ts",
];

class InListOrder extends BaseSequencer {
  override async sort(specs: TestSpecification[]): Promise<TestSpecification[]> {
    const at = (s: TestSpecification) => files.findIndex((f) => s.moduleId.endsWith(f));
    return [...specs].sort((a, b) => at(a) - at(b));
  }
}

const base = testsFor(files);
export default {
  ...base,
  // isolate: false: the app's modules (Prisma client, the schema) load once per run, not once
  // per file (5-10 s each here); every file still starts and stops its own server.
  test: { ...base.test, isolate: false, sequence: { sequencer: InListOrder } },
};

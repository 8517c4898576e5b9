import { testsFor } from "./tests-for.js";

// Authentication and authorization scopes (api/core/auth.ts, roles.ts, builder.ts, auth-first-plugin.ts, live-auth.ts).
export default testsFor([
  "tests/integration/auth.test.ts",
  "tests/integration/authorization.test.ts",
  "tests/integration/access-paths.test.ts",
  "tests/integration/subscription-auth.test.ts",
]);

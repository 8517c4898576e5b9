import { strykerConfig } from "./base.mjs";

// Who may see and change what: credentials, roles, the scopes every field checks, and the
// re-check that ends a live subscription when its credential goes.
export default strykerConfig("authorization", [
  "api/core/auth.ts",
  "api/core/roles.ts",
  "api/core/builder.ts",
  "api/core/auth-first-plugin.ts",
  "api/core/live-auth.ts",
], {
  // Mutants of code that runs only when the schema is built (type and plugin options in
  // builder.ts) are "static": each would rerun every test, 60 % of the mutants and ~4 h here.
  // The scopes themselves run per request, so they are still mutated and tested.
  ignoreStatic: true,
});

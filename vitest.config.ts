import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node resolves "graphql" to its CommonJS entry for our dependencies; Vite would pick
    // the .mjs build for our own files. Two copies of graphql break instanceof checks.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Two cores here: a few files at a time keeps server start-up times sane.
    maxWorkers: 3,
  },
});

// Bundles the server (api/main.ts) and the CLI (api/cli/main.ts) into dist/ with esbuild, so
// production runs plain JavaScript: no TypeScript compile at start, no node_modules lookups.
// Plain .mjs (not .ts) so it runs under bare `node` before anything else is built.
//
// Two things a bundle needs help with:
// - better-sqlite3 loads its native addon through the `bindings` package, which searches
//   node_modules at run time. `bindings` is swapped for a shim that loads dist/native/*.node,
//   and the addon is copied there.
// - graphql ships ESM and CJS builds; some dependencies require() it and others import it,
//   which would put two copies in the bundle (instanceof checks then fail). Every graphql
//   import resolves to the CJS build, as in vitest.config.ts.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "package.json"));
const out = path.resolve(root, process.argv[2] ?? "dist");

const banner = [
  'import { createRequire as __czCreateRequire } from "node:module";',
  'import { fileURLToPath as __czFileURLToPath } from "node:url";',
  "const require = __czCreateRequire(import.meta.url);",
  'const __czBundleDir = __czFileURLToPath(new URL(".", import.meta.url));',
].join("\n");

const shims = {
  name: "chillzone-shims",
  setup(b) {
    b.onResolve({ filter: /^bindings$/ }, () => ({ path: "bindings", namespace: "cz-shim" }));
    b.onLoad({ filter: /^bindings$/, namespace: "cz-shim" }, () => ({
      // Chunks live in dist/chunks/, entry points in dist/: native/ is beside the entry points.
      contents: 'const path = require("node:path"); const base = path.basename(__czBundleDir) === "chunks" ? path.dirname(__czBundleDir) : __czBundleDir; module.exports = (name) => require(path.join(base, "native", name));',
      loader: "js",
    }));
    b.onResolve({ filter: /^graphql(\/.*)?$/ }, (args) => ({ path: require.resolve(args.path) }));
  },
};

rmSync(out, { recursive: true, force: true });
const started = performance.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: "api/main.ts", cli: "api/cli/main.ts" },
  outdir: out,
  bundle: true,
  splitting: true,
  platform: "node",
  target: "node20",
  format: "esm",
  chunkNames: "chunks/[name]-[hash]",
  banner: { js: banner },
  plugins: [shims],
  sourcemap: "linked",
  logLevel: "warning",
  metafile: true,
  legalComments: "none",
  define: { __CHILLZONE_VERSION__: JSON.stringify(JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version) },
});
mkdirSync(path.join(out, "native"), { recursive: true });
copyFileSync(path.join(path.dirname(require.resolve("better-sqlite3/package.json")), "build/Release/better_sqlite3.node"), path.join(out, "native/better_sqlite3.node"));
writeFileSync(path.join(out, "package.json"), JSON.stringify({ type: "module" }) + "\n");
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`server bundle: ${path.relative(root, out)}/ (${(bytes / 1e6).toFixed(1)} MB) in ${Math.round(performance.now() - started)} ms`);

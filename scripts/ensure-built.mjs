// `npm start` runs this first: rebuilds the dashboard (ui/build) and the server bundle (dist/)
// only when missing or older than their sources, so a restart costs no build.
// An output's age is that of the file its build writes last (the UI's handler.js, the bundle's
// main.js), so a build by any command (`npm run build` in `npm test`) counts.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Newest modification time under the given files and folders (0 when none exist). */
export function newest(paths) {
  let max = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      // Generated code (Prisma client, UI types) follows from schema files listed as sources.
      for (const e of readdirSync(p)) if (!["node_modules", "build", ".svelte-kit", "generated"].includes(e)) walk(path.join(p, e));
    } else max = Math.max(max, st.mtimeMs);
  };
  for (const p of paths) walk(path.join(root, p));
  return max;
}

const targets = [
  {
    name: "dashboard",
    stamp: "ui/build/handler.js",
    sources: ["ui/src", "ui/static", "ui/svelte.config.js", "ui/vite.config.ts", "schema.graphql", "codegen.ts", "package-lock.json"],
    build: ["npm", ["run", "build"]],
  },
  {
    name: "server",
    stamp: "dist/main.js",
    sources: ["api", "prisma/schema.prisma", "scripts/build-server.mjs", "package-lock.json"],
    build: ["node", ["scripts/build-server.mjs"]],
  },
];

// `--only dashboard` (the release builds its own server bundle).
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
for (const t of targets.filter((x) => !only || x.name === only)) {
  const stamp = path.join(root, t.stamp);
  const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changed = newest(t.sources);
  if (builtAt && builtAt >= changed) continue;
  console.log(builtAt ? `${t.name}: sources changed since the last build, rebuilding` : `${t.name}: no build yet, building`);
  execFileSync(t.build[0], t.build[1], { cwd: root, stdio: "inherit" });
}

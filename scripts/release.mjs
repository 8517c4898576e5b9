// `npm run release`: one folder, release/chillzone-<version>/, and its .tar.gz, that runs with
// plain `node` on a machine without npm or node_modules (the zipapp of the legacy app):
//   server/    the esbuild bundle of the server and the CLI, with the native SQLite addon
//   ui/build/  the built dashboard
//   prisma/migrations/  applied at start
//   start, chillzone    shell entry points (server; command line)
// The native addon is built for this machine's Node ABI and platform: run the release with
// the same Node major version and OS/architecture it was built on (`start` checks the Node).
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const outRoot = path.resolve(process.env.RELEASE_DIR ?? path.join(root, "release"));
const name = `chillzone-${pkg.version}`;
const dir = path.join(outRoot, name);
const nodeMajor = process.versions.node.split(".")[0];
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });

// The dashboard only when stale (as npm start); the server always, straight into the folder.
run("node", ["scripts/ensure-built.mjs", "--only", "dashboard"]);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
run("node", ["scripts/build-server.mjs", path.join(dir, "server")]);
cpSync(path.join(root, "ui/build"), path.join(dir, "ui/build"), { recursive: true });
cpSync(path.join(root, "prisma/migrations"), path.join(dir, "prisma/migrations"), { recursive: true });

writeFileSync(
  path.join(dir, "package.json"),
  `${JSON.stringify({ name: "chillzone", version: pkg.version, private: true, type: "module", engines: { node: `${nodeMajor}.x` } }, null, 2)}\n`,
);

const preamble = `#!/bin/sh
# Chillzone ${pkg.version}, built with Node ${process.versions.node} (${process.platform}-${process.arch}).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none)"
if [ "$major" != "${nodeMajor}" ]; then
  echo "chillzone: needs Node ${nodeMajor}.x (the SQLite addon is built for it); found: $major" >&2
  exit 1
fi
# The database lives beside the release unless DATA_DIR says otherwise.
export DATA_DIR="\${DATA_DIR:-$here/data}"
`;
writeFileSync(path.join(dir, "start"), `${preamble}export NODE_ENV="\${NODE_ENV:-production}"\nexec node --enable-source-maps "$here/server/main.js" "$@"\n`);
writeFileSync(path.join(dir, "chillzone"), `${preamble}exec node --enable-source-maps "$here/server/cli.js" "$@"\n`);
for (const f of ["start", "chillzone"]) chmodSync(path.join(dir, f), 0o755);
writeFileSync(
  path.join(dir, "README.txt"),
  `Chillzone ${pkg.version}

Needs Node.js ${nodeMajor}.x on ${process.platform}-${process.arch}, nothing else (no npm, no node_modules).

  ./start                 serve on PORT (default 3000); data in DATA_DIR (default ./data here)
  ./chillzone --help      the command line: create-admin, reset-password, migrate, doctor, ...

Configuration is by environment variables (see the project README, "Configuration").
Upgrading: stop the service, back up DATA_DIR, unpack the new release beside this one,
point DATA_DIR at the same folder and start it: migrations run at start.
`,
);

const tarball = path.join(outRoot, `${name}.tar.gz`);
execFileSync("tar", ["-czf", tarball, "-C", outRoot, name]);
console.log(`release: ${path.relative(root, dir)}/ and ${path.relative(root, tarball)}`);
if (!existsSync(path.join(dir, "server/native/better_sqlite3.node"))) throw new Error("native addon missing from the release");

#!/usr/bin/env bash
# Every build step of the Docker image, in one script the Dockerfile runs and CI runs on the
# host (no Docker engine there), so the image recipe is exercised without building the image.
#
#   docker/build.sh deps         npm install (better-sqlite3 compiles its native addon here)
#   docker/build.sh app OUT      dashboard + server bundle + release folder -> OUT/app
#
# OUT/app is the whole runtime: the esbuild bundle with the native addon, the built dashboard
# and the migrations. It needs Node of the same major version and no node_modules, which is
# why the runtime stage copies nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  deps)
    # npm install, not npm ci: see ../shared/TOOLCHAIN.md (the lockfile lacks non-Linux optional entries).
    npm install --no-audit --no-fund
    ;;
  app)
    out="${2:?usage: docker/build.sh app OUT_DIR}"
    mkdir -p "$out"
    out="$(cd "$out" && pwd)"
    work="$out/.release"
    RELEASE_DIR="$work" node scripts/release.mjs
    rm -rf "$out/app"
    mv "$work"/chillzone-*/ "$out/app"
    rm -rf "$work"
    # A smoke test of the result: the CLI starts from the bundle alone.
    (cd "$out/app" && node server/cli.js --help >/dev/null)
    echo "image contents ready in $out/app"
    ;;
  *)
    echo "usage: docker/build.sh deps | app OUT_DIR" >&2
    exit 2
    ;;
esac

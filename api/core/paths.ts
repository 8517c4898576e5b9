// Where the app's shipped files are: the repository root when run from source or dist/, the
// release folder when run from a release. Found by walking up from this file to the folder
// holding prisma/migrations, so the same code works unbundled (api/core/), bundled into
// dist/ and bundled into <release>/server/.
import { existsSync } from "node:fs";
import path from "node:path";

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "prisma", "migrations"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start, "../..");
  }
}

export const appRoot = findRoot(import.meta.dirname);
export const migrationsDir = path.join(appRoot, "prisma", "migrations");
export const defaultUiDir = path.join(appRoot, "ui", "build");

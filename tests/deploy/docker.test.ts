// The Docker recipe without a Docker engine: docker/build.sh (every build step of the image)
// runs on the host and yields a runtime folder that works on its own; the Dockerfile runs that
// script and starts what it builds; compose.yml validates with Debian's docker-compose.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { missing, which } from "../helpers/external.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = mkdtempSync(path.join(tmpdir(), "cz-docker-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("docker/build.sh", () => {
  it("builds the image's /app from the repository, and it runs with no node_modules", { timeout: 240_000 }, () => {
    execFileSync("bash", ["docker/build.sh", "app", path.join(work, "out")], { cwd: root, stdio: "pipe" });
    const app = path.join(work, "out/app");
    for (const f of ["server/main.js", "server/cli.js", "server/native/better_sqlite3.node", "ui/build/handler.js", "prisma/migrations"]) expect(existsSync(path.join(app, f)), f).toBe(true);
    expect(existsSync(path.join(app, "node_modules"))).toBe(false);
    // As the container runs it: DATA_DIR=/data (here a temp dir), cwd /app.
    const env = { PATH: process.env.PATH!, DATA_DIR: path.join(work, "data"), NODE_ENV: "production" };
    const migrated = spawnSync("node", ["server/cli.js", "migrate"], { cwd: app, env, encoding: "utf8" });
    expect(migrated.status, migrated.stderr).toBe(0);
    const doctor = spawnSync("node", ["server/cli.js", "doctor"], { cwd: app, env, encoding: "utf8" });
    expect(doctor.status, doctor.stdout + doctor.stderr).toBe(0);
    expect(doctor.stdout).toMatch(/ok\s+dashboard/);
  });

  it("refuses to run without a step", () => {
    const r = spawnSync("bash", ["docker/build.sh"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage");
  });

  it("is what the Dockerfile runs, and the runtime stage starts the bundle under tini as a non-root user", () => {
    const dockerfile = readFileSync(path.join(root, "docker/Dockerfile"), "utf8");
    const runs = dockerfile.split("\n").filter((l) => l.startsWith("RUN "));
    expect(runs.filter((l) => l.includes("docker/build.sh"))).toEqual(["RUN bash docker/build.sh deps", "RUN bash docker/build.sh app /out"]);
    expect(dockerfile).toMatch(/^FROM node:22-slim AS build$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["\/usr\/bin\/tini", "--"\]$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "--enable-source-maps", "server\/main.js"\]$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/readyz/m);
    expect(dockerfile).toMatch(/^VOLUME \["\/data", "\/backups"\]$/m);
  });
});

const skip = missing("docker-compose", which("docker-compose") !== null);

describe.skipIf(skip)("docker/compose.yml", () => {
  const example = Object.fromEntries(
    readFileSync(path.join(root, "docker/.env.example"), "utf8")
      .split("\n")
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  const compose = (env: Record<string, string>) =>
    spawnSync("docker-compose", ["-f", "docker/compose.yml", "config"], { cwd: root, env: { PATH: process.env.PATH!, HOME: work, ...env }, encoding: "utf8" });

  it("validates with the example settings: two replicas, Redis, nginx with the config mounted", () => {
    const r = compose({ ...example, SESSION_SECRET: "0123456789abcdef" });
    expect(r.status, r.stderr).toBe(0);
    for (const s of ["chillzone-1:", "chillzone-2:", "redis:", "nginx:", "REDIS_URL: redis://redis:6379", "/etc/nginx/nginx.conf", "/data", "/backups"]) expect(r.stdout).toContain(s);
  });

  it("names the setting that is missing", () => {
    const r = compose({ ...example, SESSION_SECRET: "" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("set SESSION_SECRET in docker/.env");
  });
});

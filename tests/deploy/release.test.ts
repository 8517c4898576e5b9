// `npm run release` builds a folder that runs with plain node from an empty directory: no
// node_modules, no npm, no repository around it. The test unpacks the .tar.gz into a fresh
// temp dir, starts ./start there, and uses it as a customer and an admin would.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/redis.js";
import { ADMIN } from "../helpers/server.js";
import { waitFor } from "../helpers/wait.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = mkdtempSync(path.join(tmpdir(), "cz-release-"));
let child: ChildProcess;
let url = "";
let out = "";
let unpacked = "";

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: any; errors?: { message: string }[] };
}

beforeAll(async () => {
  const releaseDir = path.join(work, "built");
  execFileSync("node", ["scripts/release.mjs"], { cwd: root, env: { ...process.env, RELEASE_DIR: releaseDir }, stdio: "pipe" });
  const tarball = readdirSync(releaseDir).find((f) => f.endsWith(".tar.gz"))!;
  const target = path.join(work, "empty");
  execFileSync("mkdir", [target]);
  execFileSync("tar", ["-xzf", path.join(releaseDir, tarball), "-C", target]);
  unpacked = path.join(target, readdirSync(target)[0]!);
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // A clean environment: nothing from this repository's node_modules can be found.
  const env = { PATH: process.env.PATH!, HOME: work, PORT: String(port), HOST: "127.0.0.1", ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: "warn" };
  child = spawn(path.join(unpacked, "start"), [], { cwd: unpacked, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`release exited with ${child.exitCode}:\n${out}`);
    return fetch(`${url}/readyz`).then((r) => r.ok, () => false);
  }, { timeoutMs: 60_000, what: "the release to become ready" });
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
  rmSync(work, { recursive: true, force: true });
});

describe("the release folder", () => {
  it("holds no node_modules and keeps its data beside itself", () => {
    expect(existsSync(path.join(unpacked, "node_modules"))).toBe(false);
    expect(existsSync(path.join(unpacked, "data", "chillzone.db"))).toBe(true);
  });

  it("is ready, serves the dashboard, logs an admin in and sells a bundle through the sandbox", async () => {
    const ready = await (await fetch(`${url}/readyz`)).json();
    expect(ready).toMatchObject({ status: "ready", checks: { database: "ok" } });
    const page = await fetch(`${url}/buy`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<html");

    const login = await gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: ADMIN.username, p: ADMIN.password });
    const token = login.data?.login?.token as string;
    expect(token, JSON.stringify(login.errors)).toBeTruthy();

    const created = await gql(`mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`, { input: { name: "Day 1GB", priceMinor: 500, dataLimitMb: 1024, validityHours: 24 } }, token);
    const allocationId = created.data?.createAllocation?.id as string;
    expect(allocationId, JSON.stringify(created.errors)).toBeTruthy();
    const generated = await gql(`mutation($input: GenerateVouchersInput!) { generateVouchers(input: $input) { count } }`, { input: { allocationId, count: 2 } }, token);
    expect(generated.errors).toBeUndefined();

    const bought = await gql(
      `mutation($input: PurchaseInput!) { purchase(input: $input) { transaction { status voucherDelivered } } }`,
      { input: { allocationId, fullName: "Ama Mensah", phoneNumber: "0241234567", idempotencyKey: randomUUID() } },
    );
    expect(bought.errors).toBeUndefined();
    expect(bought.data.purchase.transaction.status).toBe("PAID");
  });

  it("has a command line that runs from the folder", () => {
    const help = execFileSync(path.join(unpacked, "chillzone"), ["--help"], { cwd: unpacked, env: { PATH: process.env.PATH! } }).toString();
    expect(help).toContain("create-admin");
    expect(help).toContain("doctor");
  });
});

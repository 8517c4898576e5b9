// The `chillzone` command line as an operator runs it: a separate process with DATA_DIR set,
// judged by its exit code and what it prints. Some commands run beside a live server on the
// same DATA_DIR, where that is what an operator does (locked out, importing at the shop).
// It runs the bundled CLI (as the release does), built once into a temp folder laid out like
// the release: a tsx start per command would cost seconds each on a loaded machine.
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { startTestServer, type TestServer } from "../helpers/server.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), "cz-cli-"));
  dirs.push(d);
  return d;
};

type Run = { code: number; stdout: string; stderr: string };
function cli(dataDir: string, args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [path.join(bundle, "server/cli.js"), ...args], { cwd: root, env: { ...process.env, NODE_ENV: "test", DATA_DIR: dataDir, ...opts.env } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(opts.stdin ?? "");
  });
}

const bundle = tempDir();
beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build-server.mjs", path.join(bundle, "server")], { cwd: root, stdio: "pipe" });
  cpSync(path.join(root, "prisma/migrations"), path.join(bundle, "prisma/migrations"), { recursive: true });
}, 120_000);

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("chillzone without a server", () => {
  it("prints help for the program and every command, and refuses bad usage with exit 2", async () => {
    const d = tempDir();
    const [top, sub, nested, unknown, missing, badFormat, badName] = await Promise.all([
      cli(d, ["--help"]),
      cli(d, ["create-admin", "--help"]),
      cli(d, ["vouchers", "import", "--help"]),
      cli(d, ["frobnicate"]),
      cli(d, ["restore"]),
      cli(d, ["backup", "--format", "zip"]),
      cli(d, ["create-admin", "no spaces!"]),
    ]);
    expect(top.code).toBe(0);
    for (const c of ["create-admin", "reset-password", "migrate", "vouchers", "doctor", "check-router", "backup", "restore", "verify", "list-backups"]) expect(top.stdout).toContain(c);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain("--password-stdin");
    expect(nested.code).toBe(0);
    expect(nested.stdout).toContain("--bundle <code>");
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'file'");
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("--format must be sqlite or html, not zip");
    expect(badName.code).toBe(2);
  });

  it("migrates a fresh DATA_DIR, creates an admin once, and says what doctor finds", async () => {
    const d = tempDir();
    const before = await cli(d, ["migrate", "--status"]);
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/\d+ pending migration/);
    const emptyDoctor = await cli(d, ["doctor", "--json"]);
    expect(emptyDoctor.code).toBe(0);
    expect(JSON.parse(emptyDoctor.stdout)).toContainEqual(expect.objectContaining({ name: "database", status: "warn" }));

    const migrated = await cli(d, ["migrate"]);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain("Applied");
    expect((await cli(d, ["migrate", "--status"])).stdout).toContain("up to date");

    const shortPw = await cli(d, ["create-admin", "owner", "--password-stdin"], { stdin: "short\n" });
    expect(shortPw.code).toBe(2);
    const created = await cli(d, ["create-admin", "owner", "--password-stdin"], { stdin: "owner-pass-123\n" });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).not.toContain("owner-pass-123");
    const again = await cli(d, ["create-admin", "owner"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");

    const doctor = await cli(d, ["doctor", "--json"]);
    expect(doctor.code).toBe(0);
    const checks = JSON.parse(doctor.stdout) as { name: string; status: string }[];
    expect(checks).toContainEqual(expect.objectContaining({ name: "database", status: "ok" }));
    expect(checks).toContainEqual(expect.objectContaining({ name: "admins", status: "ok" }));
    expect(checks).toContainEqual(expect.objectContaining({ name: "disk" }));
  });

  it("fails doctor on bad configuration and an unreachable Redis", async () => {
    const d = tempDir();
    const [badPort, noRedis] = await Promise.all([cli(d, ["doctor"], { env: { PORT: "seventy" } }), cli(d, ["doctor", "--json"], { env: { REDIS_URL: "redis://127.0.0.1:1" } })]);
    expect(badPort.code).toBe(1);
    expect(badPort.stdout).toMatch(/FAIL\s+config.*PORT/);
    expect(noRedis.code).toBe(1);
    expect(JSON.parse(noRedis.stdout)).toContainEqual(expect.objectContaining({ name: "redis", status: "fail" }));
  });

  it("backup writes a listed, checksummed file in either format; bad formats exit 2", async () => {
    const d = tempDir();
    expect((await cli(d, ["migrate"])).code).toBe(0);
    const empty = await cli(d, ["list-backups"]);
    expect(empty, empty.stderr).toMatchObject({ code: 0 });
    expect(empty.stdout).toContain("No backups yet");
    const [sqlite, html] = [await cli(d, ["backup"]), await cli(d, ["backup", "--format", "html"])];
    expect(sqlite.code, sqlite.stderr).toBe(0);
    expect(html.code, html.stderr).toBe(0);
    const list = await cli(d, ["list-backups", "--json"]);
    const rows = list.stdout.trim().split("\n").map((l) => JSON.parse(l) as { file: string; format: string; status: string; sha256: string; trigger: string });
    expect(rows.map((r) => [r.format, r.status, r.trigger])).toEqual([["HTML", "DONE", "MANUAL"], ["SQLITE", "DONE", "MANUAL"]]);
    for (const r of rows) {
      const bytes = readFileSync(path.join(d, "backups", r.file));
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(r.sha256);
      expect(sqlite.stdout + html.stdout).toContain(r.sha256);
    }
    expect(readFileSync(path.join(d, "backups", rows[0]!.file), "utf8")).toContain("<html");
    const bad = await cli(d, ["backup", "--format", "zip"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--format must be sqlite or html");
  });

  it("verify reports a backup and refuses a damaged one; restore brings the data back and keeps a safety copy", async () => {
    const d = tempDir();
    // A port nothing listens on: the restore's "is a server running?" probe finds none.
    const env = { PORT: "1" };
    expect((await cli(d, ["create-admin", "first", "--password-stdin"], { stdin: "first-pass-123\n", env })).code).toBe(0);
    expect((await cli(d, ["backup"], { env })).code).toBe(0);
    const file = JSON.parse((await cli(d, ["list-backups", "--json"], { env })).stdout.trim().split("\n")[0]!).file as string;
    const backupFile = path.join(d, "backups", file);
    expect((await cli(d, ["create-admin", "second", "--password-stdin"], { stdin: "second-pass-123\n", env })).code).toBe(0);

    const verified = await cli(d, ["verify", backupFile, "--json"], { env });
    expect(verified.code, verified.stderr).toBe(0);
    const report = JSON.parse(verified.stdout) as { format: string; tables: { table: string; rows: number; currentRows: number }[] };
    expect(report.format).toBe("SQLITE");
    expect(report.tables.find((t) => t.table === "User")).toEqual({ table: "User", rows: 1, currentRows: 2 });
    const damaged = path.join(d, "damaged.db");
    writeFileSync(damaged, readFileSync(backupFile).subarray(0, 4096));
    const bad = await cli(d, ["verify", damaged], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/cannot be read|malformed|not a Chillzone backup/);
    expect((await cli(d, ["verify", path.join(d, "missing.db")], { env })).code).toBe(2);

    const restored = await cli(d, ["restore", backupFile], { env });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Restored SQLITE backup .* up to change #\d+/);
    expect(restored.stdout).toContain("PRE_RESTORE");
    const users = new Database(path.join(d, "chillzone.db"), { readonly: true });
    expect(users.prepare(`SELECT username FROM User ORDER BY username`).pluck().all()).toEqual(["first"]);
    users.close();
    const list = (await cli(d, ["list-backups", "--json"], { env })).stdout.trim().split("\n").map((l) => JSON.parse(l) as { trigger: string });
    expect(list.map((b) => b.trigger)).toContain("PRE_RESTORE");
  });
});

describe("chillzone beside a running server", () => {
  let server: TestServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDir();
    server = await startTestServer({ dataDir });
  });
  afterAll(() => server?.stop());

  it("restore refuses while the server answers on PORT, changing nothing", async () => {
    const b = await server.gql(`mutation { createBackup { fileName } }`, {}, { token: server.adminToken });
    const r = await cli(dataDir, ["restore", path.join(dataDir, "backups", b.data.createBackup.fileName)], { env: { PORT: String(server.port) } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`answers on port ${server.port}: stop it first`);
    const list = await server.gql(`{ backups(first: 20) { edges { node { trigger } } } }`, {}, { token: server.adminToken });
    expect(list.data.backups.edges.map((e: { node: { trigger: string } }) => e.node.trigger)).not.toContain("PRE_RESTORE");
  });

  it("reset-password logs the user's sessions out and the new password works", async () => {
    const token = await server.tokenFor("STAFF");
    const me = await server.gql(`{ users { id } }`, {}, { token: server.adminToken });
    expect(me.errors).toBeUndefined();
    const r = await cli(dataDir, ["reset-password", "admin", "--password-stdin"], { stdin: "brand-new-pass-1\n" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 open session logged out|\d+ open sessions logged out/);
    const after = await server.gql(`{ users { id } }`, {}, { token: server.adminToken });
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await server.login("admin", "brand-new-pass-1")).toBeTruthy();
    // Only that user's sessions: the staff token still works.
    expect((await server.gql(`{ allocations { id } }`, {}, { token })).errors).toBeUndefined();
    expect((await cli(dataDir, ["reset-password", "nobody"])).code).toBe(1);
  });

  it("vouchers import adds the file's vouchers to a bundle the server then sells from", async () => {
    const adminToken = await server.login("admin", "brand-new-pass-1");
    const created = await server.gql(`mutation($input: AllocationInput!) { createAllocation(input: $input) { id code } }`, { input: { name: "Hour", priceMinor: 100, dataLimitMb: 100 } }, { token: adminToken });
    const { id, code } = created.data.createAllocation;
    const file = path.join(dataDir, "export.csv");
    writeFileSync(file, "Login,Password,Uptime Limit\nshop-a1,pw1,1h\nshop-a2,pw2,1h\n");
    const ok = await cli(dataDir, ["vouchers", "import", file, "--bundle", code]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("Imported 2 voucher(s)");
    const again = await cli(dataDir, ["vouchers", "import", file, "--bundle", code]);
    expect(again.stdout).toContain("Imported 0 voucher(s)");
    expect(again.stdout).toContain("2 skipped");
    const count = await server.gql(`query($f: VoucherFilter) { vouchers(filter: $f) { totalCount } }`, { f: { allocationId: id } }, { token: adminToken });
    expect(count.data?.vouchers?.totalCount, JSON.stringify(count.errors)).toBe(2);

    writeFileSync(path.join(dataDir, "bad.csv"), "Name,Secret\nx,y\n");
    const [noBundle, noFile, badFile, noOption] = await Promise.all([
      cli(dataDir, ["vouchers", "import", file, "--bundle", "NOPE"]),
      cli(dataDir, ["vouchers", "import", path.join(dataDir, "missing.csv"), "--bundle", code]),
      cli(dataDir, ["vouchers", "import", path.join(dataDir, "bad.csv"), "--bundle", code]),
      cli(dataDir, ["vouchers", "import", file]),
    ]);
    expect(noBundle.code).toBe(1);
    expect(noBundle.stderr).toContain(`There is no bundle with code NOPE (bundles: ${code})`);
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toContain("no such file");
    expect(badFile.code).toBe(1);
    expect(noOption.code).toBe(2);
    expect(noOption.stderr).toContain("--bundle");
  });

  it("check-router names the known routers, and says router checks are not in this version", async () => {
    await server.app.services.prisma.router.create({ data: { name: "shop-main", host: "10.0.0.1", username: "api", password: "secret" } });
    const [unknown, known] = await Promise.all([cli(dataDir, ["check-router", "back-room"]), cli(dataDir, ["check-router", "shop-main"])]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("routers: shop-main");
    expect(known.code, known.stderr).toBe(3);
    expect(known.stderr).toContain("cannot connect to routers yet");
    expect(known.stderr).not.toContain("secret");
  });

  it("backup runs beside the server's writes, and the server lists it with the others", async () => {
    const adminToken = await server.login("admin", "brand-new-pass-1");
    let writes = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const r = await server.gql(`mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`, { input: { name: `During backup ${writes}`, priceMinor: 1000 + writes, dataLimitMb: 50 } }, { token: adminToken });
        expect(r.errors).toBeUndefined();
        writes++;
      }
    })();
    const r = await cli(dataDir, ["backup", "--format", "html"]);
    writing = false;
    await writer;
    expect(r.code, r.stderr).toBe(0);
    expect(writes).toBeGreaterThan(0);
    const list = await server.gql(`{ backups(first: 5) { edges { node { format status trigger fileName } } } }`, {}, { token: adminToken });
    expect(list.data.backups.edges.map((e: { node: unknown }) => e.node)).toContainEqual(expect.objectContaining({ format: "HTML", status: "DONE", trigger: "MANUAL" }));
  });

  it("doctor proves the live journal, and fails on a copy with one byte changed", async () => {
    const good = await cli(dataDir, ["doctor", "--json"]);
    const check = (r: Run) => (JSON.parse(r.stdout) as { name: string; status: string; detail: string }[]).find((c) => c.name === "journal")!;
    expect(check(good).status).toMatch(/^(ok|warn)$/);
    expect(check(good).detail).toMatch(/entries in 1 segment\(s\), checksums and sequences proven up to #\d+/);
    const copy = path.join(tempDir(), "backups");
    cpSync(path.join(dataDir, "backups"), copy, { recursive: true });
    const segment = path.join(copy, "journal", readdirSync(path.join(copy, "journal")).find((f) => f.endsWith(".czj"))!);
    const text = readFileSync(segment, "utf8");
    const at = text.indexOf('"message":"') + 11;
    writeFileSync(segment, text.slice(0, at) + (text[at] === "X" ? "Y" : "X") + text.slice(at + 1));
    const bad = await cli(dataDir, ["doctor", "--json"], { env: { BACKUP_DIR: copy } });
    expect(bad.code).toBe(1);
    expect(check(bad)).toMatchObject({ status: "fail", detail: expect.stringContaining("take a full backup now") });
  });
});

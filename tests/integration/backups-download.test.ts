// GET /backups/download/<id>: managers and admins get the file's exact bytes with a
// Content-Disposition; everyone else gets 401/403 and none of them, whatever the path.
import { createHash } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
let backup: { id: string; sha256: string; fileName: string; downloadUrl: string; sizeBytes: number };
let html: { downloadUrl: string; fileName: string };

async function get(pathname: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${pathname}`, { headers, redirect: "manual" });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { res, bytes, text: bytes.toString("utf8") };
}

/** A raw request line, as an attacker would send it (fetch normalises dot segments away). */
function rawGet(target: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: server.port, path: target, method: "GET", headers }, (res) => {
      let body = "";
      res.setEncoding("latin1");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  server = await startTestServer({ env: { BACKUP_SCHEDULE: "off" } });
  const r = await server.gql(`mutation { a: createBackup(format: SQLITE) { id sha256 fileName downloadUrl sizeBytes } }`, {}, { token: server.adminToken });
  backup = r.data.a;
  const h = await server.gql(`mutation { createBackup(format: HTML) { downloadUrl fileName } }`, {}, { token: server.adminToken });
  html = h.data.createBackup;
});

afterAll(async () => {
  await server?.stop();
});

describe("backup download", () => {
  it("an admin's bearer token gets the exact file as an attachment", async () => {
    const { res, bytes } = await get(backup.downloadUrl, { authorization: `Bearer ${server.adminToken}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${backup.fileName}"`);
    expect(res.headers.get("content-type")).toBe("application/vnd.sqlite3");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(bytes.length).toBe(backup.sizeBytes);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(backup.sha256);
  });

  it("a manager's session cookie works too; an HTML backup comes sandboxed", async () => {
    const token = await server.tokenFor("MANAGER");
    const { res, text } = await get(html.downloadUrl, { cookie: `cz_session=${token}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
    expect(text.startsWith("<!DOCTYPE html>")).toBe(true);
  });

  it("anonymous: 401 and no bytes of the file", async () => {
    const { res, text } = await get(backup.downloadUrl);
    expect(res.status).toBe(401);
    expect(JSON.parse(text)).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("staff: 403; a wrong or forged token: 401", async () => {
    const staff = await server.tokenFor("STAFF");
    const s = await get(backup.downloadUrl, { authorization: `Bearer ${staff}` });
    expect(s.res.status).toBe(403);
    expect(JSON.parse(s.text)).toMatchObject({ code: "FORBIDDEN" });
    for (const bad of [`${server.adminToken.slice(0, -2)}xx`, "not-a-token", ""]) {
      const w = await get(backup.downloadUrl, { authorization: `Bearer ${bad}` });
      expect(w.res.status).toBe(401);
      expect(w.text).not.toContain("SQLite format");
    }
    const staffKey = await server.gql(`mutation { createApiKey(input: { name: "pos", role: STAFF }) { key } }`, {}, { token: server.adminToken });
    const k = await get(backup.downloadUrl, { "x-api-key": staffKey.data.createApiKey.key });
    expect(k.res.status).toBe(403);
  });

  it("an id that is not a backup (another record's, a deleted backup's, a global id) is 404", async () => {
    const admin = { authorization: `Bearer ${server.adminToken}` };
    const users = await server.gql(`{ users { id } }`, {}, { token: server.adminToken });
    const userDbId = Buffer.from(users.data.users[0].id, "base64").toString("utf8").split(":")[1]!;
    const gone = await server.gql(`mutation { createBackup(format: SQLITE) { id downloadUrl } }`, {}, { token: server.adminToken });
    await server.gql(`mutation($id: ID!) { deleteBackup(id: $id) }`, { id: gone.data.createBackup.id }, { token: server.adminToken });
    for (const p of [`/backups/download/${userDbId}`, gone.data.createBackup.downloadUrl, `/backups/download/${backup.id}`, "/backups/download/"]) {
      const r = await get(p, admin);
      expect([p, r.res.status]).toEqual([p, 404]);
      expect(r.text).not.toContain("SQLite format");
    }
  });

  it("path traversal never reaches a file: the database, the session key, another directory", async () => {
    const admin = { authorization: `Bearer ${server.adminToken}` };
    const targets = [
      "/backups/download/../chillzone.db",
      "/backups/download/..%2Fchillzone.db",
      "/backups/download/%2e%2e%2f%2e%2e%2fchillzone.db",
      "/backups/download/..%2F..%2Fsession.key",
      `/backups/download/${backup.fileName}`,
      `/backups/download/..%2Fbackups%2F${backup.fileName}`,
      "/backups/download/%00",
      "/backups/download//etc/passwd",
    ];
    for (const t of targets) {
      for (const headers of [admin, {}]) {
        const r = await rawGet(t, headers);
        expect([t, r.status >= 400]).toEqual([t, true]);
        expect(r.body).not.toContain("SQLite format");
        expect(r.body).not.toContain("root:");
      }
    }
  });
});

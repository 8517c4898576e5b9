// Shared answers to the public catalogue (api/core/public-answers.ts): an anonymous bundle
// list asked again is answered from memory (no database work for that request), and never
// after a write it does not show: a write through the API, another server on the same file,
// or a restore. Anything that depends on the caller (a login, arguments, a staff-only field,
// a private root field, a CORS origin) always runs through GraphQL.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { codesOf, startTestServer, type Auth, type TestServer } from "../helpers/server.js";
import { setUpFile } from "../helpers/setup.js";
import { uploadGql } from "../helpers/upload.js";
import { uiOperations } from "../helpers/ui-operations.js";
import { waitFor } from "../helpers/wait.js";

// Read before the server starts: plucking every UI file takes seconds of this process's time.
const buyOperations = uiOperations().filter((o) => o.file.includes("routes/buy/"));

let server: TestServer;
setUpFile(async () => {
  server = await startTestServer({ env: { CORS_ORIGINS: "https://partner.example" } });
});
afterAll(() => server?.stop());

const LIST = `{ allocations { id name price { formatted } } }`;

/** One request, and how many database operations it ran itself (0: answered from memory). */
async function ask(query: string, auth: Auth = {}) {
  const requestId = `pa-${randomUUID()}`;
  const r = await server.gql(query, {}, { ...auth, headers: { ...auth.headers, "x-request-id": requestId } });
  return { ...r, ran: server.app.services.db.stats.forRequest(requestId), requestId };
}

async function raw(init: { method: "GET" | "POST"; search?: string; body?: string; headers?: Record<string, string> }) {
  const requestId = `pa-${randomUUID()}`;
  const res = await fetch(`${server.url}/graphql${init.search ?? ""}`, {
    method: init.method,
    headers: { ...(init.body ? { "content-type": "application/json" } : {}), "x-request-id": requestId, ...init.headers },
    body: init.body,
  });
  return { res, text: await res.text(), ran: server.app.services.db.stats.forRequest(requestId), requestId };
}

const admin = () => ({ token: server.adminToken });
async function createBundle(name: string, priceMinor: number): Promise<string> {
  const r = await server.gql(`mutation($i: AllocationInput!) { createAllocation(input: $i) { id } }`, { i: { name, priceMinor, dataLimitMb: 100 } }, admin());
  expect(r.errors).toBeUndefined();
  return r.data.createAllocation.id;
}
const names = (r: { data?: { allocations: { name: string }[] } }) => (r.data?.allocations ?? []).map((a) => a.name);

describe("the bundle list, asked again", () => {
  it("is answered from memory, byte for byte, with the same headers", async () => {
    await createBundle("Shared 100", 100);
    const first = await raw({ method: "POST", body: JSON.stringify({ query: LIST }) });
    const second = await raw({ method: "POST", body: JSON.stringify({ query: LIST }) });
    expect(first.res.status).toBe(200);
    expect(JSON.parse(first.text).data.allocations.map((a: { name: string }) => a.name)).toContain("Shared 100");
    expect(first.ran).toBeGreaterThan(0);
    expect(second.ran).toBe(0);
    expect(second.text).toBe(first.text);
    for (const r of [first, second]) {
      expect(r.res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(r.res.headers.get("vary")).toMatch(/Origin/);
      expect(r.res.headers.get("x-request-id")).toBe(r.requestId);
      expect(r.res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
  });

  it("each Accept header gets the content type GraphQL gave it", async () => {
    const body = JSON.stringify({ query: LIST });
    const accept = "application/graphql-response+json";
    const a = await raw({ method: "POST", body, headers: { accept } });
    const b = await raw({ method: "POST", body, headers: { accept } });
    const plain = await raw({ method: "POST", body, headers: { accept: "application/json" } });
    expect(a.res.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
    expect(b.ran).toBe(0);
    expect(b.res.headers.get("content-type")).toBe(a.res.headers.get("content-type"));
    expect(plain.res.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("GET (what the /buy page's client sends) is shared with POST of the same query", async () => {
    const post = await raw({ method: "POST", body: JSON.stringify({ query: LIST }) });
    const get = await raw({ method: "GET", search: `?query=${encodeURIComponent(LIST)}` });
    const again = await raw({ method: "GET", search: `?query=${encodeURIComponent(LIST)}` });
    expect(get.text).toBe(post.text);
    expect(again.ran).toBe(0);
  });

  it("the /buy page's own queries, as its client sends them (GET, fragments and all), are shared", async () => {
    const ops = buyOperations.filter((o) => ["BuyAllocations", "BuyAppInfo"].includes(o.name));
    expect(ops.map((o) => o.name).sort()).toEqual(["BuyAllocations", "BuyAppInfo"]);
    for (const op of ops) {
      const search = `?query=${encodeURIComponent(op.source)}&operationName=${op.name}`;
      const headers = { accept: "application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed" };
      const first = await raw({ method: "GET", search, headers });
      const again = await raw({ method: "GET", search, headers });
      expect(JSON.parse(first.text).errors, op.name).toBeUndefined();
      expect(again.ran, op.name).toBe(0);
      expect(again.text, op.name).toBe(first.text);
    }
  });

  it("fragments are shared when every field they select is public, not otherwise", async () => {
    const shared = `query { allocations { ...Offer } } fragment Offer on Allocation { id name price { ...Amount } } fragment Amount on Money { formatted }`;
    await ask(shared);
    expect((await ask(shared)).ran).toBe(0);
    const staffOnly = `query { allocations { ...Offer } } fragment Offer on Allocation { id stock { available } }`;
    for (let i = 0; i < 2; i++) expect(codesOf(await ask(staffOnly))).toContain("UNAUTHENTICATED");
  });

  it("shows a bundle created, renamed or deleted through the API in the very next answer", async () => {
    const id = await createBundle("Fresh 200", 200);
    expect(names(await ask(LIST))).toContain("Fresh 200");
    expect((await ask(LIST)).ran).toBe(0);
    const renamed = await server.gql(`mutation($id: ID!) { updateAllocation(id: $id, input: { name: "Renamed 200", priceMinor: 200, dataLimitMb: 100 }) { name } }`, { id }, admin());
    expect(renamed.errors).toBeUndefined();
    const afterRename = await ask(LIST);
    expect(afterRename.ran).toBeGreaterThan(0);
    expect(names(afterRename)).toContain("Renamed 200");
    expect(names(afterRename)).not.toContain("Fresh 200");
    const deleted = await server.gql(`mutation($id: ID!) { deleteAllocation(id: $id) }`, { id }, admin());
    expect(deleted.errors).toBeUndefined();
    expect(names(await ask(LIST))).not.toContain("Renamed 200");
  });

  it("stays shared while other tables change (a sale does not drop the bundle list)", async () => {
    const id = await createBundle("Busy 300", 300);
    await server.gql(`mutation($id: ID!) { generateVouchers(input: { allocationId: $id, count: 2 }) { count } }`, { id }, admin());
    await ask(LIST);
    const sale = await server.gql(
      `mutation($id: ID!) { purchase(input: { allocationId: $id, fullName: "Ama Shared", phoneNumber: "0241112233", idempotencyKey: "${randomUUID()}" }) { transaction { status } } }`,
      { id },
    );
    expect(sale.data?.purchase.transaction.status, JSON.stringify(sale.errors)).toBe("PAID");
    expect((await ask(LIST)).ran).toBe(0);
  });

  it("shows the shop's new name in appInfo at once", async () => {
    const INFO = `{ appInfo { shopName } }`;
    await ask(INFO);
    const r = await server.gql(`mutation { updateShopSettings(input: { shopName: "Shared Shop" }) { shopName } }`, {}, admin());
    expect(r.errors).toBeUndefined();
    expect((await ask(INFO)).data.appInfo.shopName).toBe("Shared Shop");
  });
});

describe("answers that depend on the caller are never shared", () => {
  it("a staff-only field or a staff-only argument: refused every time, never a stored answer", async () => {
    for (const query of [
      `{ allocations { id stock { available } } }`,
      `{ allocations(includeInactive: true) { id } }`,
    ]) {
      const a = await ask(query);
      const b = await ask(query);
      expect(a.errors?.length, query).toBeGreaterThan(0);
      expect(b.errors, query).toEqual(a.errors);
      expect(codesOf(b).every((c) => c === "UNAUTHENTICATED" || c === "FORBIDDEN"), query).toBe(true);
    }
  });

  it("a signed-in request never takes a stored answer", async () => {
    await ask(LIST);
    const staff = await ask(LIST, admin());
    expect(staff.ran).toBeGreaterThan(0);
    // What staff were answered is never what a stranger gets for the same request text.
    for (const query of [`{ allocations(includeInactive: true) { name } }`, `{ allocations { id } me { username } }`]) {
      const signedIn = await ask(query, admin());
      expect(signedIn.errors, query).toBeUndefined();
      const stranger = await ask(query);
      if (query.includes("me {")) expect(stranger.data.me, query).toBeNull();
      else expect(codesOf(stranger), query).toContain("UNAUTHENTICATED");
      expect(JSON.stringify(stranger.data ?? null), query).not.toContain("admin");
    }
  });

  it("a listed partner origin gets its CORS headers on every answer", async () => {
    const body = JSON.stringify({ query: LIST });
    for (let i = 0; i < 2; i++) {
      const r = await raw({ method: "POST", body, headers: { origin: "https://partner.example" } });
      expect(r.res.headers.get("access-control-allow-origin")).toBe("https://partner.example");
    }
    const other = await raw({ method: "POST", body, headers: { origin: "https://evil.example" } });
    expect(other.res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("a POST that is not JSON is refused every time, even for a stored query", async () => {
    await raw({ method: "POST", body: JSON.stringify({ query: LIST }) });
    const res = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: LIST }) });
    expect(res.status).toBe(415);
  });
});

describe("writes the API did not make", () => {
  it("another server on the same database file: its rename is in this one's next answer", async () => {
    const id = await createBundle("Replica 400", 400);
    expect(names(await ask(LIST))).toContain("Replica 400");
    const other = await startTestServer({ dataDir: server.dataDir, env: { JOURNAL: "off" } });
    try {
      const r = await other.gql(`mutation($id: ID!) { updateAllocation(id: $id, input: { name: "Replica renamed", priceMinor: 400, dataLimitMb: 100 }) { name } }`, { id }, { token: other.adminToken });
      expect(r.errors).toBeUndefined();
      expect(names(await ask(LIST))).toContain("Replica renamed");
    } finally {
      await other.stop();
    }
  });

  it("a restore (which logs one BACKUP entry, not a change per row): the restored bundles and shop name at once", async () => {
    const id = await createBundle("Before restore", 500);
    await server.gql(`mutation { updateShopSettings(input: { shopName: "Before Restore Shop" }) { shopName } }`, {}, admin());
    const b = await server.gql(`mutation { createBackup(format: SQLITE) { fileName } }`, {}, admin());
    expect(b.errors).toBeUndefined();
    const file = path.join(server.dataDir, "backups", b.data.createBackup.fileName);
    await server.gql(`mutation($id: ID!) { updateAllocation(id: $id, input: { name: "After backup", priceMinor: 500, dataLimitMb: 100 }) { name } }`, { id }, admin());
    await server.gql(`mutation { updateShopSettings(input: { shopName: "After Backup Shop" }) { shopName } }`, {}, admin());
    const INFO = `{ appInfo { shopName } }`;
    expect(names(await ask(LIST))).toContain("After backup");
    expect((await ask(INFO)).data.appInfo.shopName).toBe("After Backup Shop");
    const restored = await uploadGql(server.url, `mutation($file: File!) { restoreBackup(file: $file) { sequence } }`, { path: file }, { token: server.adminToken });
    expect(restored.errors).toBeUndefined();
    const list = await ask(LIST);
    expect(names(list)).toContain("Before restore");
    expect(names(list)).not.toContain("After backup");
    // The settings cache learns of the restore from the change stream (its BACKUP entry).
    await waitFor(async () => (await ask(INFO)).data.appInfo.shopName === "Before Restore Shop", { what: "appInfo to show the restored shop name" });
  });
});

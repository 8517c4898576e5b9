// GET /exports/transactions.csv: auth, the same filters as the list, CSV escaping, and
// batching (5,000 rows in tie groups, so batch boundaries fall inside equal timestamps).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../api/modules/vouchers/csv.js";
import { EXPORT_BATCH } from "../../api/modules/transactions/export-route.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
let staff: string;
let staffOnly: string;
let allocation: { id: string; dbId: string };
let other: { id: string; dbId: string };

const ROWS = 5_000;
const t0 = Date.parse("2025-01-01T00:00:00Z");
const statuses = ["PAID", "PAID", "PAID", "FAILED", "PENDING"] as const;
const tricky = [
  { fullName: 'He said "hi", then left', reference: "CZ-XQUOTE01" },
  { fullName: "Line\nbreak", reference: "CZ-XBREAK01" },
  { fullName: "=HYPERLINK(\"http://x\")", reference: "CZ-XFORMUL1" },
  { fullName: "Adwoa Ɔkyere", reference: "CZ-XUNICOD1" },
];

async function createAllocation(name: string) {
  const r = await server.gql(
    `mutation($input: AllocationInput!) { createAllocation(input: $input) { id } }`,
    { input: { name, priceMinor: 150 * name.length, dataLimitMb: 10 * name.length } },
    { token: server.adminToken },
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  const id = r.data.createAllocation.id as string;
  return { id, dbId: Buffer.from(id, "base64").toString("utf8").split(":")[1]! };
}

async function download(query = "", headers: Record<string, string> = { authorization: `Bearer ${staff}` }) {
  const res = await fetch(`${server.url}/exports/transactions.csv${query}`, { headers });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { res, bytes, text: bytes.toString("utf8") };
}

/** Parsed data rows as objects keyed by the header. */
function rowsOf(text: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(text);
  return records.map((r) => Object.fromEntries(header!.fields.map((h, i) => [h, r.fields[i]!])));
}

let dataDir: string;

beforeAll(async () => {
  // Seed through one server, then test through a fresh one on the same data: seeding blocks
  // the event loop for seconds, and a keep-alive socket left idle that long may be reset.
  dataDir = mkdtempSync(path.join(tmpdir(), "cz-export-"));
  server = await startTestServer({ dataDir });
  allocation = await createAllocation("Export bundle");
  other = await createAllocation("Other");
  const prisma = server.app.services.prisma;
  // Seven sales per second: every batch of 1,000 ends inside a group of equal createdAt.
  await prisma.transaction.createMany({
    data: Array.from({ length: ROWS }, (_, i) => ({
      reference: `CZ-E${String(i).padStart(7, "0")}`,
      fullName: `Customer ${i}`,
      phoneNumber: `02000${String(i).padStart(5, "0")}`,
      allocationId: i % 10 === 0 ? other.dbId : allocation.dbId,
      amountMinor: 1000 + i,
      status: statuses[i % statuses.length]!,
      provider: "sandbox",
      providerReference: `EP-${i}`,
      createdAt: new Date(t0 + Math.floor(i / 7) * 1000),
    })),
  });
  await prisma.transaction.createMany({
    data: tricky.map((t, i) => ({
      ...t,
      phoneNumber: "0551000000",
      allocationId: allocation.dbId,
      amountMinor: 5,
      status: "PAID" as const,
      provider: "cash",
      createdAt: new Date(t0 - (i + 1) * 60_000),
    })),
  });
  await server.stop();
  server = await startTestServer({ dataDir });
  staff = await server.tokenFor("MANAGER");
  staffOnly = await server.tokenFor("STAFF");
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("transactions.csv", () => {
  it("needs a manager login", async () => {
    const forbidden = await download("", { authorization: `Bearer ${staffOnly}` });
    expect(forbidden.res.status).toBe(403);
    expect(JSON.parse(forbidden.text)).toMatchObject({ code: "FORBIDDEN" });
    const none = await download("", {});
    expect(none.res.status).toBe(401);
    expect(JSON.parse(none.text)).toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await download("", { authorization: "Bearer not-a-token" })).res.status).toBe(401);
  });

  it("streams every row once, newest first, across batches and equal timestamps", async () => {
    expect(ROWS).toBeGreaterThan(3 * EXPORT_BATCH);
    const { res, text } = await download();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="transactions-\d{8}-\d{4}\.csv"$/);
    const rows = rowsOf(text);
    expect(rows).toHaveLength(ROWS + tricky.length);
    const db = await server.app.services.prisma.transaction.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { reference: true } });
    expect(rows.map((r) => r.reference)).toEqual(db.map((r) => r.reference));
    const one = rows.find((r) => r.reference === "CZ-E0000014")!;
    expect(one).toMatchObject({
      status: "PENDING", fullName: "Customer 14", phoneNumber: "0200000014", allocation: "19.5_GHS__130MB",
      amount: "10.14", refunded: "0.00", currency: "GHS", provider: "sandbox", providerReference: "EP-14", voucher: "", voucherDelivered: "false",
      createdAt: new Date(t0 + 2000).toISOString(), paidAt: "",
    });
  });

  it("escapes quotes, commas and line breaks, and defuses formulas", async () => {
    const { text, bytes } = await download("?search=0551000000");
    // A UTF-8 byte order mark first, so Excel reads the names right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain('"He said ""hi"", then left"');
    const byRef = Object.fromEntries(rowsOf(text).map((r) => [r.reference, r.fullName]));
    expect(byRef).toEqual({
      "CZ-XQUOTE01": 'He said "hi", then left',
      "CZ-XBREAK01": "Line\nbreak",
      "CZ-XFORMUL1": "'=HYPERLINK(\"http://x\")",
      "CZ-XUNICOD1": "Adwoa Ɔkyere",
    });
  });

  it("honours the list's filters", async () => {
    const prisma = server.app.services.prisma;
    const count = async (query: string) => rowsOf((await download(query)).text).length;
    expect(await count("?status=PENDING&status=FAILED")).toBe(await prisma.transaction.count({ where: { status: { in: ["PENDING", "FAILED"] } } }));
    expect(await count("?status=PAID")).toBe(await prisma.transaction.count({ where: { status: "PAID" } }));
    expect(await count(`?allocationId=${encodeURIComponent(other.id)}`)).toBe(ROWS / 10);
    const from = new Date(t0 + 100_000).toISOString();
    const to = new Date(t0 + 200_000).toISOString();
    const window = rowsOf((await download(`?from=${from}&to=${to}`)).text);
    expect(window).toHaveLength(700);
    expect(window.every((r) => r.createdAt >= from && r.createdAt < to)).toBe(true);
    expect(rowsOf((await download("?search=cz-e0000042")).text).map((r) => r.reference)).toEqual(["CZ-E0000042"]);
  });

  it("answers 400 for a bad filter", async () => {
    for (const query of ["?status=SOLD", "?from=yesterday", "?allocationId=nope"]) {
      const { res, text } = await download(query);
      expect(res.status).toBe(400);
      expect(JSON.parse(text)).toMatchObject({ code: "BAD_USER_INPUT" });
    }
  });

  it("accepts the session cookie and writes a log entry", async () => {
    const login = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation { login(username: "admin", password: "admin-pass-123") { token } }` }),
    });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const { res, text } = await download("?status=FAILED", { cookie, "x-request-id": "export-test-1" });
    expect(res.status).toBe(200);
    const rows = rowsOf(text).length;
    await server.app.services.log.flush();
    const entry = await server.app.services.prisma.logEntry.findFirst({ where: { requestId: "export-test-1", kind: "REQUEST" } });
    expect(entry?.message).toMatch(new RegExp(`^export transactions\\.csv ok: ${rows} rows`));
    expect(entry?.actorLabel).toBe("admin");
  });
});

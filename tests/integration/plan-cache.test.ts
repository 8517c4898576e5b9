// The query-plan cache (api/db/plan-cache.ts): repeated reads reuse their compiled plan but
// always read current data; writes are never cached (their plans may hold generated values).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type Db } from "../../api/db/client.js";
import { planCacheStats } from "../../api/db/plan-cache.js";

let db: Db;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "cz-plan-cache-"));
  db = await openDatabase(path.join(dir, "chillzone.db"), "plan-cache-test");
});
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const make = (code: string) => db.prisma.allocation.create({ data: { code, name: code, priceMinor: 100, currency: "GHS", validityHours: 24 } });

it("a repeated read reuses its plan and still sees the latest rows", async () => {
  const list = () => db.prisma.allocation.findMany({ where: { active: true }, orderBy: { code: "asc" } });
  expect(await list()).toEqual([]);
  const hits = planCacheStats.hits;
  await make("A_PASS");
  const after = await list();
  expect(after.map((a) => a.code)).toEqual(["A_PASS"]);
  expect(planCacheStats.hits).toBe(hits + 1);
});

it("never caches a write: each create gets its own id and timestamps", async () => {
  const before = { ...planCacheStats };
  const a = await make("B_PASS");
  const b = await make("C_PASS");
  expect(a.id).not.toBe(b.id);
  expect(planCacheStats).toEqual(before);
});

it("different values are different plans", async () => {
  const one = await db.prisma.allocation.findUnique({ where: { code: "B_PASS" } });
  const two = await db.prisma.allocation.findUnique({ where: { code: "C_PASS" } });
  expect([one?.code, two?.code]).toEqual(["B_PASS", "C_PASS"]);
});

// Request-finished entries stay bounded: successful anonymous reads are counted, not written
// (unless REQUEST_LOG_ANONYMOUS_READS=on), and the retention job deletes REQUEST entries by
// level and age while audit entries (changes, logins, system) are never pruned.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneRequestEntries } from "../../api/modules/logs/index.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { poll } from "../helpers/journal.js";

type Row = { sequence: number; kind: string; level: string; message: string; actorLabel: string | null };
const rows = (s: TestServer, sql = "SELECT sequence, kind, level, message, actorLabel FROM LogEntry ORDER BY sequence") =>
  s.app.services.db.exclusive((db) => (db.prepare(sql).all() as Row[]).map((r) => ({ ...r, sequence: Number(r.sequence) })));
const DAY = 86_400_000;
const BUNDLES = `query PublicBundles { allocations { id name } }`;

describe("request log: anonymous reads", () => {
  let s: TestServer;
  beforeAll(async () => (s = await startTestServer()));
  afterAll(() => s?.stop());

  it("writes no row for a successful anonymous read, but does for a failed one and for staff reads", async () => {
    await s.app.services.log.flush();
    const before = (await rows(s)).at(-1)!.sequence;
    for (let i = 0; i < 5; i++) expect((await s.gql(BUNDLES, {}, { headers: { "x-request-id": `anon-${i}` } })).errors).toBeUndefined();
    const bad = await s.gql(`query BadLookup { logs(first: 1) { edges { cursor } } }`);
    expect(bad.errors).toBeDefined();
    await s.gql(`query StaffBundles { allocations { id name } }`, {}, { token: s.adminToken });
    await s.app.services.log.flush();
    const added = (await rows(s)).filter((r) => r.sequence > before && r.kind === "REQUEST");
    expect(added.some((r) => r.message.startsWith("query PublicBundles"))).toBe(false);
    expect(added.some((r) => r.message.startsWith("query BadLookup") && r.level === "WARN")).toBe(true);
    expect(added.some((r) => r.message.startsWith("query StaffBundles ok") && r.level === "DEBUG")).toBe(true);
    // Still counted: the metrics hold every operation.
    const metrics = await s.app.services.metrics.render();
    expect(metrics).toMatch(/operation="PublicBundles"[^\n]*\} 5\b/);
  });
});

describe("anonymous limits, checked once per document", () => {
  let s: TestServer;
  beforeAll(async () => (s = await startTestServer()));
  afterAll(() => s?.stop());

  it("refuses the same over-limit document every time it is sent, and lets staff run it", async () => {
    const many = `query Many { a: allocations { id } b: allocations { id } c: allocations { id } d: allocations { id } }`;
    for (let i = 0; i < 3; i++) {
      const r = await s.gql(many);
      expect(r.data ?? null).toBeNull();
      expect(r.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    }
    expect((await s.gql(many, {}, { token: s.adminToken })).errors).toBeUndefined();
    await s.app.services.log.flush();
    expect((await rows(s)).filter((r) => r.level === "WARN" && r.message.startsWith("Request refused"))).toHaveLength(3);
  });
});

describe("request log: anonymous reads on", () => {
  let s: TestServer;
  beforeAll(async () => (s = await startTestServer({ env: { REQUEST_LOG_ANONYMOUS_READS: "on" } })));
  afterAll(() => s?.stop());

  it("writes one DEBUG row per anonymous read when asked to", async () => {
    for (let i = 0; i < 3; i++) await s.gql(BUNDLES);
    await s.app.services.log.flush();
    expect((await rows(s)).filter((r) => r.message.startsWith("query PublicBundles ok") && r.level === "DEBUG")).toHaveLength(3);
  });
});

describe("log retention", () => {
  let s: TestServer;
  beforeAll(async () => (s = await startTestServer({ env: { LOG_RETENTION_DAYS: "DEBUG=7,INFO=90,WARN=30" } })));
  afterAll(() => s?.stop());

  it("prunes request entries by level and age, never audit entries", async () => {
    const token = s.adminToken; // login: an AUTH entry
    for (let i = 0; i < 3; i++) await s.gql(`query StaffRead { allocations { id } }`, {}, { token }); // DEBUG
    const created = await s.gql(`mutation Make($i: AllocationInput!) { createAllocation(input: $i) { id } }`, { i: { name: "Retention pass", priceMinor: 700, dataLimitMb: 700 } }, { token }); // INFO + CREATE
    expect(created.errors).toBeUndefined();
    await s.gql(`query Broken { logs(first: 1) { edges { cursor } } }`); // WARN
    s.app.services.log.write({ kind: "REQUEST", level: "ERROR", message: "query Crashed INTERNAL in 1 ms" });
    await s.app.services.log.flush();
    // The journal has everything (the job never deletes past it).
    await poll("the journal to catch up", () => s.app.services.journal.status().lag === 0);
    const all = await rows(s);
    const count = (kind: string, level?: string) => all.filter((r) => r.kind === kind && (!level || r.level === level)).length;
    expect(count("REQUEST", "DEBUG")).toBeGreaterThanOrEqual(3);
    expect(count("REQUEST", "INFO")).toBeGreaterThanOrEqual(1);
    expect(count("REQUEST", "WARN")).toBeGreaterThanOrEqual(1);
    const audit = all.filter((r) => r.kind !== "REQUEST");
    expect(audit.some((r) => r.kind === "CREATE")).toBe(true);
    expect(audit.some((r) => r.kind === "AUTH")).toBe(true);

    // Now: nothing is old enough.
    expect((await pruneRequestEntries(s.app.services)).deleted).toBe(0);
    expect(await rows(s)).toEqual(all);

    // Eight days on: the DEBUG entries go, everything else stays.
    const week = await pruneRequestEntries(s.app.services, { now: new Date(Date.now() + 8 * DAY) });
    expect(week.deleted).toBe(count("REQUEST", "DEBUG"));
    expect(await rows(s)).toEqual(all.filter((r) => !(r.kind === "REQUEST" && r.level === "DEBUG")));

    // A hundred days on: INFO and WARN requests go too; ERROR is kept (no retention given), audit entries are kept.
    await pruneRequestEntries(s.app.services, { now: new Date(Date.now() + 100 * DAY) });
    const left = await rows(s);
    expect(left.filter((r) => r.kind === "REQUEST").map((r) => r.level)).toEqual(["ERROR"]);
    expect(left.filter((r) => r.kind !== "REQUEST")).toEqual(audit);
    // The full-text index lost the pruned entries with them.
    const indexed = await s.app.services.db.exclusive((db) => Number(db.prepare(`SELECT count(*) FROM LogEntrySearch WHERE LogEntrySearch MATCH 'StaffRead'`).pluck().get()));
    expect(indexed).toBe(0);
  });

  it("never deletes entries the backup journal has not written yet", async () => {
    await s.gql(`query Fresh { allocations { id } }`, {}, { token: s.adminToken });
    await s.app.services.log.flush();
    await poll("the journal to catch up", () => s.app.services.journal.status().lag === 0);
    const fresh = (await rows(s)).find((r) => r.message.startsWith("query Fresh"))!;
    // A stand-in journal that is behind the log: nothing after its last sequence may go.
    const behind = { ...s.app.services, journal: { enabled: true, status: () => ({ ...s.app.services.journal.status(), lastSequence: fresh.sequence - 1 }) } } as never;
    await pruneRequestEntries(behind, { now: new Date(Date.now() + 8 * DAY) });
    expect((await rows(s)).some((r) => r.sequence === fresh.sequence)).toBe(true);
    // Once the journal has it, it goes.
    await pruneRequestEntries(s.app.services, { now: new Date(Date.now() + 8 * DAY) });
    expect((await rows(s)).some((r) => r.sequence === fresh.sequence)).toBe(false);
  });
});

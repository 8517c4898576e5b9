// The schedule (BACKUP_SCHEDULE through croner), retention (BACKUP_KEEP, BACKUP_KEEP_DAYS),
// backupProgress (RUNNING with growing progress, then DONE, from the change stream), the
// schedule's settings, and config validation.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../api/core/config.js";
import { applyRetention } from "../../api/modules/backups/retention.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { watch } from "../helpers/watch.js";

let server: TestServer;

const seqNow = (s: TestServer) => Number(s.app.services.reader.read<{ s: number }>(`SELECT coalesce(max(sequence), 0) AS s FROM LogEntry`, [])[0]!.s);

beforeAll(async () => {
  server = await startTestServer({ env: { BACKUP_SCHEDULE: "off", BACKUP_KEEP: "2" } });
  const a = await server.gql(`mutation { createAllocation(input: { name: "P", priceMinor: 100, dataLimitMb: 100 }) { id } }`, {}, { token: server.adminToken });
  await server.gql(`mutation($a: ID!) { generateVouchers(input: { allocationId: $a, count: 5000 }) { count } }`, { a: a.data.createAllocation.id }, { token: server.adminToken });
});

afterAll(async () => {
  await server?.stop();
});

type P = { backupProgress: { backupId: string; status: string; done: number; total: number; fraction: number; format: string; trigger: string } };

describe("backupProgress", () => {
  it("follows a backup from RUNNING through growing progress to DONE", async () => {
    const since = seqNow(server);
    const w = watch<P>(server.ws({ authorization: server.adminToken }), `subscription($s: Int) { backupProgress(since: $s) { backupId status done total fraction format trigger } }`, { s: since });
    const r = await server.gql(`mutation { createBackup(format: HTML) { id } }`, {}, { token: server.adminToken });
    const id = r.data.createBackup.id;
    const events = (await w.until((items) => items.some((i) => i.backupProgress.backupId === id && i.backupProgress.status === "DONE"), "DONE")).map((i) => i.backupProgress).filter((p) => p.backupId === id);
    w.stop();
    expect(events[0]).toMatchObject({ status: "RUNNING", format: "HTML", trigger: "MANUAL", fraction: 0 });
    expect(events.at(-1)).toMatchObject({ status: "DONE", fraction: 1 });
    const fractions = events.map((e) => e.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(events.at(-1)!.done).toBe(events.at(-1)!.total);
    expect(events.at(-1)!.total).toBeGreaterThan(5000);
  });

  it("is for managers: staff are refused", async () => {
    const staff = await server.tokenFor("STAFF");
    const w = watch(server.ws({ authorization: staff }), `subscription { backupProgress { status } }`);
    await w.ended("refusal");
    expect(JSON.stringify(w.errors)).toContain("FORBIDDEN");
  });
});

describe("retention", () => {
  it("BACKUP_KEEP=2 keeps the two newest finished backups and deletes the others' files", async () => {
    const made: { id: string; fileName: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await server.gql(`mutation { createBackup(format: SQLITE) { id fileName } }`, {}, { token: server.adminToken });
      made.push(r.data.createBackup);
    }
    const list = await server.gql(`{ backups(first: 10) { edges { node { id } } } }`, {}, { token: server.adminToken });
    expect(list.data.backups.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([made[2]!.id, made[1]!.id]);
    const dir = path.join(server.dataDir, "backups");
    expect(made.map((m) => existsSync(path.join(dir, m.fileName)))).toEqual([false, true, true]);
  });

  it("BACKUP_KEEP_DAYS removes older backups but never the newest one", async () => {
    const services = server.app.services;
    const rows = await services.prisma.backup.findMany({ where: { status: "DONE" }, orderBy: { createdAt: "desc" } });
    const later = new Date(Date.now() + 10 * 86_400_000);
    const removed = await applyRetention({ ...services, config: { ...services.config, backups: { ...services.config.backups, keep: undefined, keepDays: 1 } } }, later);
    expect(removed).toBe(rows.length - 1);
    const left = await services.prisma.backup.findMany({ where: { status: "DONE" } });
    expect(left.map((b) => b.id)).toEqual([rows[0]!.id]);
  });
});

describe("schedule", () => {
  it("takes SCHEDULED backups on the cron expression, in the configured format", async () => {
    // Every second (croner's six-field form), so the test waits for a condition, not a clock.
    const s = await startTestServer({ env: { BACKUP_SCHEDULE: "* * * * * *", BACKUP_SCHEDULE_FORMAT: "HTML" } });
    try {
      const w = watch<P>(s.ws({ authorization: s.adminToken }), `subscription($s: Int) { backupProgress(since: $s) { backupId status trigger format } }`, { s: 0 });
      const done = await w.until((items) => items.some((i) => i.backupProgress.status === "DONE"), "a scheduled backup", 30_000);
      w.stop();
      expect(done.find((i) => i.backupProgress.status === "DONE")!.backupProgress).toMatchObject({ trigger: "SCHEDULED", format: "HTML" });
      const settings = await s.gql(`{ backupSettings { schedule scheduleFormat timeZone nextRunAt } }`, {}, { token: s.adminToken });
      expect(settings.data.backupSettings).toMatchObject({ schedule: "* * * * * *", scheduleFormat: "HTML", timeZone: "Africa/Accra" });
      expect(Date.parse(settings.data.backupSettings.nextRunAt)).toBeGreaterThan(0);
    } finally {
      await s.stop();
    }
  });

  it("the default is daily at 02:00 in Africa/Accra; bad values name the variable", async () => {
    const c = loadConfig({ DATA_DIR: "/tmp/x" });
    expect(c.backups).toMatchObject({ schedule: "0 2 * * *", dir: "/tmp/x/backups", scheduleFormat: "SQLITE" });
    expect(c.timeZone).toBe("Africa/Accra");
    const settings = await server.gql(`{ backupSettings { schedule keep keepDays } }`, {}, { token: server.adminToken });
    expect(settings.data.backupSettings).toEqual({ schedule: null, keep: 2, keepDays: null });
    expect(() => loadConfig({ BACKUP_SCHEDULE: "every day" })).toThrow(/BACKUP_SCHEDULE/);
    expect(() => loadConfig({ TIME_ZONE: "Mars/Olympus" })).toThrow(/TIME_ZONE/);
    expect(() => loadConfig({ BACKUP_KEEP: "0" })).toThrow(/BACKUP_KEEP/);
    expect(loadConfig({ BACKUP_SCHEDULE: "off" }).backups.schedule).toBeNull();
  });
});

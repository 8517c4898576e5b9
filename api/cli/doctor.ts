// doctor: what an operator checks first when something is off. Each check prints one line
// (ok / warn / FAIL, name, detail); exit 1 when any check fails, warnings alone exit 0.
// Read-only: it never creates the database or applies migrations.
import { accessSync, constants, existsSync, statfsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { createClient } from "redis";
import type { Command } from "commander";
import { ConfigError, loadConfig, type Config } from "../core/config.js";
import { verifyJournal } from "../journal/read.js";
import { pendingMigrations } from "./migrate.js";
import { EXIT } from "./exit.js";

type Status = "ok" | "warn" | "fail" | "skip";
type Check = { name: string; status: Status; detail: string };

const GB = 1024 ** 3;

function disk(dir: string): Check {
  const s = statfsSync(existsSync(dir) ? dir : path.dirname(dir));
  const free = s.bavail * s.bsize;
  const share = free / (s.blocks * s.bsize);
  const detail = `${(free / GB).toFixed(1)} GB free (${Math.round(share * 100)}%) where DATA_DIR is`;
  if (free < 0.1 * GB) return { name: "disk", status: "fail", detail: `${detail}: SQLite stops writing when the disk fills` };
  if (free < 1 * GB || share < 0.05) return { name: "disk", status: "warn", detail: `${detail}: make room before the disk fills` };
  return { name: "disk", status: "ok", detail };
}

function dataDir(cfg: Config): Check {
  if (!existsSync(cfg.dataDir)) return { name: "data dir", status: "warn", detail: `${cfg.dataDir} does not exist yet: the server creates it at first start` };
  try {
    accessSync(cfg.dataDir, constants.W_OK);
    return { name: "data dir", status: "ok", detail: `${cfg.dataDir} is writable` };
  } catch {
    return { name: "data dir", status: "fail", detail: `${cfg.dataDir} is not writable by this user: the server cannot save anything` };
  }
}

function database(cfg: Config): Check[] {
  if (!existsSync(cfg.dbFile)) return [{ name: "database", status: "warn", detail: `no database at ${cfg.dbFile} yet: it is created at first start` }];
  const out: Check[] = [];
  let db: Database.Database | undefined;
  try {
    db = new Database(cfg.dbFile, { readonly: true, fileMustExist: true, timeout: 5000 });
    const check = db.pragma("quick_check", { simple: true });
    out.push(check === "ok" ? { name: "database", status: "ok", detail: `${cfg.dbFile} passes SQLite's quick_check` } : { name: "database", status: "fail", detail: `quick_check: ${String(check)}; restore the last good backup` });
    const pending = pendingMigrations(cfg.dbFile);
    out.push(pending.length ? { name: "migrations", status: "warn", detail: `${pending.length} pending (applied at the next start, or run \`chillzone migrate\`)` } : { name: "migrations", status: "ok", detail: "up to date" });
    const hasUsers = db.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='User'`).get();
    if (hasUsers) {
      const admins = (db.prepare(`SELECT COUNT(*) AS n FROM "User" WHERE role = 'ADMIN'`).get() as { n: number }).n;
      out.push(admins ? { name: "admins", status: "ok", detail: `${admins} admin user(s)` } : { name: "admins", status: "warn", detail: "no admin user: run `chillzone create-admin NAME`" });
      const routers = (db.prepare(`SELECT COUNT(*) AS n FROM "Router"`).get() as { n: number }).n;
      out.push({ name: "routers", status: "skip", detail: `${routers} router(s) set up; connecting to them is not in this version` });
    }
  } catch (err) {
    out.push({ name: "database", status: "fail", detail: `cannot read ${cfg.dbFile}: ${(err as Error).message}` });
  } finally {
    db?.close();
  }
  return out;
}

async function redis(cfg: Config): Promise<Check> {
  if (!cfg.redisUrl) return { name: "redis", status: "skip", detail: "REDIS_URL not set (fine for one replica)" };
  const where = new URL(cfg.redisUrl).host;
  const client = createClient({ url: cfg.redisUrl, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  client.on("error", () => {});
  try {
    await client.connect();
    const pong = await client.ping();
    return { name: "redis", status: "ok", detail: `${where} answers ${pong}` };
  } catch (err) {
    return { name: "redis", status: "fail", detail: `${where}: ${(err as Error).message || "unreachable"}; replicas will miss each other's live events` };
  } finally {
    await client.quit().catch(() => client.disconnect().catch(() => {}));
  }
}

export async function runDoctor(): Promise<Check[]> {
  let cfg: Config;
  try {
    cfg = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) return [{ name: "config", status: "fail", detail: err.message.replace(/\n\s*/g, " ") }];
    throw err;
  }
  return [
    { name: "config", status: "ok", detail: `environment is valid (NODE_ENV=${cfg.env}, PORT=${cfg.port})` },
    dataDir(cfg),
    disk(cfg.dataDir),
    ...database(cfg),
    existsSync(path.join(cfg.uiDir, "handler.js")) ? { name: "dashboard", status: "ok" as const, detail: `built at ${cfg.uiDir}` } : { name: "dashboard", status: "warn" as const, detail: `no build at ${cfg.uiDir}: the API works, the dashboard does not` },
    await redis(cfg),
    journal(cfg),
  ];
}

/** The backup journal proven complete (checksums, contiguous sequences) and how far it is behind the log. */
function journal(cfg: Config): Check {
  if (!cfg.journal.enabled) return { name: "journal", status: "warn", detail: "JOURNAL=off: changes are not copied to BACKUP_DIR as they happen (benchmarks only)" };
  const dir = path.join(cfg.backups.dir, "journal");
  if (!existsSync(cfg.backups.dir)) return { name: "journal", status: "warn", detail: `BACKUP_DIR ${cfg.backups.dir} does not exist: the server creates it at start (if it is the backup disk's mount point, mount the disk first); a running server refuses writes until it is back` };
  try {
    accessSync(cfg.backups.dir, constants.W_OK);
  } catch {
    return { name: "journal", status: "fail", detail: `BACKUP_DIR ${cfg.backups.dir} is not writable by this user: the server refuses writes` };
  }
  if (!existsSync(dir)) return { name: "journal", status: "warn", detail: `no journal in ${cfg.backups.dir} yet: the server starts it` };
  const v = verifyJournal(dir);
  if (!v.ok) return { name: "journal", status: "fail", detail: `${v.problems.slice(0, 3).join("; ")}: take a full backup now (the journal restarts from it)` };
  let logMax = 0;
  if (existsSync(cfg.dbFile)) {
    const db = new Database(cfg.dbFile, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      logMax = Number(db.prepare(`SELECT coalesce(max(sequence), 0) FROM LogEntry`).pluck().get());
    } catch {
      // no log table yet
    } finally {
      db.close();
    }
  }
  const behind = Math.max(0, logMax - (v.lastSequence ?? 0));
  const detail = `${v.frames.toLocaleString("en-US")} entries in ${v.segments.length} segment(s), checksums and sequences proven${v.lastSequence !== null ? ` up to #${v.lastSequence}` : ""}${v.tornBytes ? `; a torn last line (${v.tornBytes} bytes) is repaired at the next start` : ""}`;
  return behind > 0 ? { name: "journal", status: "warn", detail: `${detail}; ${behind} newer log entries are copied at the next start or within a second by a running server` } : { name: "journal", status: "ok", detail };
}

export function doctorCommand(program: Command): void {
  program
    .command("doctor")
    .description("Check configuration, database, disk space, Redis and the dashboard build")
    .option("--json", "print the checks as JSON")
    .action(async (opts: { json?: boolean }) => {
      const checks = await runDoctor();
      if (opts.json) console.log(JSON.stringify(checks, null, 2));
      else for (const c of checks) console.log(`${(c.status === "fail" ? "FAIL" : c.status).padEnd(5)} ${c.name.padEnd(11)} ${c.detail}`);
      if (checks.some((c) => c.status === "fail")) process.exitCode = EXIT.FAILED;
    });
}

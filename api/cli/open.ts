// What commands share: the validated configuration and the database, opened as the server
// opens it (migrations, change triggers), with every write stamped as done by "system:cli"
// in the audit log.
import { randomUUID } from "node:crypto";
import { ConfigError, loadConfig, type Config } from "../core/config.js";
import { openDatabase, type Db } from "../db/client.js";
import { runInScope } from "../db/request-context.js";
import { CliError } from "./exit.js";

export function config(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
}

/** Runs fn with the database open, as the CLI actor; closes it afterwards. */
export async function withDb<T>(cfg: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(cfg.dbFile, `cli-${randomUUID().slice(0, 4)}`);
  try {
    return await runInScope({ actor: { kind: "system", label: "cli" }, requestId: `cli-${randomUUID()}` }, () => fn(db));
  } finally {
    await db.close();
  }
}

/** A password from stdin (first line) with --password-stdin, else a random one to print once. */
export async function passwordFrom(opts: { passwordStdin?: boolean }): Promise<{ password: string; generated: boolean }> {
  if (!opts.passwordStdin) {
    const { randomBytes } = await import("node:crypto");
    return { password: randomBytes(12).toString("base64url"), generated: true };
  }
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const password = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  if (password.length < 8) throw new CliError("The password from stdin must be at least 8 characters", 2);
  return { password, generated: false };
}

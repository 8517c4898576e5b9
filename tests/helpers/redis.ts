// A real Redis for tests: Debian's redis-server on a free loopback port, no persistence,
// started as a daemon with a pid file and stopped by that pid (never by name).
// Tests skip through tests/helpers/external.ts `missing("redis-server", hasRedis())`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type RedisServer = {
  port: number;
  url: string;
  /** pid of the running server, or null while stopped. */
  pid(): number | null;
  /** Kills the server (SIGKILL by default: a crash, not a goodbye) and waits until it is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port. */
  restart(): Promise<void>;
  /** Stops it and removes its directory. */
  dispose(): Promise<void>;
};

/** A port nobody listens on right now (the kernel's pick for port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves when the server answers PING with PONG. */
export async function waitForPong(port: number, deadlineMs = 10_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = createConnection({ host: "127.0.0.1", port });
      let buf = "";
      const done = (v: boolean) => {
        sock.destroy();
        resolve(v);
      };
      sock.setTimeout(1000, () => done(false));
      sock.on("error", () => done(false));
      sock.on("connect", () => sock.write("PING\r\n"));
      sock.on("data", (d) => {
        buf += d.toString();
        if (buf.includes("\r\n")) done(buf.startsWith("+PONG"));
      });
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`redis on port ${port} did not answer PING`);
    await sleep(50);
  }
}

export async function startRedis(opts: { port?: number } = {}): Promise<RedisServer> {
  const port = opts.port ?? (await freePort());
  const dir = mkdtempSync(path.join(tmpdir(), "cz-redis-"));
  const pidFile = path.join(dir, "redis.pid");
  let pid: number | null = null;

  async function start() {
    rmSync(pidFile, { force: true });
    execFileSync("redis-server", [
      "--port", String(port),
      "--bind", "127.0.0.1",
      "--save", "",
      "--appendonly", "no",
      "--daemonize", "yes",
      "--pidfile", pidFile,
      "--dir", dir,
      "--logfile", path.join(dir, "redis.log"),
    ]);
    const until = Date.now() + 10_000;
    while (!existsSync(pidFile) || !readFileSync(pidFile, "utf8").trim()) {
      if (Date.now() > until) throw new Error(`redis-server wrote no pid file; log:\n${readLog()}`);
      await sleep(20);
    }
    pid = Number(readFileSync(pidFile, "utf8").trim());
    await waitForPong(port).catch((err: Error) => {
      throw new Error(`${err.message}; log:\n${readLog()}`);
    });
  }

  function readLog(): string {
    try {
      return readFileSync(path.join(dir, "redis.log"), "utf8").slice(-2000);
    } catch {
      return "(no log)";
    }
  }

  async function stop(signal: NodeJS.Signals = "SIGKILL") {
    if (pid === null) return;
    const p = pid;
    pid = null;
    try {
      process.kill(p, signal);
    } catch {
      return;
    }
    const until = Date.now() + 10_000;
    while (alive(p)) {
      if (Date.now() > until) throw new Error(`redis-server ${p} did not exit`);
      await sleep(20);
    }
  }

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    pid: () => pid,
    stop,
    restart: start,
    async dispose() {
      await stop("SIGTERM").catch(() => stop("SIGKILL"));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

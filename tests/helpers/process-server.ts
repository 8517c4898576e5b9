// The app as a separate OS process (`node --import tsx api/main.ts`), for tests that need
// several replicas at once: e.g. two API processes sharing one DATA_DIR and one Redis.
// In-process tests use tests/helpers/server.ts; this one talks to the child only over
// HTTP and graphql-ws, exactly like a deployed replica.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { createClient, type Client } from "graphql-ws";
import { ADMIN, type Auth, type GqlResult } from "./server.js";
import { freePort } from "./redis.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The longest a process start may take before it counts as hung. */
export const STARTUP_MS = 240_000;

export type ProcessServer = {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, auth?: Auth): Promise<GqlResult<T>>;
  login(username?: string, password?: string): Promise<string>;
  ws(connectionParams?: Record<string, unknown>): Client;
  /** SIGTERM, then SIGKILL if it has not exited in time. */
  stop(): Promise<void>;
};

export async function startProcessServer(opts: { name: string; dataDir: string; env?: Record<string, string>; nodeArgs?: string[]; /** Another checkout to run (a benchmark's "before"). */ root?: string }): Promise<ProcessServer> {
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: opts.dataDir,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "warn",
    // A UI build is not needed for API tests.
    UI_DIR: path.join(opts.dataDir, "no-ui"),
    ...opts.env,
  };
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", "api/main.ts"], { cwd: opts.root ?? root, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const keep = (d: Buffer) => {
    out += d.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;

  // Ready when /healthz answers; fail fast if the process dies first. The deadline only turns
  // a hang into a failure: a start takes ~20 s here when quiet and minutes on a shared,
  // loaded machine (callers give their hooks STARTUP_MS per process to match).
  const until = Date.now() + STARTUP_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${opts.name} exited with ${child.exitCode}:\n${out.slice(-4000)}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      child.kill("SIGKILL");
      throw new Error(`${opts.name} did not become healthy:\n${out.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const clients: Client[] = [];
  async function gql<T>(query: string, variables?: Record<string, unknown>, auth: Auth = {}): Promise<GqlResult<T>> {
    const headers: Record<string, string> = { "content-type": "application/json", "x-graphql-yoga-csrf": "1", ...auth.headers };
    if (auth.token) headers.authorization = `Bearer ${auth.token}`;
    if (auth.apiKey) headers["x-api-key"] = auth.apiKey;
    const res = await fetch(`${url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as GqlResult<T>;
    return { ...body, status: res.status, headers: res.headers };
  }

  return {
    name: opts.name,
    port,
    url,
    child,
    output: () => out,
    gql,
    async login(username = ADMIN.username, password = ADMIN.password) {
      const r = await gql<{ login: { token: string } }>(
        `mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
        { u: username, p: password },
      );
      if (!r.data?.login) throw new Error(`login on ${opts.name} failed: ${JSON.stringify(r.errors)}`);
      return r.data.login.token;
    },
    ws(connectionParams) {
      const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.allSettled(clients.map((c) => c.dispose()));
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

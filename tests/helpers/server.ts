// The one test server helper: the real app on a free port with a temp DATA_DIR,
// reached over real HTTP and a real graphql-ws client.
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import WebSocket from "ws";
import { createClient, type Client } from "graphql-ws";
import { buildApp, type App } from "../../api/app.js";
import { loadConfig } from "../../api/core/config.js";

export const ADMIN = { username: "admin", password: "admin-pass-123" };

export type GqlResult<T = any> = {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: (string | number)[] }[];
  status: number;
  headers: Headers;
};

export type Auth = {
  token?: string;
  apiKey?: string;
  headers?: Record<string, string>;
  /** Connect from this local address (any of 127.0.0.0/8), to act as another client address. */
  from?: string;
};

export type TestServer = {
  app: App;
  url: string;
  port: number;
  dataDir: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, auth?: Auth): Promise<GqlResult<T>>;
  login(username?: string, password?: string): Promise<string>;
  adminToken: string;
  /** Creates a user with the role and returns a token for it. */
  tokenFor(role: "ADMIN" | "MANAGER" | "STAFF"): Promise<string>;
  ws(connectionParams?: Record<string, unknown>): Client;
  stop(): Promise<void>;
};

/**
 * Timing knobs a whole run may set from outside (e.g. `OUTBOX_POLL_MS=10 npm test` to make
 * the background pollers busy): passed through to every in-process server unless a test
 * sets its own value.
 */
const PASSED_THROUGH = ["OUTBOX_POLL_MS", "RECONCILE_INTERVAL_MS", "OUTBOX_RETRY_BASE_MS", "OUTBOX_RETRY_MAX_MS", "SUBSCRIPTION_AUTH_CHECK_MS"] as const;
const fromOutside = (): Record<string, string> =>
  Object.fromEntries(PASSED_THROUGH.flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));

export async function startTestServer(opts: { env?: Record<string, string>; dataDir?: string; keepData?: boolean } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), "cz-test-"));
  const config = loadConfig({
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    // Every request in a test comes from 127.0.0.1 and a few phone numbers: the anti-hoarding
    // limits are tested where they are set low (sales-hoarding.test.ts).
    PURCHASES_PER_MINUTE_PER_IP: "100000",
    MAX_PENDING_PER_PHONE: "100000",
    REFERENCE_LOOKUPS_PER_MINUTE: "100000",
    MAX_UNPAID_PER_ADDRESS: "100000",
    MAX_UNPAID_PER_NETWORK: "100000",
    UNPAID_POOL_SHARE: "1",
    // No scheduled backup at a wall-clock time (the default is daily at 02:00): a run crossing
    // it would add a backup to whatever the test is counting. Tests of the schedule set their own.
    BACKUP_SCHEDULE: "off",
    ...fromOutside(),
    ...opts.env,
  });
  const app = await buildApp(config);
  const { port, url } = await app.start(0);
  const clients: Client[] = [];

  async function gql<T>(query: string, variables?: Record<string, unknown>, auth: Auth = {}): Promise<GqlResult<T>> {
    // As the UI's client does: the CSRF header (hostile-client tests send raw requests instead).
    const headers: Record<string, string> = { "content-type": "application/json", "x-graphql-yoga-csrf": "1", ...auth.headers };
    if (auth.token) headers.authorization = `Bearer ${auth.token}`;
    if (auth.apiKey) headers["x-api-key"] = auth.apiKey;
    const body = JSON.stringify({ query, variables });
    if (auth.from) return postFrom<T>(auth.from, headers, body);
    const res = await fetch(`${url}/graphql`, { method: "POST", headers, body });
    const parsed = (await res.json()) as GqlResult<T>;
    return { ...parsed, status: res.status, headers: res.headers };
  }

  // fetch cannot choose its source address; node:http can (localAddress).
  function postFrom<T>(localAddress: string, headers: Record<string, string>, body: string): Promise<GqlResult<T>> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: "/graphql", method: "POST", headers, localAddress }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => {
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) for (const x of [v].flat()) h.append(k, x);
          try {
            resolve({ ...(JSON.parse(text) as GqlResult<T>), status: res.statusCode ?? 0, headers: h });
          } catch (e) {
            reject(new Error(`not JSON (${res.statusCode}): ${text.slice(0, 300)}`, { cause: e }));
          }
        });
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  async function login(username = ADMIN.username, password = ADMIN.password): Promise<string> {
    const r = await gql<{ login: { token: string } }>(
      `mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
      { u: username, p: password },
    );
    if (!r.data?.login) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);
    return r.data.login.token;
  }

  const adminToken = await login();
  let n = 0;

  return {
    app,
    url,
    port,
    dataDir,
    gql,
    login,
    adminToken,
    async tokenFor(role) {
      const username = `${role.toLowerCase()}${++n}${Math.random().toString(36).slice(2, 6)}`;
      const r = await gql(
        `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
        { input: { username, password: "password-123", role } },
        { token: adminToken },
      );
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return login(username, "password-123");
    },
    ws(connectionParams) {
      const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.allSettled(clients.map((c) => c.dispose()));
      await app.stop();
      if (!opts.keepData && !opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function codesOf(r: GqlResult): string[] {
  return (r.errors ?? []).map((e) => String(e.extensions?.code));
}

/** Collects `count` results of a subscription, or rejects after `timeoutMs`. */
export function collect<T = any>(client: Client, query: string, variables: Record<string, unknown>, count: number, timeoutMs = 10_000) {
  const items: T[] = [];
  let unsubscribe = () => {};
  const done = new Promise<T[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out with ${items.length}/${count} events: ${JSON.stringify(items).slice(0, 500)}`));
    }, timeoutMs);
    unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (v) => {
          if (v.errors) {
            clearTimeout(timer);
            unsubscribe();
            reject(Object.assign(new Error(v.errors[0]!.message), { errors: v.errors }));
            return;
          }
          items.push(v.data as T);
          if (items.length >= count) {
            clearTimeout(timer);
            unsubscribe();
            resolve(items);
          }
        },
        error: (e) => {
          clearTimeout(timer);
          reject(Array.isArray(e) ? Object.assign(new Error((e[0] as { message: string }).message), { errors: e }) : e);
        },
        complete: () => {
          clearTimeout(timer);
          resolve(items);
        },
      },
    );
  });
  return { done, items, unsubscribe: () => unsubscribe() };
}

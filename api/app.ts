// buildApp(config) -> { start(port), stop() }: one HTTP server on one port serving
// GraphQL over HTTP/SSE and graphql-ws, webhooks and exports, health checks, and the UI.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createYoga } from "graphql-yoga";
import { GraphQLError } from "graphql";
import { WebSocketServer } from "ws";
import { useWsServer, type UpgradeRequest } from "./core/ws-server.js";
import { sharedSubscriptionsPlugin } from "./core/shared-subscriptions.js";
import type { Logger } from "pino";
import { schema } from "./schema.js";
import { paymentWebhookRoute, reconcilerWorker } from "./modules/sales/index.js";
import { cashUpExportRoute, transactionsExportRoute } from "./modules/transactions/index.js";
import { outboxDelivery } from "./modules/notifications/index.js";
import { JobQueue, jobRetentionWorker, jobsWorker, type JobHandler } from "./jobs/index.js";
import { backupDownloadRoute, backupScheduleWorker, ensureBackupDir } from "./modules/backups/index.js";
import { serveUpload, type UploadedFile } from "./core/uploads.js";
import { installDashboard } from "./modules/dashboard/index.js";
import { logRetentionWorker } from "./modules/logs/index.js";
import type { Config } from "./core/config.js";
import { createLogger } from "./core/logger.js";
import { AuthService, parseCookies, SESSION_COOKIE, type Viewer } from "./core/auth.js";
import { LoginThrottle } from "./core/login-throttle.js";
import { RateLimits } from "./core/rate-limit.js";
import { isLoopback, requestOrigin } from "./core/client-address.js";
import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { NoSchemaIntrospectionCustomRule, validate as validateDocument } from "graphql";
import { actorFor, createLoaders, type Context, type Services } from "./core/context.js";
import { ErrorCode, toAppError } from "./core/errors.js";
import { Metrics } from "./core/metrics.js";
import { InFlight, SHUTDOWN_CLOSE } from "./core/shutdown.js";
import { RESTORED_CLOSE, watchRestores } from "./modules/restore/index.js";
import { errorIdFor, flushSentry, initSentry, reportError, sentryPlugin } from "./core/sentry.js";
import { findRoute, headersOf, Nudges, requestIdFrom, sendJson, serveRoute, type HttpRoute, type Worker } from "./core/extensions.js";
import { corsOptions, csrfPlugin, csrfSatisfied, requestLogPlugin, wellFormedTextPlugin, responseHeadersPlugin, scopePlugin } from "./core/yoga-plugins.js";
import { queryLimitsPlugin } from "./core/query-limits.js";
import { PublicAnswers, serveAnonymous } from "./core/public-answers.js";
import { openDatabase } from "./db/client.js";
import { MemoryBus, RedisBus, type EventBus } from "./events/bus.js";
import { ChangeFeed } from "./events/change-feed.js";
import { EventHub } from "./events/hub.js";
import { ReadConnection } from "./db/reader.js";
import { LogWriter } from "./events/log-writer.js";
import { currentScope, runInScope } from "./db/request-context.js";
import { createPaymentProviders } from "./drivers/payments/index.js";
import { createNotifiers } from "./drivers/notify/index.js";
import { createNoopRouterDriver } from "./drivers/routers/index.js";
import { Journal } from "./journal/writer.js";
import { answerAfterJournal, journalPlugin } from "./journal/plugin.js";

export type App = {
  start(port?: number): Promise<{ port: number; url: string }>;
  stop(): Promise<void>;
  services: Services;
};

// The release and the Docker image print their version; the bundle replaces this at build time.
declare const __CHILLZONE_VERSION__: string | undefined;
const APP_VERSION = typeof __CHILLZONE_VERSION__ === "string" ? __CHILLZONE_VERSION__ : "dev";

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

async function loadUi(dir: string, logger: Logger): Promise<NodeHandler | null> {
  const file = path.join(dir, "handler.js");
  if (!existsSync(file)) {
    logger.warn({ dir }, "UI build not found: run `npm run build` to serve the dashboard");
    return null;
  }
  const mod = (await import(pathToFileURL(file).href)) as { handler: NodeHandler };
  return mod.handler;
}

function sameHost(origin: string, host: string | null): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}


/**
 * Headers on every answer: no framing by other pages (clickjacking the dashboard), no MIME
 * sniffing, no full URLs in Referer, HSTS once reached over TLS. The CSP here forbids framing,
 * plugins and foreign form targets; the dashboard's pages replace it with SvelteKit's (script
 * nonces, ui/svelte.config.js), which repeats these rules.
 */
function securityHeaders(res: ServerResponse, secure: boolean) {
  res.setHeader("content-security-policy", "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'");
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "strict-origin-when-cross-origin");
  if (secure) res.setHeader("strict-transport-security", "max-age=31536000");
}

/** Every HTTP route besides GraphQL, health and the dashboard. */
const routes: readonly HttpRoute[] = [paymentWebhookRoute, transactionsExportRoute, cashUpExportRoute, backupDownloadRoute];
/** Every background worker, started with the server and stopped before the database closes. */
const workers: readonly Worker[] = [reconcilerWorker, jobsWorker, jobRetentionWorker, backupScheduleWorker, logRetentionWorker];
/** Every kind of durable job (api/jobs) and its handler: a job of a kind not listed here is dead-lettered. */
const jobHandlers: readonly JobHandler[] = [outboxDelivery];

export async function buildApp(config: Config, opts: { logger?: Logger } = {}): Promise<App> {
  const logger = opts.logger ?? createLogger(config);
  initSentry(config, APP_VERSION);
  const origin = randomUUID().slice(0, 8);
  const db = await openDatabase(config.dbFile, origin);
  // Before anything writes: the aggregate triggers for TIME_ZONE, rebuilt if they were not in place.
  installDashboard(db.sqlite, config.timeZone);
  const bus: EventBus = config.redisUrl ? new RedisBus(config.redisUrl, logger) : new MemoryBus();
  if (bus instanceof RedisBus) await bus.connect();
  const feed = new ChangeFeed(config.dbFile, origin, bus, logger);
  const reader = new ReadConnection(config.dbFile);
  const hub = new EventHub(reader, bus);
  const log = new LogWriter(db, origin, () => feed.nudge());
  const journal = new Journal({ enabled: config.journal.enabled, backupDir: config.backups.dir, dbFile: config.dbFile, segmentBytes: config.journal.segmentBytes, logger });
  const auth = new AuthService(db.prisma, config);
  const payments = createPaymentProviders(config.payments);
  const notify = createNotifiers({ sms: config.sms, mail: config.mail }, logger);
  const rateLimits = new RateLimits({ redisUrl: config.redisUrl, logger });
  const services: Services = {
    config, db, prisma: db.prisma, logger, auth, rateLimits, loginThrottle: new LoginThrottle(rateLimits), reader, hub, feed, log, payments, notify, routers: createNoopRouterDriver(), origin, metrics: new Metrics(), nudges: new Nudges(), journal, jobs: new JobQueue().register(...jobHandlers),
  };

  services.metrics.watch(services);

  const firstAdmin = await auth.ensureFirstAdmin();
  if (firstAdmin.created) {
    logger.info({ username: firstAdmin.username, passwordFile: firstAdmin.passwordFile }, "created the first admin user");
  }

  const jar = new WeakMap<Request, { cookies: string[]; requestId: string }>();
  const introspection = new WeakMap<object, readonly GraphQLError[]>();

  const originOf = (req: UpgradeRequest | undefined, headers: Headers) => requestOrigin(req?.socket as never, headers, config.trustedProxies);

  /** `request`: the HTTP request; null over WebSocket, where a Request is made only if something asks (10,000 live subscriptions need none). */
  async function makeContext(headers: Headers, request: Request | null, from: { ip: string | null; secure: boolean }): Promise<Context> {
    const ip = from.ip;
    const requestId = requestIdFrom(headers.get("x-request-id"));
    let viewer: Viewer | null = null;
    try {
      // In the request's scope, so the lookup counts as the request's own work (and an API
      // key's lastUsedAt write carries the request id); the actor is not known yet.
      viewer = await runInScope({ actor: { kind: "system" }, requestId }, () => auth.viewerFromHeaders(headers));
    } catch (err) {
      logger.error({ err, requestId }, "authentication lookup failed");
    }
    const ctx: Context = {
      services,
      prisma: db.prisma,
      viewer,
      actor: actorFor(viewer),
      requestId,
      request: request as Request,
      responseCookies: [],
      clientIp: ip,
      secure: from.secure,
      loaders: createLoaders(db.prisma),
    };
    if (request) jar.set(request, { cookies: ctx.responseCookies, requestId });
    else {
      let made: Request | undefined;
      Object.defineProperty(ctx, "request", { get: () => (made ??= new Request("http://ws.local/graphql", { headers })), enumerable: true });
    }
    return ctx;
  }

  const yoga = createYoga<{ req?: IncomingMessage | UpgradeRequest; connectionParams?: Record<string, unknown>; uploads?: Map<string, UploadedFile> }, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: config.env !== "production" ? { subscriptionsProtocol: "WS" } : false,
    landingPage: false,
    // JSON over POST (and GET for queries) is all the UI and the contract use; multipart and
    // urlencoded bodies are what a cross-origin form can send without a preflight.
    multipart: false,
    cors: corsOptions(config),
    logging: {
      debug: (...a) => logger.debug(a.map(String).join(" ")),
      info: (...a) => logger.info(a.map(String).join(" ")),
      warn: (...a) => logger.warn(a.map(String).join(" ")),
      // Yoga reports every GraphQL error here; the ones worth an error line are logged by maskError.
      error: (...a) => logger.debug(a.map(String).join(" ")),
    },
    context: async (initial) => {
      if (initial.connectionParams !== undefined || !initial.request) {
        // graphql-ws: credentials come from connectionParams, else the upgrade request's cookie.
        const headers = initial.req ? headersOf(initial.req) : new Headers();
        headers.delete("authorization");
        // Browsers send cookies with a WebSocket from any page; a cookie only counts when
        // the page is ours (cross-site WebSocket hijacking).
        const origin = headers.get("origin");
        const allowed = origin && (sameHost(origin, headers.get("host")) || (config.publicUrl && new URL(config.publicUrl).origin === origin));
        if (origin && !allowed) headers.delete("cookie");
        const p = initial.connectionParams ?? {};
        const authz = p.authorization ?? p.Authorization;
        const key = p.apiKey ?? p["x-api-key"];
        if (typeof authz === "string") headers.set("authorization", authz.startsWith("Bearer ") ? authz : `Bearer ${authz}`);
        if (typeof key === "string") headers.set("x-api-key", key);
        return makeContext(headers, null, originOf(initial.req, headers));
      }
      const ctx = await makeContext(initial.request.headers, initial.request, originOf(initial.req, initial.request.headers));
      if (initial.uploads) ctx.uploads = initial.uploads;
      return ctx;
    },
    maskedErrors: {
      maskError(error) {
        const mapped = toAppError(error);
        const source = error instanceof GraphQLError ? error : undefined;
        if (mapped) {
          const code = mapped.extensions?.code ?? ErrorCode.BAD_USER_INPUT;
          return new GraphQLError(mapped.message, { nodes: source?.nodes, path: source?.path, extensions: { ...mapped.extensions, code } });
        }
        const original = (error as GraphQLError).originalError ?? error;
        const errorId = errorIdFor(original);
        const requestId = currentScope()?.requestId;
        logger.error({ err: original, errorId, requestId }, "unexpected error");
        return new GraphQLError(`Something went wrong on our side. Quote error ${errorId} when reporting it.`, {
          nodes: source?.nodes,
          path: source?.path,
          extensions: { code: ErrorCode.INTERNAL, errorId, requestId },
        });
      },
    },
    plugins: [
      sharedSubscriptionsPlugin(),
      csrfPlugin(),
      wellFormedTextPlugin(),
      queryLimitsPlugin(services),
      // Production: no "did you mean" hints (they map the schema for a stranger), and no
      // introspection for anonymous callers (staff and API keys keep it, for their tools).
      ...(config.env === "production"
        ? [
            blockFieldSuggestionsPlugin(),
            {
              onExecute({ args, setResultAndStopExecution }: { args: { contextValue: Context; schema: never; document: never }; setResultAndStopExecution: (r: unknown) => void }) {
                if (args.contextValue.viewer) return;
                // Kept with the parsed document (yoga reuses it for the same text).
                let errors = introspection.get(args.document);
                if (!errors) introspection.set(args.document, (errors = validateDocument(args.schema, args.document, [NoSchemaIntrospectionCustomRule])));
                if (errors.length) setResultAndStopExecution({ errors: [new GraphQLError("Introspection needs a staff login or an API key", { extensions: { code: ErrorCode.FORBIDDEN } })] });
              },
            },
          ]
        : []), scopePlugin(), requestLogPlugin(), responseHeadersPlugin(jar), journalPlugin(journal), sentryPlugin()],
  });

  const ui = await loadUi(config.uiDir, logger);
  const publicAnswers = config.publicAnswers ? new PublicAnswers(schema, reader) : null;

  const inFlight = new InFlight();
  let stopping = false;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://local");
    if (stopping) {
      // A request on a kept-alive connection after the stop began: not taken on, so the
      // client retries elsewhere; what was in flight already is finished below.
      res.writeHead(503, { connection: "close", "retry-after": "2", "content-type": "application/json" });
      return void res.end(JSON.stringify({ error: "shutting down" }));
    }
    inFlight.track(req, res);
    const from = originOf(req, headersOf(req));
    securityHeaders(res, from.secure);
    try {
      if (url.pathname === "/graphql" || url.pathname.startsWith("/graphql/")) {
        // No credentials: a small body is all the /buy page and the login form ever send.
        const anonymous = !req.headers.authorization && !req.headers["x-api-key"] && !req.headers.cookie;
        // A body without a length (chunked) could be any size: anonymous callers must say it.
        // Browsers always send it for the dashboard's and /buy's requests.
        if (anonymous && req.method === "POST" && req.headers["content-length"] === undefined) {
          return sendJson(res, 411, { errors: [{ message: "Send the request's Content-Length (chunked bodies need a login)", extensions: { code: "LENGTH_REQUIRED" } }] });
        }
        if (anonymous && Number(req.headers["content-length"] ?? 0) > config.anonymousBodyLimitBytes) {
          return sendJson(res, 413, { errors: [{ message: `Request too large: at most ${config.anonymousBodyLimitBytes} bytes without a login`, extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
        }
        if (req.method === "POST" && /^multipart\/form-data/i.test(req.headers["content-type"] ?? "")) {
          const headers = headersOf(req);
          return await serveUpload(req, res, headers, {
            viewerRole: async (h) => (await runInScope({ actor: { kind: "system" }, requestId: requestIdFrom(h.get("x-request-id")) }, () => auth.viewerFromHeaders(h)))?.role ?? null,
            csrfOk: csrfSatisfied,
            dir: (ensureBackupDir(config.backups.dir), config.backups.dir),
            maxBytes: config.backups.maxUploadBytes,
            forward: (body, uploads) => {
              const json = new Headers(headers);
              json.set("content-type", "application/json");
              json.delete("content-length");
              json.delete("transfer-encoding");
              return Promise.resolve(yoga.fetch(`http://${headers.get("host") ?? "local"}/graphql`, { method: "POST", headers: json, body }, { req, uploads }));
            },
          });
        }
        // Shared answers carry no CORS headers: only same-origin (or no Origin) requests take them,
        // and of POSTs only the JSON ones the CSRF rule lets through to GraphQL.
        const origin = req.headers.origin;
        const json = /^application\/json\s*(;|$)/i.test(req.headers["content-type"] ?? "");
        const shareable = (req.method === "GET" || (req.method === "POST" && json && !url.search)) && url.pathname === "/graphql";
        if (publicAnswers && anonymous && shareable && (!origin || sameHost(origin, req.headers.host ?? null))) {
          const headers = headersOf(req);
          const target = `http://${headers.get("host") ?? "local"}${req.url ?? "/graphql"}`;
          return await serveAnonymous(req, res, url.searchParams, {
            cache: publicAnswers,
            metrics: services.metrics,
            run: (body) => Promise.resolve(yoga.fetch(target, { method: req.method, headers, body }, { req })),
          });
        }
        return void yoga(req, res, { req });
      }
      if (url.pathname === "/healthz") return sendJson(res, 200, { status: "ok" });
      if (url.pathname === "/metrics") {
        const token = config.metricsToken;
        const allowed = token ? req.headers.authorization === `Bearer ${token}` : isLoopback(from.ip) && !req.headers["x-forwarded-for"];
        if (!allowed) return sendJson(res, token ? 401 : 403, { error: token ? "metrics need the METRICS_TOKEN bearer token" : "metrics are served to loopback only (set METRICS_TOKEN)" });
        const text = await services.metrics.render();
        res.writeHead(200, { "content-type": services.metrics.contentType });
        return void res.end(text);
      }
      if (url.pathname === "/readyz") {
        const checks: Record<string, string> = {};
        try {
          await db.exclusive((s) => s.prepare("SELECT 1").get());
          checks.database = "ok";
        } catch {
          checks.database = "down";
        }
        if (bus instanceof RedisBus) checks.redis = bus.ready ? "ok" : "degraded";
        // A server that cannot journal refuses writes: not ready, and the reason says why.
        if (journal.enabled) checks.journal = journal.status().error ?? "ok";
        const ready = checks.database === "ok" && (checks.journal ?? "ok") === "ok";
        return sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "not-ready", checks });
      }
      const route = findRoute(routes, req.method ?? "GET", url.pathname);
      if (route) return await answerAfterJournal(res, journal, route.method === "POST", () => serveRoute(route, req, res, url, services));
      if (ui) {
        // Pages rendered on the server (/buy) ask GraphQL in-process, on behalf of this same
        // request (its address, its headers), instead of a network round trip to ourselves
        // (ui/src/hooks.server.ts handleFetch).
        (req as IncomingMessage & { graphql?: (r: Request) => Promise<Response> }).graphql = async (r) => yoga.fetch(r, { req });
        return ui(req, res, () => sendJson(res, 404, { error: "not found" }));
      }
      res.writeHead(503, { "content-type": "text/plain" });
      res.end("The dashboard is not built. Run `npm run build`, then restart.\nGraphQL is at /graphql.\n");
    } catch (err) {
      logger.error({ err, path: url.pathname }, "request failed");
      reportError(err, { path: url.pathname, requestId: typeof req.headers["x-request-id"] === "string" ? req.headers["x-request-id"].slice(0, 64) : null });
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.end();
    }
  });
  // An idle keep-alive connection is closed by the client before the server does: a server
  // that closes first (Node's default, 5 s) races a client sending its next request on that
  // connection, which then fails with ECONNRESET (seen in the suite after a busy second).
  // 65 s also outlasts the usual proxy and load-balancer idle timeouts (60 s).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  const wss = new WebSocketServer({ server, path: "/graphql", perMessageDeflate: false, clientTracking: true });
  const wsServer = useWsServer<Record<string, unknown>>(
    {
      // The result object itself (not a copy): a result shared by subscribers is serialized once (core/ws-server.ts).
      onNext: (_ctx, _id, _payload, _args, result) => result as never,
      execute: (args) => (args.rootValue as { execute: (a: unknown) => unknown }).execute(args) as never,
      subscribe: (args) => (args.rootValue as { subscribe: (a: unknown) => unknown }).subscribe(args) as never,
      onSubscribe: async (ctx, _id, payload) => {
        const { schema: s, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          connectionParams: ctx.connectionParams ?? {},
          params: payload,
        });
        let document;
        try {
          document = parse(payload.query);
        } catch (err) {
          if (err instanceof GraphQLError) return [err]; // a syntax error or a document over the token limit
          throw err;
        }
        const args = {
          schema: s,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        return args;
      },
    },
    wss,
    config.wsKeepAliveMs,
    config.env === "production",
  );

  const running: { stop(): Promise<void> }[] = [];
  let stopped = false;

  return {
    services,
    async start(port = config.port) {
      feed.start();
      journal.start();
      for (const w of workers) running.push(w.start(services));
      // A restore (here or on another replica) makes every live view stale: end the sockets, the UI refetches.
      running.push(watchRestores(hub, () => {
        for (const client of wss.clients) client.close(RESTORED_CLOSE.code, RESTORED_CLOSE.reason);
      }));
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, config.host, () => resolve());
      });
      const addr = server.address();
      const actual = typeof addr === "object" && addr ? addr.port : port;
      log.write({ kind: "SYSTEM", message: `Server started on port ${actual}`, data: { origin, pid: process.pid } });
      logger.info({ port: actual, origin }, "chillzone listening");
      return { port: actual, url: `http://127.0.0.1:${actual}` };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      stopping = true;
      // Stop accepting, tell live subscribers why, finish what is in flight (up to most of
      // SHUTDOWN_TIMEOUT_MS; the rest is for the workers, the log flush and closing the database).
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const client of wss.clients) client.close(SHUTDOWN_CLOSE.code, SHUTDOWN_CLOSE.reason);
      const waiting = inFlight.size;
      const drained = await inFlight.drain(Math.max(config.shutdownTimeoutMs - 2000, config.shutdownTimeoutMs / 2));
      if (!drained) logger.warn({ waiting, left: inFlight.size }, "requests still running at the shutdown deadline: closing their connections");
      server.closeAllConnections();
      await closed;
      await Promise.resolve(wsServer.dispose()).catch(() => {});
      wss.close();
      await Promise.allSettled(running.map((r) => r.stop()));
      notify.email.close?.();
      log.write({ kind: "SYSTEM", message: "Server stopped", data: { origin } });
      await log.flush();
      await feed.stop();
      await journal.close();
      reader.close();
      await bus.close();
      await rateLimits.close();
      await db.close();
      await flushSentry();
    },
  };
}

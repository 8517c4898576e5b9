// The shapes of the non-GraphQL parts a module plugs into the one server: HTTP routes
// (webhooks, exports, downloads) and background workers. Each module's index.ts exports
// its own; api/app.ts lists every one of them, so what runs is read in one file.
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { Actor } from "../db/request-context.js";
import { runInScope } from "../db/request-context.js";
import type { Viewer } from "./auth.js";
import { actorFor, type Services } from "./context.js";
import { httpStatusOf, toAppError } from "./errors.js";
import { roleAtLeast, type Role } from "./roles.js";

/** The caller's X-Request-Id when it is a plain token (so it cannot forge log lines), else a new one. */
export function requestIdFrom(given: string | string[] | null | undefined): string {
  return typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

/** What a route's handler gets: the caller already authenticated and authorised. */
export type RouteContext = {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  services: Services;
  /** The caller; null only on public routes. */
  viewer: Viewer | null;
  requestId: string;
};

export type HttpRoute = {
  method: "GET" | "POST";
  /** Exact path, or a prefix when it ends with "/". */
  path: string;
  /**
   * Who may call it: at least this role (cookie, bearer token or API key, as GraphQL), or
   * "public" (payment webhooks, which check the provider's signature themselves).
   */
  access: Role | "public";
  /** The 403 message for a caller below `access`. */
  forbidden?: string;
  /** Whom a public route's writes are attributed to in the log (default: anonymous). */
  actor?: (url: URL) => Actor;
  /** Throw AppErrors (badInput, notFound...) for the caller: serveRoute answers them as JSON. */
  handle(ctx: RouteContext): Promise<void>;
};

export type Worker = { name: string; start(services: Services): { stop(): Promise<void> } };

/** Wakes a worker now instead of at its next poll (e.g. the outbox after a sale). */
export class Nudges {
  private fns = new Map<string, () => void>();
  /** While a worker runs, `nudge(name)` calls `fn`; the returned function unregisters it. */
  on(name: string, fn: () => void): () => void {
    this.fns.set(name, fn);
    return () => {
      if (this.fns.get(name) === fn) this.fns.delete(name);
    };
  }
  /** A no-op when no worker of that name is running. */
  nudge(name: string): void {
    this.fns.get(name)?.();
  }
}

export function findRoute(routes: readonly HttpRoute[], method: string, pathname: string): HttpRoute | undefined {
  return routes.find((r) => r.method === method && (r.path.endsWith("/") ? pathname.startsWith(r.path) : pathname === r.path));
}

/**
 * The one way an HTTP route is served: request id (echoed in X-Request-Id), authentication
 * and role check as GraphQL does them, the caller's scope for the log, and errors mapped
 * by the one error mapper to JSON `{ error, code, requestId }` with the matching status.
 */
export async function serveRoute(route: HttpRoute, req: IncomingMessage, res: ServerResponse, url: URL, services: Services): Promise<void> {
  const requestId = requestIdFrom(req.headers["x-request-id"]);
  res.setHeader("x-request-id", requestId);
  const fail = (status: number, code: string, error: string) => sendJson(res, status, { error, code, requestId });
  let viewer: Viewer | null = null;
  if (route.access !== "public") {
    viewer = await services.auth.viewerFromHeaders(headersOf(req));
    if (!viewer) return fail(401, "UNAUTHENTICATED", "Log in first");
    if (!roleAtLeast(viewer.role, route.access)) return fail(403, "FORBIDDEN", route.forbidden ?? "You do not have permission to do this");
  }
  const actor = route.actor?.(url) ?? actorFor(viewer);
  try {
    await runInScope({ actor, requestId }, () => route.handle({ req, res, url, services, viewer, requestId }));
  } catch (err) {
    const known = toAppError(err);
    if (!known) services.logger.error({ err, path: url.pathname, requestId }, "route failed");
    if (res.headersSent) return void res.destroy();
    const code = String(known?.extensions.code ?? "INTERNAL_SERVER_ERROR");
    fail(httpStatusOf(code), code, known ? known.message : "Something went wrong on our side; the request id is in the log");
  }
}

/** The request body as sent (webhook signatures are checked over these exact bytes). */
export function readBody(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error("body too large"));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** Node request headers as a fetch Headers object (for the auth service). */
export function headersOf(req: Pick<IncomingMessage, "headers">): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) for (const x of v) h.append(k, x);
    else if (v !== undefined) h.set(k, v);
  }
  return h;
}

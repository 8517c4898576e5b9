// The shapes of the non-GraphQL parts a module plugs into the one server: HTTP routes
// (webhooks, exports, downloads) and background workers. Each module's index.ts exports
// its own; api/app.ts lists every one of them, so what runs is read in one file.
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { Services } from "./context.js";

/** The caller's X-Request-Id when it is a plain token (so it cannot forge log lines), else a new one. */
export function requestIdFrom(given: string | string[] | null | undefined): string {
  return typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

export type HttpRoute = {
  method: "GET" | "POST";
  /** Exact path, or a prefix when it ends with "/". */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse, services: Services, url: URL): Promise<void>;
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
export function headersOf(req: IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) for (const x of v) h.append(k, x);
    else if (v !== undefined) h.set(k, v);
  }
  return h;
}

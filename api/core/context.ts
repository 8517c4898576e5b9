// The per-request context, shared by HTTP and WebSocket through yoga.getEnveloped.
import DataLoader from "dataloader";
import type { Logger } from "pino";
import type { PrismaClient, User } from "../db/generated/client.js";
import type { Db } from "../db/client.js";
import type { Actor } from "../db/request-context.js";
import type { EventHub } from "../events/hub.js";
import type { ReadConnection } from "../db/reader.js";
import type { LogWriter } from "../events/log-writer.js";
import type { ChangeFeed } from "../events/change-feed.js";
import type { PaymentProviders } from "../drivers/payments/index.js";
import type { Notifiers } from "../drivers/notify/index.js";
import type { RouterDriver } from "../drivers/routers/index.js";
import type { AuthService, Viewer } from "./auth.js";
import type { LoginThrottle } from "./login-throttle.js";
import type { RateLimits } from "./rate-limit.js";
import type { Config } from "./config.js";
import type { Metrics } from "./metrics.js";
import type { Nudges } from "./extensions.js";
import type { Journal } from "../journal/writer.js";
import type { JobQueue } from "../jobs/queue.js";
import type { UploadedFile } from "./uploads.js";

/** Long-lived parts of the app, built once in buildApp. */
export type Services = {
  config: Config;
  db: Db;
  prisma: PrismaClient;
  logger: Logger;
  auth: AuthService;
  /** Every rate limit's counters (Redis-shared when REDIS_URL is set). */
  rateLimits: RateLimits;
  loginThrottle: LoginThrottle;
  /** Read-only connection: committed data, never waits for writers (pages, exports, replays). */
  reader: ReadConnection;
  hub: EventHub;
  feed: ChangeFeed;
  log: LogWriter;
  /** Payment providers: the configured default, cash, sandbox (and paystack when keyed). */
  payments: PaymentProviders;
  /** Outbound SMS and email, used by the outbox's delivery job only. */
  notify: Notifiers;
  /** Voucher changes routers must enforce (a no-op until router provisioning exists). */
  routers: RouterDriver;
  origin: string;
  metrics: Metrics;
  /** Wakes a running worker now (the outbox after a sale). */
  nudges: Nudges;
  /** The durable job queue (api/jobs): handlers per kind, registered in api/app.ts; kick() runs due jobs now. */
  jobs: JobQueue;
  /** The backup journal: status() for the Backups page and /readyz. */
  journal: Journal;
};

export type Context = {
  services: Services;
  prisma: PrismaClient;
  viewer: Viewer | null;
  actor: Actor;
  requestId: string;
  request: Request;
  /** Set-Cookie values for the HTTP response (ignored over WebSocket). */
  responseCookies: string[];
  /** The client's address, for rate limits and the log. */
  clientIp: string | null;
  /** Reached over TLS (directly, or per X-Forwarded-Proto from a trusted proxy): cookies are Secure. */
  secure: boolean;
  loaders: Loaders;
  /** Files uploaded with this request (core/uploads.ts), by the token the File scalar parses. */
  uploads?: Map<string, UploadedFile>;
  /** Vouchers whose password this caller may read without a manager role: set by the
   * field that proved the caller is the buyer (transactionByReference, once paid). */
  revealVoucherFor?: Set<string>;
  /** Sales this request reached by reference without a staff role: name and phone are shown masked. */
  maskBuyerDetails?: Set<string>;
  /** A user this request may see although not signed in: the one that just logged in. */
  grantedUserId?: string;
};

/** Per-request batching: one query for all the users a page of log entries names. */
export type Loaders = { user: DataLoader<string, User | null> };

export function createLoaders(prisma: PrismaClient): Loaders {
  return {
    user: new DataLoader(async (ids) => {
      const rows = await prisma.user.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export function actorFor(viewer: Viewer | null): Actor {
  if (!viewer) return { kind: "anonymous" };
  if (viewer.userId) return { kind: "user", userId: viewer.userId, username: viewer.username ?? "", role: viewer.role };
  return { kind: "apiKey", apiKeyId: viewer.apiKeyId ?? "", name: viewer.apiKeyName ?? "", role: viewer.role };
}

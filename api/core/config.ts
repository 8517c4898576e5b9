// The one configuration loader: environment -> typed, validated Config.
// A bad variable stops the start with a message naming it.
import path from "node:path";
import { z } from "zod";
import { Cron } from "croner";
import { defaultUiDir } from "./paths.js";

/** Voucher cards per A4 page the print page can lay out (columns x rows: 2x2 ... 3x7). */
export const CARDS_PER_PAGE_CHOICES: readonly number[] = [4, 6, 8, 10, 12, 21];

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  ADMIN_USERNAME: z.string().min(3).optional(),
  ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  LOG_LEVEL: z.enum(logLevels).default("info"),
  SESSION_TTL_HOURS: z.coerce.number().int().positive().default(12),
  SESSION_SECRET: z.string().optional(),
  SUBSCRIPTION_AUTH_CHECK_MS: z.coerce.number().int().positive().default(30_000),
  WS_KEEPALIVE_MS: z.coerce.number().int().min(0).default(12_000),
  REDIS_URL: z.string().url().optional(),
  PUBLIC_URL: z.string().url().optional(),
  CORS_ORIGINS: z.string().optional(),
  HOTSPOT_LOGIN_URL: z.string().url().optional(),
  PAYMENT_PROVIDER: z.enum(["sandbox", "paystack"]).default("sandbox"),
  PAYSTACK_SECRET_KEY: z.string().min(1).optional(),
  PAYSTACK_BASE_URL: z.string().url().default("https://api.paystack.co"),
  RESERVATION_MINUTES: z.coerce.number().positive().default(15),
  RESERVATION_UNCONFIRMED_SECONDS: z.coerce.number().int().min(5).default(120),
  MAX_PENDING_PER_PHONE: z.coerce.number().int().positive().default(3),
  PURCHASES_PER_MINUTE_PER_IP: z.coerce.number().int().positive().default(20),
  MAX_UNPAID_PER_ADDRESS: z.coerce.number().int().positive().default(5),
  MAX_UNPAID_PER_NETWORK: z.coerce.number().int().positive().default(15),
  UNPAID_POOL_SHARE: z.coerce.number().gt(0).max(1).default(0.5),
  TRUSTED_PROXIES: z.string().optional(),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  ANONYMOUS_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(65_536),
  OPERATION_TIMEOUT_MS: z.coerce.number().int().min(1).default(15_000),
  REFERENCE_LOOKUPS_PER_MINUTE: z.coerce.number().int().positive().default(30),
  SANDBOX_MODE: z.enum(["succeed", "fail", "pending"]).default("succeed"),
  SANDBOX_REFUND_MODE: z.enum(["succeed", "fail", "pending"]).default("succeed"),
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(10).default(30_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(1_000),
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(1).default(5_000),
  OUTBOX_RETRY_MAX_MS: z.coerce.number().int().min(1).default(900_000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(12),
  JOBS_POLL_MS: z.coerce.number().int().min(10).optional(),
  JOBS_RETRY_BASE_MS: z.coerce.number().int().min(1).default(5_000),
  JOBS_RETRY_MAX_MS: z.coerce.number().int().min(1).default(900_000),
  JOBS_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  JOBS_LEASE_MS: z.coerce.number().int().min(100).default(120_000),
  JOBS_HEARTBEAT_MS: z.coerce.number().int().min(10).optional(),
  JOBS_DONE_RETENTION_DAYS: z.coerce.number().positive().default(7),
  SMS_PROVIDER: z.enum(["log", "http"]).default("log"),
  SMS_URL: z.string().url().optional(),
  SMS_API_KEY: z.string().optional(),
  SMS_SENDER: z.string().max(11).default("Chillzone"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Chillzone <no-reply@chillzone.local>"),
  MANAGER_EMAILS: z.string().optional(),
  UI_DIR: z.string().optional(),
  TIME_ZONE: z.string().default("Africa/Accra"),
  SHOP_NAME: z.string().trim().min(1).max(60).default("Chillzone"),
  RECEIPT_FOOTER: z.string().max(200).optional(),
  CARDS_PER_PAGE: z.coerce.number().int().refine((n) => CARDS_PER_PAGE_CHOICES.includes(n), `must be one of ${CARDS_PER_PAGE_CHOICES.join(", ")}`).default(21),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_SCHEDULE: z.string().default("0 2 * * *"),
  BACKUP_SCHEDULE_FORMAT: z.enum(["SQLITE", "HTML"]).default("SQLITE"),
  BACKUP_KEEP: z.coerce.number().int().min(1).optional(),
  BACKUP_KEEP_DAYS: z.coerce.number().positive().optional(),
  BACKUP_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(16_384).default(512),
  STOCK_WARN_DAYS: z.coerce.number().positive().default(3),
  JOURNAL: z.enum(["on", "off"]).default("on"),
  JOURNAL_SEGMENT_MB: z.coerce.number().int().min(1).max(4096).default(64),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  REQUEST_LOG_ANONYMOUS_READS: z.enum(["on", "off"]).default("off"),
  PUBLIC_ANSWERS: z.enum(["on", "off"]).default("on"),
  LOG_RETENTION_DAYS: z
    .string()
    .default("DEBUG=7,INFO=90,WARN=90")
    .refine((s) => s.split(",").every((p) => /^\s*(DEBUG|INFO|WARN|ERROR)\s*=\s*\d+(\.\d+)?\s*$/i.test(p)), "must be LEVEL=days pairs, e.g. DEBUG=7,INFO=90"),
  SENTRY_DSN: z.string().url().optional(),
  SENTRY_ENVIRONMENT: z.string().min(1).optional(),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  dataDir: string;
  dbFile: string;
  admin?: { username: string; password: string };
  logLevel: (typeof logLevels)[number];
  sessionTtlHours: number;
  /** Token signing key (SESSION_SECRET); unset: a random one kept in DATA_DIR/session.key. */
  sessionSecret?: string;
  /** How often a live subscription's credential is checked again. */
  subscriptionAuthCheckMs: number;
  /** WebSocket keep-alive: every socket is pinged this often, and ended when it did not answer the last ping (0: off). */
  wsKeepAliveMs: number;
  redisUrl?: string;
  publicUrl?: string;
  /** Origins (scheme://host[:port]) of partner apps allowed to call the API from a browser, with credentials. Empty: CORS off. */
  corsOrigins: string[];
  hotspotLoginUrl?: string;
  payments: { provider: "sandbox" | "paystack"; paystackSecretKey?: string; paystackBaseUrl: string; sandboxMode: "succeed" | "fail" | "pending"; sandboxRefundMode: "succeed" | "fail" | "pending" };
  reservationMinutes: number;
  /**
   * How long an online purchase holds its voucher until the provider says the charge started
   * (then: reservationMinutes). Purchases that never reach a provider free the pool soon.
   */
  reservationUnconfirmedSeconds: number;
  /** Unpaid purchases one phone number may hold at once. */
  maxPendingPerPhone: number;
  /** Anonymous purchase attempts per client address per minute. */
  purchasesPerMinutePerIp: number;
  /** Anonymous transactionByReference lookups (each alias counts) per client address per minute. */
  referenceLookupsPerMinute: number;
  /** Unpaid anonymous purchases of one bundle: per address, per /24 network, and as a share of its pool. */
  unpaidCaps: { perAddress: number; perNetwork: number; poolShare: number };
  /** Addresses of reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed. */
  trustedProxies: string[];
  /** Bearer token for /metrics; without it /metrics answers loopback callers only. */
  metricsToken?: string;
  /** Largest request body accepted from a caller without credentials. */
  anonymousBodyLimitBytes: number;
  /** A GraphQL query still running after this long is answered with TIMEOUT. */
  operationTimeoutMs: number;
  /** How often expired PENDING sales are verified with the provider and failed. */
  reconcileIntervalMs: number;
  /** Notification delivery: poll interval, retry backoff (base * 2^attempts, capped) and give-up point. */
  outbox: { pollMs: number; retryBaseMs: number; retryMaxMs: number; maxAttempts: number };
  /** The job queue (api/jobs): poll interval (default OUTBOX_POLL_MS), the default retry policy of a kind, the claim's lease,
   * how often a running handler renews it (default a third of the lease), and how long DONE jobs are kept. */
  jobs: { pollMs: number; retryBaseMs: number; retryMaxMs: number; maxAttempts: number; leaseMs: number; heartbeatMs: number; doneRetentionDays: number };
  sms: { provider: "log" | "http"; url?: string; apiKey?: string; sender: string };
  mail: { smtpUrl?: string; from: string; managerEmails: string[] };
  uiDir: string;
  /** The shop's IANA time zone: schedules run on its clock; the dashboard's days, weeks and months are its calendar. */
  timeZone: string;
  /** What the shop shows (the defaults of the Settings page, api/modules/settings): its name, the footer under a receipt, cards per printed A4 page. */
  shop: { name: string; receiptFooter: string | null; cardsPerPage: number };
  /** Full backups: where the files go, the cron schedule (null: none) and what is kept. */
  backups: { dir: string; schedule: string | null; scheduleFormat: "SQLITE" | "HTML"; keep?: number; keepDays?: number; maxUploadBytes: number };
  /** A bundle's stock is flagged when it lasts fewer days than this at the last 7 days' rate. */
  stockWarnDays: number;
  /** The backup journal (every log entry fdatasynced before the API answers, under backups.dir); off only for benchmarks. */
  journal: { enabled: boolean; segmentBytes: number };
  /** Request-finished log entries: successful anonymous reads written as rows (else only counted in metrics), and
   * how many days REQUEST entries of each level are kept (missing level: forever). Audit entries are never pruned. */
  requestLog: { anonymousReads: boolean; retentionDays: Partial<Record<"DEBUG" | "INFO" | "WARN" | "ERROR", number>> };
  /** Anonymous catalogue queries answered from memory while the tables they read are unchanged (core/public-answers.ts). */
  publicAnswers: boolean;
  /** How long a stop waits for in-flight requests before closing connections anyway. */
  shutdownTimeoutMs: number;
  /** Unexpected errors go to Sentry when set (scrubbed, with request ids). */
  sentry?: { dsn: string; environment: string };
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable counts as unset (compose files and unit files pass `VAR=` for "not used").
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (Boolean(e.ADMIN_USERNAME) !== Boolean(e.ADMIN_PASSWORD)) {
    throw new ConfigError("Invalid configuration:\n  ADMIN_PASSWORD: set ADMIN_USERNAME and ADMIN_PASSWORD together");
  }
  if (e.PAYMENT_PROVIDER === "paystack" && !e.PAYSTACK_SECRET_KEY) {
    throw new ConfigError("Invalid configuration:\n  PAYSTACK_SECRET_KEY: required when PAYMENT_PROVIDER=paystack");
  }
  if (e.SMS_PROVIDER === "http" && !e.SMS_URL) {
    throw new ConfigError("Invalid configuration:\n  SMS_URL: required when SMS_PROVIDER=http");
  }
  const corsOrigins: string[] = [];
  for (const item of (e.CORS_ORIGINS ?? "").split(",").map((x) => x.trim()).filter(Boolean)) {
    // An exact origin only: a wildcard or a path would make the allow-list mean something else
    // than what the browser compares (the Origin header is scheme://host[:port], nothing more).
    let origin: string | null = null;
    try {
      const u = new URL(item);
      if ((u.protocol === "http:" || u.protocol === "https:") && u.origin === item.replace(/\/$/, "")) origin = u.origin;
    } catch {
      origin = null;
    }
    if (!origin) throw new ConfigError(`Invalid configuration:\n  CORS_ORIGINS: "${item}" is not an origin like https://partner.example.com (no wildcard, path or trailing text)`);
    corsOrigins.push(origin);
  }
  try {
    new Intl.DateTimeFormat("en", { timeZone: e.TIME_ZONE });
  } catch {
    throw new ConfigError(`Invalid configuration:\n  TIME_ZONE: "${e.TIME_ZONE}" is not an IANA time zone (e.g. Africa/Accra, Europe/London)`);
  }
  const schedule = ["", "off", "none"].includes(e.BACKUP_SCHEDULE.trim().toLowerCase()) ? null : e.BACKUP_SCHEDULE.trim();
  if (schedule) {
    try {
      new Cron(schedule, { paused: true, timezone: e.TIME_ZONE }).stop();
    } catch (err) {
      throw new ConfigError(`Invalid configuration:\n  BACKUP_SCHEDULE: "${schedule}" is not a cron expression like "0 2 * * *" (${(err as Error).message}); use "off" for none`);
    }
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    dbFile: path.join(dataDir, "chillzone.db"),
    admin: e.ADMIN_USERNAME && e.ADMIN_PASSWORD ? { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD } : undefined,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionSecret: e.SESSION_SECRET,
    subscriptionAuthCheckMs: e.SUBSCRIPTION_AUTH_CHECK_MS,
    wsKeepAliveMs: e.WS_KEEPALIVE_MS,
    redisUrl: e.REDIS_URL,
    publicUrl: e.PUBLIC_URL,
    corsOrigins,
    hotspotLoginUrl: e.HOTSPOT_LOGIN_URL,
    payments: {
      provider: e.PAYMENT_PROVIDER,
      paystackSecretKey: e.PAYSTACK_SECRET_KEY,
      paystackBaseUrl: e.PAYSTACK_BASE_URL,
      sandboxMode: e.SANDBOX_MODE,
      sandboxRefundMode: e.SANDBOX_REFUND_MODE,
    },
    reservationMinutes: e.RESERVATION_MINUTES,
    reservationUnconfirmedSeconds: Math.min(e.RESERVATION_UNCONFIRMED_SECONDS, Math.round(e.RESERVATION_MINUTES * 60)),
    maxPendingPerPhone: e.MAX_PENDING_PER_PHONE,
    purchasesPerMinutePerIp: e.PURCHASES_PER_MINUTE_PER_IP,
    referenceLookupsPerMinute: e.REFERENCE_LOOKUPS_PER_MINUTE,
    operationTimeoutMs: e.OPERATION_TIMEOUT_MS,
    trustedProxies: (e.TRUSTED_PROXIES ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean),
    metricsToken: e.METRICS_TOKEN,
    anonymousBodyLimitBytes: e.ANONYMOUS_BODY_LIMIT_BYTES,
    unpaidCaps: { perAddress: e.MAX_UNPAID_PER_ADDRESS, perNetwork: e.MAX_UNPAID_PER_NETWORK, poolShare: e.UNPAID_POOL_SHARE },
    reconcileIntervalMs: e.RECONCILE_INTERVAL_MS,
    outbox: {
      pollMs: e.OUTBOX_POLL_MS,
      retryBaseMs: e.OUTBOX_RETRY_BASE_MS,
      retryMaxMs: e.OUTBOX_RETRY_MAX_MS,
      maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
    },
    jobs: {
      pollMs: e.JOBS_POLL_MS ?? e.OUTBOX_POLL_MS,
      retryBaseMs: e.JOBS_RETRY_BASE_MS,
      retryMaxMs: e.JOBS_RETRY_MAX_MS,
      maxAttempts: e.JOBS_MAX_ATTEMPTS,
      leaseMs: e.JOBS_LEASE_MS,
      heartbeatMs: e.JOBS_HEARTBEAT_MS ?? Math.max(10, Math.floor(e.JOBS_LEASE_MS / 3)),
      doneRetentionDays: e.JOBS_DONE_RETENTION_DAYS,
    },
    sms: { provider: e.SMS_PROVIDER, url: e.SMS_URL, apiKey: e.SMS_API_KEY, sender: e.SMS_SENDER },
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      managerEmails: (e.MANAGER_EMAILS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    },
    timeZone: e.TIME_ZONE,
    shop: { name: e.SHOP_NAME, receiptFooter: e.RECEIPT_FOOTER?.trim() || null, cardsPerPage: e.CARDS_PER_PAGE },
    backups: {
      dir: path.resolve(e.BACKUP_DIR ?? path.join(dataDir, "backups")),
      schedule,
      scheduleFormat: e.BACKUP_SCHEDULE_FORMAT,
      keep: e.BACKUP_KEEP,
      keepDays: e.BACKUP_KEEP_DAYS,
      maxUploadBytes: e.BACKUP_MAX_UPLOAD_MB * 1_048_576,
    },
    stockWarnDays: e.STOCK_WARN_DAYS,
    journal: { enabled: e.JOURNAL === "on", segmentBytes: e.JOURNAL_SEGMENT_MB * 1024 * 1024 },
    uiDir: e.UI_DIR ? path.resolve(e.UI_DIR) : defaultUiDir,
    // A shared answer is not a row in the log: with every anonymous read written, none is shared.
    publicAnswers: e.PUBLIC_ANSWERS === "on" && e.REQUEST_LOG_ANONYMOUS_READS !== "on",
    requestLog: {
      anonymousReads: e.REQUEST_LOG_ANONYMOUS_READS === "on",
      retentionDays: Object.fromEntries(
        e.LOG_RETENTION_DAYS.split(",").map((p) => p.split("=").map((x) => x.trim())).map(([level, days]) => [level!.toUpperCase(), Number(days)] as const).filter(([, d]) => d > 0),
      ),
    },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    sentry: e.SENTRY_DSN ? { dsn: e.SENTRY_DSN, environment: e.SENTRY_ENVIRONMENT ?? e.NODE_ENV } : undefined,
  };
}

// Unexpected errors to Sentry when SENTRY_DSN is set: the error, its request id, error id and
// operation, and nothing a customer or operator would not want in a third party's hands.
// Every event passes through scrub() last: keys that name secrets lose their values, and
// tokens, passwords in URLs and phone numbers are cut out of every string.
import { randomUUID } from "node:crypto";
import * as Sentry from "@sentry/node";
import { getOperationAST, type GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Config } from "./config.js";
import type { Context } from "./context.js";
import { toAppError } from "./errors.js";

const SECRET_KEY = /pass(word)?|secret|token|authori[sz]ation|cookie|api[-_]?key|session|signature|dsn|phone|msisdn|credential|private/i;
const PATTERNS: [RegExp, string][] = [
  [/\bv1\.[\w-]+\.\d+\.[\w-]+/g, "[token]"], // our session tokens
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, "$1 [token]"],
  [/\b(sk|pk)_(live|test)_\w+/g, "[key]"], // Paystack keys
  [/(\/\/[^/\s:@]+:)[^@\s/]+@/g, "$1[password]@"], // user:password@ in URLs (SMTP_URL, REDIS_URL)
  // Phone numbers, and with them other long digit runs such as dates: better cut than leaked.
  [/\+?\d[\d\s().-]{7,}\d/g, "[number]"],
];

function scrubString(s: string): string {
  return PATTERNS.reduce((acc, [re, to]) => acc.replace(re, to), s);
}

/** A deep copy with secrets removed (exported for its test through the stand-in). */
export function scrub<T>(value: T, depth = 0): T {
  if (typeof value === "string") return scrubString(value) as T;
  if (!value || typeof value !== "object" || depth > 12) return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_KEY.test(k) && v !== null && v !== undefined ? "[Filtered]" : scrub(v, depth + 1);
  }
  return out as T;
}

let enabled = false;

export function initSentry(config: Pick<Config, "sentry">, release: string): void {
  if (!config.sentry || enabled) return;
  Sentry.init({
    dsn: config.sentry.dsn,
    environment: config.sentry.environment,
    release: `chillzone@${release}`,
    dataCollection: { userInfo: false, cookies: false, httpHeaders: false, httpBodies: [], urlQueryParams: false },
    // Errors only: no tracing, and none of the OpenTelemetry auto-instrumentation, which needs
    // loader hooks a bundled server does not have.
    enableOpenTelemetrySetup: false,
    includeLocalVariables: false,
    normalizeDepth: 6,
    defaultIntegrations: false,
    integrations: [Sentry.linkedErrorsIntegration(), Sentry.onUncaughtExceptionIntegration(), Sentry.onUnhandledRejectionIntegration({ mode: "warn" })],
    beforeSend: (event) => scrub(event),
    beforeBreadcrumb: () => null,
  });
  enabled = true;
}

/** Reports an unexpected error outside GraphQL (a route) with the ids an operator needs to find it in the log. */
export function reportError(err: unknown, info: { requestId?: string | null; errorId?: string; operation?: string; path?: string }): void {
  if (!enabled) return;
  Sentry.withScope((scope) => {
    if (info.requestId) scope.setTag("request_id", info.requestId);
    if (info.errorId) scope.setTag("error_id", info.errorId);
    if (info.operation) scope.setTag("operation", info.operation);
    if (info.path) scope.setTag("path", info.path);
    Sentry.captureException(err);
  });
}

/** Sends what is queued (at shutdown). */
export async function flushSentry(ms = 2000): Promise<void> {
  if (enabled) await Sentry.flush(ms);
}

// The error id a customer quotes, shared by the report and the masked message (maskError).
const errorIds = new WeakMap<object, string>();
export function errorIdFor(err: unknown): string {
  const key = err && typeof err === "object" ? err : null;
  const known = key && errorIds.get(key);
  if (known) return known;
  const id = randomUUID().slice(0, 8);
  if (key) errorIds.set(key, id);
  return id;
}

/**
 * Reports each unexpected error of an operation with what it was doing: the request id, the
 * operation and its variables, the caller's role. Runs before Yoga masks the errors, so the
 * original error (and its stack) is what Sentry gets; scrub() removes the secrets.
 */
export function sentryPlugin(): Plugin<Context> {
  return {
    onExecute({ args }) {
      if (!enabled) return;
      const ctx = args.contextValue;
      const operation = getOperationAST(args.document, args.operationName ?? undefined)?.name?.value ?? args.operationName ?? null;
      return {
        onExecuteDone({ result }) {
          if (!("errors" in result) || !result.errors) return;
          for (const error of result.errors as readonly GraphQLError[]) {
            if (toAppError(error)) continue;
            const original = error.originalError ?? error;
            Sentry.withScope((scope) => {
              scope.setTag("request_id", ctx.requestId);
              scope.setTag("error_id", errorIdFor(original));
              if (operation) scope.setTag("operation", operation);
              scope.setContext("graphql", { operation, path: error.path?.join(".") ?? null, variables: args.variableValues ?? {} });
              scope.setContext("caller", { role: ctx.viewer?.role ?? "anonymous", ip: ctx.clientIp, headers: Object.fromEntries(ctx.request.headers) });
              Sentry.captureException(original);
            });
          }
        },
      };
    },
  };
}

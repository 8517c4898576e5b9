// Envelop plugins: the request scope the change triggers read, the request-finished log
// entry, and response cookies / request id headers.
import type { Plugin } from "graphql-yoga";
import { getOperationAST, GraphQLError, type ExecutionResult, type OperationDefinitionNode } from "graphql";
import { runInScope } from "../db/request-context.js";
import type { Context } from "./context.js";
import type { Config } from "./config.js";
import { parseCookies, SESSION_COOKIE } from "./auth.js";
import { ErrorCode } from "./errors.js";

/** The header every cookie-authenticated GraphQL request must carry (the UI's client sends it). */
export const CSRF_HEADER = "x-graphql-yoga-csrf";
const CSRF_HEADERS = [CSRF_HEADER, "apollo-require-preflight"];

/** The CSRF rule, for the requests that do not pass through Yoga first (uploads). */
export const csrfSatisfied = (headers: Headers) => parseCookies(headers.get("cookie"))[SESSION_COOKIE] === undefined || CSRF_HEADERS.some((h) => headers.has(h));

function refuse(fetchAPI: { Response: typeof Response }, status: number, code: string, message: string): Response {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}

/**
 * Cross-origin request forgery. A browser sends urlencoded, multipart and text/plain POSTs
 * (and GETs) to any origin without asking first, cookie included; SameSite=Lax does not stop
 * a page on another port or subdomain of the same site. So a POST must be JSON (the UI uses
 * no uploads), and a request that carries the session cookie must also carry a custom header,
 * which a page can only add cross-origin after a CORS preflight that only CORS_ORIGINS pass.
 * API keys and bearer tokens are not sent by browsers on their own, so they need neither.
 */
export function csrfPlugin(): Plugin<Context> {
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      const method = request.method.toUpperCase();
      if (method === "POST") {
        const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
        if (type !== "application/json") {
          return endResponse(refuse(fetchAPI, 415, "UNSUPPORTED_MEDIA_TYPE", "Send GraphQL requests as a POST with content-type application/json"));
        }
      }
      const hasSession = parseCookies(request.headers.get("cookie"))[SESSION_COOKIE] !== undefined;
      if (hasSession && !CSRF_HEADERS.some((h) => request.headers.has(h))) {
        endResponse(refuse(fetchAPI, 403, "CSRF_HEADER_REQUIRED", `A request with the session cookie must carry the ${CSRF_HEADER} header`));
      }
    },
    // The CORS headers of an answer depend on its Origin: a shared cache must not hand one
    // origin's answer (with or without Access-Control-Allow-*) to another.
    onResponse({ response }) {
      const vary = response.headers.get("vary");
      if (!vary || !/(^|,)\s*origin\s*(,|$)/i.test(vary)) response.headers.set("vary", vary ? `${vary}, Origin` : "Origin");
    },
  };
}

/**
 * CORS for /graphql: off unless the Origin is on CORS_ORIGINS, so an unlisted page gets no
 * Access-Control-Allow-* headers at all (its browser then neither reads answers nor sends the
 * preflighted custom header). Same-origin requests need no CORS.
 */
export function corsOptions(config: Pick<Config, "corsOrigins">) {
  const allowed = new Set(config.corsOrigins);
  return (request: Request) => {
    const origin = request.headers.get("origin");
    if (!origin || !allowed.has(origin)) return false as const;
    return {
      origin: [origin],
      credentials: true,
      methods: ["GET", "POST"],
      allowedHeaders: ["content-type", "authorization", "x-api-key", "x-request-id", ...CSRF_HEADERS],
      exposedHeaders: ["x-request-id"],
      maxAge: 600,
    };
  };
}

export function scopePlugin(): Plugin<Context> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const ctx = args.contextValue;
      setExecuteFn((a) => runInScope({ actor: ctx.actor, requestId: ctx.requestId }, () => executeFn(a)));
    },
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const ctx = args.contextValue;
      setSubscribeFn((a) => runInScope({ actor: ctx.actor, requestId: ctx.requestId }, () => subscribeFn(a)));
    },
  };
}

/** The operation's name, else its root fields (an unnamed `{ logs {...} }` reads as "logs"). */
function operationName(op: OperationDefinitionNode | null | undefined, given: string | null | undefined): string {
  if (op?.name?.value) return op.name.value;
  if (given) return given;
  const fields = (op?.selectionSet.selections ?? []).flatMap((s) => (s.kind === "Field" ? [s.name.value] : []));
  return fields.length ? fields.join("+") : "unnamed";
}

function outcome(result: ExecutionResult | undefined) {
  const errors = (result?.errors ?? []) as readonly GraphQLError[];
  const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? "ERROR")))];
  return { ok: errors.length === 0, codes, internal: codes.includes(ErrorCode.INTERNAL) };
}

/** One REQUEST log entry per operation: name, type, duration, outcome, actor. */
export function requestLogPlugin(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const started = performance.now();
      const ctx = args.contextValue;
      const op = getOperationAST(args.document, args.operationName ?? undefined);
      const type = op?.operation ?? "query";
      const name = operationName(op, args.operationName);
      return {
        onExecuteDone({ result }) {
          if (!("errors" in result) && !("data" in result)) return; // streamed results: logged at start only
          const o = outcome(result as ExecutionResult);
          const ms = Math.round((performance.now() - started) * 10) / 10;
          ctx.services.metrics.operation({ type, operation: name, seconds: ms / 1000, ok: o.ok, internal: o.internal, codes: o.codes });
          // A successful anonymous read (the /buy page polling bundles) is counted in the
          // metrics above, not written as a row: one row each would let any client on the
          // Wi-Fi grow the log and its full-text index without bound. Failures still are.
          if (o.ok && type === "query" && !ctx.viewer && !ctx.services.config.requestLog.anonymousReads) return;
          ctx.services.log.write({
            kind: "REQUEST",
            level: o.internal ? "ERROR" : !o.ok ? "WARN" : type === "mutation" ? "INFO" : "DEBUG",
            message: `${type} ${name} ${o.ok ? "ok" : o.codes.join(",")} in ${ms} ms`,
            actor: ctx.actor,
            requestId: ctx.requestId,
            data: { operation: name, type, durationMs: ms, outcome: o.ok ? "ok" : "error", errorCodes: o.codes, ip: ctx.clientIp },
          });
        },
      };
    },
    onSubscribe({ args }) {
      const ctx = args.contextValue;
      const op = getOperationAST(args.document, args.operationName ?? undefined);
      const name = operationName(op, args.operationName);
      ctx.services.log.write({
        kind: "REQUEST",
        level: "DEBUG",
        message: `subscription ${name} started`,
        actor: ctx.actor,
        requestId: ctx.requestId,
        data: { operation: name, type: "subscription", ip: ctx.clientIp },
      });
    },
  };
}

/** Cookies set by resolvers (login/logout) and the request id, on the HTTP response. */
export function responseHeadersPlugin(jar: WeakMap<Request, { cookies: string[]; requestId: string }>): Plugin<Context> {
  return {
    onResponse({ request, response }) {
      const entry = jar.get(request);
      if (!entry) return;
      for (const c of entry.cookies) response.headers.append("set-cookie", c);
      response.headers.set("x-request-id", entry.requestId);
    },
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isWellFormed = (s: string) => !LONE_SURROGATE.test(s);

/** True when every string in the value is well-formed UTF-16 (no lone surrogate). */
function wellFormed(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return isWellFormed(value);
  if (depth > 32 || value === null || typeof value !== "object") return true;
  return Object.entries(value).every(([k, v]) => isWellFormed(k) && wellFormed(v, depth + 1));
}

/**
 * Text with a lone surrogate (half of an emoji, from a broken client or a fuzzer) cannot be
 * stored or compared by SQLite's driver, which throws deep inside a resolver. Refuse it at
 * the door, in the query text and in the variables, with an error a person can act on.
 */
export function wellFormedTextPlugin(): Plugin<Context> {
  return {
    onParams({ params, setResult }) {
      if (wellFormed(params.query ?? "") && wellFormed(params.variables ?? null) && wellFormed(params.operationName ?? "")) return;
      setResult({ errors: [new GraphQLError("The text contains an invalid character (a broken emoji?). Type it again and retry.", { extensions: { code: ErrorCode.BAD_USER_INPUT } })] });
    },
  };
}

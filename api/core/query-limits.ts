// Limits on what one GraphQL operation may ask for, over HTTP and WebSocket alike: depth,
// aliases, directives, cost (graphql-armor's rules) and tokens (graphql-js's parser limit,
// checked while parsing, so a huge document is refused before it is even built). Set just
// above the dashboard's largest real operation (tests/integration/security-query-limits.test.ts
// measures every one of them), and lower for anonymous callers, who only need the /buy page
// and the login form. A refusal is QUERY_TOO_COMPLEX with a WARN log entry; a query that
// still runs too long is answered with TIMEOUT after OPERATION_TIMEOUT_MS.
import { GraphQLError, getOperationAST, parse, validate, type ValidationContext, type ValidationRule } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { IncomingMessage } from "node:http";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import type { Context, Services } from "./context.js";
import { ErrorCode } from "./errors.js";
import { normalizeAddress } from "./client-address.js";
import { currentScope, runInScope } from "../db/request-context.js";

export type QueryLimits = { depth: number; aliases: number; directives: number; cost: number };

// Measured (the test prints them): the dashboard's largest operations reach depth 7,
// cost 386 (TransactionDetail), 124 tokens, no aliases, 14 directives (Dashboard: its money
// fields are @include(if: $money), left out for staff); the
// public ones (/buy, login) depth 6, cost 183, 62 tokens. Aliases stay allowed in small
// numbers for partner apps and scripts. graphql-armor's cost multiplies a list by a literal
// `first`/`last` (not by a variable, which the dashboard uses): staff lists of up to 200
// items written literally (`logs(first: 200)`, about 5,000) must pass, so the staff cost
// limit is that; depth, aliases and tokens are what bound a staff request.
/** Signed-in staff and API keys: a little above the dashboard's largest operation. */
export const STAFF_LIMITS: QueryLimits = { depth: 9, aliases: 15, directives: 16, cost: 10_000 };
/** Anonymous callers: a little above the /buy page's and the login form's operations. */
export const ANONYMOUS_LIMITS: QueryLimits = { depth: 7, aliases: 3, directives: 2, cost: 250 };
/** Tokens of one document, for everyone (checked while parsing, before the caller is known). */
export const MAX_TOKENS = 1_000;

type Measure = keyof QueryLimits;
const tooComplex = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } });

/** The armor rules for `limits`, reporting a plain, actionable QUERY_TOO_COMPLEX error. */
export function limitRules(limits: QueryLimits, onMeasure?: (what: Measure, n: number) => void): ValidationRule[] {
  const report = (what: string, limit: number) => (ctx: ValidationContext | null) =>
    ctx?.reportError(tooComplex(`This request asks for too much (${what} above ${limit}): ask for fewer fields or split it into several requests`));
  const common = (what: Measure, label: string, limit: number) => ({
    propagateOnRejection: false,
    exposeLimits: false,
    onReject: [report(label, limit)],
    onAccept: onMeasure ? [(_c: unknown, d: { n: number }) => onMeasure(what, d.n)] : [],
  });
  return [
    maxDepthRule({ n: limits.depth, ...common("depth", "depth", limits.depth) }),
    maxAliasesRule({ n: limits.aliases, ...common("aliases", "aliases", limits.aliases) }),
    maxDirectivesRule({ n: limits.directives, ...common("directives", "directives", limits.directives) }),
    costLimitRule({ maxCost: limits.cost, ...common("cost", "cost", limits.cost) }),
  ] as ValidationRule[];
}

const isLimitError = (e: GraphQLError) => e.extensions?.code === ErrorCode.QUERY_TOO_COMPLEX;

function ipOf(initial: Record<string, unknown>): string | null {
  const req = initial.req as IncomingMessage | undefined;
  return normalizeAddress(req?.socket?.remoteAddress);
}

export function queryLimitsPlugin(services: Pick<Services, "log" | "config" | "metrics">): Plugin<Context> {
  const staffRules = limitRules(STAFF_LIMITS);
  const anonymousRules = limitRules(ANONYMOUS_LIMITS);
  // Yoga hands the same parsed document to every request with the same text (its parse
  // cache), so the verdict of the stricter rules is kept with the document, not re-walked.
  const verdicts = new WeakMap<object, { schema: object; errors: readonly GraphQLError[] }>();
  const anonymousErrors = (schema: Parameters<typeof validate>[0], document: Parameters<typeof validate>[1]) => {
    const known = verdicts.get(document);
    if (known && known.schema === schema) return known.errors;
    const errors = validate(schema, document, anonymousRules);
    verdicts.set(document, { schema, errors });
    return errors;
  };
  const refused = (why: string, ip: string | null, messages: string[]) => {
    services.metrics.refused(why);
    services.log.write({ kind: "REQUEST", level: "WARN", message: `Request refused: ${messages[0]}`, data: { reason: why, ip, errors: messages.slice(0, 5) } });
  };
  return {
    onParse({ setParseFn, context }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens: MAX_TOKENS });
        } catch (err) {
          if (err instanceof GraphQLError && /tokens/.test(err.message)) {
            const e = tooComplex(`This request is too long (more than ${MAX_TOKENS} tokens): split it into several requests`);
            refused("tokens", ipOf(context as Record<string, unknown>), [e.message]);
            throw e;
          }
          throw err;
        }
      });
    },
    onValidate({ addValidationRule, context }) {
      for (const r of staffRules) addValidationRule(r);
      return ({ valid, result }) => {
        if (valid) return;
        const limits = result.filter(isLimitError);
        if (limits.length) refused("limits", ipOf(context as Record<string, unknown>), limits.map((e) => e.message));
      };
    },
    // The caller is known only once the context is built: anonymous operations are checked
    // again against the stricter limits before they run.
    onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const ctx = args.contextValue;
      if (!ctx.viewer) {
        const errors = anonymousErrors(args.schema, args.document);
        if (errors.length) {
          refused("anonymous-limits", ctx.clientIp, errors.map((e) => e.message));
          return setResultAndStopExecution({ errors });
        }
      }
      const op = getOperationAST(args.document, args.operationName ?? undefined);
      if (op?.operation !== "query") return; // a mutation is never answered before it finished
      const ms = services.config.operationTimeoutMs;
      setExecuteFn(async (a) => {
        // The executor stops resolving further fields once the signal is aborted, so a timed
        // out query stops asking the database for more (a client disconnect aborts it too).
        const stop = new AbortController();
        const given = (a as { signal?: AbortSignal }).signal;
        const signal = given ? AbortSignal.any([given, stop.signal]) : stop.signal;
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<{ errors: GraphQLError[] }>((resolve) => {
          timer = setTimeout(() => {
            refused("timeout", ctx.clientIp, [`query ran longer than ${ms} ms`]);
            const error = new GraphQLError(`This request took longer than ${ms < 2000 ? `${ms} ms` : `${Math.round(ms / 1000)} seconds`}: ask for fewer items and try again`, { extensions: { code: ErrorCode.TIMEOUT } });
            stop.abort(error);
            resolve({ errors: [error] });
          }, ms);
        });
        const scope = currentScope() ?? { actor: ctx.actor, requestId: ctx.requestId };
        const running = Promise.resolve(runInScope({ ...scope, signal }, () => executeFn({ ...a, signal } as typeof a)));
        running.catch(() => {}); // once timed out, its abort rejection has no one to hear it
        try {
          return await Promise.race([running, timeout]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue;
      if (ctx.viewer) return;
      const errors = anonymousErrors(args.schema, args.document);
      if (errors.length) {
        refused("anonymous-limits", ctx.clientIp, errors.map((e) => e.message));
        setResultAndStopExecution({ errors });
      }
    },
  };
}

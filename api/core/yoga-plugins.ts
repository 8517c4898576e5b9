// Envelop plugins: the request scope the change triggers read, the request-finished log
// entry, and response cookies / request id headers.
import type { Plugin } from "graphql-yoga";
import { getOperationAST, type ExecutionResult, type GraphQLError, type OperationDefinitionNode } from "graphql";
import { runInScope } from "../db/request-context.js";
import type { Context } from "./context.js";
import { ErrorCode } from "./errors.js";

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
          ctx.services.metrics.inc("chillzone_graphql_operations_total", "GraphQL operations by type and outcome", { type, outcome: o.ok ? "ok" : o.internal ? "error" : "rejected" });
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

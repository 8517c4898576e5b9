import { nodeIdOf } from "../common/ids.js";
import { builder } from "../../core/builder.js";
import { whileAuthorized } from "../../core/live-auth.js";
import { changeKinds, type LogRecord } from "../../events/types.js";
import type { LogEntry as LogEntryRow } from "../../db/generated/client.js";
import { LogEntry } from "./log-entry.js";
import { LogFilter } from "./logs-query.js";
import { matches, type LogFilterValue } from "./filter.js";
import { readLogPage } from "./page-query.js";
import type { StreamFilter } from "../../events/hub.js";
import { viewDataOf } from "./redact.js";

const ChangeAction = builder.enumType("ChangeAction", { values: ["CREATED", "UPDATED", "DELETED"] as const });
const actionOf = { CREATE: "CREATED", UPDATE: "UPDATED", DELETE: "DELETED" } as const;

export const ModelEvent = builder.objectRef<LogRecord>("ModelEvent").implement({
  description: "A committed change to one row: the post-save and post-delete signal.",
  fields: (t) => ({
    sequence: t.exposeInt("sequence", { description: "The change's position in the log; strictly increasing." }),
    model: t.string({ resolve: (e) => e.model ?? "" }),
    recordId: t.string({ resolve: (e) => e.recordId ?? "", description: "The row's database id (LogFilter.recordId takes it or nodeId)." }),
    nodeId: t.id({
      nullable: true,
      description: "The record's global id, as Node.id of the queried object, for matching events against a client cache.",
      resolve: (e) => nodeIdOf(e.model, e.recordId),
    }),
    action: t.field({ type: ChangeAction, resolve: (e) => actionOf[e.kind as keyof typeof actionOf] }),
    at: t.field({ type: "DateTime", resolve: (e) => e.at }),
    actor: t.field({ type: "User", nullable: true, resolve: (e, _a, ctx) => (e.actorId ? ctx.loaders.user.load(e.actorId) : null) }),
    actorLabel: t.exposeString("actorLabel", { nullable: true }),
    requestId: t.exposeString("requestId", { nullable: true }),
    data: t.field({
      type: "JSON",
      description: "The row after the change; before it, for DELETED.",
      resolve: (e, _a, ctx) => {
        const d = viewDataOf(e, ctx.viewer?.role) as { before?: unknown; after?: unknown } | null;
        return (e.kind === "DELETE" ? d?.before : d?.after) ?? {};
      },
    }),
    changes: t.field({
      type: "JSON",
      nullable: true,
      description: "For UPDATED: {before, after} of the whole row.",
      resolve: (e, _a, ctx) => (e.kind === "UPDATE" ? viewDataOf(e, ctx.viewer?.role) : null),
    }),
  }),
});

const sinceDescription = "Resume: first deliver every matching event after this sequence, then live ones.";

/** Change events of these kinds, for these models (all when none given): as SQL and as a predicate. */
function modelFilter(models: readonly string[] | null | undefined, kinds: readonly ("CREATE" | "UPDATE" | "DELETE")[]): StreamFilter {
  // Replays read forward from `since`, usually recent: walking the table from there beats any index (`+`).
  const where = [`+kind IN (${kinds.map(() => "?").join(",")})`];
  const params: unknown[] = [...kinds];
  if (models?.length) {
    where.push(`+model IN (${models.map(() => "?").join(",")})`);
    params.push(...models);
  }
  const kindSet = new Set<string>(kinds);
  return {
    where,
    params,
    match: (r) => kindSet.has(r.kind) && changeKinds.has(r.kind) && (!models?.length || (r.model !== null && models.includes(r.model))),
  };
}

function logFilter(filter: LogFilterValue | null | undefined): StreamFilter {
  return {
    page: (read, after, limit) => readLogPage(read, filter, { above: after, order: "ASC", limit }),
    match: (r) => matches(filter, r),
  };
}

builder.subscriptionFields((t) => ({
  modelSaved: t.field({
    type: ModelEvent,
    description: "Post-save events: CREATED and UPDATED. models null: every model.",
    authScopes: { staff: true },
    args: { models: t.arg.stringList(), since: t.arg.int({ description: sinceDescription }) },
    subscribe: (_r, args, ctx) => whileAuthorized(ctx, ctx.services.hub.stream(modelFilter(args.models, ["CREATE", "UPDATE"]), args.since)),
    resolve: (e) => e,
  }),
  modelDeleted: t.field({
    type: ModelEvent,
    description: "Post-delete events.",
    authScopes: { staff: true },
    args: { models: t.arg.stringList(), since: t.arg.int({ description: sinceDescription }) },
    subscribe: (_r, args, ctx) => whileAuthorized(ctx, ctx.services.hub.stream(modelFilter(args.models, ["DELETE"]), args.since)),
    resolve: (e) => e,
  }),
  logAdded: t.field({
    type: LogEntry,
    description: "Live tail of the log, filtered like Query.logs.",
    authScopes: { staff: true },
    args: { filter: t.arg({ type: LogFilter }), since: t.arg.int({ description: sinceDescription }) },
    subscribe: (_r, args, ctx) => whileAuthorized(ctx, ctx.services.hub.stream(logFilter(args.filter as LogFilterValue | null), args.since)),
    resolve: (e) => e as unknown as LogEntryRow,
  }),
}));

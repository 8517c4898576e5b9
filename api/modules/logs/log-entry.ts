import { LogKind, LogLevel } from "../../db/generated/enums.js";
import { enumFromPrisma } from "../common/enums.js";
import { builder } from "../../core/builder.js";
import { badInput } from "../../core/errors.js";
import { viewDataOf } from "./redact.js";
import { nodeIdOf } from "../common/ids.js";

export const LogKindEnum = enumFromPrisma("LogKind", LogKind);
export const LogLevelEnum = enumFromPrisma("LogLevel", LogLevel);

export const LogEntry = builder.prismaNode("LogEntry", {
  id: { field: "sequence" },
  // node(id) reaches log entries too: the log is for staff, whatever the path.
  authScopes: { staff: true },
  findUnique: (id) => {
    if (!/^\d{1,15}$/.test(id)) throw badInput(`"${id}" is not a log entry id`);
    return { sequence: Number(id) };
  },
  description: "One entry of the audit and activity log (the Logs page).",
  fields: (t) => ({
    sequence: t.exposeInt("sequence", { description: "Strictly increasing across the whole log." }),
    at: t.expose("at", { type: "DateTime" }),
    kind: t.expose("kind", { type: LogKindEnum }),
    level: t.expose("level", { type: LogLevelEnum }),
    model: t.exposeString("model", { nullable: true, description: "Model name for CREATE/UPDATE/DELETE entries, e.g. Transaction." }),
    recordId: t.exposeString("recordId", { nullable: true, description: "The row's database id." }),
    nodeId: t.id({
      nullable: true,
      description: "The row's global id, as Node.id of the object (LogFilter.recordId takes either).",
      resolve: (e) => nodeIdOf(e.model, e.recordId),
    }),
    message: t.exposeString("message"),
    actor: t.field({
      type: "User",
      nullable: true,
      resolve: (e, _a, ctx) => (e.actorId ? ctx.loaders.user.load(e.actorId) : null),
    }),
    actorLabel: t.exposeString("actorLabel", { nullable: true, description: "Who acted when it was not a user: api-key:NAME, system, anonymous." }),
    requestId: t.exposeString("requestId", { nullable: true }),
    data: t.field({
      type: "JSON",
      nullable: true,
      description: "Before/after values for changes; request metadata for REQUEST entries.",
      resolve: (e, _a, ctx) => viewDataOf(e, ctx.viewer?.role),
    }),
  }),
});

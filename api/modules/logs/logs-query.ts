import { z } from "zod";
import { builder } from "../../core/builder.js";
import { badInput } from "../../core/errors.js";
import { rowIdOf } from "../common/ids.js";
import { keysetArgs, keysetPage, keysetWindow } from "../common/keyset.js";
import { LogEntry, LogKindEnum, LogLevelEnum } from "./log-entry.js";
import type { LogFilterValue } from "./filter.js";
import { readLogPage } from "./page-query.js";
import type { LogEntry as LogEntryRow } from "../../db/generated/client.js";

export const LogFilter = builder.inputType("LogFilter", {
  fields: (t) => ({
    kinds: t.field({ type: [LogKindEnum] }),
    levels: t.field({ type: [LogLevelEnum] }),
    model: t.string({ validate: z.string().max(64, "Model name is too long") }),
    recordId: t.string({
      description: "One row's entries: its global id (Node.id) or its database id (LogEntry.recordId).",
      validate: z.string().max(200, "Record id is too long").transform(rowIdOf),
    }),
    requestId: t.string({
      description: "Only the entries one request wrote (its row changes, login, payment...): LogEntry.requestId.",
      validate: z.string().max(100, "Request id is too long"),
    }),
    search: t.string({ validate: z.string().max(200, "Search is too long (200 characters at most)") }),
    from: t.field({ type: "DateTime" }),
    to: t.field({ type: "DateTime" }),
  }),
});

const cursorOf = (sequence: number) => Buffer.from(`log:${sequence}`).toString("base64url");
function sequenceOf(cursor: string): number {
  const m = /^log:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!m) throw badInput(`"${cursor}" is not a logs cursor`);
  return Number(m[1]);
}

type RawRow = Omit<LogEntryRow, "sequence" | "at"> & { sequence: number | bigint; at: string };
const toEntry = (r: RawRow): LogEntryRow => ({ ...r, sequence: Number(r.sequence), at: new Date(r.at) });

const LogEntryConnection = builder.objectRef<{ rows: LogEntryRow[]; hasNextPage: boolean; hasPreviousPage: boolean }>("LogEntryConnection");
const LogEntryEdge = builder.objectRef<LogEntryRow>("LogEntryEdge").implement({
  fields: (t) => ({
    cursor: t.string({ resolve: (e) => cursorOf(e.sequence) }),
    node: t.field({ type: LogEntry, resolve: (e) => e }),
  }),
});
LogEntryConnection.implement({
  fields: (t) => ({
    edges: t.field({ type: [LogEntryEdge], resolve: (c) => c.rows }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      resolve: (c) => ({
        hasNextPage: c.hasNextPage,
        hasPreviousPage: c.hasPreviousPage,
        startCursor: c.rows[0] ? cursorOf(c.rows[0].sequence) : null,
        endCursor: c.rows.length ? cursorOf(c.rows[c.rows.length - 1]!.sequence) : null,
      }),
    }),
  }),
});

const MAX_PAGE = 200;

builder.queryFields((t) => ({
  logs: t.field({
    type: LogEntryConnection,
    description: "The log, newest first. `first`/`after` pages toward older entries, `last`/`before` toward newer.",
    authScopes: { staff: true },
    args: {
      ...keysetArgs(t.arg),
      filter: t.arg({ type: LogFilter }),
    },
    resolve: async (_r, args, ctx) => {
      const window = keysetWindow(args, { maxSize: MAX_PAGE });
      // Keyset pagination on the sequence: a page costs the same at entry 10 or 1,000,000.
      const raw = readLogPage(ctx.services.reader.reader, args.filter as LogFilterValue | null, {
        below: args.after ? sequenceOf(args.after) : null,
        above: args.before ? sequenceOf(args.before) : null,
        order: window.backward ? "ASC" : "DESC",
        limit: window.limit,
      });
      const page = keysetPage(raw as unknown as RawRow[], window, args);
      return { ...page, rows: page.rows.map(toEntry) };
    },
  }),
}));

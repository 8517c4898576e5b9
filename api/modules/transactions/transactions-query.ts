import type { GraphQLResolveInfo } from "graphql";
import { queryFromInfo } from "@pothos/plugin-prisma";
import { z } from "zod";
import { builder } from "../../core/builder.js";
import { keysetArgs, keysetPage, keysetWindow } from "../common/keyset.js";
import type { Context } from "../../core/context.js";
import type { Transaction as TransactionRow } from "../../db/generated/client.js";
import { Transaction, TransactionStatusEnum } from "./transaction.js";
import { countQuery, cursorOf, keyOf, pageQuery, transactionSql, type Key, type TransactionSql } from "./filter.js";

export const TransactionFilter = builder.inputType("TransactionFilter", {
  fields: (t) => ({
    status: t.field({ type: [TransactionStatusEnum] }),
    search: t.string({ description: "Matches reference, name, phone number, provider reference or voucher username.", validate: z.string().max(200, "Search is too long (200 characters at most)") }),
    allocationId: t.id(),
    from: t.field({ type: "DateTime", description: "Created at or after this instant." }),
    to: t.field({ type: "DateTime", description: "Created before this instant." }),
  }),
});

type Edge = { cursor: string; node: TransactionRow };
type Page = { edges: Edge[]; hasNextPage: boolean; hasPreviousPage: boolean; sql: TransactionSql };

const TransactionEdge = builder.objectRef<Edge>("TransactionEdge").implement({
  fields: (t) => ({
    cursor: t.exposeString("cursor"),
    node: t.field({ type: Transaction, resolve: (e) => e.node }),
  }),
});

const TransactionConnection = builder.objectRef<Page>("TransactionConnection").implement({
  fields: (t) => ({
    edges: t.field({ type: [TransactionEdge], resolve: (p) => p.edges }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      resolve: (p) => ({
        hasNextPage: p.hasNextPage,
        hasPreviousPage: p.hasPreviousPage,
        startCursor: p.edges[0]?.cursor ?? null,
        endCursor: p.edges.at(-1)?.cursor ?? null,
      }),
    }),
    totalCount: t.int({
      description: "Sales matching the filter, on every page (counted only when asked for).",
      resolve: (p, _a, ctx) => {
        const { sql, params } = countQuery(p.sql);
        return ctx.services.reader.read<{ n: number }>(sql, params)[0]!.n;
      },
    }),
  }),
});

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

type Args = { first?: number | null; after?: string | null; last?: number | null; before?: string | null; filter?: typeof TransactionFilter.$inferInput | null };

async function page(args: Args, ctx: Context, info: GraphQLResolveInfo): Promise<Page> {
  const window = keysetWindow(args, { defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE });
  const read = ctx.services.reader.reader;
  const sql = transactionSql(read, args.filter);
  // Keyset pagination on (createdAt, id): page 20,000 costs what page 1 does.
  const keysQuery = pageQuery(sql, {
    after: args.after ? keyOf(args.after) : null,
    before: args.before ? keyOf(args.before) : null,
    backward: window.backward,
    limit: window.limit,
  });
  const { rows: pageKeys, hasNextPage, hasPreviousPage } = keysetPage(read<Key>(keysQuery.sql, keysQuery.params), window, args);
  // Then the rows with what the query selects under edges.node, relations included, in one plan.
  const query = await queryFromInfo({ context: ctx, info, typeName: "Transaction", path: ["edges", "node"], awaitSelections: true });
  const rows = pageKeys.length
    ? ((await ctx.prisma.transaction.findMany({ ...query, where: { id: { in: pageKeys.map((k) => k.id) } } })) as TransactionRow[])
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const edges = pageKeys.flatMap((k) => {
    const node = byId.get(k.id);
    return node ? [{ cursor: cursorOf(k), node }] : [];
  });
  return { edges, sql, hasNextPage, hasPreviousPage };
}

builder.queryFields((t) => ({
  transactions: t.field({
    type: TransactionConnection,
    description: "Sales, newest first (staff). `first`/`after` page toward older sales, `last`/`before` toward newer.",
    authScopes: { staff: true },
    args: {
      ...keysetArgs(t.arg),
      filter: t.arg({ type: TransactionFilter }),
    },
    resolve: (_r, args, ctx, info) => page(args, ctx, info),
  }),
}));

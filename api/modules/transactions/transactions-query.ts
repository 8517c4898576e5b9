import type { GraphQLResolveInfo } from "graphql";
import { queryFromInfo } from "@pothos/plugin-prisma";
import { builder } from "../../core/builder.js";
import { badInput } from "../../core/errors.js";
import type { Context } from "../../core/context.js";
import type { Prisma, Transaction as TransactionRow } from "../../db/generated/client.js";
import { Transaction, TransactionStatusEnum } from "./transaction.js";
import { cursorOf, keyOf, newerThan, newestFirst, oldestFirst, olderThan, transactionWhere } from "./filter.js";

export const TransactionFilter = builder.inputType("TransactionFilter", {
  fields: (t) => ({
    status: t.field({ type: [TransactionStatusEnum] }),
    search: t.string({ description: "Matches reference, name, phone number, provider reference or voucher username." }),
    allocationId: t.id(),
    from: t.field({ type: "DateTime", description: "Created at or after this instant." }),
    to: t.field({ type: "DateTime", description: "Created before this instant." }),
  }),
});

type Page = { rows: TransactionRow[]; hasNextPage: boolean; hasPreviousPage: boolean; where: Prisma.TransactionWhereInput };

const TransactionEdge = builder.objectRef<TransactionRow>("TransactionEdge").implement({
  fields: (t) => ({
    cursor: t.string({ resolve: (row) => cursorOf(row) }),
    node: t.field({ type: Transaction, resolve: (row) => row }),
  }),
});

const TransactionConnection = builder.objectRef<Page>("TransactionConnection").implement({
  fields: (t) => ({
    edges: t.field({ type: [TransactionEdge], resolve: (p) => p.rows }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      resolve: (p) => ({
        hasNextPage: p.hasNextPage,
        hasPreviousPage: p.hasPreviousPage,
        startCursor: p.rows[0] ? cursorOf(p.rows[0]) : null,
        endCursor: p.rows.length ? cursorOf(p.rows[p.rows.length - 1]!) : null,
      }),
    }),
    totalCount: t.int({
      description: "Sales matching the filter, on every page (counted only when asked for).",
      resolve: (p, _a, ctx) => ctx.prisma.transaction.count({ where: p.where }),
    }),
  }),
});

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

type Args = { first?: number | null; after?: string | null; last?: number | null; before?: string | null; filter?: typeof TransactionFilter.$inferInput | null };

async function page(args: Args, ctx: Context, info: GraphQLResolveInfo): Promise<Page> {
  if (args.first != null && args.last != null) throw badInput("Pass first or last, not both");
  const size = args.last ?? args.first ?? DEFAULT_PAGE;
  if (size < 0 || size > MAX_PAGE) throw badInput(`Page size must be between 0 and ${MAX_PAGE}`);
  const where = transactionWhere(args.filter);
  // Keyset pagination on (createdAt, id): page 20,000 costs what page 1 does.
  const bounds: Prisma.TransactionWhereInput[] = [];
  if (args.after) bounds.push(olderThan(keyOf(args.after)));
  if (args.before) bounds.push(newerThan(keyOf(args.before)));
  const backward = args.last != null;
  // The selection under edges.node, so relations load with the page in one plan.
  const query = await queryFromInfo({ context: ctx, info, typeName: "Transaction", path: ["edges", "node"], awaitSelections: true });
  const raw = (await ctx.prisma.transaction.findMany({
    ...query,
    where: bounds.length ? { AND: [where, ...bounds] } : where,
    orderBy: backward ? oldestFirst : newestFirst,
    take: size + 1,
  })) as TransactionRow[];
  const more = raw.length > size;
  const rows = raw.slice(0, size);
  if (backward) rows.reverse();
  return backward
    ? { rows, where, hasPreviousPage: more, hasNextPage: Boolean(args.before) }
    : { rows, where, hasNextPage: more, hasPreviousPage: Boolean(args.after) };
}

builder.queryFields((t) => ({
  transactions: t.field({
    type: TransactionConnection,
    description: "Sales, newest first (staff). `first`/`after` page toward older sales, `last`/`before` toward newer.",
    authScopes: { staff: true },
    args: {
      first: t.arg.int(),
      after: t.arg.string(),
      last: t.arg.int(),
      before: t.arg.string(),
      filter: t.arg({ type: TransactionFilter }),
    },
    resolve: (_r, args, ctx, info) => page(args, ctx, info),
  }),
}));

// Keyset (cursor) pagination for the connections whose rows come from SQL (the log, sales):
// the page-size rules and the Relay page flags in one place. A page fetches one row more
// than it shows; that row only says whether there is a further page.
import type { builder } from "../../core/builder.js";
import { badInput } from "../../core/errors.js";

type ArgBuilder = Parameters<Parameters<typeof builder.queryFields>[0]>[0]["arg"];

/** The four Relay page arguments, as every keyset connection takes them. */
export const keysetArgs = (arg: ArgBuilder) => ({
  first: arg.int({ description: "Page size, toward older rows." }),
  after: arg.string({ description: "endCursor of the previous page." }),
  last: arg.int({ description: "Page size, toward newer rows." }),
  before: arg.string({ description: "startCursor of the next page." }),
});

export type KeysetArgs = { first?: number | null; after?: string | null; last?: number | null; before?: string | null };

export type KeysetWindow = {
  /** Rows shown. */
  size: number;
  /** `last`/`before`: the page runs toward newer rows, read in ascending order. */
  backward: boolean;
  /** Rows to read: size + 1. */
  limit: number;
};

/** The page the arguments ask for, or BAD_USER_INPUT naming the rule broken. */
export function keysetWindow(args: KeysetArgs, { defaultSize = 50, maxSize = 200 } = {}): KeysetWindow {
  if (args.first != null && args.last != null) throw badInput("Pass first or last, not both");
  const size = args.last ?? args.first ?? defaultSize;
  if (!Number.isInteger(size) || size < 0 || size > maxSize) throw badInput(`Page size must be between 0 and ${maxSize}`);
  return { size, backward: args.last != null, limit: size + 1 };
}

/**
 * The rows read for `window` (in reading order) as a page in display order, with the Relay
 * flags: the extra row means "more in the reading direction"; a cursor given in the other
 * direction means there is a page on that side.
 */
export function keysetPage<T>(read: T[], window: KeysetWindow, args: KeysetArgs): { rows: T[]; hasNextPage: boolean; hasPreviousPage: boolean } {
  const more = read.length > window.size;
  const rows = read.slice(0, window.size);
  if (window.backward) rows.reverse();
  return window.backward
    ? { rows, hasPreviousPage: more, hasNextPage: Boolean(args.before) }
    : { rows, hasNextPage: more, hasPreviousPage: Boolean(args.after) };
}

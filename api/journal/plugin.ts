// Where the API waits for the journal: GraphQL operations (over HTTP and WebSocket, both run
// through yoga's execute) and the other HTTP routes (webhooks). Whatever wrote to the
// database is answered only once the journal holds it; what only read pays nothing.
import type { ServerResponse } from "node:http";
import type { Plugin } from "graphql-yoga";
import { getOperationAST, GraphQLError, type ExecutionResult } from "graphql";
import { trackWrites, type WriteTracker } from "../db/write-tracker.js";
import { JOURNAL_UNAVAILABLE, type Journal } from "./writer.js";

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The error a client gets. `committed`: the database has the change, the journal does not (yet). */
export function journalError(err: unknown, committed: boolean): GraphQLError {
  const reason = reasonOf(err);
  const message = committed
    ? `Your change was saved in the database, but the backup journal could not record it (${reason}), so it is not confirmed. Check whether it took effect before you try again.`
    : `Nothing was saved: the backup journal cannot be written (${reason}). Try again once it is back.`;
  return new GraphQLError(message, { extensions: { code: JOURNAL_UNAVAILABLE, committed } });
}

const isIterable = (r: unknown): boolean => typeof r === "object" && r !== null && Symbol.asyncIterator in r;

export function journalPlugin(journal: Journal): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (!journal.enabled) return;
      const op = getOperationAST(args.document, args.operationName ?? undefined);
      setExecuteFn(async (a) => {
        // A mutation while the journal is known to be down is refused before it writes.
        if (op?.operation === "mutation") {
          try {
            await journal.ensureWritable();
          } catch (err) {
            return { data: null, errors: [journalError(err, false)] } satisfies ExecutionResult;
          }
        }
        const tracker: WriteTracker = { wrote: false };
        const result = await trackWrites(tracker, () => executeFn(a));
        if (!tracker.wrote || isIterable(result)) return result;
        try {
          await journal.waitForCommitted();
        } catch (err) {
          return { data: null, errors: [journalError(err, true)] } satisfies ExecutionResult;
        }
        return result;
      });
    },
  };
}

/**
 * Runs an HTTP route handler and holds its response until the journal has what it wrote.
 * The decision is made at the response's first byte: a handler that had written nothing by
 * then streams as usual; one that had is buffered (webhook answers are small) and sent once
 * the journal has flushed, or replaced by a 503 the sender retries on.
 */
export async function answerAfterJournal(res: ServerResponse, journal: Journal, write: boolean, run: () => Promise<void>): Promise<void> {
  if (!journal.enabled) return run();
  const refuse = (err: unknown, committed: boolean) => {
    const body = JSON.stringify({ error: JOURNAL_UNAVAILABLE, committed, message: journalError(err, committed).message });
    res.writeHead(503, { "content-type": "application/json", "retry-after": "5" });
    res.end(body);
  };
  if (write) {
    try {
      await journal.ensureWritable();
    } catch (err) {
      return refuse(err, false);
    }
  }
  const tracker: WriteTracker = { wrote: false };
  const held: (() => void)[] = [];
  let holding: boolean | null = null;
  const orig = { writeHead: res.writeHead, write: res.write, end: res.end };
  type Fn = (...a: unknown[]) => unknown;
  const hold = (f: unknown, value: (self: ServerResponse) => unknown) =>
    function (...args: unknown[]) {
      holding ??= tracker.wrote;
      if (!holding) return (f as Fn).apply(res, args);
      held.push(() => (f as Fn).apply(res, args));
      return value(res);
    };
  res.writeHead = hold(orig.writeHead, (r) => r) as unknown as typeof res.writeHead;
  res.write = hold(orig.write, () => true) as unknown as typeof res.write;
  res.end = hold(orig.end, (r) => r) as unknown as typeof res.end;
  try {
    await trackWrites(tracker, run);
  } finally {
    Object.assign(res, orig);
  }
  if (!holding) return;
  try {
    await journal.waitForCommitted();
  } catch (err) {
    return refuse(err, true);
  }
  for (const f of held) f();
}

// One execution per event for every subscriber of the same operation, variables and viewer.
//
// graphql-js runs a subscription's selection once per event per subscriber: 10,000
// subscribers, 10,000 identical executions and 10,000 identical JSON serializations of each
// committed entry. The bus hands the same entry object to every live stream (events/bus.ts),
// so the result can be kept with that object: the first subscriber to reach it executes the
// selection, the others take its result. The key is everything the execution can depend on:
// the document's text, the operation name, the variables, and the viewer as the resolvers
// see it (role, user, API key: authScopes and field visibility such as contact fields of
// one's own user depend on nothing else). Subscribers that differ in any of these never share.
//
// Each subscriber keeps its own source stream (its own filter, `since`, replay, resync,
// bounded queue and credential checks): sharing is only of the work done for an entry that
// stream has already decided to deliver. Replayed entries are read per stream, are distinct
// objects and are executed per subscriber, as before.
//
// The serialization is shared the same way: ws-server.ts writes the JSON of a result object once.
import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "./context.js";

/** Results per event object, then per sharing key. Dropped with the event. */
const results = new WeakMap<object, Map<string, Promise<ExecutionResult> | ExecutionResult>>();
/** Printed text of a parsed document (yoga reuses the parsed document for the same text). */
const texts = new WeakMap<DocumentNode, string>();

/** Off with SUBSCRIPTION_SHARING=off (for comparing in benchmarks). */
export const sharingEnabled = () => process.env.SUBSCRIPTION_SHARING !== "off";

function documentKey(doc: DocumentNode): string {
  let t = texts.get(doc);
  if (t === undefined) {
    // The source text is on the document's location when parsed with locations (the default).
    t = doc.loc?.source.body ?? JSON.stringify(doc);
    texts.set(doc, t);
  }
  return t;
}

export function sharingKey(args: Pick<ExecutionArgs, "document" | "operationName" | "variableValues" | "contextValue">): string {
  const ctx = args.contextValue as Context;
  const v = ctx.viewer;
  const viewer = v ? [v.role, v.userId ?? "", v.apiKeyId ?? "", v.sessionId ? "s" : ""] : null;
  return JSON.stringify([viewer, args.operationName ?? null, args.variableValues ?? null, documentKey(args.document)]);
}

/** The source stream of one subscriber, each event executed once per sharing key. */
class SharedResults implements AsyncIterableIterator<ExecutionResult> {
  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly args: ExecutionArgs,
    private readonly key: string,
  ) {}

  private resultFor(event: unknown): Promise<ExecutionResult> | ExecutionResult {
    if (typeof event !== "object" || event === null) return execute({ ...this.args, rootValue: event });
    let byKey = results.get(event);
    if (!byKey) results.set(event, (byKey = new Map()));
    let r = byKey.get(this.key);
    if (!r) {
      r = execute({ ...this.args, rootValue: event });
      byKey.set(this.key, r);
      if (r instanceof Promise) {
        const map = byKey;
        void r.then((done) => map.set(this.key, done), () => map.delete(this.key));
      }
    }
    return r;
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    const n = await this.source.next();
    if (n.done) return { value: undefined, done: true };
    return { value: await this.resultFor(n.value), done: false };
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    await this.source.return?.();
    return { value: undefined, done: true };
  }

  async throw(err?: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.source.return?.();
    throw err;
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

async function sharedSubscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
  const it = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  return new SharedResults(it, args, sharingKey(args));
}

/** Must come before plugins that wrap the subscribe function (it replaces the engine's). */
export function sharedSubscriptionsPlugin(): Plugin<Context> {
  return {
    onSubscribe({ setSubscribeFn }) {
      if (sharingEnabled()) setSubscribeFn(sharedSubscribe as never);
    },
  };
}

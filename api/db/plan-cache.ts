// Prisma's client engine compiles every query to a plan in WebAssembly, afresh each time
// (about a fifth of a sale's CPU and most of a small read's in the profiles, bench/RESULTS.md).
// Prisma 6 has no plan cache, and its plans hold the query's values inline, so the only safe
// key is the exact query. Only reads are cached: a write's plan may carry values generated at
// compile time (ids, @updatedAt, now()), which must never be replayed. Plans are frozen, so a
// runtime that ever mutated one would throw in tests instead of corrupting a later query.
// @ts-expect-error: the runtime ships this module without types (the generated client imports it the same way).
import * as runtime from "@prisma/client/runtime/query_compiler_bg.sqlite.mjs";

const READS = /^\{"modelName":"[A-Za-z0-9_]+","action":"(findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|count|aggregate|groupBy)"/;
/** Distinct read queries kept (least recently used dropped); each is its JSON and its plan. */
const CAPACITY = 2_000;
/** Longer queries (big `in` lists) are rarely repeated: not worth the memory. */
const MAX_KEY = 4_096;

const cache = new Map<string, unknown>();
export const planCacheStats = { hits: 0, misses: 0 };

function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

type Compiler = { prototype: { compile(query: string): unknown; __czCached?: true } };
const proto = (runtime as unknown as { QueryCompiler: Compiler }).QueryCompiler.prototype;
if (!proto.__czCached) {
  const compile = proto.compile;
  proto.compile = function (this: unknown, query: string) {
    if (query.length > MAX_KEY || !READS.test(query)) return compile.call(this, query);
    const hit = cache.get(query);
    if (hit !== undefined) {
      planCacheStats.hits++;
      cache.delete(query); // re-insert: the Map's order is least recently used first
      cache.set(query, hit);
      return hit;
    }
    planCacheStats.misses++;
    const plan = deepFreeze(compile.call(this, query));
    if (cache.size >= CAPACITY) cache.delete(cache.keys().next().value!);
    cache.set(query, plan);
    return plan;
  };
  proto.__czCached = true;
}

// Answers to the public catalogue (the bundle list and the shop's name, what every phone on
// the /buy page asks), kept as the exact bytes the API sent and handed again to the next
// anonymous caller who sends the same request, without running GraphQL.
//
// Why it is safe to share: only requests without any credential take this path, only
// queries whose every field (fragments included) is on a public catalogue type (decided once per request text
// against the schema), and only answers without errors. So one caller's answer is what any
// other anonymous caller would get: nothing in it depends on who asks.
//
// Why it is never stale: an answer is stored with the change log's newest sequence for the
// tables it reads (the change triggers write an entry in the same transaction as every write,
// from any process), and handed out only while that is still the newest: one indexed lookup
// on the read connection per hit.
import { getOperationAST, Kind, parse, TypeInfo, visit, visitWithTypeInfo, getNamedType, isLeafType, type GraphQLSchema } from "graphql";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ReadConnection } from "../db/reader.js";
import { requestIdFrom } from "./extensions.js";
import type { Metrics } from "./metrics.js";

/** The object types a shareable answer may contain, and the tables each one's fields read. */
const PUBLIC_TYPES: Record<string, readonly string[]> = {
  Query: [],
  Allocation: ["Allocation"],
  Money: [],
  AppInfo: ["ShopSetting"],
};
/** The root fields a shareable query may ask (every other Query field is per caller or private). */
const PUBLIC_ROOT_FIELDS = new Set(["allocations", "appInfo", "__typename"]);

type Plan = { models: readonly string[]; operation: string } | null;
/** Longest request text considered for sharing (the /buy page's largest is under 1 KB). */
const MAX_SHARED_BODY = 4096;
/** `accept`: the request's Accept header, which picks the answer's content type (GraphQL over HTTP). */
type Entry = { bytes: Buffer; token: string; operation: string; accept: string; contentType: string };

export type PublicAnswersOptions = { maxEntries?: number; maxAnswerBytes?: number; maxPlans?: number };

export class PublicAnswers {
  private readonly plans = new Map<string, Plan>();
  private readonly entries = new Map<string, Entry>();
  private readonly tokenStatements = new Map<string, string>();
  private readonly maxEntries: number;
  private readonly maxAnswerBytes: number;
  private readonly maxPlans: number;

  constructor(private readonly schema: GraphQLSchema, private readonly reader: ReadConnection, opts: PublicAnswersOptions = {}) {
    this.maxEntries = opts.maxEntries ?? 200;
    this.maxAnswerBytes = opts.maxAnswerBytes ?? 64 * 1024;
    this.maxPlans = opts.maxPlans ?? 1000;
  }

  /** The stored answer to this exact request body, if the tables it reads have not changed since. */
  lookup(body: string, accept: string): Entry | undefined {
    const entry = this.entries.get(body);
    if (!entry || entry.accept !== accept) {
      return undefined;
    }
    const plan = this.plans.get(body);
    if (!plan || this.tokenOf(plan.models) !== entry.token) {
      this.entries.delete(body);
      return undefined;
    }
    return entry;
  }

  /** Read before running the request: the token an answer to `body` is stored under, or null if it may not be shared. */
  prepare(body: string): { token: string } | null {
    const plan = this.planOf(body);
    return plan ? { token: this.tokenOf(plan.models) } : null;
  }

  /** Keeps a successful answer (status 200, JSON, no errors) computed after `prepare` gave `token`. */
  store(body: string, token: string, answer: { status: number; bytes: Buffer; accept: string; contentType: string | null }): void {
    const { status, bytes, accept, contentType } = answer;
    const plan = this.plans.get(body);
    if (!plan || status !== 200 || !contentType || bytes.length > this.maxAnswerBytes) return;
    let result: { errors?: unknown; data?: unknown };
    try {
      result = JSON.parse(bytes.toString("utf8")) as typeof result;
    } catch {
      return;
    }
    if (result.errors !== undefined || result.data == null) return;
    // A write between `prepare` and now may or may not be in the answer: keep it only if
    // nothing changed, so a stored answer always matches the token it is checked against.
    if (this.tokenOf(plan.models) !== token) return;
    this.entries.delete(body);
    this.entries.set(body, { bytes, token, operation: plan.operation, accept, contentType });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The newest change-log sequence of each table, and of the BACKUP entries: a restore
   * replaces the tables without a change entry per row, and writes one BACKUP entry.
   */
  private tokenOf(models: readonly string[]): string {
    const key = models.join(",");
    let sql = this.tokenStatements.get(key);
    if (!sql) {
      const newest = [...models.map(() => `coalesce((SELECT max("sequence") FROM "LogEntry" WHERE "model" = ?), 0)`), `coalesce((SELECT max("sequence") FROM "LogEntry" WHERE "kind" = 'BACKUP'), 0)`];
      sql = `SELECT ${newest.join(" || ',' || ")}`;
      this.tokenStatements.set(key, sql);
    }
    return String(this.reader.value<string | number>(sql, [...models]));
  }

  /** Whether the request `body` may be shared, and what it reads; decided once per text. */
  private planOf(body: string): Plan {
    // The catalogue's requests are short and name one of its fields: anything else is not
    // parsed a second time (yoga parses it anyway) nor kept as a key.
    if (body.length > MAX_SHARED_BODY || !/\b(allocations|appInfo)\b/.test(body)) return null;
    if (this.plans.has(body)) return this.plans.get(body)!;
    const plan = this.decide(body);
    this.plans.set(body, plan);
    if (this.plans.size > this.maxPlans) {
      const oldest = this.plans.keys().next().value!;
      this.plans.delete(oldest);
      this.entries.delete(oldest);
    }
    return plan;
  }

  private decide(body: string): Plan {
    let request: { query?: unknown; variables?: unknown; operationName?: unknown; extensions?: unknown };
    try {
      request = JSON.parse(body) as typeof request;
    } catch {
      return null;
    }
    if (typeof request !== "object" || request === null || Array.isArray(request) || typeof request.query !== "string") return null;
    if (request.extensions !== undefined) return null;
    if (request.variables != null && (typeof request.variables !== "object" || Object.keys(request.variables).length)) return null;
    const operationName = typeof request.operationName === "string" ? request.operationName : undefined;
    let document;
    try {
      document = parse(request.query, { maxTokens: 2_000 });
    } catch {
      return null;
    }
    // One operation, a query; fragments are allowed (the /buy page spreads its bundle fields),
    // as long as every field they select is on a public type too.
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length !== 1 || document.definitions.some((d) => d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION)) return null;
    const op = getOperationAST(document, operationName);
    if (!op || op.operation !== "query" || op.variableDefinitions?.length || op.directives?.length) return null;
    for (const s of op.selectionSet.selections) {
      if (s.kind !== Kind.FIELD || !PUBLIC_ROOT_FIELDS.has(s.name.value)) return null;
    }
    const models = new Set<string>();
    let shareable = true;
    const typeInfo = new TypeInfo(this.schema);
    // Directives (@include, @skip) are refused wherever they stand: without variables they are
    // constant, but nothing the catalogue asks needs them.
    const refuseDirectives = (node: { directives?: readonly unknown[] }) => {
      if (node.directives?.length) shareable = false;
    };
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          const field = typeInfo.getFieldDef();
          if (!parent || !field || !(parent.name in PUBLIC_TYPES) || node.directives?.length) {
            shareable = false;
            return;
          }
          for (const m of PUBLIC_TYPES[parent.name]!) models.add(m);
          const named = getNamedType(field.type);
          if (!isLeafType(named) && !(named.name in PUBLIC_TYPES)) shareable = false;
          // Arguments change who may see what (allocations(includeInactive: true) is staff-only).
          if (node.arguments?.length) shareable = false;
        },
        FragmentSpread: refuseDirectives,
        InlineFragment: refuseDirectives,
        FragmentDefinition: refuseDirectives,
      }),
    );
    if (!shareable) return null;
    return { models: [...models].sort(), operation: op.name?.value ?? "anonymous" };
  }
}

/** What serving an anonymous request through the cache needs from the app. */
export type PublicAnswerRoute = {
  cache: PublicAnswers;
  metrics: Pick<Metrics, "operation">;
  /** Runs the request through GraphQL (yoga): a POST with this body, or the GET as it came. */
  run: (body: string | undefined) => Promise<Response>;
};

/**
 * The GraphQL request a GET carries (`?query=…&operationName=…&variables=…`), in the shape
 * of a POST body, so both methods share one key and one decision; null when it has other
 * parameters (then it is not shared).
 */
function bodyOfGet(search: URLSearchParams): string | null {
  const known = new Set(["query", "operationName", "variables", "extensions"]);
  for (const k of search.keys()) if (!known.has(k)) return null;
  const query = search.get("query");
  if (query === null || search.has("extensions")) return null;
  const variables = search.get("variables");
  if (variables !== null && variables.trim() !== "{}") return null;
  return JSON.stringify({ query, operationName: search.get("operationName") ?? undefined });
}

/**
 * An anonymous GraphQL request to /graphql: a GET, or a JSON POST already checked to be within
 * the anonymous size limit. A stored answer when there is one, else GraphQL's, stored when
 * shareable.
 */
export async function serveAnonymous(req: IncomingMessage, res: ServerResponse, search: URLSearchParams, route: PublicAnswerRoute): Promise<void> {
  let body: string | undefined;
  let key: string | null;
  if (req.method === "POST") {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    key = body = Buffer.concat(chunks).toString("utf8");
  } else {
    key = bodyOfGet(search);
  }
  const started = performance.now();
  const accept = req.headers.accept ?? "";
  const hit = key === null ? undefined : route.cache.lookup(key, accept);
  if (hit) {
    route.metrics.operation({ type: "query", operation: hit.operation, seconds: (performance.now() - started) / 1000, ok: true, internal: false, codes: [] });
    res.writeHead(200, { "content-type": hit.contentType, "content-length": hit.bytes.length, vary: "Origin", "x-request-id": requestIdFrom(req.headers["x-request-id"]) });
    return void res.end(hit.bytes);
  }
  const prepared = key === null ? null : route.cache.prepare(key);
  const response = await route.run(body);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (prepared && key !== null) route.cache.store(key, prepared.token, { status: response.status, bytes, accept, contentType: response.headers.get("content-type") });
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie" && name !== "content-length") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  headers["content-length"] = String(bytes.length);
  res.writeHead(response.status, headers);
  res.end(bytes);
}

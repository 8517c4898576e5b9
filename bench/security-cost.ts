// What the security work (issue 8) costs each request, in microseconds of CPU, measured in
// one process on the bench's own documents: the graphql-armor limit rules (staff rules on every
// operation, the anonymous rules on anonymous ones: before this branch on every request, now once
// per parsed document), the introspection rule, the CSRF checks, and one rate-limit hit (the
// purchase-address counter, in memory). Prints a table; `npx tsx bench/security-cost.ts`.
process.env.NODE_ENV = "production";
import { NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate } from "graphql";
import pino from "pino";

const { schema } = await import("../api/schema.js");
const { limitRules, STAFF_LIMITS, ANONYMOUS_LIMITS } = await import("../api/core/query-limits.js");
const { parseCookies, SESSION_COOKIE } = await import("../api/core/auth.js");
const { RateLimits } = await import("../api/core/rate-limit.js");
const { CSRF_HEADER } = await import("../api/core/yoga-plugins.js");

const ALLOCATIONS = parse(`{ allocations { id name } }`);
const PAGE = parse(`{ transactions(first: 50) { edges { cursor node { id reference fullName phoneNumber status provider createdAt paidAt amount { amountMinor currency } allocation { id name } voucher { id username status } } } pageInfo { hasNextPage endCursor } } }`);
const staff = limitRules(STAFF_LIMITS);
const anonymous = limitRules(ANONYMOUS_LIMITS);

function time(label: string, n: number, fn: () => unknown): [string, number] {
  for (let i = 0; i < Math.min(n, 200); i++) fn();
  const t0 = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const used = process.cpuUsage(t0);
  return [label, (used.user + used.system) / n];
}
async function timeAsync(label: string, n: number, fn: () => Promise<unknown>): Promise<[string, number]> {
  for (let i = 0; i < 200; i++) await fn();
  const t0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn();
  const used = process.cpuUsage(t0);
  return [label, (used.user + used.system) / n];
}

const headers = new Headers({ "content-type": "application/json", cookie: `${SESSION_COOKIE}=abc; other=1`, [CSRF_HEADER]: "1" });
const limits = new RateLimits({ logger: pino({ level: "silent" }) });
const purchaseLimiter = limits.limiter({ name: "purchase-address", points: 1e9, durationSec: 60 });
let k = 0;
const rows: [string, number][] = [
  time("graphql's own validation (specifiedRules), bundle list", 5_000, () => validate(schema, ALLOCATIONS, specifiedRules)),
  time("armor staff rules (depth, aliases, directives, cost), bundle list", 5_000, () => validate(schema, ALLOCATIONS, staff)),
  time("armor anonymous rules, bundle list", 5_000, () => validate(schema, ALLOCATIONS, anonymous)),
  time("introspection rule, bundle list", 5_000, () => validate(schema, ALLOCATIONS, [NoSchemaIntrospectionCustomRule])),
  time("graphql's own validation (specifiedRules), page of 50", 2_000, () => validate(schema, PAGE, specifiedRules)),
  time("armor staff rules, page of 50", 2_000, () => validate(schema, PAGE, staff)),
  time("CSRF: content type, session cookie parse, header check", 50_000, () => {
    const type = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    return type === "application/json" && parseCookies(headers.get("cookie"))[SESSION_COOKIE] !== undefined && headers.has(CSRF_HEADER);
  }),
  await timeAsync("rate limit: one hit (memory counter, new key every 100)", 20_000, () => purchaseLimiter.hit(`10.0.${(k++ / 100) | 0}.1`)),
];
await limits.close();
console.log("| per request | µs CPU |\n|---|---:|");
for (const [label, us] of rows) console.log(`| ${label} | ${us.toFixed(1)} |`);

// The `logs` query: keyset pagination in both directions, every filter, the request and
// auth entries that join the change records, errors and redaction. Each result is checked
// against an independent reading of the LogEntry table.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInScope, type Actor } from "../../api/db/request-context.js";
import { fromRow } from "../../api/events/types.js";
import { matches, toSql, type LogFilterValue } from "../../api/modules/logs/filter.js";
import { readLogPage } from "../../api/modules/logs/page-query.js";
import { codesOf, startTestServer, type TestServer } from "../helpers/server.js";

type Node = {
  id: string;
  sequence: number;
  at: string;
  kind: string;
  level: string;
  model: string | null;
  recordId: string | null;
  message: string;
  actor: { username: string } | null;
  actorLabel: string | null;
  requestId: string | null;
  data: any;
};
type Page = { edges: { cursor: string; node: Node }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } };
type Row = { sequence: number; at: string; kind: string; level: string; model: string | null; recordId: string | null; requestId: string | null; message: string; actorLabel: string | null; data: string | null };

const LOGS = `query Logs($first: Int, $after: String, $last: Int, $before: String, $filter: LogFilter) {
  logs(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    edges { cursor node { id sequence at kind level model recordId message actor { username } actorLabel requestId data } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

let server: TestServer;
let reader: Database.Database;
let n = 0;
const uid = () => `${Date.now().toString(36)}${(++n).toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const system: Actor = { kind: "system", label: "seed" };
const inScope = <T>(fn: () => PromiseLike<T>) => runInScope({ actor: system, requestId: `seed-${uid()}` }, async () => await fn());

async function logs(variables: Record<string, unknown>, token = server.adminToken): Promise<Page> {
  const r = await server.gql<{ logs: Page }>(LOGS, variables, { token });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.logs;
}
const seqs = (p: Page) => p.edges.map((e) => e.node.sequence);
/** Every row, newest first: the oracle the query is checked against. */
const all = () => reader.prepare("SELECT sequence, at, kind, level, model, recordId, message, actorId, actorLabel, requestId, origin, data FROM LogEntry ORDER BY sequence DESC").all() as Row[];

/** Walks the whole filtered log with first/after. */
async function forward(filter: Record<string, unknown>, size: number): Promise<{ sequences: number[]; pages: Page[] }> {
  const pages: Page[] = [];
  let after: string | null = null;
  for (;;) {
    const p = await logs({ first: size, after, filter });
    pages.push(p);
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
  }
  return { sequences: pages.flatMap(seqs), pages };
}

/** Walks it from the oldest end with last/before. */
async function backward(filter: Record<string, unknown>, size: number): Promise<{ sequences: number[]; pages: Page[] }> {
  const pages: Page[] = [];
  let before: string | null = null;
  for (;;) {
    const p = await logs({ last: size, before, filter });
    pages.unshift(p);
    if (!p.pageInfo.hasPreviousPage) break;
    before = p.pageInfo.startCursor;
  }
  return { sequences: pages.flatMap(seqs), pages };
}

let routers: { id: string; name: string }[] = [];
const token = `zq${uid()}`;

beforeAll(async () => {
  server = await startTestServer({ env: { UI_DIR: "/nonexistent-ui" } });
  reader = new Database(server.app.services.db.file, { readonly: true });
  const prisma = server.app.services.prisma;
  // 23 routers; some updated, some deleted; one carries a rare word in its name.
  for (let i = 0; i < 23; i++) {
    routers.push(await inScope(() => prisma.router.create({ data: { name: i === 7 ? `edge ${token}` : `router-${i}-${uid()}`, host: `10.0.0.${i}`, username: "api", password: "pw" } })));
  }
  for (const r of routers.slice(0, 6)) await inScope(() => prisma.router.update({ where: { id: r.id }, data: { host: "10.9.9.9" } }));
  for (const r of routers.slice(3, 9)) await inScope(() => prisma.router.delete({ where: { id: r.id } }));
  routers = routers.filter((_, i) => i < 3 || i >= 9);
});

afterAll(async () => {
  reader?.close();
  await server?.stop();
});

describe("pagination", () => {
  it("first/after and last/before walk the same list, newest first, for any page size", async () => {
    const filter = { model: "Router" };
    const expected = all().filter((r) => r.model === "Router").map((r) => r.sequence);
    expect(expected.length).toBe(23 + 6 + 6);
    for (const size of [1, 4, 7, 35, 50]) {
      const f = await forward(filter, size);
      const b = await backward(filter, size);
      expect(f.sequences, `forward, page size ${size}`).toEqual(expected);
      expect(b.sequences, `backward, page size ${size}`).toEqual(expected);
      expect(f.pages[0]!.pageInfo.hasPreviousPage).toBe(false);
      expect(b.pages[b.pages.length - 1]!.pageInfo.hasNextPage).toBe(false);
      for (const p of [...f.pages, ...b.pages]) {
        expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor ?? null);
        expect(p.pageInfo.endCursor).toBe(p.edges[p.edges.length - 1]?.cursor ?? null);
      }
    }
  });

  it("a cursor works in both directions from the middle", async () => {
    const filter = { model: "Router" };
    const list = (await forward(filter, 50)).sequences;
    const middle = await logs({ first: 5, filter, after: (await logs({ first: 10, filter })).pageInfo.endCursor });
    expect(seqs(middle)).toEqual(list.slice(10, 15));
    expect(middle.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const before = await logs({ last: 4, filter, before: middle.pageInfo.startCursor });
    expect(seqs(before)).toEqual(list.slice(6, 10));
    expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it("the unfiltered log is newest first and pages have the requested size", async () => {
    const p = await logs({ first: 20 });
    expect(p.edges).toHaveLength(20);
    const s = seqs(p);
    expect(s).toEqual([...s].sort((a, b) => b - a));
    const next = await logs({ first: 20, after: p.pageInfo.endCursor });
    expect(seqs(next)[0]).toBeLessThan(s[s.length - 1]!);
    expect((await logs({ first: 0 })).edges).toEqual([]);
  });

  it("rejects bad cursors and page sizes with BAD_USER_INPUT", async () => {
    const other = Buffer.from("Allocation:abc").toString("base64url");
    for (const v of [{ after: "garbage" }, { before: "!!" }, { after: other }, { first: 201 }, { last: -1 }, { first: 5, last: 5 }]) {
      const r = await server.gql(LOGS, v, { token: server.adminToken });
      expect(codesOf(r), JSON.stringify(v)).toEqual(["BAD_USER_INPUT"]);
    }
  });
});

describe("filters", () => {
  const match = async (filter: Record<string, unknown>, oracle: (r: Row) => boolean) => {
    // Each query logs itself (a REQUEST entry): compare what existed when the walk began.
    await server.app.services.log.flush();
    const ceiling = Number(reader.prepare("SELECT max(sequence) FROM LogEntry").pluck().get());
    const got = (await forward(filter, 200)).sequences.filter((s) => s <= ceiling);
    const want = all()
      .filter((r) => r.sequence <= ceiling && oracle(r))
      .map((r) => r.sequence);
    expect(got, JSON.stringify(filter)).toEqual(want);
    return got;
  };

  it("kinds, levels, model, recordId", async () => {
    expect((await match({ kinds: ["DELETE"] }, (r) => r.kind === "DELETE")).length).toBeGreaterThanOrEqual(6);
    await match({ kinds: ["CREATE", "DELETE"], model: "Router" }, (r) => (r.kind === "CREATE" || r.kind === "DELETE") && r.model === "Router");
    await server.gql(`mutation { login(username: "ghost-${uid()}", password: "nope-nope") { token } }`);
    await server.app.services.log.flush();
    expect((await match({ levels: ["WARN"] }, (r) => r.level === "WARN")).length).toBeGreaterThanOrEqual(1);
    await match({ levels: ["INFO", "WARN"], kinds: ["AUTH"] }, (r) => (r.level === "INFO" || r.level === "WARN") && r.kind === "AUTH");
    const target = routers[0]!;
    const one = await match({ model: "Router", recordId: target.id }, (r) => r.model === "Router" && r.recordId === target.id);
    expect(one).toHaveLength(2); // created, updated
    // The global id every other field hands out finds the same entries, and each entry carries it.
    const nodeId = Buffer.from(`Router:${target.id}`).toString("base64");
    expect(await match({ recordId: nodeId }, (r) => r.recordId === target.id)).toEqual(one);
    const carried = await server.gql(`query($f: LogFilter) { logs(first: 5, filter: $f) { edges { node { recordId nodeId } } } }`, { f: { recordId: nodeId } }, { token: server.adminToken });
    expect(carried.data.logs.edges.map((e: { node: unknown }) => e.node)).toEqual(one.map(() => ({ recordId: target.id, nodeId })));
    await match({ recordId: target.id }, (r) => r.recordId === target.id);
    // One request's entries (the Activity view folds a request's row changes under its event).
    const requestId = reader.prepare("SELECT requestId FROM LogEntry WHERE model = 'Router' AND kind = 'CREATE' AND recordId = ?").pluck().get(target.id) as string;
    expect(requestId).toBeTruthy();
    const ofRequest = await match({ requestId }, (r) => r.requestId === requestId);
    expect(ofRequest.length).toBeGreaterThanOrEqual(1);
    await match({ requestId, kinds: ["CREATE"] }, (r) => r.requestId === requestId && r.kind === "CREATE");
  });

  it("search: every word must match as a prefix, in message or data", async () => {
    // The oracle: split into words like the full-text index does, every search word a prefix of one.
    const wordsOf = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    // The values in data count, its keys do not.
    const values = (v: unknown): string[] => (v === null || typeof v !== "object" ? (v === null ? [] : [String(v)]) : Object.values(v).flatMap(values));
    const has = (search: string) => (r: Row) => {
      const hay = wordsOf([r.message, r.model, r.recordId, r.actorLabel, ...(r.data ? values(JSON.parse(r.data)) : [])].join(" "));
      return wordsOf(search).every((w) => hay.some((h) => h.startsWith(w)));
    };
    const prefix = token.slice(0, -3);
    // The rare word: the router's creation and its deletion (its last values hold the name).
    const rare = await match({ search: prefix }, has(prefix));
    expect(rare.length).toBe(2);
    expect(await match({ search: `deleted ${prefix}` }, has(`deleted ${prefix}`))).toHaveLength(1);
    expect(await match({ search: `${prefix} nosuchwordanywhere` }, () => false)).toEqual([]);
    // Common words, as prefixes, combined with a kind.
    expect((await match({ search: "rout upd", kinds: ["UPDATE"] }, (r) => r.kind === "UPDATE" && has("rout upd")(r))).length).toBeGreaterThanOrEqual(6);
    // Operators and punctuation are words, not syntax.
    expect(await match({ search: `"${prefix}" OR * NEAR(` }, has(`${prefix} or near`))).toEqual([]);
    expect(await match({ search: `edge ${prefix}` }, has(`edge ${prefix}`))).toEqual(rare);
    // Key names are not values: every Router entry has a "hotspotServer" key, none has the word.
    expect(await match({ search: "hotspotserv", model: "Router" }, () => false)).toEqual([]);
  });

  it("the live tail's predicate agrees with the query's SQL on every filter", async () => {
    // logAdded filters live entries in JS (matches) and replays with SQL (toSql): one filter, two shapes.
    const log = server.app.services.log;
    log.write({ kind: "SYSTEM", message: "Rotated api_key for the Café owner", data: { note: "O'Brien paid 3.5GB" } });
    log.write({ kind: "SYSTEM", level: "WARN", message: "Cafe closed early" });
    await log.flush();
    const rows = (all() as unknown as Parameters<typeof fromRow>[0][]).map(fromRow);
    const last = rows[0]!;
    const filters: LogFilterValue[] = [
      { kinds: ["SYSTEM"] },
      { kinds: ["CREATE", "UPDATE"], model: "Router" },
      { levels: ["WARN"] },
      { recordId: routers[1]!.id },
      { requestId: rows.find((r) => r.requestId)!.requestId },
      { requestId: rows.find((r) => r.requestId)!.requestId, search: "router" },
      { search: "api" },
      { search: "key rotat" },
      { search: "cafe" },
      { search: "café" },
      { search: "obrien" },
      { search: "brien 3" },
      { search: "router upd" },
      { search: token.slice(0, 5) },
      { from: new Date(last.at.getTime() - 1), to: new Date(last.at.getTime() + 1) },
      { model: "Router", search: "10 0", kinds: ["DELETE"] },
    ];
    for (const f of filters) {
      const { where, params } = toSql(f);
      const sql = server.app.services.reader
        .read<{ sequence: number }>(`SELECT sequence FROM LogEntry ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY sequence DESC`, params)
        .map((r) => Number(r.sequence));
      const js = rows.filter((r) => matches(f, r)).map((r) => r.sequence);
      expect(js, JSON.stringify(f)).toEqual(sql);
    }
  });

  it("from/to bound the time, `to` exclusive", async () => {
    const rows = all().filter((r) => r.model === "Router").reverse();
    const from = rows[5]!.at;
    const to = rows[20]!.at;
    const iso = (s: string) => new Date(s).toISOString();
    await match({ model: "Router", from: iso(from), to: iso(to) }, (r) => r.model === "Router" && new Date(r.at) >= new Date(from) && new Date(r.at) < new Date(to));
    await match({ from: iso(to) }, (r) => new Date(r.at) >= new Date(to));
    await match({ to: iso(from), kinds: ["CREATE"] }, (r) => new Date(r.at) < new Date(from) && r.kind === "CREATE");
  });
});

describe("the page planner", () => {
  it("time only moves forward along the log, even for entries written late", async () => {
    const log = server.app.services.log;
    const entry = reader.prepare(`SELECT sequence, at FROM LogEntry WHERE message = ?`);
    const routerEntry = reader.prepare(`SELECT sequence, at FROM LogEntry WHERE model = 'Router' AND kind = 'CREATE' AND recordId = ?`);
    // The case: an activity entry stamped before a data write but committed after it (the
    // writer batches). Repeated until it happens, since the batch may flush first on a slow run.
    let late: { entry: { sequence: number; at: string }; router: { sequence: number; at: string } } | undefined;
    for (let attempt = 0; attempt < 10 && !late; attempt++) {
      const message = `stamped before the write below, committed after it ${uid()}`;
      log.write({ kind: "SYSTEM", message });
      // Until the clock has moved on, so the router's own time is later than the entry's stamp.
      const stamped = Date.now();
      while (Date.now() <= stamped) await new Promise((r) => setImmediate(r));
      const router = await inScope(() => server.app.services.prisma.router.create({ data: { name: `late-${uid()}`, host: "h", username: "u", password: "p" } }));
      await log.flush();
      const e = entry.get(message) as { sequence: number; at: string };
      const r = routerEntry.get(router.id) as { sequence: number; at: string };
      if (e.sequence > r.sequence) late = { entry: e, router: r };
    }
    expect(late, "an entry committed after a later write").toBeDefined();
    // Its time is moved up to the write before it, not left behind it...
    expect(new Date(late!.entry.at).getTime()).toBeGreaterThanOrEqual(new Date(late!.router.at).getTime());
    // ...and nowhere in the log does time go backwards.
    const backwards = reader.prepare(`SELECT count(*) FROM LogEntry a JOIN LogEntry b ON b.sequence = (SELECT min(sequence) FROM LogEntry WHERE sequence > a.sequence) WHERE b.at < a.at`).pluck().get();
    expect(backwards).toBe(0);
  });

  it("returns exactly what the plain SQL of the filter returns, for every plan it can choose", async () => {
    // Enough entries of one kind that an index no longer narrows a search (the full-text path).
    const log = server.app.services.log;
    for (let i = 0; i < 2300; i++) log.write({ kind: "BACKUP", level: i % 7 ? "INFO" : "WARN", message: `Backup ${i} ${i % 50 ? "routine" : "special"} copy`, data: { i } });
    await log.flush();
    const max = Number(reader.prepare("SELECT max(sequence) FROM LogEntry").pluck().get());
    const ats = reader.prepare("SELECT at FROM LogEntry WHERE sequence IN (?, ?)").pluck().all(Math.floor(max / 4), Math.floor((max * 3) / 4)) as string[];
    const [from, to] = ats.map((a) => new Date(a));
    const filters: LogFilterValue[] = [
      {},
      { kinds: ["BACKUP"] },
      { kinds: ["BACKUP", "CREATE", "AUTH"] },
      { levels: ["WARN", "ERROR"] },
      { kinds: ["BACKUP"], levels: ["WARN"] },
      { model: "Router" },
      { model: "Router", kinds: ["UPDATE", "DELETE"] },
      { recordId: routers[2]!.id },
      { model: "Router", recordId: routers[2]!.id, kinds: ["CREATE"] },
      { search: "special" },
      { search: "routine cop" },
      { search: "special", kinds: ["BACKUP"] }, // full-text drives: the kind has too many entries
      { search: "special", kinds: ["BACKUP"], levels: ["WARN"] },
      { search: "router", model: "Router" }, // few candidates: words checked on them
      { search: token.slice(0, 4), kinds: ["CREATE", "DELETE"] },
      { from, to },
      { from, kinds: ["BACKUP"] },
      { to, search: "routine" },
      { from, to, model: "Router", levels: ["INFO"] },
      { from: new Date(Date.now() + 3600_000) },
      { to: new Date(0) },
    ];
    const read = server.app.services.reader.reader;
    for (const f of filters) {
      const { where, params } = toSql(f);
      const all = read<{ sequence: number }>(`SELECT sequence FROM LogEntry ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY sequence DESC`, params).map((r) => Number(r.sequence));
      for (const [below, above] of [[null, null], [all[3] ?? null, null], [null, all[all.length - 4] ?? null], [all[1] ?? null, all[all.length - 2] ?? null]] as const) {
        for (const order of ["DESC", "ASC"] as const) {
          const want = all.filter((s) => (below === null || s < below) && (above === null || s > above));
          const expected = (order === "DESC" ? want : [...want].reverse()).slice(0, 51);
          const got = readLogPage(read, f, { below, above, order, limit: 51 }).map((r) => Number(r.sequence));
          expect(got, `${JSON.stringify(f)} below ${below} above ${above} ${order}`).toEqual(expected);
        }
      }
    }
  });
});

describe("request and auth entries", () => {
  it("one REQUEST entry per operation, with its name, type, outcome and caller", async () => {
    const ok = `probe-${uid()}`;
    const bad = `probe-${uid()}`;
    const mut = `probe-${uid()}`;
    await server.gql(`query ProbeOk { me { username } }`, {}, { token: server.adminToken, headers: { "x-request-id": ok } });
    await server.gql(`query ProbeBad { logs(after: "garbage") { edges { cursor } } }`, {}, { token: server.adminToken, headers: { "x-request-id": bad } });
    await server.gql(`mutation ProbeMut($input: AllocationInput!) { createAllocation(input: $input) { id } }`, { input: { name: "Probe", priceMinor: 777, dataLimitMb: 7777 } }, {
      token: server.adminToken,
      headers: { "x-request-id": mut },
    });
    await server.app.services.log.flush();
    const entry = async (requestId: string) => {
      const mine = (await forward({ kinds: ["REQUEST"], from: new Date(Date.now() - 60_000).toISOString() }, 200)).pages
        .flatMap((x) => x.edges.map((e) => e.node))
        .filter((x) => x.requestId === requestId);
      expect(mine, `REQUEST entries for ${requestId}`).toHaveLength(1);
      return mine[0]!;
    };
    const okEntry = await entry(ok);
    expect(okEntry).toMatchObject({ level: "DEBUG", actorLabel: "admin", actor: { username: "admin" }, data: { operation: "ProbeOk", type: "query", outcome: "ok" } });
    expect(okEntry.message).toMatch(/^query ProbeOk ok in [\d.]+ ms$/);
    expect(typeof okEntry.data.durationMs).toBe("number");
    const badEntry = await entry(bad);
    expect(badEntry).toMatchObject({ level: "WARN", data: { operation: "ProbeBad", outcome: "error", errorCodes: ["BAD_USER_INPUT"] } });
    const mutEntry = await entry(mut);
    expect(mutEntry).toMatchObject({ level: "INFO", data: { operation: "ProbeMut", type: "mutation", outcome: "ok" } });
    // The change the mutation made carries the same request id.
    expect((await logs({ first: 5, filter: { kinds: ["CREATE"], model: "Allocation" } })).edges.some((e) => e.node.requestId === mut)).toBe(true);
  });

  it("AUTH entries for a login (INFO, the user) and a failed one (WARN)", async () => {
    const staff = await server.tokenFor("STAFF");
    const me = await server.gql<{ me: { id: string; username: string } }>(`{ me { id username } }`, {}, { token: staff });
    const username = me.data!.me.username;
    await server.gql(`mutation { login(username: "${username}", password: "wrong-password") { token } }`);
    await server.app.services.log.flush();
    const auth = (await logs({ first: 20, filter: { kinds: ["AUTH"], search: username } })).edges.map((e) => e.node);
    const success = auth.find((e) => e.level === "INFO");
    const failure = auth.find((e) => e.level === "WARN");
    expect(success).toMatchObject({ kind: "AUTH", model: "User", message: `${username} logged in`, actorLabel: username, actor: { username } });
    expect(success!.recordId).toBeTruthy();
    expect(failure).toMatchObject({ kind: "AUTH", message: `Login failed for ${username}`, actorLabel: "anonymous", actor: null, data: { username } });
  });
});

describe("who may read", () => {
  it("anonymous is refused; staff reads with voucher passwords hidden, managers see them; secrets are redacted for all", async () => {
    expect(codesOf(await server.gql(LOGS, { first: 1 }))).toEqual(["UNAUTHENTICATED"]);
    const alloc = await inScope(() => server.app.services.prisma.allocation.create({ data: { code: `c-${uid()}`, name: "A", priceMinor: 5 } }));
    const v = await inScope(() => server.app.services.prisma.voucher.create({ data: { username: `v${uid()}`, password: "pw-visible", allocationId: alloc.id } }));
    const filter = { model: "Voucher", recordId: v.id };
    const staff = await logs({ first: 1, filter }, await server.tokenFor("STAFF"));
    expect(staff.edges[0]!.node.data.after).toMatchObject({ id: v.id, password: "[hidden]" });
    const manager = await logs({ first: 1, filter }, await server.tokenFor("MANAGER"));
    expect(manager.edges[0]!.node.data.after).toMatchObject({ id: v.id, password: "pw-visible" });
    const users = await logs({ first: 1, filter: { model: "User", kinds: ["CREATE"] } });
    expect(users.edges[0]!.node.data.after.passwordHash).toBe("[redacted]");
  });

  it("the SMS that carries voucher credentials is hidden from staff too; booleans read as booleans", async () => {
    const m = await inScope(() =>
      server.app.services.prisma.outboxMessage.create({ data: { channel: "SMS", recipient: "0241234567", subject: "Voucher", body: "user abc pass secret-pw", status: "FAILED" } }),
    );
    const filter = { model: "OutboxMessage", recordId: m.id };
    const staff = await logs({ first: 1, filter }, await server.tokenFor("STAFF"));
    expect(staff.edges[0]!.node.data.after).toMatchObject({ id: m.id, body: "[hidden]", recipient: "0241234567" });
    const manager = await logs({ first: 1, filter }, await server.tokenFor("MANAGER"));
    expect(manager.edges[0]!.node.data.after.body).toBe("user abc pass secret-pw");
    const alloc = await logs({ first: 1, filter: { model: "Allocation", kinds: ["CREATE"] } });
    expect(alloc.edges[0]!.node.data.after.active).toBe(true);
  });

  it("a log entry is a Node", async () => {
    const [first] = (await logs({ first: 1, filter: { model: "Router" } })).edges;
    const r = await server.gql(`query($id: ID!) { node(id: $id) { id ... on LogEntry { sequence message } } }`, { id: first!.node.id }, { token: server.adminToken });
    expect(r.errors).toBeUndefined();
    expect(r.data.node).toMatchObject({ id: first!.node.id, sequence: first!.node.sequence, message: first!.node.message });
  });
});

describe("the log writer", () => {
  it("leaves the connection's durability as it found it (data writes stay synchronous=FULL)", async () => {
    const db = server.app.services.db;
    expect(Number(await db.exclusive((s) => s.pragma("synchronous", { simple: true })))).toBe(2);
    server.app.services.log.write({ kind: "SYSTEM", message: "durability probe" });
    await server.app.services.log.flush();
    expect(Number(await db.exclusive((s) => s.pragma("synchronous", { simple: true })))).toBe(2);
  });

  it("drops a row the database refuses for good and keeps writing the rest", async () => {
    const other = new Database(server.app.services.db.file);
    other.exec(`CREATE TRIGGER test_poison BEFORE INSERT ON LogEntry WHEN NEW.message = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END`);
    const errors = console.error;
    console.error = () => {};
    try {
      const tag = uid();
      const log = server.app.services.log;
      log.write({ kind: "SYSTEM", message: `before ${tag}` });
      log.write({ kind: "SYSTEM", message: "poison" });
      log.write({ kind: "SYSTEM", message: `after ${tag}` });
      await log.flush();
      const got = (await logs({ first: 10, filter: { kinds: ["SYSTEM"], search: tag } })).edges.map((e) => e.node.message);
      expect(got).toEqual([`after ${tag}`, `before ${tag}`]);
      expect(reader.prepare("SELECT count(*) FROM LogEntry WHERE message = 'poison'").pluck().get()).toBe(0);
      log.write({ kind: "SYSTEM", message: `later ${tag}` });
      await log.flush();
      expect((await logs({ first: 1, filter: { kinds: ["SYSTEM"], search: `later ${tag}` } })).edges).toHaveLength(1);
    } finally {
      console.error = errors;
      other.exec("DROP TRIGGER test_poison");
      other.close();
    }
  });
});

describe("request entries name what ran", () => {
  it("an unnamed operation is named by its root fields; the login's session row is the user's", async () => {
    await server.gql(`{ allocations { id } me { id } }`, {}, { token: server.adminToken });
    await server.app.services.log.flush();
    const entry = await server.app.services.prisma.logEntry.findFirst({ where: { kind: "REQUEST", message: { startsWith: "query allocations+me ok" } } });
    expect(entry).not.toBeNull();
    await server.login();
    const session = await server.app.services.prisma.logEntry.findFirst({ where: { model: "Session", kind: "CREATE" }, orderBy: { sequence: "desc" } });
    expect(session?.actorLabel).toBe("admin");
  });
});

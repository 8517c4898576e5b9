// modelSaved / modelDeleted / logAdded over a real graphql-ws client (and SSE): order,
// filters, auth, redaction, resume with `since`, bursts. Every expectation compares what
// arrived with what the log in the database says should have arrived.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInScope, type Actor } from "../../api/db/request-context.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { errorCode, live, watch } from "../helpers/watch.js";

type Ev = {
  sequence: number;
  model: string;
  recordId: string;
  nodeId: string | null;
  action: "CREATED" | "UPDATED" | "DELETED";
  at: string;
  actor: { username: string } | null;
  actorLabel: string | null;
  requestId: string | null;
  data: Record<string, unknown>;
};

const EVENT_FIELDS = "sequence model recordId nodeId action at actor { username } actorLabel requestId data";
const SAVED = `subscription Saved($models: [String!], $since: Int) { modelSaved(models: $models, since: $since) { ${EVENT_FIELDS} } }`;
const DELETED = `subscription Deleted($models: [String!], $since: Int) { modelDeleted(models: $models, since: $since) { ${EVENT_FIELDS} } }`;
const LOGS = `subscription Tail($filter: LogFilter, $since: Int) { logAdded(filter: $filter, since: $since) { sequence kind level model recordId message actorLabel requestId data } }`;

let server: TestServer;
let reader: Database.Database;
let n = 0;
const uid = () => `${Date.now().toString(36)}${(++n).toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const seqNow = () => Number(reader.prepare("SELECT coalesce(max(sequence), 0) FROM LogEntry").pluck().get());
/** Sequences the log holds for these kinds/models after `since`: what a subscriber must get. */
function logged(kinds: string[], models: string[], since: number): number[] {
  return reader
    .prepare(
      `SELECT sequence FROM LogEntry WHERE sequence > ? AND kind IN (${kinds.map(() => "?").join(",")})
       AND model IN (${models.map(() => "?").join(",")}) ORDER BY sequence`,
    )
    .pluck()
    .all(since, ...kinds, ...models) as number[];
}
const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

const system: Actor = { kind: "system", label: "test" };
const inScope = <T>(fn: () => PromiseLike<T>) => runInScope({ actor: system, requestId: `t-${uid()}` }, async () => await fn());
const newRouter = () => inScope(() => server.app.services.prisma.router.create({ data: { name: `r-${uid()}`, host: "10.0.0.1", username: "api", password: "secret" } }));
const newAllocation = () =>
  inScope(() => server.app.services.prisma.allocation.create({ data: { code: `c-${uid()}`, name: `Bundle ${uid()}`, priceMinor: 100 } }));

/** Subscribes without `since` and writes markers until the first one arrives: from then on the subscription is live. */
const goLive = async (w: ReturnType<typeof watch<{ modelSaved: Ev }>>, marker: () => Promise<{ id: string }>): Promise<Ev> =>
  (await live(w, async () => (await marker()).id, (x) => x.modelSaved.recordId)).modelSaved;

beforeAll(async () => {
  server = await startTestServer({ env: { UI_DIR: "/nonexistent-ui" } });
  reader = new Database(server.app.services.db.file, { readonly: true });
});
afterAll(async () => {
  reader?.close();
  await server?.stop();
});

describe("modelSaved and modelDeleted", () => {
  it("deliver GraphQL writes in sequence order with data, actor and request id", async () => {
    const since = seqNow();
    const w = watch<{ modelSaved: Ev }>(server.ws(bearer(server.adminToken)), SAVED, { models: ["Allocation"], since });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await server.gql(
        `mutation C($input: AllocationInput!) { createAllocation(input: $input) { id } }`,
        { input: { name: `Order ${i}`, priceMinor: 1000 + i, dataLimitMb: 100 + n } },
        { token: server.adminToken, headers: { "x-request-id": `order-${i}-${n}` } },
      );
      expect(r.errors).toBeUndefined();
      ids.push(r.data.createAllocation.id);
    }
    const r = await server.gql(
      `mutation U($id: ID!, $input: AllocationInput!) { updateAllocation(id: $id, input: $input) { id } }`,
      { id: ids[0], input: { name: "Order 0 renamed", priceMinor: 1000, dataLimitMb: 999_000 + n } },
      { token: server.adminToken },
    );
    expect(r.errors).toBeUndefined();
    const events = (await w.count(5)).map((x) => x.modelSaved);
    expect(events.map((e) => e.sequence)).toEqual(logged(["CREATE", "UPDATE"], ["Allocation"], since));
    expect(events.map((e) => e.action)).toEqual(["CREATED", "CREATED", "CREATED", "CREATED", "UPDATED"]);
    expect(events.slice(0, 4).map((e) => e.data.name)).toEqual(["Order 0", "Order 1", "Order 2", "Order 3"]);
    expect(events[4]!.data.name).toBe("Order 0 renamed");
    expect(events[0]!.actor?.username).toBe("admin");
    expect(events[0]!.requestId).toMatch(/^order-0-/);
    w.stop();
  });

  it("go live without `since`, in sequence order under concurrent writes", async () => {
    const w = watch<{ modelSaved: Ev }>(server.ws(bearer(server.adminToken)), SAVED, { models: ["Router"] });
    const first = await goLive(w, newRouter);
    const made = await Promise.all(Array.from({ length: 20 }, () => newRouter()));
    const want = new Set(made.map((r) => r.id));
    const events = (await w.until((xs) => [...want].every((id) => xs.some((x) => x.modelSaved.recordId === id)), "20 concurrent writes")).map((x) => x.modelSaved);
    const seqs = events.map((e) => e.sequence);
    expect(increasing(seqs)).toBe(true);
    // Exactly the logged ones from the first delivered on: none missing, none repeated.
    expect(seqs.filter((s) => s >= first.sequence)).toEqual(logged(["CREATE", "UPDATE"], ["Router"], first.sequence - 1).slice(0, seqs.filter((s) => s >= first.sequence).length));
    w.stop();
  });

  it("modelDeleted brings the row's last values; `models` leaves other models out", async () => {
    const [a, b, c] = [await newRouter(), await newRouter(), await newRouter()];
    const alloc = await newAllocation();
    const since = seqNow();
    const w = watch<{ modelDeleted: Ev }>(server.ws(bearer(server.adminToken)), DELETED, { models: ["Router"], since });
    const saved = watch<{ modelSaved: Ev }>(server.ws(bearer(server.adminToken)), SAVED, { models: ["Router"], since });
    const prisma = server.app.services.prisma;
    await inScope(() => prisma.router.delete({ where: { id: a.id } }));
    await inScope(() => prisma.allocation.delete({ where: { id: alloc.id } })); // not a Router
    await inScope(() => prisma.router.update({ where: { id: b.id }, data: { host: "10.0.0.2" } })); // saved, not deleted
    await inScope(() => prisma.router.deleteMany({ where: { id: { in: [b.id, c.id] } } }));
    const events = (await w.count(3)).map((x) => x.modelDeleted);
    expect(events.map((e) => [e.action, e.model])).toEqual(Array(3).fill(["DELETED", "Router"]));
    expect(events[0]!.recordId).toBe(a.id);
    expect(events.slice(1).map((e) => e.recordId).sort()).toEqual([b.id, c.id].sort());
    expect(events.map((e) => e.sequence)).toEqual(logged(["DELETE"], ["Router"], since));
    expect(events.find((e) => e.recordId === b.id)!.data).toMatchObject({ id: b.id, host: "10.0.0.2", tls: false, password: "[redacted]" });
    const savedEvents = (await saved.count(1)).map((x) => x.modelSaved);
    expect(savedEvents.map((e) => [e.action, e.recordId])).toEqual([["UPDATED", b.id]]);
    w.stop();
    saved.stop();
  });

  it("a rolled-back transaction is never published; the next commit is", async () => {
    const w = watch<{ modelSaved: Ev }>(server.ws(bearer(server.adminToken)), SAVED, { models: ["Router"] });
    await goLive(w, newRouter);
    const seen = w.items.length;
    const ghost = `ghost-${uid()}`;
    await runInScope({ actor: system, requestId: null }, () =>
      server.app.services.prisma.$transaction(async (tx) => {
        await tx.router.create({ data: { id: ghost, name: ghost, host: "h", username: "u", password: "p" } });
        await server.app.services.feed.drain(); // a read while the write is uncommitted
        throw new Error("rollback on purpose");
      }),
    ).then(
      () => expect.unreachable("the transaction threw"),
      (e: Error) => expect(e.message).toBe("rollback on purpose"),
    );
    const after = await newRouter();
    const events = (await w.until((xs) => xs.some((x) => x.modelSaved.recordId === after.id), "the committed write")).slice(seen);
    expect(events.map((e) => e.modelSaved.recordId)).toEqual([after.id]);
    w.stop();
  });

  it("a bulk write of 3,000 rows reaches a live subscriber whole and in order", async () => {
    const w = watch<{ modelSaved: Ev }>(server.ws(bearer(server.adminToken)), SAVED, { models: ["Router"] });
    const first = await goLive(w, newRouter);
    const rows = Array.from({ length: 3000 }, (_, i) => ({ name: `bulk-${i}-${uid()}`, host: "h", username: "u", password: "p" }));
    await inScope(() => server.app.services.prisma.router.createMany({ data: rows }));
    const names = new Set(rows.map((r) => r.name));
    const got = await w.until((xs) => xs.filter((x) => names.has(x.modelSaved.data.name as string)).length >= 3000 || xs.length > 10_000, "3,000 events", 30_000);
    const seqs = got.map((x) => x.modelSaved.sequence).filter((s) => s >= first.sequence);
    expect(increasing(seqs)).toBe(true);
    expect(seqs).toEqual(logged(["CREATE", "UPDATE"], ["Router"], first.sequence - 1).slice(0, seqs.length));
    expect(got.filter((x) => names.has(x.modelSaved.data.name as string))).toHaveLength(3000);
    w.stop();
  });
});

describe("slow consumers and other writers", () => {
  it("a subscriber that falls behind its queue limit continues from the database: nothing lost, in order", async () => {
    const hub = server.app.services.hub;
    const w = watch<{ modelSaved: Ev }>(server.ws(bearer(server.adminToken)), SAVED, { models: ["Router"] });
    const first = await goLive(w, newRouter);
    const limit = hub.maxQueued;
    hub.maxQueued = 25; // a burst of 800 overruns it many times
    try {
      const rows = Array.from({ length: 800 }, (_, i) => ({ name: `slow-${i}-${uid()}`, host: "h", username: "u", password: "p" }));
      await inScope(() => server.app.services.prisma.router.createMany({ data: rows }));
      const names = new Set(rows.map((r) => r.name));
      const got = await w.until((xs) => xs.filter((x) => names.has(x.modelSaved.data.name as string)).length >= 800, "800 events");
      const seqs = got.map((x) => x.modelSaved.sequence).filter((s) => s >= first.sequence);
      expect(seqs).toEqual(logged(["CREATE", "UPDATE"], ["Router"], first.sequence - 1).slice(0, seqs.length));
    } finally {
      hub.maxQueued = limit;
      w.stop();
    }
  });

  it("entries committed by another connection reach subscribers, for small and large gaps alike", async () => {
    const w = watch<{ modelSaved: Ev }>(server.ws(bearer(server.adminToken)), SAVED, { models: ["Router"] });
    const first = await goLive(w, newRouter);
    // Another writer on the same database file (a second process, a maintenance script):
    // its entries are not this process's to publish, yet subscribers here must get them.
    const other = new Database(server.app.services.db.file);
    other.pragma("busy_timeout = 5000");
    const insert = other.prepare(
      `INSERT INTO LogEntry (at, kind, level, model, recordId, message, origin, data) VALUES (?, 'CREATE', 'INFO', 'Router', ?, 'Router created', 'elsewhere', ?)`,
    );
    const write = (count: number, tag: string) =>
      other.transaction(() => {
        for (let i = 0; i < count; i++) insert.run(new Date().toISOString().replace("Z", "+00:00"), `${tag}-${i}`, JSON.stringify({ after: { id: `${tag}-${i}`, name: tag } }));
      })();
    try {
      write(10, "small"); // read from the database by the bus
      write(2500, "large"); // too large for the bus: each subscriber replays it
      const mine = await newRouter();
      const got = await w.until((xs) => xs.some((x) => x.modelSaved.recordId === mine.id), "the write after the foreign ones", 30_000);
      const seqs = got.map((x) => x.modelSaved.sequence).filter((s) => s >= first.sequence);
      expect(seqs).toEqual(logged(["CREATE", "UPDATE"], ["Router"], first.sequence - 1).slice(0, seqs.length));
      expect(got.filter((x) => /^(small|large)-/.test(x.modelSaved.recordId))).toHaveLength(2510);
    } finally {
      other.close();
      w.stop();
    }
  });
});

describe("resume with `since`", () => {
  it("after a disconnect: exactly the missed events, then live ones; no repeats, no gaps", async () => {
    const since = seqNow();
    const client1 = server.ws(bearer(server.adminToken));
    const w1 = watch<{ modelSaved: Ev }>(client1, SAVED, { models: ["Allocation"], since });
    for (let i = 0; i < 3; i++) await newAllocation();
    const firstPart = (await w1.count(3)).map((x) => x.modelSaved.sequence);
    await client1.dispose();

    for (let i = 0; i < 4; i++) await newAllocation(); // missed while away
    const last = firstPart[firstPart.length - 1]!;
    const w2 = watch<{ modelSaved: Ev }>(server.ws(bearer(server.adminToken)), SAVED, { models: ["Allocation"], since: last });
    await w2.count(4);
    for (let i = 0; i < 2; i++) await newAllocation(); // live
    const secondPart = (await w2.count(6)).map((x) => x.modelSaved.sequence);
    expect([...firstPart, ...secondPart]).toEqual(logged(["CREATE", "UPDATE"], ["Allocation"], since));
    expect(secondPart).toHaveLength(6);
    w2.stop();
  });

  it("while writes keep coming during a long replay: no repeats, no gaps", async () => {
    const since = seqNow();
    // A backlog longer than one replay page, so live entries arrive while it is replayed.
    await inScope(() =>
      server.app.services.prisma.router.createMany({ data: Array.from({ length: 1200 }, (_, i) => ({ name: `backlog-${i}-${uid()}`, host: "h", username: "u", password: "p" })) }),
    );
    const w = watch<{ modelSaved: Ev }>(server.ws(bearer(server.adminToken)), SAVED, { models: ["Router"], since });
    const extra: string[] = [];
    while (w.items.length < 1200 + extra.length && extra.length < 60) extra.push((await newRouter()).id);
    const total = 1200 + extra.length;
    const seqs = (await w.count(total, 60_000)).map((x) => x.modelSaved.sequence);
    expect(seqs).toEqual(logged(["CREATE", "UPDATE"], ["Router"], since));
    w.stop();
  });
});

describe("logAdded", () => {
  it("filters by kind and level: failed logins only", async () => {
    const since = seqNow();
    const w = watch<{ logAdded: { kind: string; level: string; message: string } }>(server.ws(bearer(server.adminToken)), LOGS, {
      filter: { kinds: ["AUTH"], levels: ["WARN"] },
      since,
    });
    const who = `nobody-${uid()}`;
    await server.gql(`mutation { login(username: "${who}", password: "wrong-password") { token } }`);
    await server.login(); // AUTH at INFO: filtered out
    await server.gql(`mutation { login(username: "${who}", password: "still-wrong") { token } }`);
    const entries = (await w.count(2)).map((x) => x.logAdded);
    expect(entries.map((e) => [e.kind, e.level])).toEqual([["AUTH", "WARN"], ["AUTH", "WARN"]]);
    // An unknown username is not stored (it may be a password typed in the wrong box).
    expect(entries.map((e) => e.message)).toEqual(["Login failed for an unknown username", "Login failed for an unknown username"]);
    expect(entries.some((e) => e.message.includes(who))).toBe(false);
    w.stop();
  });

  it("filters by model, record id, kinds and search words (prefix)", async () => {
    const since = seqNow();
    const token = `zq${uid()}`;
    const r = await newRouter();
    const w = watch<{ logAdded: { kind: string; recordId: string; message: string } }>(server.ws(bearer(server.adminToken)), LOGS, {
      filter: { model: "Router", recordId: r.id, kinds: ["CREATE", "UPDATE"], search: token.slice(0, -2) },
      since,
    });
    const prisma = server.app.services.prisma;
    const other = await newRouter();
    await inScope(() => prisma.router.update({ where: { id: other.id }, data: { host: token } })); // other record
    await inScope(() => prisma.router.update({ where: { id: r.id }, data: { host: token } })); // the one
    await inScope(() => prisma.router.delete({ where: { id: r.id } })); // other kind
    await inScope(() => prisma.router.update({ where: { id: other.id }, data: { host: "again" } }));
    // Entries reach every subscriber in sequence order: once a later entry has arrived
    // elsewhere, anything the filtered subscription should have had was sent before it.
    // (By the router's global id: the filter takes either id.)
    const otherNodeId = Buffer.from(`Router:${other.id}`).toString("base64");
    const sentinel = watch<{ logAdded: { recordId: string } }>(server.ws(bearer(server.adminToken)), LOGS, { filter: { model: "Router", recordId: otherNodeId }, since });
    await sentinel.count(3);
    const entries = (await w.count(1)).map((x) => x.logAdded);
    expect(entries.map((e) => [e.kind, e.recordId, e.message])).toEqual([["UPDATE", r.id, "Router updated: host"]]);
    w.stop();
    sentinel.stop();
  });
});

describe("who may subscribe", () => {
  it("anonymous and bad credentials are refused with UNAUTHENTICATED", async () => {
    for (const params of [undefined, bearer("v1.bogus.123.sig"), { apiKey: "cz_nope_nope" }]) {
      const w = watch(server.ws(params), SAVED, {});
      await expect(w.until(() => false, "refusal", 10_000)).rejects.toThrow(/subscription failed/);
      expect(errorCode(w.errors)).toBe("UNAUTHENTICATED");
    }
  });

  it("an API key works as connectionParams.apiKey and as an Authorization bearer; its writes carry its label", async () => {
    const r = await server.gql(
      `mutation K($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`,
      { input: { name: `partner-${uid()}`, role: "MANAGER" } },
      { token: server.adminToken },
    );
    expect(r.errors).toBeUndefined();
    const key: string = r.data.createApiKey.key;
    const since = seqNow();
    const byParam = watch<{ modelSaved: Ev }>(server.ws({ apiKey: key }), SAVED, { models: ["Allocation"], since });
    const byBearer = watch<{ modelSaved: Ev }>(server.ws(bearer(key)), SAVED, { models: ["Allocation"], since });
    const c = await server.gql(
      `mutation C($input: AllocationInput!) { createAllocation(input: $input) { id } }`,
      { input: { name: "By key", priceMinor: 4321, dataLimitMb: 50_000 + n } },
      { apiKey: key },
    );
    expect(c.errors).toBeUndefined();
    for (const w of [byParam, byBearer]) {
      const [e] = (await w.count(1)).map((x) => x.modelSaved);
      expect(e).toMatchObject({ nodeId: c.data.createAllocation.id, actor: null, actorLabel: expect.stringMatching(/^api-key:partner-/) });
      w.stop();
    }
  });

  it("a session token works with or without the Bearer prefix", async () => {
    const since = seqNow();
    const w = watch<{ modelSaved: Ev }>(server.ws({ authorization: server.adminToken }), SAVED, { models: ["Router"], since });
    const r = await newRouter();
    expect((await w.until((xs) => xs.some((x) => x.modelSaved.recordId === r.id), "the router")).length).toBeGreaterThan(0);
    w.stop();
  });
});

describe("what a viewer may see", () => {
  it("a staff viewer sees a voucher's password as [hidden]; a manager sees it", async () => {
    const alloc = await newAllocation();
    const staff = await server.tokenFor("STAFF");
    const manager = await server.tokenFor("MANAGER");
    const since = seqNow();
    const asStaff = watch<{ modelSaved: Ev }>(server.ws(bearer(staff)), SAVED, { models: ["Voucher"], since });
    const asManager = watch<{ modelSaved: Ev }>(server.ws(bearer(manager)), SAVED, { models: ["Voucher"], since });
    const staffTail = watch<{ logAdded: { data: { after: Record<string, unknown> } } }>(server.ws(bearer(staff)), LOGS, { filter: { model: "Voucher" }, since });
    const v = await inScope(() => server.app.services.prisma.voucher.create({ data: { username: `v${uid()}`, password: "s3cret-pass", allocationId: alloc.id } }));
    expect((await asStaff.count(1))[0]!.modelSaved.data).toMatchObject({ id: v.id, username: v.username, password: "[hidden]" });
    expect((await asManager.count(1))[0]!.modelSaved.data).toMatchObject({ id: v.id, password: "s3cret-pass" });
    expect((await staffTail.count(1))[0]!.logAdded.data.after).toMatchObject({ id: v.id, password: "[hidden]" });
    for (const w of [asStaff, asManager, staffTail]) w.stop();
  });

  it("secrets are redacted for every role, admin included", async () => {
    const since = seqNow();
    const w = watch<{ modelSaved: Ev }>(server.ws(bearer(server.adminToken)), SAVED, { models: ["User"], since });
    await server.tokenFor("STAFF"); // creates a user
    const [e] = (await w.count(1)).map((x) => x.modelSaved);
    expect(e!.data.passwordHash).toBe("[redacted]");
    w.stop();
  });
});

describe("SSE", () => {
  async function sse(query: string, variables: Record<string, unknown>, headers: Record<string, string>, until: (text: string) => boolean) {
    const ctl = new AbortController();
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", ...headers },
      body: JSON.stringify({ query, variables }),
      signal: ctl.signal,
    });
    let text = "";
    const reader = res.body!.getReader();
    const deadline = setTimeout(() => ctl.abort(), 20_000);
    try {
      while (!until(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    } catch (e) {
      // Aborted at the deadline: the assertions below say what was missing. Any other
      // failure of the stream is the test's failure.
      if (!ctl.signal.aborted || (e as Error).name !== "AbortError") throw e;
    } finally {
      clearTimeout(deadline);
      ctl.abort();
    }
    return { status: res.status, contentType: res.headers.get("content-type"), text };
  }
  const events = (text: string) =>
    text
      .split("\n\n")
      .filter((b) => b.includes("event: next"))
      .map((b) => JSON.parse(b.split("\n").find((l) => l.startsWith("data:"))!.slice(5)));

  it("an authenticated POST with accept: text/event-stream streams modelSaved", async () => {
    const since = seqNow();
    const r = await newRouter();
    const res = await sse(SAVED, { models: ["Router"], since }, bearer(server.adminToken), (t) => t.includes(r.id));
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/text\/event-stream/);
    const [first] = events(res.text);
    expect(first.data.modelSaved).toMatchObject({ recordId: r.id, action: "CREATED", model: "Router" });
  });

  it("anonymous SSE is refused with UNAUTHENTICATED", async () => {
    const res = await sse(SAVED, {}, {}, (t) => t.includes("UNAUTHENTICATED") || t.includes("event: complete"));
    expect(res.text).toContain("UNAUTHENTICATED");
    expect(events(res.text).every((e) => !e.data)).toBe(true);
  });
});

// The change stream: every committed write to every model yields exactly one LogEntry per
// affected row, in the same transaction, with actor and request id; nothing for rolled-back
// work; sequences without gaps. Models are enumerated from the Prisma datamodel and checked
// against sqlite_master, so a new model is covered without touching this file.
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { getDatamodel } from "../../api/db/generated/pothos-types.js";
import * as enums from "../../api/db/generated/enums.js";
import { domainTables } from "../../api/events/triggers.js";
import { runInScope, type Actor, type RequestScope } from "../../api/db/request-context.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { setUpFile } from "../helpers/setup.js";

type Field = {
  name: string;
  type: string;
  kind: "scalar" | "enum" | "object";
  isRequired: boolean;
  isList: boolean;
  isId: boolean;
  isUnique: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  relationFromFields?: string[];
};
type Row = Record<string, unknown>;
type Entry = {
  sequence: number;
  kind: string;
  level: string;
  model: string | null;
  recordId: string | null;
  message: string;
  actorId: string | null;
  actorLabel: string | null;
  requestId: string | null;
  origin: string | null;
  data: { before?: Row; after?: Row } | null;
};

const datamodel = getDatamodel().datamodel.models as unknown as Record<string, { fields: Field[] }>;
/** Every model but the log itself. */
const models = Object.keys(datamodel).filter((m) => m !== "LogEntry").sort();
const enumValues = enums as unknown as Record<string, Record<string, string>>;

let server: TestServer;
let reader: Database.Database;
let adminActor: Actor;
let counter = 0;
const uid = () => `${Date.now().toString(36)}${(++counter).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const delegate = (model: string) => (server.app.services.prisma as unknown as Record<string, any>)[model[0]!.toLowerCase() + model.slice(1)];
/** Runs fn in the request scope and awaits it there (Prisma queries are lazy: they start when awaited). */
const inScope = <T = any>(scope: RequestScope, fn: () => PromiseLike<T>): Promise<T> => runInScope(scope, async () => await fn());
const scopeFor = (label: string, actor: Actor = adminActor): RequestScope => ({ actor, requestId: `${label}-${uid()}` });

function normalize(row: Row | undefined): Row | undefined {
  if (!row) return row;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]));
}
/** The row exactly as stored (what the trigger sees), read on an independent connection. */
const stored = (model: string, id: string) => normalize(reader.prepare(`SELECT * FROM "${model}" WHERE id = ?`).get(id) as Row | undefined);

function changes(where: string, ...params: unknown[]): Entry[] {
  const rows = reader
    .prepare(
      `SELECT sequence, kind, level, model, recordId, message, actorId, actorLabel, requestId, origin, data FROM LogEntry
       WHERE kind IN ('CREATE', 'UPDATE', 'DELETE') AND ${where} ORDER BY sequence`,
    )
    .all(...params) as (Omit<Entry, "data"> & { data: string | null })[];
  return rows.map((r) => ({ ...r, data: r.data === null ? null : JSON.parse(r.data) }));
}
const changesOf = (scope: RequestScope) => changes("requestId = ?", scope.requestId);
const changesOfRecord = (model: string, id: string) => changes("model = ? AND recordId = ?", model, id);
const maxSequence = () => Number(reader.prepare("SELECT coalesce(max(sequence), 0) FROM LogEntry").pluck().get());

function scalarValue(f: Field): unknown {
  const n = ++counter;
  if (f.kind === "enum") return Object.values(enumValues[f.type]!)[0];
  switch (f.type) {
    case "String":
      return `${f.name}-${uid()}`;
    case "Int":
      return n;
    case "BigInt":
      return BigInt(n);
    case "Float":
      return n + 0.25;
    case "Decimal":
      return "1.25";
    case "Boolean":
      return true;
    case "DateTime":
      return new Date(Date.UTC(2030, 0, 1) + n * 1000);
    case "Json":
      return { n };
    case "Bytes":
      return new Uint8Array([1, 2, n % 256]);
    default:
      throw new Error(`no test value for ${f.type}`);
  }
}

function changedValue(f: Field, old: unknown): unknown {
  if (f.kind === "enum") return Object.values(enumValues[f.type]!).find((v) => v !== old);
  switch (f.type) {
    case "String":
      return `${String(old ?? "")}-changed-${uid()}`;
    case "Int":
    case "Float":
      return Number(old ?? 0) + 1;
    case "BigInt":
      return BigInt(old as bigint) + 1n;
    case "Boolean":
      return !old;
    case "DateTime":
      return new Date(((old as Date | null)?.getTime() ?? Date.UTC(2030, 0, 1)) + 60_000);
    default:
      return scalarValue(f);
  }
}

const foreignKeys = (model: string) => new Set(datamodel[model]!.fields.flatMap((f) => (f.kind === "object" ? (f.relationFromFields ?? []) : [])));

/** A non-key, non-unique column that can take a new value: the field every test updates. */
function mutableField(model: string): Field {
  const fks = foreignKeys(model);
  const f = datamodel[model]!.fields.find((x) => x.kind !== "object" && !x.isId && !x.isUnique && !x.isUpdatedAt && !fks.has(x.name));
  if (!f) throw new Error(`${model} has no updatable column`);
  return f;
}

/** Valid create data: every scalar column filled, required parents created first (outside any test scope). */
async function dataFor(model: string, withId = true): Promise<Row> {
  const fields = datamodel[model]!.fields;
  const fks = foreignKeys(model);
  const data: Row = {};
  for (const f of fields) {
    if (f.kind === "object") {
      if (f.isRequired && !f.isList && f.relationFromFields?.length) {
        const parent = await delegate(f.type).create({ data: await dataFor(f.type, false) });
        data[f.relationFromFields[0]!] = parent.id;
      }
      continue;
    }
    if (fks.has(f.name) || f.isUpdatedAt) continue;
    if (f.isId) {
      if (withId || !f.hasDefaultValue) data[f.name] = `cs${uid()}`;
      continue;
    }
    if (f.hasDefaultValue) continue; // let defaults do their part
    data[f.name] = scalarValue(f);
  }
  return data;
}

function expectStamped(entries: Entry[], scope: RequestScope) {
  const actor = scope.actor;
  for (const e of entries) {
    expect(e.requestId).toBe(scope.requestId);
    expect(e.origin).toBe(server.app.services.origin);
    expect(e.level).toBe("INFO");
    expect(e.actorId).toBe(actor.kind === "user" ? actor.userId : null);
    expect(e.actorLabel).toBe(
      actor.kind === "user" ? actor.username : actor.kind === "apiKey" ? `api-key:${actor.name}` : actor.kind === "system" ? "system" : "anonymous",
    );
  }
}

function expectContiguous(entries: Entry[]) {
  const seqs = entries.map((e) => e.sequence);
  expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
}

/**
 * A model's own entries in a scope. Inserting a PENDING OutboxMessage also queues its delivery
 * (a trigger inserts a Job in the same statement, api/jobs): any other entry must be just that.
 */
function ownChangesOf(scope: RequestScope, model: string): { own: Entry[]; all: Entry[] } {
  const all = changesOf(scope);
  for (const e of all.filter((x) => x.model !== model)) expect([model, e.model, e.kind]).toEqual(["OutboxMessage", "Job", "CREATE"]);
  return { own: all.filter((e) => e.model === model), all };
}

/** A statement's entries are contiguous: the group, and nothing between them but the Jobs its rows queued. */
function expectContiguousAmong(all: Entry[], group: Entry[]) {
  const seqs = group.map((e) => e.sequence);
  const [lo, hi] = [Math.min(...seqs), Math.max(...seqs)];
  const span = all.filter((e) => e.sequence >= lo && e.sequence <= hi);
  expectContiguous(span);
  expect(span.filter((e) => !group.includes(e)).every((e) => e.model === "Job" && e.kind === "CREATE")).toBe(true);
}

// A start that fails (say, a trigger that SQLite refuses) fails a test of its own (setUpFile).
setUpFile(async () => {
  // The job queue polls only hourly here: its worker would claim the Job rows (and the jobs
  // each PENDING OutboxMessage queues) while a test is still checking their entries.
  server = await startTestServer({ env: { UI_DIR: "/nonexistent-ui", JOBS_POLL_MS: "3600000" } });
  reader = new Database(server.app.services.db.file, { readonly: true });
  const admin = await server.app.services.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
  adminActor = { kind: "user", userId: admin.id, username: admin.username, role: "ADMIN" };
}, "the server starts");

it("every domain table has its change triggers installed", () => {
  const triggers = reader.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger'`).get() as { n: number };
  expect(triggers.n).toBeGreaterThanOrEqual(3 * domainTables(reader).length);
});

afterAll(async () => {
  reader?.close();
  await server?.stop();
});

describe("coverage", () => {
  it("every Prisma model is a table with change triggers, and every domain table is a model", () => {
    expect(models).toEqual(expect.arrayContaining(["User", "Session", "ApiKey", "Allocation", "Router", "Voucher", "Transaction", "Refund", "PaymentEvent", "OutboxMessage", "Backup"]));
    expect(domainTables(reader).sort()).toEqual(models);
    const triggers = new Set(reader.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).pluck().all() as string[]);
    for (const m of models) for (const op of ["insert", "update", "delete"]) expect(triggers.has(`cz_${m}_${op}`), `cz_${m}_${op}`).toBe(true);
  });
});

describe.each(models)("%s", (model) => {
  it("single writes: create, update, upsert (both paths), delete", async () => {
    const d = delegate(model);
    const field = mutableField(model);
    const data = await dataFor(model);
    const upsertData = await dataFor(model);
    const scope = scopeFor(`single-${model}`);
    const id = data.id as string;
    const upsertId = upsertData.id as string;

    const created = await inScope(scope, () => d.create({ data }));
    expect(created.id).toBe(id);
    const afterCreate = stored(model, id);
    const next = changedValue(field, created[field.name]);
    await inScope(scope, () => d.update({ where: { id }, data: { [field.name]: next } }));
    const afterUpdate = stored(model, id);
    await inScope(scope, () => d.upsert({ where: { id: upsertId }, create: upsertData, update: {} }));
    const upsertCreated = stored(model, upsertId);
    await inScope(scope, () => d.upsert({ where: { id: upsertId }, create: upsertData, update: { [field.name]: next } }));
    const upsertUpdated = stored(model, upsertId);
    await inScope(scope, () => d.delete({ where: { id } }));
    expect(stored(model, id)).toBeUndefined();

    const entries = ownChangesOf(scope, model).own;
    expect(entries.map((e) => [e.kind, e.model, e.recordId])).toEqual([
      ["CREATE", model, id],
      ["UPDATE", model, id],
      ["CREATE", model, upsertId],
      ["UPDATE", model, upsertId],
      ["DELETE", model, id],
    ]);
    expect(entries[0]!.data).toEqual({ after: afterCreate });
    expect(entries[1]!.data).toEqual({ before: afterCreate, after: afterUpdate });
    expect(entries[1]!.message).toBe(`${model} updated: ${field.name}`);
    expect(entries[2]!.data).toEqual({ after: upsertCreated });
    expect(entries[3]!.data).toEqual({ before: upsertCreated, after: upsertUpdated });
    expect(entries[4]!.data).toEqual({ before: afterUpdate });
    expect(entries[4]!.message).toBe(`${model} deleted`);
    expectStamped(entries, scope);
    // Nothing else ever wrote an entry for these rows.
    expect(changesOfRecord(model, id)).toEqual(entries.filter((e) => e.recordId === id));
    expect(changesOfRecord(model, upsertId)).toEqual(entries.filter((e) => e.recordId === upsertId));
  });

  it("bulk writes: createMany, updateMany, deleteMany log one entry per row, each statement contiguous", async () => {
    const d = delegate(model);
    const field = mutableField(model);
    const rows = [await dataFor(model), await dataFor(model), await dataFor(model)];
    const ids = rows.map((r) => r.id as string);
    const scope = scopeFor(`bulk-${model}`);

    expect((await inScope(scope, () => d.createMany({ data: rows }))).count).toBe(3);
    const created = ids.map((id) => stored(model, id));
    const sample = await d.findUniqueOrThrow({ where: { id: ids[0] } });
    const next = changedValue(field, sample[field.name]);
    expect((await inScope(scope, () => d.updateMany({ where: { id: { in: ids } }, data: { [field.name]: next } }))).count).toBe(3);
    const updated = ids.map((id) => stored(model, id));
    expect((await inScope(scope, () => d.deleteMany({ where: { id: { in: ids } } }))).count).toBe(3);

    const { own: entries, all } = ownChangesOf(scope, model);
    expect(entries).toHaveLength(9);
    const [creates, updates, deletes] = [entries.slice(0, 3), entries.slice(3, 6), entries.slice(6, 9)];
    for (const [group, kind] of [[creates, "CREATE"], [updates, "UPDATE"], [deletes, "DELETE"]] as const) {
      expect(group.map((e) => e.kind)).toEqual([kind, kind, kind]);
      expect(group.map((e) => e.model)).toEqual([model, model, model]);
      expect(group.map((e) => e.recordId).sort()).toEqual([...ids].sort());
      expectContiguousAmong(all, group);
    }
    const byId = (group: Entry[]) => new Map(group.map((e) => [e.recordId, e.data]));
    ids.forEach((id, i) => {
      expect(byId(creates).get(id)).toEqual({ after: created[i] });
      expect(byId(updates).get(id)).toEqual({ before: created[i], after: updated[i] });
      expect(byId(deletes).get(id)).toEqual({ before: updated[i] });
    });
    expectStamped(entries, scope);
  });

  it("raw SQL through $executeRawUnsafe: multi-row UPDATE and DELETE", async () => {
    const d = delegate(model);
    const rows = [await dataFor(model), await dataFor(model)];
    const ids = rows.map((r) => r.id as string);
    await d.createMany({ data: rows });
    const before = ids.map((id) => stored(model, id));
    const scope = scopeFor(`raw-${model}`);
    const prisma = server.app.services.prisma;
    // A no-op update is still an update of each row as far as SQLite (and the log) is concerned.
    expect(await inScope(scope, () => prisma.$executeRawUnsafe(`UPDATE "${model}" SET "id" = "id" WHERE "id" IN (?, ?)`, ...ids))).toBe(2);
    expect(await inScope(scope, () => prisma.$executeRawUnsafe(`DELETE FROM "${model}" WHERE "id" IN (?, ?)`, ...ids))).toBe(2);
    const entries = changesOf(scope);
    expect(entries.map((e) => e.kind)).toEqual(["UPDATE", "UPDATE", "DELETE", "DELETE"]);
    ids.forEach((id, i) => {
      const mine = entries.filter((e) => e.recordId === id);
      expect(mine.map((e) => e.data)).toEqual([{ before: before[i], after: before[i] }, { before: before[i] }]);
      expect(mine[0]!.message).toBe(`${model} updated`);
    });
    expectStamped(entries, scope);
  });
});

describe("raw SQL inserts and conflict clauses", () => {
  const cols = `"id", "code", "name", "priceMinor", "currency", "active", "createdAt", "updatedAt"`;
  const values = (id: string, code: string, name: string) => [id, code, name, 100, "GHS", 1, "2026-01-01T00:00:00.000+00:00", "2026-01-01T00:00:00.000+00:00"];
  const run = (scope: RequestScope, sql: string, ...params: unknown[]) => inScope(scope, () => server.app.services.prisma.$executeRawUnsafe(sql, ...params));

  it("INSERT, INSERT OR IGNORE, ON CONFLICT DO UPDATE and REPLACE each log what happened to each row", async () => {
    const scope = scopeFor("raw-insert");
    const [a, b] = [`raw${uid()}`, `raw${uid()}`];
    const [codeA, codeB] = [`A_${uid()}`, `B_${uid()}`];
    expect(await run(scope, `INSERT INTO "Allocation" (${cols}) VALUES (?,?,?,?,?,?,?,?), (?,?,?,?,?,?,?,?)`, ...values(a, codeA, "a1"), ...values(b, codeB, "b1"))).toBe(2);
    const a1 = stored("Allocation", a);
    const b1 = stored("Allocation", b);
    // Ignored: no row changed, nothing logged.
    expect(await run(scope, `INSERT OR IGNORE INTO "Allocation" (${cols}) VALUES (?,?,?,?,?,?,?,?)`, ...values(a, codeA, "ignored"))).toBe(0);
    // Upsert: the existing row is updated.
    await run(scope, `INSERT INTO "Allocation" (${cols}) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT("id") DO UPDATE SET "name" = excluded."name"`, ...values(a, codeA, "a2"));
    const a2 = stored("Allocation", a);
    // REPLACE deletes the conflicting row and inserts a new one: both must be in the log,
    // or the replaced row's last values would be lost.
    await run(scope, `REPLACE INTO "Allocation" (${cols}) VALUES (?,?,?,?,?,?,?,?)`, ...values(b, codeB, "b2"));
    const b2 = stored("Allocation", b);

    const entries = changesOf(scope);
    expect(entries.map((e) => [e.kind, e.recordId, e.data])).toEqual([
      ["CREATE", a, { after: a1 }],
      ["CREATE", b, { after: b1 }],
      ["UPDATE", a, { before: a1, after: a2 }],
      ["DELETE", b, { before: b1 }],
      ["CREATE", b, { after: b2 }],
    ]);
    expectStamped(entries, scope);
  });
});

describe("who and which request", () => {
  it("stamps system work, API keys and anonymous callers", async () => {
    const apiKey: Actor = { kind: "apiKey", apiKeyId: "k1", name: "partner", role: "STAFF" };
    for (const actor of [apiKey, { kind: "anonymous" } as Actor, { kind: "system" } as Actor]) {
      const scope = scopeFor(`actor-${actor.kind}`, actor);
      const data = await dataFor("Router");
      await inScope(scope, () => delegate("Router").create({ data }));
      const entries = changesOf(scope);
      expect(entries).toHaveLength(1);
      expectStamped(entries, scope);
    }
  });

  it("runInScope around a Prisma query that is only awaited outside it still stamps the scope", async () => {
    // Prisma queries are lazy: `runInScope(s, () => prisma.x.create(...))` hands back a query
    // that starts when awaited, after runInScope has returned. Workers write exactly this.
    const scope = scopeFor("lazy", { kind: "system", label: "worker" });
    const data = await dataFor("Router");
    await runInScope(scope, () => delegate("Router").create({ data }));
    const [entry, ...rest] = changesOfRecord("Router", data.id as string);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ kind: "CREATE", requestId: scope.requestId, actorLabel: "system:worker" });
  });

  it("outside any request scope: actor 'system', no request id", async () => {
    const data = await dataFor("Router");
    await delegate("Router").create({ data });
    const [entry, ...rest] = changesOfRecord("Router", data.id as string);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ kind: "CREATE", actorId: null, actorLabel: "system", requestId: null, origin: server.app.services.origin });
  });

  it("a GraphQL mutation stamps the caller and the x-request-id it sent", async () => {
    const requestId = `gql-${uid()}`;
    const r = await server.gql(
      `mutation Create($input: AllocationInput!) { createAllocation(input: $input) { id } }`,
      { input: { name: "Stamped", priceMinor: 100 + (counter % 5000), dataLimitMb: 7000 + counter } },
      { token: server.adminToken, headers: { "x-request-id": requestId } },
    );
    expect(r.errors).toBeUndefined();
    const entries = changes("requestId = ? AND model = 'Allocation'", requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "CREATE", actorId: (adminActor as { userId: string }).userId, actorLabel: "admin" });
  });
});

describe("transactions", () => {
  it("a rolled-back interactive transaction leaves no entry and no hole in the sequence", async () => {
    const scope = scopeFor("rollback");
    const data = await dataFor("Allocation");
    const before = maxSequence();
    await expect(
      inScope(scope, () =>
        server.app.services.prisma.$transaction(async (tx) => {
          await tx.allocation.create({ data: data as never });
          await tx.allocation.update({ where: { id: data.id as string }, data: { name: "inside" } });
          expect(maxSequence()).toBe(before); // other connections never see uncommitted entries
          throw new Error("roll it back");
        }),
      ),
    ).rejects.toThrow("roll it back");
    expect(changesOf(scope)).toEqual([]);
    expect(stored("Allocation", data.id as string)).toBeUndefined();

    const committed = scopeFor("after-rollback");
    await inScope(committed, () => delegate("Allocation").create({ data }));
    const [entry] = changesOf(committed);
    // Nothing from the rolled-back attempt took a sequence number.
    expect(reader.prepare("SELECT count(*) FROM LogEntry WHERE sequence > ? AND sequence < ?").pluck().get(before, entry!.sequence)).toBe(entry!.sequence - before - 1);
  });

  it("a committed interactive transaction logs every write with one request id", async () => {
    const scope = scopeFor("tx-commit");
    const [a, b] = [await dataFor("Router"), await dataFor("Router")];
    await inScope(scope, () =>
      server.app.services.prisma.$transaction(async (tx) => {
        await tx.router.create({ data: a as never });
        await tx.router.create({ data: b as never });
        await tx.router.delete({ where: { id: a.id as string } });
      }),
    );
    const entries = changesOf(scope);
    expect(entries.map((e) => [e.kind, e.recordId])).toEqual([["CREATE", a.id], ["CREATE", b.id], ["DELETE", a.id]]);
    expectContiguous(entries);
  });

  it("committed sequences have no gaps after a mix of commits, rollbacks and failed statements", async () => {
    const prisma = server.app.services.prisma;
    const first = await dataFor("Allocation");
    await prisma.allocation.create({ data: first as never });
    for (let i = 0; i < 6; i++) {
      const scope = scopeFor(`mix-${i}`);
      const rows = [await dataFor("Allocation"), await dataFor("Allocation")];
      await inScope(scope, async () => {
        if (i % 3 === 0) {
          await prisma.allocation.createMany({ data: rows as never });
        } else if (i % 3 === 1) {
          await prisma
            .$transaction(async (tx) => {
              await tx.allocation.createMany({ data: rows as never });
              throw new Error("rollback on purpose");
            })
            .then(
              () => expect.unreachable("the transaction threw"),
              (e: Error) => expect(e.message).toBe("rollback on purpose"),
            );
        } else {
          // The second row repeats the first one's unique code: the statement fails as a
          // whole, inside a transaction that then commits other work.
          await prisma.$transaction(async (tx) => {
            await tx.allocation
              .createMany({ data: [rows[0], { ...rows[1], code: (first as { code: string }).code }] as never })
              .then(
                () => expect.unreachable("duplicate code must fail"),
                (e: { code?: string }) => expect(e.code).toBe("P2002"),
              );
            await tx.allocation.update({ where: { id: first.id as string }, data: { name: `mix ${i}` } });
          });
        }
      });
    }
    const { n, lo, hi } = reader.prepare("SELECT count(*) AS n, min(sequence) AS lo, max(sequence) AS hi FROM LogEntry").get() as { n: number; lo: number; hi: number };
    expect(n).toBe(hi - lo + 1);
    // And what was written matches exactly what committed.
    const committed = (i: number) => changes("requestId LIKE ?", `mix-${i}-%`);
    expect(committed(0).map((e) => e.kind)).toEqual(["CREATE", "CREATE"]);
    expect(committed(1)).toEqual([]);
    expect(committed(2).map((e) => [e.kind, e.recordId])).toEqual([["UPDATE", first.id]]);
  });
});

describe("cascades", () => {
  it("deleting a user logs the cascaded Session deletes and the SET NULL updates too", async () => {
    const prisma = server.app.services.prisma;
    const user = await prisma.user.create({ data: { username: `cascade-${uid()}`, role: "STAFF", passwordHash: "x" } });
    const sessions = await Promise.all([1, 2].map(() => prisma.session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 3600_000) } })));
    const key = await prisma.apiKey.create({ data: { name: `k-${uid()}`, role: "STAFF", keyHash: uid(), prefix: "cz_x", createdById: user.id } });
    const beforeUser = stored("User", user.id);
    const beforeSessions = sessions.map((s) => stored("Session", s.id));
    const beforeKey = stored("ApiKey", key.id);
    const scope = scopeFor("cascade");
    await inScope(scope, () => prisma.user.delete({ where: { id: user.id } }));

    const entries = changesOf(scope);
    expect(entries).toHaveLength(4);
    expectContiguous(entries);
    expectStamped(entries, scope);
    const find = (model: string, id: string) => entries.find((e) => e.model === model && e.recordId === id);
    expect(find("User", user.id)).toMatchObject({ kind: "DELETE", data: { before: beforeUser } });
    sessions.forEach((s, i) => expect(find("Session", s.id)).toMatchObject({ kind: "DELETE", data: { before: beforeSessions[i] } }));
    expect(find("ApiKey", key.id)).toMatchObject({
      kind: "UPDATE",
      message: "ApiKey updated: createdById",
      data: { before: beforeKey, after: { ...beforeKey, createdById: null } },
    });
  });
});

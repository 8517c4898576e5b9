// Opens the SQLite database: migrations, change triggers, pragmas, and a Prisma client
// whose queries are serialized on the one connection.
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client.js";
import { applyMigrations } from "./migrate.js";
import { installChangeTriggers } from "../events/triggers.js";
import { actorId, actorLabel, currentScope } from "./request-context.js";
import { noteWrite } from "./write-tracker.js";
import { statementTurn } from "./event-loop-turns.js";
import "./plan-cache.js";

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Tx = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** A FIFO lock: one holder at a time, in arrival order. */
export class Lock {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const prev = this.tail;
    this.tail = prev.then(() => held);
    return prev.then(() => release);
  }
  async run<T>(fn: () => Promise<T> | T): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

// Why the lock: the adapter shares one connection, and its plain queries do not wait for
// an open interactive transaction, so another request's statement would run inside that
// transaction (and roll back with it). Every statement outside a transaction waits here
// until the open transaction commits or rolls back.
// Once its turn comes, a statement first lets the event loop turn if this turn has run
// statements long enough (event-loop-turns.ts), and is dropped when its request was given
// up on (a query past OPERATION_TIMEOUT_MS): the statements it had queued then no longer
// hold up everyone else's.
async function turn<T>(fn: () => Promise<T>): Promise<T> {
  await statementTurn();
  currentScope()?.signal?.throwIfAborted();
  return fn();
}

function serialized(inner: Adapter, lock: Lock): Adapter {
  const wrapped = Object.create(inner) as Adapter;
  wrapped.queryRaw = (q) => lock.run(() => turn(() => inner.queryRaw(q)));
  wrapped.executeRaw = (q) => lock.run(() => turn(() => inner.executeRaw(q)));
  wrapped.executeScript = (s) => lock.run(() => turn(() => inner.executeScript(s)));
  wrapped.startTransaction = async (isolation) => {
    const release = await lock.acquire();
    try {
      await turn(async () => undefined);
    } catch (e) {
      release();
      throw e;
    }
    let tx: Tx;
    try {
      tx = await inner.startTransaction(isolation);
    } catch (e) {
      release();
      throw e;
    }
    const commit = tx.commit.bind(tx);
    const rollback = tx.rollback.bind(tx);
    tx.commit = () => commit().finally(release);
    tx.rollback = () => rollback().finally(release);
    return tx;
  };
  return wrapped;
}

export function configureConnection(db: Database.Database, origin: string): void {
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  // REPLACE deletes conflicting rows; only with recursive triggers do those deletes fire the
  // change-stream DELETE triggers, so the replaced row's last values reach the log.
  db.pragma("recursive_triggers = ON");
  // FULL: a committed sale survives power loss, not only a process crash.
  db.pragma("synchronous = FULL");
  db.function("cz_ctx", { deterministic: false }, (key: unknown) => {
    const scope = currentScope();
    switch (key) {
      case "origin":
        // Only the change triggers ask for it (once per row): the request wrote.
        noteWrite();
        return origin;
      case "actorId":
        return scope ? actorId(scope.actor) : null;
      case "actorLabel":
        return scope ? actorLabel(scope.actor) : "system";
      case "requestId":
        return scope?.requestId ?? null;
      default:
        return null;
    }
  });
}

type AdapterStatement = {
  reader: boolean;
  run(): Database.RunResult;
  columns(): Database.ColumnDefinition[];
  raw(): { all(): unknown[] };
};
type AdapterConnection = {
  prepare(sql: string): { bind(args: unknown[]): AdapterStatement; run(): Database.RunResult };
  exec(sql: string): void;
  close(): void;
};

/**
 * The connection as the Prisma adapter sees it. Two changes from the plain one:
 * - Statements are cached. The adapter prepares every query afresh, and preparing a write
 *   compiles the change-log triggers of its table into it: about a tenth of a sale's CPU.
 *   The adapter binds arguments for good (better-sqlite3's bind() is once per statement),
 *   so the cached statement is wrapped to take the arguments per call instead.
 * - Transactions begin IMMEDIATE. The adapter's plain BEGIN is deferred: when another
 *   process writes to the same file, upgrading from read to write then fails at once with
 *   SQLITE_BUSY, busy_timeout or not. IMMEDIATE takes the write lock up front and waits
 *   its turn under busy_timeout instead.
 */
function adapterConnection(db: Database.Database, capacity = 500): AdapterConnection {
  const cache = new Map<string, Database.Statement>();
  const statement = (sql: string): Database.Statement => {
    let stmt = cache.get(sql);
    if (stmt) {
      cache.delete(sql); // re-insert: the Map's order is least recently used first
    } else {
      stmt = db.prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
      if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, stmt);
    return stmt;
  };
  return {
    prepare: (sql) => {
      const stmt = statement(sql);
      return {
        // BEGIN, COMMIT and ROLLBACK are run without arguments.
        run: () => stmt.run(),
        bind: (args) => ({
          reader: stmt.reader,
          run: () => stmt.run(args),
          columns: () => stmt.columns(),
          raw: () => ({ all: () => stmt.raw(true).all(args) }),
        }),
      };
    },
    exec: (sql) => void db.exec(sql),
    close: () => db.close(),
  };
}

export type DbStats = {
  operations: number;
  /** Operations run inside the request with this id (the last 1,000 request ids are kept). */
  forRequest(requestId: string): number;
};

/** Counts operations, in all and per request id: a test can count one request's own queries while background jobs run. */
function operationStats(keep = 1000): DbStats & { count(): void } {
  const byRequest = new Map<string, number>();
  return {
    operations: 0,
    forRequest: (id) => byRequest.get(id) ?? 0,
    count() {
      this.operations += 1;
      const id = currentScope()?.requestId;
      if (!id) return;
      byRequest.set(id, (byRequest.get(id) ?? 0) + 1);
      if (byRequest.size > keep) byRequest.delete(byRequest.keys().next().value!);
    },
  };
}

export type Db = {
  prisma: PrismaClient;
  /** The raw connection, for bulk work and health checks. Use only inside `exclusive`. */
  sqlite: Database.Database;
  /** Runs fn while no Prisma statement or transaction is in flight. */
  exclusive<T>(fn: (sqlite: Database.Database) => T): Promise<T>;
  /**
   * The one raw-transaction seam, for write paths where Prisma's per-statement cost (its
   * WebAssembly compile, about 0.5 ms, and the adapter's async round trip) outweighs the SQL
   * (a sale's reservation and settlement, bench/RESULTS.md "Sale write path"). `fn` runs as
   * one synchronous better-sqlite3 transaction (BEGIN IMMEDIATE ... COMMIT; ROLLBACK and the
   * error rethrown when it throws, change records included) of statements from `sql`, which
   * prepares each text once and keeps it. Guarantees as a Prisma transaction's:
   * - under the same Lock, after the same statement turn and abort check: no Prisma statement
   *   or transaction interleaves, and a request given up on does not start it;
   * - in the caller's async scope, so the change triggers stamp the request's actor (cz_ctx)
   *   and the write tracker marks the request as a writer (the journal is awaited before it answers);
   * - counted as one operation in `stats`.
   * `durable: false` commits without waiting for the disk (synchronous=NORMAL for this commit,
   * as the log writer's): a power cut may lose it, never a crash, and the next durable commit
   * makes it durable with it. Only for writes whose loss a restart repairs (a job's lease).
   * `fn` must not await (it cannot: the transaction is synchronous). Dates are bound as
   * `sqlDate(d)` text and booleans as 0/1, the forms Prisma writes; integers read as numbers.
   */
  transaction<T>(fn: (sql: (text: string) => Database.Statement) => T, opts?: { durable?: boolean }): Promise<T>;
  file: string;
  /** Prisma operations run so far, in all and per request id (for query-count tests). */
  stats: DbStats;
  close(): Promise<void>;
};

export async function openDatabase(file: string, origin: string): Promise<Db> {
  // The database holds voucher passwords and the log: owner only (umask may be looser).
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  chmodSync(path.dirname(file), 0o700);
  const lock = new Lock();
  const factory = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 5000 });
  let sqlite: Database.Database | undefined;
  const wrappedFactory = Object.create(factory) as Factory;
  wrappedFactory.connect = async () => {
    const adapter = await factory.connect();
    const client = (adapter as unknown as { client?: Database.Database }).client;
    // The seams below are the adapter's internals (tests/integration/db-adapter-seams.test.ts):
    // an upgrade that moves them must stop here, not run without the lock or the cache.
    if (typeof client?.prepare !== "function" || typeof client.pragma !== "function") {
      throw new Error("@prisma/adapter-better-sqlite3 no longer exposes its better-sqlite3 connection as .client: see api/db/client.ts");
    }
    configureConnection(client, origin);
    (adapter as unknown as { client: AdapterConnection }).client = adapterConnection(client);
    applyMigrations(client);
    installChangeTriggers(client);
    sqlite = client;
    return serialized(adapter, lock);
  };
  const base = new PrismaClient({
    adapter: wrappedFactory,
    // Transactions queue behind each other on the one connection: allow for a burst.
    transactionOptions: { maxWait: 20_000, timeout: 20_000 },
  });
  await base.$connect();
  // SQLite gives -wal and -shm the main file's mode, so 0600 here covers them from now on.
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  const stats = operationStats();
  // Counts Prisma operations, so a test can fail when a nested query turns into N+1.
  const prisma = base.$extends({
    query: {
      $allOperations({ args, query }) {
        stats.count();
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  if (!sqlite) throw new Error("database connection did not open");
  const conn = sqlite;
  const statements = new Map<string, Database.Statement>();
  const prepare = (text: string): Database.Statement => {
    let stmt = statements.get(text);
    // Integers as numbers (the adapter turns safe integers on for the whole connection).
    if (!stmt) statements.set(text, (stmt = conn.prepare(text).safeIntegers(false)));
    return stmt;
  };
  return {
    prisma,
    sqlite: conn,
    file,
    stats,
    exclusive: (fn) => lock.run(() => fn(conn)),
    transaction: (fn, opts) =>
      lock.run(() =>
        turn(async () => {
          stats.count();
          if (opts?.durable !== false) return conn.transaction(() => fn(prepare)).immediate();
          const synchronous = Number(conn.pragma("synchronous", { simple: true }));
          conn.pragma("synchronous = NORMAL");
          try {
            return conn.transaction(() => fn(prepare)).immediate();
          } finally {
            conn.pragma(`synchronous = ${synchronous}`);
          }
        }),
      ),
    close: () => base.$disconnect(),
  };
}

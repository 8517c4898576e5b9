// The journal writer: appends every committed LogEntry to segment files under
// BACKUP_DIR/journal and fdatasyncs them; callers wait for "everything committed so far is
// on the journal's disk" (waitForCommitted) before they answer. See README.md here.
//
// Group commit: one flush at a time; whoever asks while a flush runs is served by the next
// one, which writes everything committed by then with one fdatasync. The fsync runs in the
// libuv pool, so the event loop keeps serving requests meanwhile, and they join the next one.
//
// Several processes may share one BACKUP_DIR (replicas on one DATA_DIR): a flush holds the
// write lock of a small SQLite file (journal.lock) for its duration, and the row there says
// where the journal validly ends (segment, size, sequence, hash). Whoever takes the lock next
// checks that row against the files, so a process that died mid-write leaves at most a torn
// tail, repaired (truncated to the last valid frame) by the next flush, any process's.
import Database from "better-sqlite3";
import { accessSync, chmodSync, closeSync, constants, existsSync, fsyncSync, mkdirSync, openSync, statfsSync, statSync, unlinkSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import { encodeFrame, encodeHeader, FORMAT_VERSION, GENESIS, segmentName, type JournalRow } from "./format.js";
import { listSegments, scanSegment } from "./segments.js";

export const JOURNAL_UNAVAILABLE = "JOURNAL_UNAVAILABLE";

/** The journal cannot be written: the change is in the database but not (yet) in the journal. */
export class JournalUnavailableError extends Error {
  readonly code = JOURNAL_UNAVAILABLE;
}

export type JournalOptions = {
  enabled: boolean;
  /** BACKUP_DIR; the journal lives in its `journal` subdirectory. */
  backupDir: string;
  dbFile: string;
  segmentBytes: number;
  logger: Logger;
  /** How often writes made outside requests are picked up (ms). */
  tickMs?: number;
};

export type JournalStatus = {
  enabled: boolean;
  healthy: boolean;
  /** Why the journal cannot be written, while it cannot. */
  error: string | null;
  errorSince: Date | null;
  directory: string;
  /** Highest sequence on the journal's disk. */
  lastSequence: number;
  /** Highest sequence committed in the database. */
  logSequence: number;
  lag: number;
  segments: number | null;
  bytes: number | null;
  diskFreeBytes: number | null;
  /** fdatasync rounds that wrote something (a group commit shares one). */
  flushes: number;
  /** Torn or damaged tails cut off (each repaired from the log). */
  repairs: number;
  lastFlushAt: Date | null;
  /** Hash of the last frame: a verifier holding it can prove nothing before it was altered. */
  headHash: string | null;
};

type Tail = { segment: string; size: number; sequence: number; hash: string; ino: number };
type Waiter = { target: number; resolve: () => void; reject: (e: Error) => void };

const BATCH = 1000;
const LOCK_WAIT_MS = 10_000;

export class Journal {
  readonly dir: string;
  private readonly log: Database.Database | null;
  private readonly maxStmt: Database.Statement | undefined;
  private readonly afterStmt: Database.Statement | undefined;
  private readonly startStmt: Database.Statement | undefined;
  private readonly schemaStmt: Database.Statement | undefined;
  private lock: Database.Database | null = null;
  private lockIno = 0;
  private fh: FileHandle | null = null;
  private tail: Tail | null = null;
  private flushed = 0;
  private waiters: Waiter[] = [];
  private running: Promise<void> | null = null;
  private again = false;
  private error: { message: string; since: Date } | null = null;
  private lastAttempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private ticks = 0;
  private closed = false;
  private flushCount = 0;
  private repairCount = 0;
  private lastFlushAt: Date | null = null;

  constructor(private readonly opts: JournalOptions) {
    this.dir = path.join(opts.backupDir, "journal");
    if (!opts.enabled) {
      this.log = null;
      return;
    }
    // Only at start is BACKUP_DIR created: later, a missing BACKUP_DIR means the backup disk
    // is gone (unmounted), and writing into an empty mount point would fill the wrong disk.
    try {
      mkdirSync(opts.backupDir, { recursive: true, mode: 0o700 });
    } catch (err) {
      // A start that cannot journal must not take writes: say which setting to fix.
      throw new Error(`BACKUP_DIR ${opts.backupDir} cannot hold the backup journal (${(err as NodeJS.ErrnoException).code ?? String(err)}): point BACKUP_DIR at a writable directory`);
    }
    this.log = new Database(opts.dbFile, { readonly: true, fileMustExist: true });
    this.log.pragma("busy_timeout = 5000");
    this.maxStmt = this.log.prepare("SELECT coalesce(max(sequence), 0) FROM LogEntry").pluck();
    this.afterStmt = this.log.prepare(
      "SELECT sequence, at, kind, level, model, recordId, message, actorId, actorLabel, requestId, origin, data FROM LogEntry WHERE sequence > ? ORDER BY sequence LIMIT ?",
    );
    this.startStmt = this.log
      .prepare("SELECT coalesce((SELECT min(sequence) FROM LogEntry), (SELECT seq FROM sqlite_sequence WHERE name = 'LogEntry') + 1, 1)")
      .pluck();
    this.schemaStmt = this.log
      .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1")
      .pluck();
  }

  get enabled(): boolean {
    return this.opts.enabled;
  }

  get healthy(): boolean {
    return !this.opts.enabled || this.error === null;
  }

  /** Repairs and catches up in the background (first flush), then picks up writes made outside requests every tick. */
  start(): void {
    if (!this.opts.enabled) return;
    try {
      this.prepareDir();
    } catch (err) {
      this.fail(err);
    }
    this.kick();
    const tick = this.opts.tickMs ?? 200;
    this.timer = setInterval(() => this.tick(), tick);
    this.timer.unref();
  }

  /** Resolves once every entry committed before the call is on the journal's disk. */
  waitForCommitted(): Promise<void> {
    if (!this.opts.enabled || this.closed) return Promise.resolve();
    const target = Number(this.maxStmt!.get());
    if (target <= this.flushed && !this.error) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ target, resolve, reject });
      this.kick();
    });
  }

  /** Before a write: if the journal is down, try once to bring it back, else refuse (nothing gets written). */
  async ensureWritable(): Promise<void> {
    if (!this.opts.enabled || !this.error) return;
    this.kick();
    await this.running;
    if (this.error) throw new JournalUnavailableError(this.error.message);
  }

  status(): JournalStatus {
    const logSequence = this.log ? Number(this.maxStmt!.get()) : 0;
    let segments: number | null = null;
    let bytes: number | null = null;
    let diskFreeBytes: number | null = null;
    if (this.opts.enabled) {
      try {
        const names = listSegments(this.dir);
        segments = names.length;
        bytes = names.reduce((n, name) => n + statSync(path.join(this.dir, name)).size, 0);
        const fs = statfsSync(this.dir);
        diskFreeBytes = Number(fs.bavail) * Number(fs.bsize);
      } catch {
        // the directory is gone: reported through `error`
      }
    }
    return {
      enabled: this.opts.enabled,
      healthy: this.healthy,
      error: this.error?.message ?? null,
      errorSince: this.error?.since ?? null,
      directory: this.dir,
      lastSequence: this.flushed,
      logSequence,
      lag: Math.max(0, logSequence - this.flushed),
      segments,
      bytes,
      diskFreeBytes,
      flushes: this.flushCount,
      repairs: this.repairCount,
      lastFlushAt: this.lastFlushAt,
      headHash: this.tail?.hash ?? null,
    };
  }

  async close(): Promise<void> {
    if (!this.opts.enabled || this.closed) return;
    if (this.timer) clearInterval(this.timer);
    if (!this.error) {
      this.kick();
      await this.running;
    }
    await this.running;
    this.closed = true;
    await this.closeFiles();
    this.log!.close();
  }

  private tick(): void {
    if (this.closed || this.running) return;
    this.ticks++;
    if (this.error) {
      if (Date.now() - this.lastAttempt >= 1000) this.kick();
      return;
    }
    try {
      if (Number(this.maxStmt!.get()) > this.flushed) return this.kick();
      // Idle: check now and then that the directory is still there and writable, so /readyz
      // tells before the next write finds out.
      if (this.ticks % 5 === 0) this.checkDir();
    } catch (err) {
      this.fail(err);
    }
  }

  private kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          this.lastAttempt = Date.now();
          if (this.error) await this.reopen();
          await this.flushRound();
          if (this.error) {
            this.opts.logger.warn({ dir: this.dir, was: this.error.message }, "backup journal recovered");
            this.error = null;
          }
          this.settle();
        } while (this.again && !this.closed);
      } catch (err) {
        this.fail(err);
      } finally {
        this.running = null;
      }
    })();
  }

  private settle(): void {
    const still: Waiter[] = [];
    for (const w of this.waiters) (w.target <= this.flushed ? w.resolve() : still.push(w));
    this.waiters = still;
    if (still.length) this.again = true;
  }

  private fail(err: unknown): void {
    const message = describe(err);
    if (!this.error) {
      this.error = { message, since: new Date() };
      this.opts.logger.error({ err, dir: this.dir }, `backup journal unavailable: ${message}`);
    } else this.error.message = message;
    try {
      if (this.lock?.inTransaction) this.lock.exec("ROLLBACK");
    } catch {
      // the lock file may be gone with its directory
    }
    void this.closeFiles();
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(new JournalUnavailableError(message));
  }

  private async closeFiles(): Promise<void> {
    const fh = this.fh;
    this.fh = null;
    this.tail = null;
    try {
      this.lock?.close();
    } catch {
      // already closed
    }
    this.lock = null;
    await fh?.close().catch(() => {});
  }

  /** Makes the journal directory (inside an existing BACKUP_DIR) and opens the lock file. */
  private prepareDir(): void {
    if (!existsSync(this.opts.backupDir)) throw Object.assign(new Error("missing"), { code: "ENOENT", path: this.opts.backupDir });
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    chmodSync(this.dir, 0o700);
    const file = path.join(this.dir, "journal.lock");
    this.lock = new Database(file);
    chmodSync(file, 0o600);
    this.lockIno = statSync(file).ino;
    // The row is a hint the files are checked against, so it needs no fsync of its own.
    // Setting up may meet another process committing (microseconds): wait for it here, once;
    // every later step waits without blocking the event loop (whenNotBusy).
    this.lock.pragma("busy_timeout = 2000");
    this.lock.pragma("journal_mode = PERSIST");
    this.lock.pragma("synchronous = OFF");
    this.lock.exec("CREATE TABLE IF NOT EXISTS tail (id INTEGER PRIMARY KEY CHECK (id = 1), segment TEXT NOT NULL, size INTEGER NOT NULL, sequence INTEGER NOT NULL, hash TEXT NOT NULL, ino INTEGER NOT NULL)");
    this.lock.pragma("busy_timeout = 0");
  }

  private async reopen(): Promise<void> {
    await this.closeFiles();
    this.prepareDir();
  }

  private checkDir(): void {
    accessSync(this.dir, constants.W_OK);
    if (this.tail && statSync(path.join(this.dir, this.tail.segment)).ino !== this.tail.ino) {
      throw Object.assign(new Error("the journal segment was replaced"), { code: "ENOENT" });
    }
  }

  private async acquire(): Promise<Database.Database> {
    // The journal directory was replaced under us (a new, empty one): our lock file is the
    // deleted one, which SQLite refuses to write. Open the new directory's.
    if (statSync(path.join(this.dir, "journal.lock"), { throwIfNoEntry: false })?.ino !== this.lockIno) await this.reopen();
    const lock = this.lock;
    if (!lock) throw new Error("journal lock file not open");
    await whenNotBusy(() => lock.exec("BEGIN IMMEDIATE"));
    return lock;
  }

  /** One group commit: everything committed so far, written and fdatasynced, under the lock. */
  private async flushRound(): Promise<void> {
    const lock = await this.acquire();
    let t = await this.syncTail(lock);
    const target = Number(this.maxStmt!.get());
    if (t.sequence > target) {
      throw new Error(`the journal (sequence ${t.sequence}) is ahead of the database (sequence ${target}): was the database replaced? Move ${this.dir} aside to start a new journal`);
    }
    let wrote = false;
    while (t.sequence < target) {
      const rows = this.afterStmt!.all(t.sequence, BATCH) as JournalRow[];
      if (rows.length === 0) break;
      if (Number(rows[0]!.sequence) !== t.sequence + 1) {
        throw new Error(`log entries ${t.sequence + 1} to ${Number(rows[0]!.sequence) - 1} are missing from the database; the journal cannot continue contiguously`);
      }
      let parts: string[] = [];
      let pending = 0;
      let hash = t.hash;
      let sequence = t.sequence;
      const write = async () => {
        if (!parts.length) return;
        const buf = Buffer.from(parts.join(""));
        this.tail = null; // if the write fails half way, the next flush rescans the file
        await writeAll(this.fh!, buf, t.size);
        t = { ...t, size: t.size + buf.length, sequence, hash };
        parts = [];
        pending = 0;
        wrote = true;
      };
      for (const row of rows) {
        // Rotate at the first frame boundary past the size limit.
        if (t.size + pending >= this.opts.segmentBytes) {
          await write();
          t = await this.newSegment(t.sequence + 1, t.hash);
        }
        const f = encodeFrame(hash, { ...row, sequence: Number(row.sequence) });
        parts.push(f.line);
        pending += Buffer.byteLength(f.line);
        hash = f.hash;
        sequence = Number(row.sequence);
      }
      await write();
    }
    if (wrote) {
      await this.fh!.datasync();
      this.flushCount++;
      this.lastFlushAt = new Date();
    }
    lock.prepare("INSERT OR REPLACE INTO tail (id, segment, size, sequence, hash, ino) VALUES (1, ?, ?, ?, ?, ?)").run(t.segment, t.size, t.sequence, t.hash, t.ino);
    // COMMIT needs the lock file to itself: another process's BEGIN IMMEDIATE that is about to
    // fail holds a read lock for a moment, and with busy_timeout 0 the COMMIT fails at once.
    // It stays open after SQLITE_BUSY, so it is retried, like the BEGIN.
    await whenNotBusy(() => lock.exec("COMMIT"));
    this.tail = t;
    this.flushed = t.sequence;
  }

  /** Where the journal validly ends, checked against the files; repairs a torn tail. */
  private async syncTail(lock: Database.Database): Promise<Tail> {
    accessSync(this.dir, constants.W_OK);
    const names = listSegments(this.dir);
    const last = names.at(-1);
    const row = lock.prepare("SELECT segment, size, sequence, hash, ino FROM tail WHERE id = 1").get() as Tail | undefined;
    if (!last) return this.newSegment(Number(this.startStmt!.get()), GENESIS);
    const file = path.join(this.dir, last);
    const st = statSync(file);
    const mine = this.tail;
    if (mine && this.fh && mine.segment === last && mine.ino === st.ino && mine.size === st.size && row && row.segment === last && row.size === st.size && row.sequence === mine.sequence) {
      return mine; // nobody else wrote since our last flush
    }
    const fromRow = row && row.segment === last && row.ino === st.ino && st.size >= row.size;
    const scan = fromRow ? scanSegment(file, st.size, { offset: row.size, sequence: row.sequence, hash: row.hash }) : scanSegment(file, st.size);
    if (!fromRow && !scan.header) {
      // Nothing valid in it (a crash while creating it): drop it and end at the previous one.
      this.opts.logger.warn({ file, problem: scan.problem }, "backup journal: removing a segment without a valid header");
      unlinkSync(file);
      this.repairCount++;
      await this.closeHandle();
      return this.syncTail(lock);
    }
    if (!fromRow && scan.header && scan.header.firstSequence !== Number(last.slice(8, 24))) {
      throw new Error(`segment ${last} says it starts at sequence ${scan.header.firstSequence}: the journal directory holds a foreign or renamed file`);
    }
    if (this.fh && (await this.fh.stat()).ino !== st.ino) await this.closeHandle();
    this.fh ??= await open(file, "r+");
    if (scan.invalidBytes > 0) {
      this.opts.logger.warn({ file, bytes: scan.invalidBytes, problem: scan.problem, lastSequence: scan.lastSequence }, "backup journal: cutting off a torn or damaged tail (it is written again from the log)");
      await this.fh.truncate(scan.validSize);
      await this.fh.datasync();
      this.repairCount++;
    }
    return { segment: last, size: scan.validSize, sequence: scan.lastSequence, hash: scan.lastHash, ino: st.ino };
  }

  private async closeHandle(): Promise<void> {
    const fh = this.fh;
    this.fh = null;
    await fh?.close().catch(() => {});
  }

  private async newSegment(firstSequence: number, prevHash: string): Promise<Tail> {
    if (this.fh) {
      await this.fh.datasync();
      await this.closeHandle();
    }
    const name = segmentName(firstSequence);
    const file = path.join(this.dir, name);
    const fh = await open(file, "w", 0o600);
    this.fh = fh;
    const header = encodeHeader({ format: FORMAT_VERSION, schema: String(this.schemaStmt!.get() ?? ""), firstSequence, prevHash, createdAt: new Date().toISOString() });
    const buf = Buffer.from(header);
    await writeAll(fh, buf, 0);
    await fh.datasync();
    // The new file's directory entry must survive a power cut too.
    const d = openSync(this.dir, "r");
    try {
      fsyncSync(d);
    } finally {
      closeSync(d);
    }
    return { segment: name, size: buf.length, sequence: firstSequence - 1, hash: prevHash, ino: (await fh.stat()).ino };
  }
}

/**
 * A write of all of `buf` at `position`. A disk that fills up mid-write answers with a short
 * count, not an error: the rest is retried, and the retry reports ENOSPC.
 */
async function writeAll(fh: FileHandle, buf: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < buf.length) {
    const { bytesWritten } = await fh.write(buf, done, buf.length - done, position + done);
    if (bytesWritten <= 0) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
    done += bytesWritten;
  }
}

/**
 * Runs `step` on the lock file, retrying while another process holds it (SQLITE_BUSY), up to
 * LOCK_WAIT_MS. The wait yields to the event loop: busy_timeout would block the whole server.
 */
async function whenNotBusy(step: () => void): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      step();
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 1));
    }
  }
}

/**
 * What went wrong, in words an operator can act on. It names BACKUP_DIR rather than its path:
 * the words reach clients and /readyz, the path is in the server log.
 */
function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case "ENOENT":
      return "BACKUP_DIR or its journal directory is missing (is the backup disk mounted?)";
    case "ENOSPC":
      return "the backup disk (BACKUP_DIR) is full";
    case "EROFS":
      return "the backup disk (BACKUP_DIR) is read-only";
    case "EACCES":
    case "EPERM":
      return "BACKUP_DIR cannot be written (permissions)";
    case "ENOTDIR":
      return "BACKUP_DIR/journal is not a directory";
    case "EIO":
      return "the backup disk (BACKUP_DIR) reported an I/O error";
    case "SQLITE_BUSY":
      return "another process has held the journal lock for too long";
    default:
      return `the backup journal failed: ${e?.message ?? String(err)}`;
  }
}

// What subscriptions consume: live entries from the bus, optionally preceded by a replay
// from the database so a subscriber that reconnects with `since` misses nothing.
import Database from "better-sqlite3";
import { Repeater } from "graphql-yoga";
import type { EventBus } from "./bus.js";
import { fromRow, type LogRecord } from "./types.js";

const PAGE = 500;

export class EventHub {
  private reader: Database.Database;
  private page: Database.Statement;

  constructor(file: string, readonly bus: EventBus) {
    this.reader = new Database(file, { readonly: true, fileMustExist: true });
    this.reader.pragma("busy_timeout = 5000");
    this.page = this.reader.prepare(
      `SELECT sequence, at, kind, level, model, recordId, message, actorId, actorLabel, requestId, origin, data
       FROM LogEntry WHERE sequence > ? ORDER BY sequence LIMIT ${PAGE}`,
    );
  }

  /**
   * Entries matching `filter`, in sequence order. With `since`, first every committed
   * entry after it, then live ones. Live entries that arrive during the replay are
   * buffered and then delivered only if the replay did not already include them.
   */
  stream(filter: (r: LogRecord) => boolean, since?: number | null): AsyncIterableIterator<LogRecord> {
    return new Repeater<LogRecord>(async (push, stop) => {
      let replaying = since !== null && since !== undefined;
      let high = since ?? 0;
      const buffered: LogRecord[] = [];
      const unsubscribe = this.bus.subscribe((r) => {
        if (!filter(r)) return;
        if (replaying) buffered.push(r);
        else if (r.sequence > high) void push(r);
      });
      stop.then(unsubscribe);
      if (replaying) {
        let cursor = since!;
        for (;;) {
          const rows = (this.page.all(cursor) as Parameters<typeof fromRow>[0][]).map(fromRow);
          for (const r of rows) if (filter(r)) await push(r);
          if (rows.length === 0) break;
          cursor = rows[rows.length - 1]!.sequence;
          if (rows.length < PAGE) break;
        }
        // Synchronously, so no live entry can slip in between the buffered ones.
        const pending = buffered.filter((r) => r.sequence > cursor);
        high = Math.max(cursor, ...pending.map((r) => r.sequence));
        replaying = false;
        for (const r of pending) void push(r);
      }
      await stop;
    });
  }

  /** A read on the hub's read-only connection: sees committed data and never waits for writers. */
  read<T>(sql: string, params: unknown[]): T[] {
    return this.reader.prepare(sql).all(...params) as T[];
  }

  close(): void {
    this.reader.close();
  }
}

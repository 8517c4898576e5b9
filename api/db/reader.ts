// The read-only connection for reads that must not wait for writers: replays of the change
// stream, the log and transaction pages, CSV exports. It sees committed data only (WAL
// snapshot per statement) and never takes the write lock.
import Database from "better-sqlite3";

export type Read = <T>(sql: string, params: unknown[]) => T[];

export class ReadConnection {
  private db: Database.Database;
  private statements = new Map<string, Database.Statement>();

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.pragma("busy_timeout = 5000");
  }

  /** Rows of `sql`; statements are prepared once and kept (pages repeat the same SQL). */
  read<T>(sql: string, params: unknown[]): T[] {
    return this.statement(sql).all(...params) as T[];
  }

  /** One value (the first column of the first row), e.g. a count. */
  value<T>(sql: string, params: unknown[] = []): T | undefined {
    return this.statement(sql).pluck().get(...params) as T | undefined;
  }

  /**
   * The connection itself, for a module that prepares its own statements and reads several
   * of them in one read transaction (the dashboard: every figure of an answer from one commit).
   */
  get sqlite(): Database.Database {
    return this.db;
  }

  /** `read`, bound: for helpers that take a plain function. */
  readonly reader: Read = (sql, params) => this.read(sql, params);

  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      if (this.statements.size >= 500) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  close(): void {
    this.db.close();
  }
}

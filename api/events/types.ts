// One committed entry of the log, as it travels from the database to subscribers.
export type LogKind = "CREATE" | "UPDATE" | "DELETE" | "REQUEST" | "AUTH" | "PAYMENT" | "ROUTER" | "BACKUP" | "SYSTEM";
export type LogLevel = "DEBUG" | "INFO" | "WARN" | "ERROR";

export type LogRecord = {
  sequence: number;
  at: Date;
  kind: LogKind;
  level: LogLevel;
  model: string | null;
  recordId: string | null;
  message: string;
  actorId: string | null;
  actorLabel: string | null;
  requestId: string | null;
  origin: string | null;
  /** JSON text. */
  data: string | null;
};

export const changeKinds: ReadonlySet<LogKind> = new Set(["CREATE", "UPDATE", "DELETE"]);

/** A LogEntry row as SQLite returns it (sequence may be a bigint, at is text). */
export type RawRow = Omit<LogRecord, "sequence" | "at"> & { sequence: number | bigint; at: string };

export function fromRow(row: RawRow): LogRecord {
  return { ...row, sequence: Number(row.sequence), at: new Date(row.at) };
}

export function toWire(r: LogRecord): string {
  return JSON.stringify({ ...r, at: r.at.toISOString() });
}

export function fromWire(s: string): LogRecord {
  const o = JSON.parse(s) as LogRecord & { at: string };
  return { ...o, at: new Date(o.at) };
}

/** Read access to the committed log, used to fill gaps and to replay. */
export interface CommittedLog {
  /** Up to `limit` committed entries with sequence > `after`, in sequence order. */
  readAfter(after: number, limit: number): LogRecord[];
  /** The highest committed sequence (0 for an empty log). */
  maxSequence(): number;
}

export const LOG_COLUMNS = "sequence, at, kind, level, model, recordId, message, actorId, actorLabel, requestId, origin, data";

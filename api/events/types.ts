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

type RawRow = Omit<LogRecord, "sequence" | "at"> & { sequence: number | bigint; at: string };

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

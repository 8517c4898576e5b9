// The one error mapper. Every error a client sees carries extensions.code and a
// message a person can act on; anything unexpected is masked and logged with the request id.
import { GraphQLError } from "graphql";

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  SOLD_OUT: "SOLD_OUT",
  PAYMENT_FAILED: "PAYMENT_FAILED",
  UNAVAILABLE: "UNAVAILABLE",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  /** A GraphQL operation above the query limits (core/query-limits.ts). */
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  TIMEOUT: "TIMEOUT",
  /** The backup journal cannot be written (api/journal): see extensions.committed. */
  JOURNAL_UNAVAILABLE: "JOURNAL_UNAVAILABLE",
  INTERNAL: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409,
  SOLD_OUT: 409, PAYMENT_FAILED: 402, TOO_MANY_REQUESTS: 429, UNAVAILABLE: 503,
};
/** The HTTP status of an error code, for routes outside GraphQL. */
export const httpStatusOf = (code: string): number => HTTP_STATUS[code] ?? 500;

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const badInput = (message: string, field?: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const notFound = (what: string) => new AppError(ErrorCode.NOT_FOUND, `${what} not found`);
export const conflict = (message: string, reason?: string) =>
  new AppError(ErrorCode.CONFLICT, message, reason ? { reason } : {});
export const forbidden = (message = "You do not have permission to do this") => new AppError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = "Log in first") => new AppError(ErrorCode.UNAUTHENTICATED, message);

type PrismaLikeError = { code?: string; meta?: Record<string, unknown>; name?: string };

/**
 * The unique fields a Prisma P2002 error names (driver adapters report them differently), or
 * a raw better-sqlite3 one (db.transaction: "UNIQUE constraint failed: T.a, T.b"), or null
 * for any other error.
 */
export function uniqueViolation(err: unknown): string[] | null {
  const e = err as PrismaLikeError | null;
  if (e?.code === "SQLITE_CONSTRAINT_UNIQUE" || e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
    const cols = /constraint failed: (.*)$/.exec(String((err as Error).message))?.[1];
    return cols ? cols.split(",").map((c) => c.trim().split(".").pop()!) : [];
  }
  if (e?.code !== "P2002") return null;
  const target =
    (e.meta?.target as string[] | string | undefined) ??
    (e.meta?.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } })?.cause?.constraint?.fields;
  if (Array.isArray(target)) return target.map(String);
  return typeof target === "string" ? [target] : [];
}

/** Turns known library errors into AppErrors; returns null for the unexpected. */
export function toAppError(err: unknown): GraphQLError | null {
  if (err instanceof GraphQLError && typeof err.extensions?.code === "string" && err.extensions.code !== ErrorCode.INTERNAL) {
    if (err.originalError && !(err.originalError instanceof GraphQLError)) {
      const inner = toAppError(err.originalError);
      if (inner) return inner;
    }
    return err;
  }
  const original = err instanceof GraphQLError ? err.originalError : err;
  if (!original) return err instanceof GraphQLError && !err.originalError ? err : null;
  if (original instanceof AppError) return original;
  if (original instanceof GraphQLError) return toAppError(original);
  const e = original as PrismaLikeError & Error;
  if (e.name === "InputValidationError" || e.name === "ZodError") return badInput(e.message);
  switch (e.code) {
    case "P2002": {
      const fields = uniqueViolation(e)!;
      return conflict(`Another record already uses this ${fields.length ? fields.join(", ") : "a unique field"}`, "unique");
    }
    case "P2025":
    case "P2018":
      return notFound("Record");
    case "P2003":
    case "P2014":
      return conflict("This record is still referenced by other records", "in-use");
  }
  return null;
}

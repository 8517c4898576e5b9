// GET /exports/transactions.csv: the sales the dashboard's filter shows, as a CSV download.
// Same filter as Query.transactions (query parameters status (repeatable), search,
// allocationId, from, to). Rows are read in keyset batches and written as they come, with
// backpressure, so memory stays flat whether the file has ten rows or a million.
import { once } from "node:events";
import { actorFor } from "../../core/context.js";
import type { HttpRoute, RouteContext } from "../../core/extensions.js";
import { badInput } from "../../core/errors.js";
import { formatMinor } from "../common/money.js";
import { csvLine, csvStart } from "./csv.js";
import {
  fromTransactions, NEWEST_FIRST, olderThan, transactionSql, transactionStatuses, whereOf,
  type Key, type TransactionFilterValue, type TransactionSql, type TransactionStatusValue,
} from "./filter.js";

export const EXPORT_BATCH = 1000;

const columns = [
  "reference", "createdAt", "paidAt", "status", "fullName", "phoneNumber", "network", "allocation", "amount", "refunded",
  "currency", "provider", "providerReference", "voucher", "voucherDelivered", "failureReason",
] as const;


type ExportRow = Key & {
  reference: string; paidAt: string | null; status: string; fullName: string; phoneNumber: string; network: string | null;
  allocationCode: string; amountMinor: number; refundedMinor: number; currency: string; provider: string;
  providerReference: string | null; voucherUsername: string | null; voucherDelivered: number; failureReason: string | null;
};

/** One batch: the page of sales first (on the filter's index), then their bundle and voucher. */
function batchSql(q: TransactionSql, last: Key | null) {
  const { where, params } = whereOf(q, "page", last ? [olderThan(last)] : []);
  return {
    sql: `SELECT t.*, a."code" AS "allocationCode", v."username" AS "voucherUsername"
      FROM (SELECT * FROM ${fromTransactions(q)} ${where} ${NEWEST_FIRST} LIMIT ${EXPORT_BATCH}) AS t
      JOIN "Allocation" AS a ON a."id" = t."allocationId"
      LEFT JOIN "Voucher" AS v ON v."id" = t."voucherId"
      ORDER BY t."createdAt" DESC, t."id" DESC`,
    params,
  };
}

/** Stored DateTime text as ISO 8601 UTC. */
const iso = (stored: string | null) => (stored ? new Date(stored).toISOString() : null);

function filterOf(url: URL): TransactionFilterValue {
  const q = url.searchParams;
  const status = q.getAll("status").flatMap((s) => s.split(",")).map((s) => s.trim().toUpperCase()).filter(Boolean);
  for (const s of status) {
    if (!(transactionStatuses as readonly string[]).includes(s)) throw badInput(`Unknown status "${s}": use ${transactionStatuses.join(", ")}`);
  }
  const date = (name: string) => {
    const v = q.get(name);
    if (!v) return null;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) throw badInput(`"${v}" is not a date for ${name}: use ISO 8601, e.g. 2025-01-31T00:00:00Z`);
    return d;
  };
  return {
    status: status as TransactionStatusValue[],
    search: q.get("search"),
    allocationId: q.get("allocationId"),
    from: date("from"),
    to: date("to"),
  };
}

const stamp = (d: Date) => d.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");

async function handle({ res, services, url, viewer, requestId }: RouteContext): Promise<void> {
  const started = performance.now();
  // Bad parameters throw BAD_USER_INPUT here, before any byte of the file is sent.
  const filter = filterOf(url);
  const query = transactionSql(services.reader.reader, filter);
  csvStart(res, `transactions-${stamp(new Date())}.csv`, [...columns]);
  let closed = false;
  res.on("close", () => (closed = true));

  let rows = 0;
  let outcome = "ok";
  let last: Key | null = null;
  try {
    while (!closed) {
      const { sql, params } = batchSql(query, last);
      // On the read-only connection (services.reader: no lock with the writers); the read is synchronous,
      // so the loop yields between batches and other requests are served meanwhile.
      const batch = services.reader.read<ExportRow>(sql, params);
      let chunk = "";
      for (const t of batch) {
        chunk += csvLine([
          t.reference, iso(t.createdAt), iso(t.paidAt), t.status, t.fullName, t.phoneNumber, t.network, t.allocationCode,
          formatMinor(t.amountMinor), formatMinor(t.refundedMinor), t.currency, t.provider, t.providerReference,
          t.voucherUsername, Boolean(t.voucherDelivered), t.failureReason,
        ]);
      }
      rows += batch.length;
      if (chunk && !res.write(chunk)) await Promise.race([once(res, "drain"), once(res, "close")]);
      else await new Promise((resolve) => setImmediate(resolve));
      if (batch.length < EXPORT_BATCH) break;
      const end = batch[batch.length - 1]!;
      last = { createdAt: end.createdAt, id: end.id };
    }
    if (closed) outcome = "client went away";
    res.end();
  } catch (err) {
    outcome = "failed";
    throw err;
  } finally {
    const ms = Math.round(performance.now() - started);
    services.log.write({
      kind: "REQUEST",
      level: outcome === "failed" ? "ERROR" : "INFO",
      message: `export transactions.csv ${outcome === "ok" ? "ok" : outcome}: ${rows} rows in ${ms} ms`,
      actor: actorFor(viewer),
      requestId,
      data: { export: "transactions.csv", rows, durationMs: ms, outcome, filter: { ...filter, search: filter.search ?? null } },
    });
  }
}

export const transactionsExportRoute: HttpRoute = {
  method: "GET",
  path: "/exports/transactions.csv",
  // DOMAIN.md: managers export; staff look up single sales.
  access: "MANAGER",
  forbidden: "Exports are for managers and admins",
  handle,
};

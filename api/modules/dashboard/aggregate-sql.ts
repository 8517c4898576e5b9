// The SQL that keeps the dashboard aggregates: triggers on Transaction and Voucher that move
// the figures in the same statement (so the same transaction) as the row, and the full
// recomputation. Both are written from the same definitions below, so "what a sale is" and
// "which bucket it falls in" cannot differ between the incremental path and the rebuild.
import type { ZoneModel } from "./zone.js";

/** A transaction counts as a sale in these states; its refunds count with it. */
export const SALE_STATUSES = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"] as const;
const saleList = SALE_STATUSES.map((s) => `'${s}'`).join(", ");

type Ref = "NEW" | "OLD" | "t";
const col = (r: Ref, c: string) => `${r}."${c}"`;
export const isSale = (r: Ref) => `${col(r, "status")} IN (${saleList})`;
/** A sale with money returned (the refunds module sets both; either is enough here). */
export const isRefunded = (r: Ref) => `(${col(r, "status")} IN ('PARTIALLY_REFUNDED', 'REFUNDED') OR ${col(r, "refundedMinor")} > 0)`;
/** The bucket (local hour start, unix seconds) of an instant expression. */
export const bucketSql = (z: ZoneModel, instant: string) => `((unixepoch(${instant}) - ${z.phase}) / 3600 * 3600 + ${z.phase})`;
/** The offset in force at a bucket: the last transition at or before it (the first one before the table starts). */
const offsetSql = (b: string) =>
  `coalesce((SELECT "offsetMinutes" FROM "DashboardZone" WHERE "startsAt" <= ${b} ORDER BY "startsAt" DESC LIMIT 1),
            (SELECT "offsetMinutes" FROM "DashboardZone" ORDER BY "startsAt" LIMIT 1), 0)`;
/** The local date ("YYYY-MM-DD") of a bucket. */
export const daySql = (b: string) => `date(${b} + ${offsetSql(b)} * 60, 'unixepoch')`;
const stockState = (r: Ref) =>
  `CASE WHEN ${col(r, "status")} = 'AVAILABLE' AND ${col(r, "reservedUntil")} IS NOT NULL THEN 'RESERVED' ELSE ${col(r, "status")} END`;

const FIGURES = ["sales", "revenueMinor", "refunds", "refundedMinor", "newCustomers"] as const;
const addUp = `DO UPDATE SET ${FIGURES.map((f) => `"${f}" = "${f}" + excluded."${f}"`).join(", ")}`;

/** Upserts adding `sign` times a transaction row's figures to the three tables. */
function saleDelta(z: ZoneModel, r: "NEW" | "OLD", sign: 1 | -1): string {
  const s = sign === 1 ? "" : "-";
  const values = `${s}1, ${s}${col(r, "amountMinor")}, ${s}(${isRefunded(r)}), ${s}${col(r, "refundedMinor")}, 0`;
  const b = bucketSql(z, col(r, "createdAt"));
  const cols = `"sales", "revenueMinor", "refunds", "refundedMinor", "newCustomers"`;
  return `
    INSERT INTO "DashboardHour" ("bucket", "allocationId", "provider", ${cols})
      SELECT ${b}, ${col(r, "allocationId")}, ${col(r, "provider")}, ${values} WHERE ${isSale(r)}
      ON CONFLICT ("bucket", "allocationId", "provider") ${addUp};
    INSERT INTO "DashboardHourTotal" ("bucket", ${cols})
      SELECT ${b}, ${values} WHERE ${isSale(r)}
      ON CONFLICT ("bucket") ${addUp};
    INSERT INTO "DashboardDay" ("day", "allocationId", "provider", ${cols})
      SELECT ${daySql(b)}, ${col(r, "allocationId")}, ${col(r, "provider")}, ${values} WHERE ${isSale(r)}
      ON CONFLICT ("day", "allocationId", "provider") ${addUp};`;
}

/** Upserts adding `sign` new customers at a DashboardCustomer row's first sale. */
function customerDelta(z: ZoneModel, r: "NEW" | "OLD", sign: 1 | -1): string {
  const b = bucketSql(z, col(r, "firstAt"));
  return `
    INSERT INTO "DashboardHour" ("bucket", "allocationId", "provider", "newCustomers")
      SELECT ${b}, ${col(r, "allocationId")}, ${col(r, "provider")}, ${sign} WHERE true
      ON CONFLICT ("bucket", "allocationId", "provider") DO UPDATE SET "newCustomers" = "newCustomers" + excluded."newCustomers";
    INSERT INTO "DashboardHourTotal" ("bucket", "newCustomers") SELECT ${b}, ${sign} WHERE true
      ON CONFLICT ("bucket") DO UPDATE SET "newCustomers" = "newCustomers" + excluded."newCustomers";
    INSERT INTO "DashboardDay" ("day", "allocationId", "provider", "newCustomers")
      SELECT ${daySql(b)}, ${col(r, "allocationId")}, ${col(r, "provider")}, ${sign} WHERE true
      ON CONFLICT ("day", "allocationId", "provider") DO UPDATE SET "newCustomers" = "newCustomers" + excluded."newCustomers";`;
}

/** Which sale is a phone number's first (ties on createdAt broken by id, as in the rebuild). */
const firstSaleOrder = `ORDER BY "createdAt", "id"`;
const recomputeCustomer = (phone: string, guard = "true") => `
    DELETE FROM "DashboardCustomer" WHERE "phoneNumber" = ${phone} AND ${guard};
    INSERT INTO "DashboardCustomer" ("phoneNumber", "transactionId", "firstAt", "allocationId", "provider")
      SELECT t."phoneNumber", t."id", t."createdAt", t."allocationId", t."provider" FROM "Transaction" t
      WHERE t."phoneNumber" = ${phone} AND ${isSale("t")} AND ${guard} ${firstSaleOrder} LIMIT 1;`;

const changed = (cols: string[]) => cols.map((c) => `OLD."${c}" IS NOT NEW."${c}"`).join(" OR ");

/** Trigger name -> CREATE statement. Prefix dash_: the change-log installer drops only cz_ triggers. */
export function triggerSql(z: ZoneModel): Map<string, string> {
  const saleKey = ["createdAt", "allocationId", "provider", "phoneNumber"];
  const figureCols = ["status", "amountMinor", "refundedMinor", "createdAt", "allocationId", "provider"];
  const customerWhen = `(${isSale("OLD")}) IS NOT (${isSale("NEW")}) OR (${isSale("NEW")} AND (${changed(saleKey)}))
    OR (${isSale("OLD")} AND (${changed(saleKey)}))`;
  const t: [string, string][] = [
    ["dash_Transaction_insert", `AFTER INSERT ON "Transaction" WHEN ${isSale("NEW")} BEGIN ${saleDelta(z, "NEW", 1)} ${recomputeCustomer(`NEW."phoneNumber"`)} END`],
    ["dash_Transaction_delete", `AFTER DELETE ON "Transaction" WHEN ${isSale("OLD")} BEGIN ${saleDelta(z, "OLD", -1)} ${recomputeCustomer(`OLD."phoneNumber"`)} END`],
    ["dash_Transaction_figures", `AFTER UPDATE ON "Transaction" WHEN ${changed(figureCols)} BEGIN ${saleDelta(z, "OLD", -1)} ${saleDelta(z, "NEW", 1)} END`],
    [
      "dash_Transaction_customer",
      `AFTER UPDATE ON "Transaction" WHEN ${customerWhen} BEGIN ${recomputeCustomer(`OLD."phoneNumber"`)}
        ${recomputeCustomer(`NEW."phoneNumber"`, `NEW."phoneNumber" IS NOT OLD."phoneNumber"`)} END`,
    ],
    ["dash_Customer_insert", `AFTER INSERT ON "DashboardCustomer" BEGIN ${customerDelta(z, "NEW", 1)} END`],
    ["dash_Customer_delete", `AFTER DELETE ON "DashboardCustomer" BEGIN ${customerDelta(z, "OLD", -1)} END`],
    ["dash_Customer_update", `AFTER UPDATE ON "DashboardCustomer" BEGIN ${customerDelta(z, "OLD", -1)} ${customerDelta(z, "NEW", 1)} END`],
    [
      "dash_Voucher_insert",
      `AFTER INSERT ON "Voucher" BEGIN INSERT INTO "DashboardStock" ("allocationId", "state", "vouchers")
        SELECT NEW."allocationId", ${stockState("NEW")}, 1 WHERE true ON CONFLICT DO UPDATE SET "vouchers" = "vouchers" + 1; END`,
    ],
    [
      "dash_Voucher_delete",
      `AFTER DELETE ON "Voucher" BEGIN INSERT INTO "DashboardStock" ("allocationId", "state", "vouchers")
        SELECT OLD."allocationId", ${stockState("OLD")}, -1 WHERE true ON CONFLICT DO UPDATE SET "vouchers" = "vouchers" - 1; END`,
    ],
    [
      "dash_Voucher_update",
      `AFTER UPDATE ON "Voucher" WHEN OLD."allocationId" IS NOT NEW."allocationId" OR (${stockState("OLD")}) IS NOT (${stockState("NEW")}) BEGIN
        INSERT INTO "DashboardStock" ("allocationId", "state", "vouchers")
          SELECT OLD."allocationId", ${stockState("OLD")}, -1 WHERE true ON CONFLICT DO UPDATE SET "vouchers" = "vouchers" - 1;
        INSERT INTO "DashboardStock" ("allocationId", "state", "vouchers")
          SELECT NEW."allocationId", ${stockState("NEW")}, 1 WHERE true ON CONFLICT DO UPDATE SET "vouchers" = "vouchers" + 1; END`,
    ],
  ];
  return new Map(t.map(([name, body]) => [name, `CREATE TRIGGER "${name}" ${body}`]));
}

/** Names of the triggers on DashboardCustomer: the rebuild counts new customers itself, without them. */
export const CUSTOMER_TRIGGERS = ["dash_Customer_insert", "dash_Customer_delete", "dash_Customer_update"];

/**
 * The full recomputation, as statements run in order inside one transaction, with the
 * DashboardCustomer triggers absent (install.ts drops and recreates them around it): first
 * sales are found once, then joined into the per-bucket counts.
 */
export function rebuildSql(z: ZoneModel): string[] {
  const b = bucketSql(z, `t."createdAt"`);
  return [
    `DELETE FROM "DashboardCustomer"`,
    `DELETE FROM "DashboardHour"`,
    `DELETE FROM "DashboardHourTotal"`,
    `DELETE FROM "DashboardDay"`,
    `DELETE FROM "DashboardStock"`,
    `INSERT INTO "DashboardCustomer" ("phoneNumber", "transactionId", "firstAt", "allocationId", "provider")
       SELECT "phoneNumber", "id", "createdAt", "allocationId", "provider" FROM (
         SELECT t."phoneNumber", t."id", t."createdAt", t."allocationId", t."provider",
                row_number() OVER (PARTITION BY t."phoneNumber" ORDER BY t."createdAt", t."id") AS n
         FROM "Transaction" t WHERE ${isSale("t")}) WHERE n = 1`,
    `INSERT INTO "DashboardHour" ("bucket", "allocationId", "provider", "sales", "revenueMinor", "refunds", "refundedMinor", "newCustomers")
       SELECT ${b} AS b, t."allocationId", t."provider", count(*), sum(t."amountMinor"), sum(${isRefunded("t")}), sum(t."refundedMinor"),
              sum(c."transactionId" IS NOT NULL)
       FROM "Transaction" t LEFT JOIN "DashboardCustomer" c ON c."phoneNumber" = t."phoneNumber" AND c."transactionId" = t."id"
       WHERE ${isSale("t")} GROUP BY b, t."allocationId", t."provider"`,
    `INSERT INTO "DashboardHourTotal" ("bucket", "sales", "revenueMinor", "refunds", "refundedMinor", "newCustomers")
       SELECT "bucket", sum("sales"), sum("revenueMinor"), sum("refunds"), sum("refundedMinor"), sum("newCustomers") FROM "DashboardHour" GROUP BY "bucket"`,
    `INSERT INTO "DashboardDay" ("day", "allocationId", "provider", "sales", "revenueMinor", "refunds", "refundedMinor", "newCustomers")
       SELECT ${daySql(`h."bucket"`)} AS d, h."allocationId", h."provider", sum(h."sales"), sum(h."revenueMinor"), sum(h."refunds"), sum(h."refundedMinor"), sum(h."newCustomers")
       FROM "DashboardHour" h GROUP BY d, h."allocationId", h."provider"`,
    `INSERT INTO "DashboardStock" ("allocationId", "state", "vouchers")
       SELECT t."allocationId", ${stockState("t")} AS s, count(*) FROM "Voucher" t GROUP BY t."allocationId", s`,
  ];
}

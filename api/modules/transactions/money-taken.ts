// What the totals and the cash-up count as money taken, and the currency they are in
// (no GraphQL here: the CSV exports reach it through index.ts).

/** Prices are in GHS (Allocation.currency defaults to it); the config has no currency setting. */
export const CURRENCY = "GHS";

/** A sale took money in these states (as the dashboard counts them); PENDING and FAILED took none. */
export const MONEY_TAKEN = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"] as const;
export const moneyTakenSql = (column = `"status"`) => `${column} IN (${MONEY_TAKEN.map((s) => `'${s}'`).join(", ")})`;

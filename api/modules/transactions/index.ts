// What other modules and app.ts may use of transactions (nothing here registers GraphQL types).
export { transactionsExportRoute } from "./export-route.js";
export { cashUpExportRoute } from "./cash-up-export.js";

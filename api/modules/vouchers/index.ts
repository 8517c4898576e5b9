// What other modules may use of vouchers (nothing here registers GraphQL types).
// Nothing yet: the module is reached through the schema only.
export {};
// The CLI's `vouchers import FILE` reads and inserts as importVouchers does.
export { readVoucherCsv } from "./csv.js";
export { insertVouchers } from "./insert.js";

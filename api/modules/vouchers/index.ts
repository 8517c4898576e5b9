// What other modules may use of vouchers (nothing here registers GraphQL types).
export { printedCardFor, cardUsername, type PrintedCard } from "./card.js";
// The CLI's `vouchers import FILE` reads and inserts as importVouchers does.
export { readVoucherCsv } from "./csv.js";
export { insertVouchers } from "./insert.js";

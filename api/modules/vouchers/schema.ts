// The vouchers module's GraphQL types; imported by api/schema.ts only.
import "./voucher.js";
import "./generate.js";
import "./import.js";
import "./print.js";
import "./stock.js";

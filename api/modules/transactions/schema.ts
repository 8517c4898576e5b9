// The transactions module's GraphQL types; imported by api/schema.ts only.
import "./transaction.js";
import "./transactions-query.js";
import "./app-info.js";
import "./totals.js";
import "./cash-up-query.js";

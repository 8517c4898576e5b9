// The refunds module's GraphQL types; imported by api/schema.ts only.
import "./refund.js";
import "./mutations.js";
import "./report-problem.js";
import "./summary.js";

// The refunds module's GraphQL types; imported by api/schema.ts only.
import "./refund.js";

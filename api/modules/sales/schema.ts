// The sales module's GraphQL types; imported by api/schema.ts only.
import "./purchase.js";
import "./confirm-payment.js";
import "./sell-printed.js";

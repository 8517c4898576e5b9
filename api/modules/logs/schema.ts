// The logs module's GraphQL types; imported by api/schema.ts only.
import "./log-entry.js";
import "./logs-query.js";
import "./subscriptions.js";

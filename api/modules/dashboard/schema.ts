// The dashboard module's GraphQL types; imported by api/schema.ts only.
import "./dashboard.js";

// The routers module's GraphQL types; imported by api/schema.ts only.
import "./router.js";

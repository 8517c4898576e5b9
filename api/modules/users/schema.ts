// The users module's GraphQL types; imported by api/schema.ts only.
import "./user.js";
import "./session.js";
import "./api-key.js";

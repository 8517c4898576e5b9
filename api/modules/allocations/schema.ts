// The allocations module's GraphQL types; imported by api/schema.ts only.
import "./allocation.js";

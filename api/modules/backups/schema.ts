// The backups module's GraphQL types; imported by api/schema.ts only.
import "./backup.js";
import "./progress.js";
import "./settings.js";

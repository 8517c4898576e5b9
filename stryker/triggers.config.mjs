import { strykerConfig } from "./base.mjs";

// The change stream's SQLite triggers: every write logged once, with its actor, in its transaction.
export default strykerConfig("triggers", ["api/events/triggers.ts"]);

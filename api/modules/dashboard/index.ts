// What other modules and app.ts may use of the dashboard (nothing here registers GraphQL types).
// Importing it registers the worker that closes its read connection on stop.
import { workers } from "../../core/extensions.js";
import { closeReader } from "./view.js";

export { installDashboard, rebuildDashboard, dropDashboardTriggers } from "./install.js";

workers.push({ name: "dashboard", start: (services) => ({ stop: async () => closeReader(services) }) });

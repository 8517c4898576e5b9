// What other modules and app.ts may use of the dashboard (nothing here registers GraphQL types).
export { installDashboard, rebuildDashboard, dropDashboardTriggers } from "./install.js";

// What other modules and app.ts may use of the dashboard (nothing here registers GraphQL types).
export { shopDayStart, addLocalDays } from "./calendar.js";
export { installDashboard, rebuildDashboard, dropDashboardTriggers } from "./install.js";

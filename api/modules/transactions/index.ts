// What other modules may use of transactions (nothing here registers GraphQL types).
// Importing it registers the CSV export route (core/extensions.ts); app.ts does.
import "./export-route.js";

// What other modules may use of sales (nothing here registers GraphQL types).
// Importing it registers the payment webhook route and the reconciler worker
// (core/extensions.ts); app.ts does.
import "./webhook.js";
import "./reconciler.js";

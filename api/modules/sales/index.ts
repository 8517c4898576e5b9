// What other modules and app.ts may use of sales (nothing here registers GraphQL types).
export { paymentWebhookRoute } from "./webhook.js";
export { reconcilerWorker } from "./reconciler.js";

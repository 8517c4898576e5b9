// What other modules and app.ts may use of notifications (nothing here registers GraphQL types).
export { saleNotifications, refundNotification, type RefundFacts } from "./messages.js";
export { nudgeOutbox, outboxWorker } from "./outbox.js";

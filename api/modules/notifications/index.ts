// What other modules and app.ts may use of notifications (nothing here registers GraphQL types).
export { saleNotifications, refundNotification, type RefundFacts, type SaleFacts } from "./messages.js";
export { nudgeOutbox, outboxDelivery, OUTBOX_DELIVER } from "./outbox.js";

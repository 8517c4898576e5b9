// What other modules may use of notifications (nothing here registers GraphQL types).
// Importing it also registers the outbox worker (core/extensions.ts).
export { saleNotifications } from "./messages.js";
export { nudgeOutbox } from "./outbox.js";

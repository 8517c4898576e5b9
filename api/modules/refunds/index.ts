// What other modules may use of refunds (nothing here registers GraphQL types).
// Nothing yet: refunds are read through the schema only.
export {};

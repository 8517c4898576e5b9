// What other modules may use of allocations (nothing here registers GraphQL types).
// Nothing yet: the module is reached through the schema only.
export {};

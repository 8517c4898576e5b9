// What other modules may use of routers (nothing here registers GraphQL types).
// Nothing yet: routers are read through the schema only.
export {};

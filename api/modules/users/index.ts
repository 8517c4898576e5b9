// What other modules may use of users (nothing here registers GraphQL types).
// Nothing yet: sessions and API keys are checked by core/auth.ts.
export {};

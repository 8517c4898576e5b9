// The restore module's GraphQL types: none served yet (see README.md); imported by api/schema.ts only.
export {};

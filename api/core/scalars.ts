import { GraphQLError } from "graphql";
import { builder } from "./builder.js";
import { badInput } from "./errors.js";
import { UPLOAD_TOKEN, UploadRef } from "./uploads.js";

builder.scalarType("DateTime", {
  description: "ISO 8601 date-time in UTC, e.g. 2026-11-26T10:00:00.000Z.",
  serialize: (value) => {
    const d = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(d.getTime())) throw new GraphQLError("DateTime cannot represent an invalid date");
    return d.toISOString();
  },
  parseValue: (value) => {
    if (typeof value !== "string" && typeof value !== "number") throw badInput("DateTime must be an ISO 8601 string");
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) throw badInput(`"${value}" is not a valid ISO 8601 date-time`);
    return d;
  },
});

builder.scalarType("JSON", {
  description: "Any JSON value.",
  serialize: (value) => value,
  parseValue: (value) => value,
});

builder.scalarType("File", {
  description: "An uploaded file (GraphQL multipart request).",
  serialize: () => {
    throw new GraphQLError("File is an input-only scalar");
  },
  // Uploads arrive as a token standing for the file on disk (core/uploads.ts); the resolver
  // takes the file from its own request's context, so a token means nothing elsewhere.
  parseValue: (value) => {
    if (typeof value === "string" && UPLOAD_TOKEN.test(value)) return new UploadRef(value);
    throw badInput("Expected an uploaded file: send the request as multipart/form-data (GraphQL multipart request spec)");
  },
});

// The Pothos builder and its type parameters. Types live in api/modules/*.
import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin, { decodeGlobalID } from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import AuthFirstPlugin, { setScopeSource } from "./auth-first-plugin.js";
import type PrismaTypes from "../db/generated/pothos-types.js";
import type { User, Voucher } from "../db/generated/client.js";
import { getDatamodel } from "../db/generated/pothos-types.js";
import type { Context } from "./context.js";
import { roleAtLeast } from "./roles.js";
import { AppError, ErrorCode, forbidden, unauthenticated } from "./errors.js";
import type { UploadRef } from "./uploads.js";

/** Node types an anonymous caller may fetch by id: the bundles on /buy. */
const PUBLIC_NODE_TYPES = new Set(["Allocation"]);

function isPublicNodeId(id: unknown): boolean {
  try {
    // The relay plugin may already have parsed the argument into { typename, id }.
    const typename = typeof id === "object" && id !== null ? (id as { typename?: unknown }).typename : decodeGlobalID(String(id)).typename;
    return typeof typename === "string" && PUBLIC_NODE_TYPES.has(typename);
  } catch {
    return false;
  }
}

export type Scopes = {
  public: boolean;
  authenticated: boolean;
  staff: boolean;
  manager: boolean;
  admin: boolean;
  user: boolean;
};

function scopesOf(ctx: Context): Scopes {
  return {
    public: true,
    authenticated: ctx.viewer !== null,
    user: ctx.viewer?.userId !== undefined,
    staff: roleAtLeast(ctx.viewer?.role, "STAFF"),
    manager: roleAtLeast(ctx.viewer?.role, "MANAGER"),
    admin: roleAtLeast(ctx.viewer?.role, "ADMIN"),
  };
}

setScopeSource((ctx) => scopesOf(ctx as Context));

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: Scopes;
  // Object types one module's fields return and another module defines, referred to by
  // name ({ type: "User" }) so that no module imports another's schema files.
  Objects: { User: User; Voucher: Voucher };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    File: { Input: UploadRef; Output: never };
  };
}>({
  // AuthFirst before Validation: config hooks run last-to-first, so it sees the validator
  // mapper and puts the access check in front of it.
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, AuthFirstPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    // Anonymous callers reach by id only the public catalogue; any other id is refused
    // the same way whether or not it exists.
    nodeQueryOptions: { authScopes: (_p, args, ctx) => ctx.viewer !== null || isPublicNodeId(args.id) },
    nodesQueryOptions: false,
  },
  scopeAuth: {
    authScopes: async (ctx) => scopesOf(ctx),
    // Anonymous callers are told to log in; logged-in ones that lack the role are refused.
    unauthorizedError: (_parent, ctx) => (ctx.viewer ? forbidden() : unauthenticated()),
    // Refuse a subscription when it starts, not silently on each event.
    authorizeOnSubscribe: true,
    // A type's scopes run when a value of that type is resolved, so node(id) and every
    // relation answer null with one error instead of a typed shell: a stranger learns
    // neither that the id exists nor what it is.
    runScopesOnType: true,
  },
  validation: {
    validationError: (failure) => {
      const first = failure.issues[0];
      const field = first?.path?.map((p) => (typeof p === "object" ? String(p.key) : String(p))).join(".");
      const message = failure.issues.map((i) => i.message).join("; ");
      return new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
    },
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

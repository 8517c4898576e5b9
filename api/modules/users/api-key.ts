import { z } from "zod";
import { builder } from "../../core/builder.js";
import { AuthService, sha256 } from "../../core/auth.js";
import { badInput, notFound } from "../../core/errors.js";
import { RoleEnum } from "../common/roles.js";
import { idOf } from "../common/ids.js";

export const ApiKey = builder.prismaNode("ApiKey", {
  id: { field: "id" },
  authScopes: { admin: true },
  description: "A credential for partner apps (header X-Api-Key). Only its prefix is kept readable.",
  fields: (t) => ({
    name: t.exposeString("name"),
    role: t.expose("role", { type: RoleEnum }),
    prefix: t.exposeString("prefix", { description: "The key's first characters, to tell keys apart." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
    createdBy: t.relation("createdBy", { nullable: true }),
  }),
});

const CreateApiKeyInput = builder.inputType("CreateApiKeyInput", {
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().trim().min(1, "Name the key").max(64, "Name is too long") }),
    role: t.field({ type: RoleEnum, required: true }),
  }),
});

const CreateApiKeyPayload = builder.objectRef<{ key: string; id: string }>("CreateApiKeyPayload").implement({
  fields: (t) => ({
    key: t.exposeString("key", { description: "The key itself. Shown once: store it now." }),
    apiKey: t.prismaField({
      type: "ApiKey",
      resolve: (query, p, _a, ctx) => ctx.prisma.apiKey.findUniqueOrThrow({ ...query, where: { id: p.id } }),
    }),
  }),
});

builder.queryFields((t) => ({
  apiKeys: t.prismaField({
    type: ["ApiKey"],
    authScopes: { admin: true },
    resolve: (query, _r, _a, ctx) => ctx.prisma.apiKey.findMany({ ...query, orderBy: { createdAt: "desc" } }),
  }),
}));

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreateApiKeyPayload,
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const name = input.name.trim();
      if (await ctx.prisma.apiKey.findUnique({ where: { name } })) throw badInput(`An API key named "${name}" exists`, "name");
      const { key, prefix } = AuthService.newApiKey();
      const row = await ctx.prisma.apiKey.create({
        data: { name, role: input.role, keyHash: sha256(key), prefix, createdById: ctx.viewer?.userId ?? null },
      });
      return { key, id: row.id };
    },
  }),
  revokeApiKey: t.prismaField({
    type: "ApiKey",
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const id = idOf(String(args.id), "ApiKey");
      const key = await ctx.prisma.apiKey.findUnique({ where: { id } });
      if (!key) throw notFound("API key");
      if (key.revokedAt) return ctx.prisma.apiKey.findUniqueOrThrow({ ...query, where: { id } });
      return ctx.prisma.apiKey.update({ ...query, where: { id }, data: { revokedAt: new Date() } });
    },
  }),
}));

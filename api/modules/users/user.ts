import { z } from "zod";
import { builder } from "../../core/builder.js";
import { badInput, conflict, notFound } from "../../core/errors.js";
import { hashPassword } from "../../core/passwords.js";
import { RoleEnum } from "../common/roles.js";
import { idOf } from "../common/ids.js";
import { normalizePhone } from "../common/phone.js";

const contactScopes = (user: { id: string }, _args: unknown, ctx: { viewer: { userId?: string | null } | null }) =>
  ctx.viewer?.userId === user.id ? true : { admin: true };

export const User = builder.prismaNode("User", {
  id: { field: "id" },
  // Staff accounts are visible to signed-in callers only; login's own payload is the
  // exception (the caller is not signed in yet within that request).
  authScopes: (user, ctx) => ctx.viewer !== null || ctx.grantedUserId === user.id,
  fields: (t) => ({
    username: t.exposeString("username"),
    // Contact details follow the `users` list's rule wherever a User is reached (node, a log
    // entry's actor, a refund's requester): admins and the user themselves; null for others.
    email: t.exposeString("email", { nullable: true, authScopes: contactScopes, unauthorizedResolver: () => null, description: "Admins and the user themselves; null for others." }),
    phoneNumber: t.exposeString("phoneNumber", { nullable: true, authScopes: contactScopes, unauthorizedResolver: () => null, description: "Admins and the user themselves; null for others." }),
    role: t.expose("role", { type: RoleEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const username = z
  .string()
  .trim()
  .min(3, "Username must be at least 3 characters")
  .max(32, "Username must be at most 32 characters")
  .regex(/^[a-zA-Z0-9._-]+$/, "Username may contain letters, digits, '.', '_' and '-' only");
const password = z.string().min(8, "Password must be at least 8 characters").max(200, "Password is too long");

const CreateUserInput = builder.inputType("CreateUserInput", {
  fields: (t) => ({
    username: t.string({ required: true, validate: username }),
    password: t.string({ required: true, validate: password }),
    role: t.field({ type: RoleEnum, required: true }),
    email: t.string({ validate: z.string().trim().email("Enter a valid email address").max(200) }),
    phoneNumber: t.string(),
  }),
});

builder.queryFields((t) => ({
  users: t.prismaField({
    type: ["User"],
    description: "Every staff account (admins only).",
    authScopes: { admin: true },
    resolve: (query, _root, _args, ctx) => ctx.prisma.user.findMany({ ...query, orderBy: { username: "asc" } }),
  }),
}));

builder.mutationFields((t) => ({
  createUser: t.prismaField({
    type: "User",
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const phone = input.phoneNumber ? normalizePhone(input.phoneNumber) : null;
      const name = input.username.trim();
      if (await ctx.prisma.user.findUnique({ where: { username: name } })) {
        throw badInput(`The username "${name}" is taken`, "username");
      }
      return ctx.prisma.user.create({
        ...query,
        data: {
          username: name,
          role: input.role,
          email: input.email?.trim() || null,
          phoneNumber: phone?.number ?? null,
          passwordHash: await hashPassword(input.password),
        },
      });
    },
  }),
  deleteUser: t.id({
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = idOf(String(args.id), "User");
      if (id === ctx.viewer?.userId) throw conflict("You cannot delete your own account", "self");
      return ctx.prisma.$transaction(async (tx) => {
        const user = await tx.user.findUnique({ where: { id } });
        if (!user) throw notFound("User");
        if (user.role === "ADMIN" && (await tx.user.count({ where: { role: "ADMIN" } })) === 1) {
          throw conflict("This is the last admin; create another admin first", "last-admin");
        }
        await tx.user.delete({ where: { id } });
        return String(args.id);
      });
    },
  }),
}));

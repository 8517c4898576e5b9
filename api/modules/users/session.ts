import { builder } from "../../core/builder.js";
import { runInScope } from "../../db/request-context.js";
import { AppError, ErrorCode, unauthenticated } from "../../core/errors.js";
import { verifyPassword, dummyHash } from "../../core/passwords.js";
import { User } from "./user.js";

type AuthPayloadShape = { token: string; userId: string };

const AuthPayload = builder.objectRef<AuthPayloadShape>("AuthPayload").implement({
  fields: (t) => ({
    token: t.exposeString("token", { description: "Bearer token for the Authorization header; also set as an httpOnly cookie." }),
    user: t.prismaField({
      type: "User",
      resolve: (query, p, _args, ctx) => ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: p.userId } }),
    }),
  }),
});

builder.queryFields((t) => ({
  me: t.prismaField({
    type: "User",
    nullable: true,
    description: "The logged-in user; null when anonymous or authenticated by API key.",
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer?.userId ? ctx.prisma.user.findUnique({ ...query, where: { id: ctx.viewer.userId } }) : null,
  }),
}));

builder.mutationFields((t) => ({
  login: t.field({
    type: AuthPayload,
    args: {
      username: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: async (_root, { username, password }, ctx) => {
      const { auth, loginThrottle, log } = ctx.services;
      const name = username.trim();
      // Counted before the password is checked: parallel guesses cannot outrun the lock.
      const attempt = await loginThrottle.attempt(name, ctx.clientIp);
      if (attempt.refused) {
        const wait = attempt.retryAfter;
        log.write({ kind: "AUTH", level: "WARN", message: "Login refused: locked after repeated failures", data: { ip: ctx.clientIp, retryAfter: wait } });
        throw new AppError(ErrorCode.UNAUTHENTICATED, `Too many failed attempts: try again in ${wait} seconds`, { retryAfter: wait });
      }
      const user = await ctx.prisma.user.findUnique({ where: { username: name } });
      const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash);
      if (!user || !ok) {
        // An unknown username is often a password typed in the wrong box: it is not stored.
        if (user) log.write({ kind: "AUTH", level: "WARN", message: `Login failed for ${user.username}`, model: "User", recordId: user.id, data: { username: user.username, ip: ctx.clientIp } });
        else log.write({ kind: "AUTH", level: "WARN", message: "Login failed for an unknown username", data: { usernameLength: name.length, ip: ctx.clientIp } });
        throw unauthenticated("Wrong username or password");
      }
      await attempt.succeeded();
      // The session row is written by the user logging in, not by "anonymous".
      const session = await runInScope({ actor: { kind: "user", userId: user.id, username: user.username, role: user.role }, requestId: ctx.requestId }, () =>
        auth.createSession(user.id),
      );
      ctx.grantedUserId = user.id;
      ctx.responseCookies.push(auth.sessionCookie(session.token, session.expiresAt, ctx.secure || ctx.services.config.env === "production"));
      log.write({
        kind: "AUTH",
        message: `${user.username} logged in`,
        actor: { kind: "user", userId: user.id, username: user.username, role: user.role },
        model: "User",
        recordId: user.id,
        data: { ip: ctx.clientIp, sessionId: session.sessionId },
      });
      return { token: session.token, userId: user.id };
    },
  }),
  logout: t.boolean({
    description: "Ends the current session (the token stops working) and clears the cookie.",
    resolve: async (_root, _args, ctx) => {
      ctx.responseCookies.push(ctx.services.auth.clearCookie());
      if (!ctx.viewer?.sessionId) return false;
      await ctx.services.auth.revokeSession(ctx.viewer.sessionId);
      ctx.services.log.write({ kind: "AUTH", message: `${ctx.viewer.username} logged out`, model: "User", recordId: ctx.viewer.userId });
      return true;
    },
  }),
}));

export { User };

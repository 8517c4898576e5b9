// Routers as stored. Adding, removing and checking them over the RouterOS API belongs to
// the routers module's driver work; this is the read side other types link to.
import { RouterStatus } from "../../db/generated/enums.js";
import { enumFromPrisma } from "../common/enums.js";
import { builder } from "../../core/builder.js";

export const RouterStatusEnum = enumFromPrisma("RouterStatus", RouterStatus);

export const Router = builder.prismaNode("Router", {
  id: { field: "id" },
  description: "A MikroTik router reached over the RouterOS API.",
  authScopes: { staff: true },
  fields: (t) => ({
    name: t.exposeString("name"),
    host: t.exposeString("host"),
    port: t.exposeInt("port"),
    tls: t.exposeBoolean("tls"),
    username: t.exposeString("username"),
    hotspotServer: t.exposeString("hotspotServer", { nullable: true }),
    isDefault: t.exposeBoolean("isDefault", { description: "Vouchers generated without a router go to this one." }),
    status: t.expose("status", { type: RouterStatusEnum }),
    lastSeenAt: t.expose("lastSeenAt", { type: "DateTime", nullable: true }),
    lastError: t.exposeString("lastError", { nullable: true }),
    identity: t.exposeString("identity", { nullable: true }),
    version: t.exposeString("version", { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  routers: t.prismaField({
    type: ["Router"],
    description: "Every configured router, the default first (staff).",
    authScopes: { staff: true },
    resolve: (query, _r, _a, ctx) => ctx.prisma.router.findMany({ ...query, orderBy: [{ isDefault: "desc" }, { name: "asc" }] }),
  }),
}));

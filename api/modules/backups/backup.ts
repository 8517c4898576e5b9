// The Backup type, the `backups` list and the createBackup / deleteBackup mutations.
// Who: managers and admins list, make and download backups (a backup is an export of
// everything); only admins delete them (DOMAIN.md: admins own backups and restores).
import { BackupStatus, BackupTrigger } from "../../db/generated/enums.js";
import { enumFromPrisma } from "../common/enums.js";
import { builder } from "../../core/builder.js";
import { idOf } from "../common/ids.js";
import { takeBackup, removeBackup } from "./run.js";
import { downloadPath } from "./download-route.js";
import type { TableCount } from "./html-format.js";
import { TableCountType } from "../common/table-count.js";
import { BackupFormatEnum } from "../common/backup-format.js";

export { BackupFormatEnum };

export const BackupTriggerEnum = enumFromPrisma("BackupTrigger", BackupTrigger);
export const BackupStatusEnum = enumFromPrisma("BackupStatus", BackupStatus);


const tablesOf = (json: string): TableCount[] => {
  try {
    return JSON.parse(json) as TableCount[];
  } catch {
    return [];
  }
};

export const Backup = builder.prismaNode("Backup", {
  id: { field: "id" },
  description: "A full copy of the data in one file under BACKUP_DIR.",
  authScopes: { manager: true },
  fields: (t) => ({
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true }),
    format: t.expose("format", { type: BackupFormatEnum }),
    trigger: t.expose("trigger", { type: BackupTriggerEnum }),
    status: t.expose("status", { type: BackupStatusEnum }),
    fileName: t.exposeString("fileName"),
    sizeBytes: t.exposeFloat("sizeBytes"),
    sha256: t.exposeString("sha256", { description: "SHA-256 of the file, hex." }),
    sequence: t.exposeInt("sequence", { description: "Last change sequence this backup contains." }),
    tables: t.field({ type: [TableCountType], select: { tables: true }, resolve: (b) => tablesOf(b.tables) }),
    rows: t.int({ description: "Rows in all tables.", select: { tables: true }, resolve: (b) => tablesOf(b.tables).reduce((n, c) => n + c.rows, 0) }),
    downloadUrl: t.string({ description: "Authenticated HTTP path to download the file.", select: { id: true }, resolve: (b) => downloadPath(b.id) }),
  }),
});

builder.queryFields((t) => ({
  backups: t.prismaConnection(
    {
      type: "Backup",
      cursor: "id",
      description: "Finished backups, newest first (managers).",
      authScopes: { manager: true },
      totalCount: (_c, _a, ctx) => ctx.prisma.backup.count({ where: { status: "DONE" } }),
      resolve: (query, _r, _a, ctx) => ctx.prisma.backup.findMany({ ...query, where: { status: "DONE" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    },
    { name: "BackupConnection" },
    { name: "BackupEdge" },
  ),
}));

builder.mutationFields((t) => ({
  createBackup: t.prismaField({
    type: "Backup",
    description: "Take a full backup now, without stopping writes; answers when the file is complete (progress: backupProgress).",
    authScopes: { manager: true },
    args: { format: t.arg({ type: BackupFormatEnum, defaultValue: "SQLITE" }) },
    resolve: async (query, _r, args, ctx) => {
      const row = await takeBackup(ctx.services, args.format ?? "SQLITE", "MANUAL", ctx.actor);
      return ctx.prisma.backup.findUniqueOrThrow({ ...query, where: { id: row.id } });
    },
  }),
  deleteBackup: t.id({
    description: "Delete a backup file and its row (admins).",
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      await removeBackup(ctx.services, idOf(String(args.id), "Backup"), ctx.actor);
      return String(args.id);
    },
  }),
}));

// The restore module's GraphQL surface; imported by api/schema.ts only. Admins only: a
// restore replaces everything (DOMAIN.md: admins own backups and restores), and the deleted
// rows hold every past value of every table.
import { builder } from "../../core/builder.js";
import { AppError, ErrorCode, badInput } from "../../core/errors.js";
import type { Context } from "../../core/context.js";
import type { UploadRef } from "../../core/uploads.js";
import { idOf } from "../common/ids.js";
import { TableCountType } from "../common/table-count.js";
import { backupPath } from "../backups/index.js";
import { BackupFormatEnum } from "../common/backup-format.js";
import type { BackupReport, TableDiff } from "./candidate.js";
import { deletedRowsPage, restoreDeletedRow, type DeletedRow } from "./deleted.js";
import { restoreBackupFile, restoreBackupToPoint, validateBackupFile, type RestoreOutcome, type RestoreWho } from "./restore.js";

const TableDiffType = builder.objectRef<TableDiff>("TableDiff").implement({
  description: "One table: rows in the backup beside rows now.",
  fields: (t) => ({
    table: t.exposeString("table"),
    rows: t.exposeInt("rows", { description: "Rows in the backup." }),
    currentRows: t.exposeInt("currentRows", { description: "Rows in that table now." }),
  }),
});

const BackupReportType = builder.objectRef<BackupReport>("BackupReport").implement({
  description: "What a backup file holds, every check passed (validateBackup: the dry run).",
  fields: (t) => ({
    format: t.field({ type: BackupFormatEnum, resolve: (r) => r.format }),
    sizeBytes: t.exposeFloat("sizeBytes"),
    migration: t.exposeString("migration", { description: "The schema (migration) the backup was taken at." }),
    migratedForward: t.exposeBoolean("migratedForward", { description: "True when the backup is older than this version and is migrated forward on restore." }),
    sequence: t.exposeInt("sequence", { description: "The last change the backup holds." }),
    takenAt: t.string({ nullable: true, description: "When the backup's last change was made (ISO time), when known.", resolve: (r) => r.takenAt }),
    tables: t.field({ type: [TableDiffType], resolve: (r) => r.tables }),
    rows: t.int({ description: "Rows in all tables of the backup.", resolve: (r) => r.tables.reduce((n, d) => n + d.rows, 0) }),
  }),
});

const RestoreResultType = builder.objectRef<RestoreOutcome>("RestoreResult").implement({
  description: "A finished restore.",
  fields: (t) => ({
    safetyBackup: t.prismaField({
      type: "Backup",
      description: "The safety backup taken just before the restore.",
      resolve: (query, r, _a, ctx) => ctx.prisma.backup.findUniqueOrThrow({ ...query, where: { id: r.safetyBackup.id } }),
    }),
    tables: t.field({ type: [TableCountType], resolve: (r) => r.tables }),
    restoredAt: t.field({ type: "DateTime", resolve: (r) => r.restoredAt }),
    sequence: t.exposeInt("sequence", { description: "The BACKUP log entry that records this restore." }),
    replayed: t.exposeInt("replayed", { description: "Journal changes applied after the backup (point in time)." }),
    report: t.field({ type: BackupReportType, resolve: (r) => r.report }),
  }),
});

const DeletedRowType = builder.objectRef<DeletedRow>("DeletedRow").implement({
  description: "A row that was deleted and is not back, with its last values (secrets hidden).",
  fields: (t) => ({
    sequence: t.exposeInt("sequence", { description: "The DELETE log entry." }),
    model: t.exposeString("model"),
    recordId: t.exposeString("recordId"),
    deletedAt: t.string({ description: "ISO time of the delete.", resolve: (r) => r.deletedAt }),
    actorLabel: t.exposeString("actorLabel", { nullable: true, description: "Who deleted it." }),
    values: t.field({ type: "JSON", resolve: (r) => r.values }),
  }),
});

const DeletedRowsPage = builder.objectRef<{ rows: DeletedRow[]; hasMore: boolean }>("DeletedRowPage").implement({
  fields: (t) => ({
    nodes: t.field({ type: [DeletedRowType], resolve: (p) => p.rows }),
    hasMore: t.exposeBoolean("hasMore"),
    endCursor: t.string({ nullable: true, description: "Pass as `after` for the next page.", resolve: (p) => (p.rows.length ? String(p.rows.at(-1)!.sequence) : null) }),
  }),
});

function who(ctx: Context): RestoreWho {
  return { actor: ctx.actor, requestId: ctx.requestId, origin: ctx.services.origin, sessionId: ctx.viewer?.sessionId ?? null };
}

/** The file an upload token stands for, in this request only. */
function uploaded(ctx: Context, ref: UploadRef): { path: string; name: string } {
  const file = ctx.uploads?.get(ref.token);
  if (!file) throw badInput("The file did not come with this request: send it as multipart/form-data", "file");
  if (file.size === 0) throw badInput("The uploaded file is empty", "file");
  return file;
}

/** Exactly one source: an uploaded file or a listed backup. */
async function sourceOf(ctx: Context, args: { file?: UploadRef | null; backupId?: string | number | null }): Promise<{ path: string; label: string }> {
  if ((args.file == null) === (args.backupId == null)) throw badInput("Give either a file or a backupId", "file");
  if (args.file) {
    const f = uploaded(ctx, args.file);
    return { path: f.path, label: `the uploaded file ${f.name}` };
  }
  const b = await listed(ctx, String(args.backupId));
  return { path: backupPath(ctx.services.config.backups.dir, b.fileName), label: `the ${b.format} backup of ${b.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC` };
}

async function listed(ctx: Context, id: string) {
  const b = await ctx.prisma.backup.findUnique({ where: { id: idOf(id, "Backup") } });
  if (!b) throw new AppError(ErrorCode.NOT_FOUND, "No backup with that id", { field: "backupId" });
  if (b.status !== "DONE") throw badInput("That backup did not finish: pick a finished one", "backupId");
  return b;
}

builder.queryFields((t) => ({
  deletedRows: t.field({
    type: DeletedRowsPage,
    description: "Deleted rows that can be brought back, newest first (admins).",
    authScopes: { admin: true },
    args: {
      model: t.arg.string({ required: false, description: "Only this table, e.g. Voucher." }),
      first: t.arg.int({ required: false, defaultValue: 50 }),
      after: t.arg.string({ required: false, description: "endCursor of the previous page." }),
    },
    resolve: (_r, args, ctx) => {
      const first = args.first ?? 50;
      if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput("first must be between 1 and 200", "first");
      if (args.after != null && !/^\d{1,15}$/.test(args.after)) throw badInput("after must be an endCursor from a previous page", "after");
      return deletedRowsPage(ctx.services, { model: args.model, before: args.after != null ? Number(args.after) : null, first });
    },
  }),
}));

builder.mutationFields((t) => ({
  validateBackup: t.field({
    type: BackupReportType,
    description: "Check a backup in full without restoring it: what it holds and how it differs from now (admins).",
    authScopes: { admin: true },
    args: {
      file: t.arg({ type: "File", required: false, description: "A backup file (SQLITE or HTML), uploaded." }),
      backupId: t.arg.id({ required: false, description: "Or a backup from the list." }),
    },
    resolve: async (_r, args, ctx) => validateBackupFile(ctx.services, (await sourceOf(ctx, args)).path),
  }),
  restoreBackup: t.field({
    type: RestoreResultType,
    description: "Replace the database with a backup file, atomically; a safety backup is taken first.",
    authScopes: { admin: true },
    args: { file: t.arg({ type: "File", required: true }) },
    resolve: (_r, args, ctx) => {
      const f = uploaded(ctx, args.file);
      return restoreBackupFile(ctx.services, f.path, `the uploaded file ${f.name}`, who(ctx));
    },
  }),
  restoreToPoint: t.field({
    type: RestoreResultType,
    description: "Restore a listed backup, and with a change number or time, the journal after it up to that point (admins). Without either, the backup as it is.",
    authScopes: { admin: true },
    args: {
      backupId: t.arg.id({ required: true }),
      sequence: t.arg.int({ required: false, description: "The last change to keep." }),
      at: t.arg({ type: "DateTime", required: false, description: "Or: the last change at or before this time." }),
    },
    resolve: async (_r, args, ctx) => {
      const b = await listed(ctx, String(args.backupId));
      if (args.sequence == null && args.at == null) {
        const s = await sourceOf(ctx, { backupId: String(args.backupId) });
        return restoreBackupFile(ctx.services, s.path, s.label, who(ctx));
      }
      return restoreBackupToPoint(ctx.services, b, { sequence: args.sequence, at: args.at }, who(ctx));
    },
  }),
  restoreDeleted: t.prismaField({
    type: "LogEntry",
    description: "Bring back a deleted row with its last values; the answer is the CREATE entry it wrote (admins).",
    authScopes: { admin: true },
    args: { model: t.arg.string({ required: true }), recordId: t.arg.string({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const sequence = await restoreDeletedRow(ctx.services, args.model, args.recordId, ctx.actor);
      return ctx.prisma.logEntry.findUniqueOrThrow({ ...query, where: { sequence } });
    },
  }),
}));

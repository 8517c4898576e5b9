// backupProgress: every change of a Backup row (created RUNNING, its progress, DONE or
// FAILED) as it is committed, read from the one change stream, so it reaches every
// replica's subscribers like any other change.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../core/builder.js";
import { whileAuthorized } from "../../core/live-auth.js";
import type { LogRecord } from "../../events/types.js";
import type { StreamFilter } from "../../events/hub.js";
import { BackupFormatEnum, BackupStatusEnum, BackupTriggerEnum } from "./backup.js";

type Row = { id: string; format: "SQLITE" | "HTML"; trigger: "TRANSACTION" | "MANUAL" | "SCHEDULED" | "PRE_RESTORE"; status: "RUNNING" | "DONE" | "FAILED"; done: number; total: number; error: string | null; sequence: number };
type Progress = Row & { at: Date };

const filter: StreamFilter = {
  where: [`+kind IN ('CREATE', 'UPDATE')`, `+model = 'Backup'`],
  match: (r) => (r.kind === "CREATE" || r.kind === "UPDATE") && r.model === "Backup",
};

function progressOf(r: LogRecord): Progress | null {
  try {
    const after = (JSON.parse(r.data ?? "{}") as { after?: Row }).after;
    return after ? { ...after, at: r.at } : null;
  } catch {
    return null;
  }
}

const BackupProgress = builder.objectRef<Progress>("BackupProgress").implement({
  description: "Where a backup is: RUNNING with done of total units (pages or rows), then DONE or FAILED.",
  fields: (t) => ({
    backupId: t.id({ description: "The Backup's global id.", resolve: (p) => encodeGlobalID("Backup", p.id) }),
    format: t.field({ type: BackupFormatEnum, resolve: (p) => p.format }),
    trigger: t.field({ type: BackupTriggerEnum, resolve: (p) => p.trigger }),
    status: t.field({ type: BackupStatusEnum, resolve: (p) => p.status }),
    done: t.exposeInt("done"),
    total: t.exposeInt("total"),
    fraction: t.float({ description: "0 to 1.", resolve: (p) => (p.status === "DONE" ? 1 : p.total > 0 ? Math.min(1, p.done / p.total) : 0) }),
    error: t.exposeString("error", { nullable: true }),
    at: t.field({ type: "DateTime", resolve: (p) => p.at }),
  }),
});

builder.subscriptionFields((t) => ({
  backupProgress: t.field({
    type: BackupProgress,
    description: "Progress of every backup being made (managers).",
    authScopes: { manager: true },
    args: { since: t.arg.int({ description: "Resume: first every backup change after this log sequence, then live ones." }) },
    subscribe: async function* (_r, args, ctx) {
      for await (const r of whileAuthorized(ctx, ctx.services.hub.stream(filter, args.since))) {
        const p = progressOf(r);
        if (p) yield p;
      }
    },
    resolve: (p) => p,
  }),
}));

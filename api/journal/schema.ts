// journalStatus: the backup journal's state for the Backups page (admins and managers).
import { builder } from "../core/builder.js";
import type { JournalStatus } from "./writer.js";

const JournalStatusRef = builder.objectRef<JournalStatus>("JournalStatus").implement({
  description: "The backup journal: every change, on the backup disk before the API answers.",
  fields: (t) => ({
    enabled: t.exposeBoolean("enabled"),
    healthy: t.exposeBoolean("healthy", { description: "False while writes are refused because the journal cannot be written." }),
    error: t.exposeString("error", { nullable: true, description: "Why the journal cannot be written, while it cannot." }),
    errorSince: t.field({ type: "DateTime", nullable: true, resolve: (s) => s.errorSince }),
    directory: t.exposeString("directory", { description: "Where the segments are (BACKUP_DIR/journal)." }),
    lastSequence: t.exposeInt("lastSequence", { description: "The last log sequence on the journal's disk." }),
    logSequence: t.exposeInt("logSequence", { description: "The last log sequence committed in the database." }),
    lag: t.exposeInt("lag", { description: "Entries committed but not yet journaled (background writes are picked up within a second)." }),
    segments: t.exposeInt("segments", { nullable: true }),
    bytes: t.exposeFloat("bytes", { nullable: true }),
    diskFreeBytes: t.exposeFloat("diskFreeBytes", { nullable: true, description: "Free space on the backup disk." }),
    flushes: t.exposeInt("flushes", { description: "fdatasyncs since start (concurrent writes share one)." }),
    repairs: t.exposeInt("repairs", { description: "Torn tails cut off and rewritten from the log since start." }),
    lastFlushAt: t.field({ type: "DateTime", nullable: true, resolve: (s) => s.lastFlushAt }),
    headHash: t.exposeString("headHash", { nullable: true, description: "Checksum of the last frame; a verifier holding it can prove nothing before it was altered." }),
  }),
});

builder.queryField("journalStatus", (t) =>
  t.field({
    type: JournalStatusRef,
    authScopes: { manager: true },
    resolve: (_r, _a, ctx) => ctx.services.journal.status(),
  }),
);

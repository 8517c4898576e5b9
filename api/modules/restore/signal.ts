// After a restore every live subscriber holds data that is no longer true: each replica ends
// its WebSocket connections with RESTORED_CLOSE, and the UI, seeing that code, reconnects and
// refetches everything. Read from the change stream (the restore's BACKUP entry), so a
// restore on one replica reaches the subscribers of all of them.
import type { EventHub } from "../../events/hub.js";

export const RESTORED_CLOSE = { code: 4205, reason: "Data restored from a backup: reconnect and refetch" } as const;

export function isRestoreEntry(r: { kind: string; data: string | null }): boolean {
  if (r.kind !== "BACKUP" || !r.data) return false;
  try {
    return (JSON.parse(r.data) as { restored?: unknown }).restored === true;
  } catch {
    return false;
  }
}

/** Calls `onRestore` for every restore committed from now on; `stop()` ends the watch. */
export function watchRestores(hub: EventHub, onRestore: (sequence: number) => void): { stop(): Promise<void> } {
  const stream = hub.stream({ where: [`kind = 'BACKUP'`], match: (r) => r.kind === "BACKUP" });
  const done = (async () => {
    for await (const r of stream) if (isRestoreEntry(r)) onRestore(r.sequence);
  })().catch(() => {});
  return {
    async stop() {
      await stream.return?.();
      await done;
    },
  };
}

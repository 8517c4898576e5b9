// Which requests wrote to the database: the change triggers call cz_ctx('origin') once per
// row they log (db/client.ts), which marks the tracker of the async context they run in.
// A request that wrote waits for the backup journal before it answers (api/journal); one
// that only read pays nothing. Separate from the request scope so a nested runInScope
// (a module acting as "system" inside a request) still counts as the request's write.
import { AsyncLocalStorage } from "node:async_hooks";

export type WriteTracker = { wrote: boolean };

const storage = new AsyncLocalStorage<WriteTracker>();

export function trackWrites<T>(tracker: WriteTracker, fn: () => T): T {
  return storage.run(tracker, fn);
}

export function noteWrite(): void {
  const t = storage.getStore();
  if (t) t.wrote = true;
}

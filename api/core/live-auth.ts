// A subscription outlives the request that authorized it. Every check interval the
// credential is looked at again (session logged out or expired, API key revoked, user
// deleted); when it no longer holds, the stream completes. A client that resubscribes
// is then asked to log in again (UNAUTHENTICATED).
//
// One timer for the process and one check per credential per interval, however many
// subscriptions it holds (10,000 browser tabs of one login are one session lookup, not
// 10,000 timers and 10,000 lookups).
import type { Context } from "./context.js";
import type { Viewer } from "./auth.js";

type Watched = { ctx: Context; stop: () => void };

class CredentialWatch {
  private groups = new Map<string, { viewer: Viewer; members: Set<Watched> }>();
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(private readonly services: Context["services"]) {}

  add(key: string, viewer: Viewer, w: Watched): () => void {
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { viewer, members: new Set() }));
    g.members.add(w);
    if (!this.timer) {
      this.timer = setInterval(() => void this.check(), this.services.config.subscriptionAuthCheckMs);
      this.timer.unref();
    }
    const group = g;
    return () => {
      group.members.delete(w);
      if (group.members.size === 0 && this.groups.get(key) === group) this.groups.delete(key);
      if (this.groups.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  private async check() {
    if (this.checking) return; // the previous round is still running
    this.checking = true;
    try {
      for (const [key, g] of [...this.groups]) {
        let ok: boolean;
        try {
          ok = await this.services.auth.stillValid(g.viewer);
        } catch {
          continue; // a failed check is retried at the next interval
        }
        if (ok) continue;
        this.groups.delete(key);
        const v = g.viewer;
        for (const w of [...g.members]) {
          w.ctx.services.log.write({ kind: "AUTH", message: `Live subscription of ${v.username ?? v.apiKeyName} ended: credential no longer valid`, actor: w.ctx.actor });
          w.stop();
        }
      }
    } finally {
      this.checking = false;
    }
  }
}

const watches = new WeakMap<object, CredentialWatch>();

/** `source` until its consumer stops, it ends, or the viewer's credential no longer holds. */
class Authorized<T> implements AsyncIterableIterator<T> {
  private stopped = false;
  private waiting: ((r: IteratorResult<T>) => void) | null = null;
  unwatch: () => void = () => {};

  constructor(private readonly source: AsyncIterableIterator<T>) {}

  next(): Promise<IteratorResult<T>> {
    if (this.stopped) return Promise.resolve({ value: undefined, done: true });
    return new Promise<IteratorResult<T>>((resolve, reject) => {
      this.waiting = resolve;
      this.source.next().then(
        (r) => {
          if (this.waiting !== resolve) return; // stopped meanwhile: already answered
          this.waiting = null;
          if (r.done) this.finish();
          resolve(r);
        },
        (err) => {
          if (this.waiting !== resolve) return;
          this.waiting = null;
          this.finish();
          reject(err);
        },
      );
    });
  }

  /** Ends the stream: a pending next() answers done. */
  stop = (): void => {
    this.finish();
    const w = this.waiting;
    this.waiting = null;
    w?.({ value: undefined, done: true });
  };

  private finish() {
    if (this.stopped) return;
    this.stopped = true;
    this.unwatch();
    void this.source.return?.();
  }

  return(): Promise<IteratorResult<T>> {
    this.stop();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err?: unknown): Promise<IteratorResult<T>> {
    this.stop();
    return Promise.reject(err);
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

export function whileAuthorized<T>(ctx: Context, source: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
  const viewer = ctx.viewer;
  if (!viewer) return source;
  const key = viewer.sessionId ? `s:${viewer.sessionId}` : viewer.apiKeyId ? `k:${viewer.apiKeyId}` : null;
  if (!key) return source; // nothing that can be revoked
  let watch = watches.get(ctx.services);
  if (!watch) watches.set(ctx.services, (watch = new CredentialWatch(ctx.services)));
  const a = new Authorized(source);
  a.unwatch = watch.add(key, viewer, { ctx, stop: a.stop });
  return a;
}

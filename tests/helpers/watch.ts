// A subscription kept open while a test acts: everything it delivers is kept in order,
// and `until` waits (up to a deadline that only turns a hang into a readable failure)
// for a condition over what has arrived so far.
import type { Client } from "graphql-ws";

export type Watch<T> = {
  items: T[];
  errors: unknown[];
  completed(): boolean;
  /** Resolves with `items` once pred(items) holds; rejects on an error or at the deadline. */
  until(pred: (items: T[]) => boolean, what?: string, deadlineMs?: number): Promise<T[]>;
  /** Waits for at least n items. */
  count(n: number, deadlineMs?: number): Promise<T[]>;
  /** Whether pred(items) comes to hold within ms (false, not a rejection, when it does not); rejects on an error. */
  within(pred: (items: T[]) => boolean, ms: number): Promise<boolean>;
  /** Resolves once the server has ended the subscription (complete or error); rejects at the deadline. */
  ended(what?: string, deadlineMs?: number): Promise<{ errors: unknown[] }>;
  stop(): void;
};

export function watch<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}): Watch<T> {
  const items: T[] = [];
  const errors: unknown[] = [];
  let done = false;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (v) => {
        if (v.errors?.length) errors.push(...v.errors);
        else items.push(v.data as T);
        wake();
      },
      error: (e) => {
        errors.push(...(Array.isArray(e) ? e : [e]));
        done = true;
        wake();
      },
      complete: () => {
        done = true;
        wake();
      },
    },
  );

  function until(pred: (items: T[]) => boolean, what = "condition", deadlineMs = 20_000): Promise<T[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (errors.length) return finish(() => reject(Object.assign(new Error(`subscription failed: ${describe(errors[0])}`), { errors })));
        if (pred(items)) return finish(() => resolve(items));
        if (done) return finish(() => reject(new Error(`subscription completed before ${what}; got ${items.length}: ${JSON.stringify(items).slice(0, 600)}`)));
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`no ${what} within ${deadlineMs} ms; got ${items.length}: ${JSON.stringify(items.slice(-5)).slice(0, 800)}`))),
        deadlineMs,
      );
      const finish = (f: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        f();
      };
      waiters.add(check);
      check();
    });
  }

  /** Calls check() on every delivery until it returns true; gives up with timeout() after ms. */
  function wait<R>(check: () => (() => R) | undefined, ms: number, timeout: () => R): Promise<R> {
    return new Promise((resolve, reject) => {
      const finish = (f: () => R) => {
        clearTimeout(timer);
        waiters.delete(run);
        try {
          resolve(f());
        } catch (e) {
          reject(e);
        }
      };
      const run = () => {
        const f = check();
        if (f) finish(f);
      };
      const timer = setTimeout(() => finish(timeout), ms);
      waiters.add(run);
      run();
    });
  }

  function within(pred: (items: T[]) => boolean, ms: number): Promise<boolean> {
    return wait<boolean>(
      () => {
        if (errors.length) return () => { throw Object.assign(new Error(`subscription failed: ${describe(errors[0])}`), { errors }); };
        if (pred(items)) return () => true;
        if (done) return () => false;
        return undefined;
      },
      ms,
      () => false,
    );
  }

  function ended(what = "the end of the subscription", deadlineMs = 20_000): Promise<{ errors: unknown[] }> {
    return wait(
      () => (done ? () => ({ errors }) : undefined),
      deadlineMs,
      () => {
        throw new Error(`no ${what} within ${deadlineMs} ms; got ${items.length} events, still open`);
      },
    );
  }

  return {
    items,
    errors,
    within,
    ended,
    completed: () => done,
    until,
    count: (n, deadlineMs) => until((xs) => xs.length >= n, `${n} events`, deadlineMs),
    stop,
  };
}

/**
 * Makes a subscription live: writes a marker (marker() returns the id it wrote) and waits a
 * little for it, again and again, until one arrives. From then on, anything written is
 * delivered. Returns the first marker event that arrived. Used instead of sleeping after
 * subscribing, which is too short on a loaded machine and wasted time on a quiet one.
 */
export async function live<T>(w: Watch<T>, marker: () => Promise<string>, idOf: (item: T) => string | null | undefined, deadlineMs = 20_000): Promise<T> {
  const markers = new Set<string>();
  const deadline = Date.now() + deadlineMs;
  const first = () => w.items.find((x) => markers.has(idOf(x) ?? ""));
  while (!first()) {
    if (w.completed() && !w.errors.length) throw new Error("subscription completed before it went live");
    if (Date.now() > deadline) throw new Error(`subscription never went live (${markers.size} markers written, ${w.items.length} events)`);
    markers.add(await marker());
    await w.within(() => first() !== undefined, 200);
  }
  return first()!;
}

function describe(e: unknown): string {
  if (e && typeof e === "object" && "message" in e) {
    const code = (e as { extensions?: { code?: string } }).extensions?.code;
    return `${(e as { message: string }).message}${code ? ` (${code})` : ""}`;
  }
  return String(e);
}

/** The extensions.code of a subscription's first error, however graphql-ws delivered it. */
export function errorCode(errors: unknown[]): string | undefined {
  const first = errors[0] as { extensions?: { code?: string } } | undefined;
  return first?.extensions?.code;
}

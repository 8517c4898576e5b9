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

  return {
    items,
    errors,
    completed: () => done,
    until,
    count: (n, deadlineMs) => until((xs) => xs.length >= n, `${n} events`, deadlineMs),
    stop,
  };
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

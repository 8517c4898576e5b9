// Who is acting, carried through async calls so the change-stream triggers can
// stamp every row they write with the actor and request id (see events/triggers.ts).
import { AsyncLocalStorage } from "node:async_hooks";

export type Actor =
  | { kind: "user"; userId: string; username: string; role: "ADMIN" | "MANAGER" | "STAFF" }
  | { kind: "apiKey"; apiKeyId: string; name: string; role: "ADMIN" | "MANAGER" | "STAFF" }
  | { kind: "system"; label?: string }
  | { kind: "anonymous" };

/** `signal`: aborted once the request was given up on (its remaining statements are dropped). */
export type RequestScope = { actor: Actor; requestId: string | null; signal?: AbortSignal };

const storage = new AsyncLocalStorage<RequestScope>();

export function runInScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, () => {
    const result = fn();
    // Prisma queries are lazy thenables that start only when awaited, which would be after
    // this returns and outside the scope: start them here so their writes carry the scope.
    if (result && typeof result === "object" && !(result instanceof Promise) && typeof (result as { then?: unknown }).then === "function") {
      return (result as unknown as PromiseLike<unknown>).then((v) => v) as T;
    }
    return result;
  });
}

export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}

export function actorId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "user":
      return actor.username;
    case "apiKey":
      return `api-key:${actor.name}`;
    case "system":
      return actor.label ? `system:${actor.label}` : "system";
    case "anonymous":
      return "anonymous";
  }
}

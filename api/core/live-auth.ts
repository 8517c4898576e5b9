// A subscription outlives the request that authorized it. Every check interval the
// credential is looked at again (session logged out or expired, API key revoked, user
// deleted); when it no longer holds, the stream completes. A client that resubscribes
// is then asked to log in again (UNAUTHENTICATED).
import { Repeater } from "graphql-yoga";
import type { Context } from "./context.js";

export function whileAuthorized<T>(ctx: Context, source: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
  const viewer = ctx.viewer;
  if (!viewer) return source;
  return new Repeater<T>(async (push, stop) => {
    const timer = setInterval(() => {
      ctx.services.auth.stillValid(viewer).then(
        (ok) => {
          if (ok) return;
          ctx.services.log.write({ kind: "AUTH", message: `Live subscription of ${viewer.username ?? viewer.apiKeyName} ended: credential no longer valid`, actor: ctx.actor });
          stop();
        },
        () => {}, // a failed check is retried at the next interval
      );
    }, ctx.services.config.subscriptionAuthCheckMs);
    timer.unref();
    stop.then(() => {
      clearInterval(timer);
      void source.return?.();
    });
    for await (const value of source) await push(value);
    stop();
  });
}

// Graceful stop for the HTTP server: track the requests in flight so a stop can wait for them
// (each acknowledged write is then really acknowledged) and end long-lived streams (SSE
// subscriptions), which would otherwise hold the stop until its deadline.
import type { IncomingMessage, ServerResponse } from "node:http";

export class InFlight {
  private readonly open = new Set<ServerResponse>();
  private readonly streams = new Set<ServerResponse>();
  private waiters: (() => void)[] = [];

  track(req: IncomingMessage, res: ServerResponse): void {
    const stream = (req.headers.accept ?? "").includes("text/event-stream");
    (stream ? this.streams : this.open).add(res);
    res.once("close", () => {
      this.open.delete(res);
      this.streams.delete(res);
      if (this.open.size === 0) for (const w of this.waiters.splice(0)) w();
    });
  }

  get size(): number {
    return this.open.size;
  }

  /**
   * Stop keeping connections alive after the current answers, end the streams, and resolve
   * true once no request is in flight, or false when `ms` pass first.
   */
  drain(ms: number): Promise<boolean> {
    for (const res of this.open) if (!res.headersSent) res.setHeader("connection", "close");
    for (const res of this.streams) res.end();
    if (this.open.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

/** The close reason live subscribers get: clients resume with `since` on another replica or after the restart. */
export const SHUTDOWN_CLOSE = { code: 1001, reason: "Server shutting down: reconnect and resume with since" } as const;

// graphql-ws over `ws`, as graphql-ws/use/ws does it, with what 10,000 sockets need:
// - one keep-alive timer for all sockets (not an interval and a timeout per socket): every
//   `keepAliveMs` each socket that answered the last ping is pinged again, the others are ended;
// - one JSON serialization of a result shared by subscribers (shared-subscriptions.ts): the
//   message is written as `{"id":…,"type":"next","payload":` + the result's JSON, once per result
//   object, instead of stringifying the same result for every socket;
// - no per-message compression (ws' server default, kept explicit by the caller).
import type { IncomingMessage } from "node:http";
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from "graphql-ws";
import type { WebSocket, WebSocketServer } from "ws";

/** JSON of results, once per result object (shared results are one object for many sockets). */
const serialized = new WeakMap<object, string>();
/** The payload the replacer took out of the message being stringified, for send() to put back. */
let takenPayload: string | null = null;
let root: unknown = null;

function replacer(this: unknown, key: string, value: unknown): unknown {
  if (key === "") {
    root = value;
    takenPayload = null;
    return value;
  }
  if (key === "payload" && this === root && (this as { type?: unknown }).type === "next" && typeof value === "object" && value !== null) {
    let json = serialized.get(value);
    if (json === undefined) {
      json = JSON.stringify(value);
      serialized.set(value, json);
    }
    takenPayload = json;
    return null;
  }
  return value;
}

const TAIL = '"payload":null}';

/**
 * What a socket keeps of its upgrade request for its lifetime: the headers and the TCP socket
 * (credentials, origin, client address), not the IncomingMessage with its stream state and raw
 * header list (about 1 KB a subscriber at 10,000).
 */
export type UpgradeRequest = Pick<IncomingMessage, "headers" | "socket">;
type Extra = { socket: WebSocket; request: UpgradeRequest };
const alive = new WeakSet<WebSocket>();

export function useWsServer<P extends Record<string, unknown>>(options: ServerOptions<P, Extra>, wss: WebSocketServer, keepAliveMs = 12_000, isProd = process.env.NODE_ENV === "production") {
  const server = makeServer<P, Extra>({ ...options, jsonMessageReplacer: replacer });
  wss.options.handleProtocols = handleProtocols;
  const internalError = (err: unknown) => (isProd ? "Internal server error" : String(err instanceof Error ? err.message : err).slice(0, 120));

  let lastRound = Date.now();
  const pings =
    keepAliveMs > 0
      ? setInterval(() => {
          // A round that comes late (the event loop was blocked: a long GC, a heap snapshot,
          // a big restore) ends nobody: the pongs of the last round may be waiting unread in
          // the sockets, and ending every client for the server's own stall would drop them all.
          const late = Date.now() - lastRound > keepAliveMs * 1.5;
          lastRound = Date.now();
          for (const socket of wss.clients) {
            if (socket.readyState !== socket.OPEN) continue;
            if (!alive.has(socket) && !late) {
              socket.terminate();
              continue;
            }
            alive.delete(socket);
            socket.ping();
          }
        }, keepAliveMs)
      : null;
  pings?.unref();

  wss.on("connection", (socket, request) => {
    alive.add(socket);
    socket.on("pong", markAlive);
    socket.once("error", (err) => socket.close(CloseCode.InternalServerError, internalError(err)));
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          const payload = takenPayload;
          takenPayload = null;
          if (payload !== null && data.endsWith(TAIL)) data = `${data.slice(0, -5)}${payload}}`;
          if (socket.readyState !== socket.OPEN) return;
          return new Promise<void>((resolve, reject) => socket.send(data, (err) => (err ? reject(err) : resolve())));
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on("message", async (event) => {
            try {
              await cb(String(event));
            } catch (err) {
              socket.close(CloseCode.InternalServerError, internalError(err));
            }
          }),
      },
      { socket, request: { headers: request.headers, socket: request.socket } },
    );
    socket.once("close", (code, reason) => void closed(code, String(reason)));
  });

  return {
    dispose: async () => {
      if (pings) clearInterval(pings);
      for (const client of wss.clients) client.close(1001, "Going away");
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

function markAlive(this: WebSocket) {
  alive.add(this);
}

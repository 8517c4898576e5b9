// The WebSocket keep-alive (core/ws-server.ts): one timer pings every socket; a socket that did
// not answer the last ping is ended (a phone that left the Wi-Fi), but a round that comes late
// because the server itself was stalled ends nobody: their pongs may be unread in the sockets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTestServer, type TestServer } from "../helpers/server.js";

const KEEPALIVE_MS = 150;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { WS_KEEPALIVE_MS: String(KEEPALIVE_MS) } });
});
afterAll(async () => server?.stop());

/** A graphql-transport-ws socket past connection_ack. */
async function connect(opts: { autoPong: boolean }): Promise<WebSocket> {
  const ws = new WebSocket(`${server.url.replace("http", "ws")}/graphql`, "graphql-transport-ws", { autoPong: opts.autoPong });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => ws.send(JSON.stringify({ type: "connection_init", payload: {} })));
    ws.on("message", (m) => {
      if ((JSON.parse(String(m)) as { type: string }).type === "connection_ack") resolve();
    });
    ws.once("error", reject);
  });
  return ws;
}

const closed = (ws: WebSocket) => new Promise<number>((resolve) => (ws.readyState === ws.CLOSED ? resolve(-1) : ws.once("close", (code) => resolve(code))));
const pings = (ws: WebSocket, n: number) =>
  new Promise<void>((resolve) => {
    let left = n;
    ws.on("ping", () => --left === 0 && resolve());
  });

describe("WebSocket keep-alive", () => {
  it("ends a socket that stops answering pings, and keeps one that answers", async () => {
    const silent = await connect({ autoPong: false });
    const answering = await connect({ autoPong: true });
    const silentEnd = closed(silent);
    // The silent one is ended within two rounds; by then the answering one has had more pings.
    await Promise.race([silentEnd, new Promise((r) => setTimeout(r, 60 * KEEPALIVE_MS))]);
    expect(silent.readyState).toBe(WebSocket.CLOSED);
    await pings(answering, 3);
    expect(answering.readyState).toBe(WebSocket.OPEN);
    answering.close();
  });

  it("a round that comes late because the server stalled ends nobody", async () => {
    const ws = await connect({ autoPong: true });
    let ended = false;
    ws.once("close", () => (ended = true));
    // The server runs in this process: blocking right after a ping was answered leaves the
    // pong unread in the server's socket when the overdue round fires.
    await new Promise<void>((resolve) =>
      ws.once("ping", () => {
        const until = Date.now() + 3 * KEEPALIVE_MS;
        while (Date.now() < until) {
          // the whole process is stalled, as under a long GC or a heap snapshot
        }
        resolve();
      }),
    );
    await Promise.race([pings(ws, 3), closed(ws)]);
    expect(ended).toBe(false);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });
});

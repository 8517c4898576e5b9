// SIGTERM while several clients keep writing: every write the server acknowledged is in the
// database afterwards, live subscribers are told why their socket closes, and the process
// exits 0 (main.ts exits 1 when a stop overruns SHUTDOWN_TIMEOUT_MS, so 0 means in time).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { STARTUP_MS, startProcessServer, type ProcessServer } from "../helpers/process-server.js";
import { startTestServer } from "../helpers/server.js";
import { waitFor } from "../helpers/wait.js";

const dataDir = mkdtempSync(path.join(tmpdir(), "cz-shutdown-"));
let server: ProcessServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("graceful shutdown", () => {
  it("keeps every acknowledged write, closes subscriptions with a reason, and exits 0", { timeout: STARTUP_MS * 2 }, async () => {
    server = await startProcessServer({ name: "shutdown", dataDir, env: { SHUTDOWN_TIMEOUT_MS: "30000" } });
    const s = server;
    const token = await s.login();

    let closed: { code: number; reason: string } | undefined;
    const ws = s.ws({ authorization: token });
    ws.on("closed", (e) => (closed ??= { code: (e as CloseEvent).code, reason: (e as CloseEvent).reason }));
    let live = false;
    ws.subscribe({ query: `subscription { logAdded { sequence } }` }, { next: () => (live = true), error: () => {}, complete: () => {} });

    const acknowledged: string[] = [];
    let refused = 0;
    let stopping = false;
    const writer = async (n: number) => {
      for (let i = 0; ; i++) {
        const name = `Client ${n} bundle ${i}`;
        try {
          const r = await s.gql(`mutation($input: AllocationInput!) { createAllocation(input: $input) { id name } }`, { input: { name, priceMinor: 100 + n, dataLimitMb: 1 + i } }, { token });
          if (r.data?.createAllocation?.name === name) acknowledged.push(name);
          else if (r.status === 503) refused++;
          else throw new Error(JSON.stringify(r.errors));
        } catch (err) {
          if (!stopping) throw err;
          return; // connection refused or reset once the server is gone
        }
        if (stopping && refused > 50) return;
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    await waitFor(() => live && acknowledged.length >= 12, { what: "writes and a live event before the signal", timeoutMs: 60_000 });

    const exited = new Promise<number | null>((r) => s.child.once("exit", (code) => r(code)));
    stopping = true;
    s.child.kill("SIGTERM");
    expect(await exited, s.output().slice(-3000)).toBe(0);
    await Promise.all(writers);
    await waitFor(() => closed ?? false, { what: "the subscription socket to close" });
    expect(closed!.code).toBe(1001);
    expect(closed!.reason).toContain("shutting down");

    // The same DATA_DIR, started again: every acknowledged bundle is there.
    const again = await startTestServer({ dataDir, keepData: true });
    try {
      const r = await again.gql(`{ allocations(includeInactive: true) { name } }`, {}, { token: again.adminToken });
      const names = new Set((r.data.allocations as { name: string }[]).map((a) => a.name));
      expect(acknowledged.filter((n) => !names.has(n))).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(12);
    } finally {
      await again.stop();
    }
  });
});

// The UI in a real browser against the real app: every page's main flow (see ui-flows.ts).
// Needs the built UI (`npm test` builds it first) and Chromium; skips without Chromium
// unless CHILLZONE_REQUIRE_ALL=1.
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestServer, type TestServer } from "../helpers/server.js";
import { hasChromium, missing } from "../helpers/external.js";
import { runUiFlows } from "./ui-flows.js";

const skip = missing("Chromium", hasChromium()) ?? missing("the UI build (ui/build)", existsSync("ui/build/handler.js"));

describe.skipIf(skip !== null)("admin UI and buy page in Chromium", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { HOTSPOT_LOGIN_URL: "http://hotspot.chillzone.test/login" } });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("walks every page's main flow", async () => {
    const lines: string[] = [];
    await expect(runUiFlows({ base: server.url, admin: ADMIN, log: (l) => lines.push(l) })).resolves.toBeUndefined();
    expect(lines.at(-1)).toBe("all UI flows passed");
  }, 240_000);
});

// Tests that need something outside the repository (Chromium, redis-server, ../shared)
// skip with a one-line reason when it is missing, so `npm test` passes on any clone.
// CI sets CHILLZONE_REQUIRE_ALL=1 and then a missing dependency fails instead.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

export const requireAll = process.env.CHILLZONE_REQUIRE_ALL === "1";

export function which(cmd: string): string | null {
  try {
    return execFileSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

/** Returns a reason to skip, or null when available. Throws under CHILLZONE_REQUIRE_ALL. */
export function missing(what: string, available: boolean): string | null {
  if (available) return null;
  const reason = `skipped: ${what} is not available`;
  if (requireAll) throw new Error(`${what} is required (CHILLZONE_REQUIRE_ALL=1) but missing`);
  console.warn(reason);
  return reason;
}

export const chromiumPath = "/usr/bin/chromium";
export const hasChromium = () => existsSync(chromiumPath);
export const hasRedis = () => which("redis-server") !== null;

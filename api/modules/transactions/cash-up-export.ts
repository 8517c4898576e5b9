// GET /exports/cash-up.csv?from=YYYY-MM-DD&to=YYYY-MM-DD[&staffId=]: the cash-up page as a
// file, one line per day, member of staff and provider, then a Total line. The same figures
// as Query.cashUp (cash-up.ts); managers and admins, as every export (DOMAIN.md).
import { actorFor } from "../../core/context.js";
import type { HttpRoute, RouteContext } from "../../core/extensions.js";
import { badInput } from "../../core/errors.js";
import { formatMinor } from "../common/money.js";
import { idOf } from "../common/ids.js";
import { CURRENCY } from "./money-taken.js";
import { cashUp, cashUpScope } from "./cash-up.js";
import { csvLine, csvStart } from "./csv.js";

const columns = ["day", "staff", "provider", "sales", "gross", "refunded", "net", "currency"];

async function handle({ res, services, url, viewer, requestId }: RouteContext): Promise<void> {
  const started = performance.now();
  const q = url.searchParams;
  const from = q.get("from");
  const to = q.get("to");
  if (!from || !to) throw badInput("Give the days to cash up: ?from=YYYY-MM-DD&to=YYYY-MM-DD");
  const asked = q.get("staffId") ? idOf(q.get("staffId")!, "User") : null;
  // Everything is checked and counted before the first byte, so a bad range is a JSON error.
  const c = cashUp(services.reader.reader, services.config.timeZone, { from, to, staffId: cashUpScope(viewer, asked) });
  csvStart(res, `cash-up-${c.from}-to-${c.to}.csv`, columns);
  let body = "";
  for (const l of c.lines) {
    body += csvLine([l.day, l.staffName, l.provider, l.count, formatMinor(l.grossMinor), formatMinor(l.refundedMinor), formatMinor(l.grossMinor - l.refundedMinor), CURRENCY]);
  }
  const t = c.total;
  body += csvLine(["Total", null, null, t.count, formatMinor(t.grossMinor), formatMinor(t.refundedMinor), formatMinor(t.grossMinor - t.refundedMinor), CURRENCY]);
  res.end(body);
  const ms = Math.round(performance.now() - started);
  services.log.write({
    kind: "REQUEST",
    level: "INFO",
    message: `export cash-up.csv ok: ${c.lines.length} rows in ${ms} ms`,
    actor: actorFor(viewer),
    requestId,
    data: { export: "cash-up.csv", rows: c.lines.length, durationMs: ms, outcome: "ok", from: c.from, to: c.to, staffId: c.staffId },
  });
}

export const cashUpExportRoute: HttpRoute = {
  method: "GET",
  path: "/exports/cash-up.csv",
  // DOMAIN.md: managers export; staff see their own cash-up on the page.
  access: "MANAGER",
  forbidden: "Exports are for managers and admins",
  handle,
};

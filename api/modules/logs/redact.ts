// Log data is stored whole (it is the deleted-rows table restores read); what a viewer
// sees of it is trimmed here, once, for queries and subscriptions alike.
import { roleAtLeast, type Role } from "../../core/roles.js";
import { getDatamodel } from "../../db/generated/pothos-types.js";

const secretColumns: Record<string, string[]> = {
  User: ["passwordHash"],
  ApiKey: ["keyHash"],
  Router: ["password"],
  Session: [],
};
// Voucher credentials are for managers (and the buyer): the voucher row and the SMS that
// carries them.
const managerOnlyColumns: Record<string, string[]> = { Voucher: ["password"], OutboxMessage: ["body"] };

// SQLite stores booleans as 0/1; the datamodel says which columns are booleans.
const booleanColumns: Record<string, string[]> = Object.fromEntries(
  Object.entries(getDatamodel().datamodel.models).map(([model, m]) => [
    model,
    m.fields.filter((f) => f.kind === "scalar" && f.type === "Boolean").map((f) => f.name),
  ]),
);

function trimRow(model: string, row: unknown, role: Role | undefined): unknown {
  if (!row || typeof row !== "object") return row;
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const c of secretColumns[model] ?? []) if (c in out) out[c] = "[redacted]";
  if (!roleAtLeast(role, "MANAGER")) for (const c of managerOnlyColumns[model] ?? []) if (c in out) out[c] = "[hidden]";
  for (const c of booleanColumns[model] ?? []) if (typeof out[c] === "number") out[c] = out[c] === 1;
  return out;
}

export function viewData(model: string | null, data: string | null, role: Role | undefined): unknown {
  if (data === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return data;
  }
  if (!model || !parsed || typeof parsed !== "object") return parsed;
  const d = parsed as { before?: unknown; after?: unknown };
  return { ...d, ...("before" in d ? { before: trimRow(model, d.before, role) } : {}), ...("after" in d ? { after: trimRow(model, d.after, role) } : {}) };
}

/**
 * viewData for an entry object, computed once per entry and role: one event goes to every
 * subscriber, and parsing its data a thousand times was most of the cost of delivering it.
 * The value is shared between viewers of the same role; nothing may modify it.
 */
const views = new WeakMap<object, Map<string, unknown>>();
export function viewDataOf(entry: { model: string | null; data: string | null }, role: Role | undefined): unknown {
  let byRole = views.get(entry);
  if (!byRole) views.set(entry, (byRole = new Map()));
  const key = role ?? "";
  if (!byRole.has(key)) byRole.set(key, viewData(entry.model, entry.data, role));
  return byRole.get(key);
}

import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { badInput } from "../../core/errors.js";

/** Decodes a global ID and checks its type; a raw database id is accepted too. */
export function idOf(globalId: string, typename: string): string {
  try {
    const { typename: t, id } = decodeGlobalID(globalId);
    if (t !== typename) throw badInput(`Expected a ${typename} id, got a ${t} id`);
    return id;
  } catch (e) {
    if (e instanceof Error && e.message.startsWith("Expected")) throw e;
    if (/^[a-z0-9]{20,32}$/.test(globalId)) return globalId;
    throw badInput(`"${globalId}" is not a valid ${typename} id`);
  }
}

/** A row's global id (Node.id) from its model and database id, as the log names rows. */
export function nodeIdOf(model: string | null, recordId: string | null): string | null {
  return model && recordId ? encodeGlobalID(model, recordId) : null;
}

/**
 * The database id a log filter means: a global id (what every other field hands out) is
 * decoded to its row's id; anything else is taken as the database id itself. The log keeps
 * database ids (they outlive a renamed type), so both must find the same entries.
 */
export function rowIdOf(id: string): string {
  const text = Buffer.from(id, "base64").toString("utf8");
  return /^[A-Z][A-Za-z0-9]*:[^\s]+$/.test(text) && Buffer.from(text).toString("base64") === id ? text.slice(text.indexOf(":") + 1) : id;
}

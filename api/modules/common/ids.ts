import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { badInput } from "../../core/errors.js";

/**
 * The database id inside a global id (Node.id), checked to be of `typename`. Every argument
 * that names a record takes the global id the API handed out, and only that: a raw database
 * id, or another type's id, is refused with a message saying which id was expected.
 */
export function idOf(globalId: string, typename: string): string {
  let decoded: { typename: string; id: string } | null = null;
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    decoded = null;
  }
  if (!decoded || encodeGlobalID(decoded.typename, decoded.id) !== globalId) {
    throw badInput(`That is not a ${typename} id: pass the ${typename}'s id as the API returned it`);
  }
  if (decoded.typename !== typename) throw badInput(`Expected a ${typename} id, got a ${decoded.typename} id`);
  return decoded.id;
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

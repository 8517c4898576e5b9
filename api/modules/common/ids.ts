import { decodeGlobalID } from "@pothos/plugin-relay";
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

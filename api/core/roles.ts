// Roles are ordered: staff < manager < admin. Permission checks compare ranks. The values are
// the database's (Prisma's Role); `rank` names every one, so a new role does not compile
// until it has a place in the order.
import type { Role } from "../db/generated/enums.js";

export type { Role };
export const roles = ["STAFF", "MANAGER", "ADMIN"] as const satisfies readonly Role[];

const rank: Record<Role, number> = { STAFF: 1, MANAGER: 2, ADMIN: 3 };

export function roleAtLeast(role: Role | null | undefined, min: Role): boolean {
  return role ? rank[role] >= rank[min] : false;
}

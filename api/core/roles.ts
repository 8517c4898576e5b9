// Roles are ordered: staff < manager < admin. Permission checks compare ranks.
export const roles = ["STAFF", "MANAGER", "ADMIN"] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { STAFF: 1, MANAGER: 2, ADMIN: 3 };

export function roleAtLeast(role: Role | null | undefined, min: Role): boolean {
  return role ? rank[role] >= rank[min] : false;
}

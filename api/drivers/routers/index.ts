// The seam between the flows that change a voucher and the routers that enforce it.
// Refunds disable a fully refunded voucher through it. A no-op until RouterOS provisioning
// exists: the voucher row is already DISABLED, and provisioning will reconcile the router.
export type RouterUser = { voucherId: string; username: string; routerId: string | null };

export interface RouterDriver {
  /** Stop a hotspot user from logging in again (and end its session). Must be safe to repeat. */
  disableUser(user: RouterUser): Promise<void>;
}

export function createNoopRouterDriver(): RouterDriver {
  return { async disableUser() {} };
}

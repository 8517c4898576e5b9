// The signed-in user, loaded by the (admin) layout, and what their role may do.
import { graphql } from '$lib/graphql/generated';
import type { Role } from '$lib/graphql/generated/graphql';

export const MeDoc = graphql(`
	query Me {
		me {
			id
			username
			role
			email
		}
	}
`);

export type SessionUser = { id: string; username: string; role: Role; email: string | null };

export const session = $state<{ user: SessionUser | null }>({ user: null });

const rank: Record<Role, number> = { STAFF: 1, MANAGER: 2, ADMIN: 3 };

export function hasRole(minimum: Role, user: SessionUser | null = session.user): boolean {
	return user !== null && rank[user.role] >= rank[minimum];
}

/**
 * The least role each action needs. The server enforces these; the UI only hides what
 * would be refused.
 */
export const permissions = {
	recordCashSale: 'STAFF',
	confirmPayment: 'STAFF',
	requestRefund: 'STAFF',
	resendVoucher: 'STAFF',
	decideRefund: 'MANAGER',
	exportTransactions: 'MANAGER',
	viewVoucherPasswords: 'MANAGER',
	printVouchers: 'STAFF',
	sellPrintedCard: 'STAFF',
	generateVouchers: 'MANAGER',
	importVouchers: 'MANAGER',
	disableVoucher: 'MANAGER',
	manageAllocations: 'MANAGER',
	manageUsers: 'ADMIN',
	viewLogs: 'STAFF'
} as const satisfies Record<string, Role>;

export function can(action: keyof typeof permissions): boolean {
	return hasRole(permissions[action]);
}

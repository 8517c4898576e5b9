// Colour and label for every status the UI shows as a badge.
export type Tone = 'gray' | 'green' | 'yellow' | 'red' | 'blue' | 'purple' | 'teal';

const tones: Record<string, Tone> = {
	// Transaction
	PENDING: 'yellow',
	PAID: 'green',
	FAILED: 'red',
	PARTIALLY_REFUNDED: 'purple',
	REFUNDED: 'purple',
	// Voucher
	AVAILABLE: 'blue',
	SOLD: 'green',
	DISABLED: 'gray',
	EXPIRED: 'gray',
	// Provisioning
	NOT_REQUIRED: 'gray',
	PROVISIONED: 'green',
	REMOVED: 'gray',
	// Notifications
	SENT: 'green',
	// Refunds (FAILED as above)
	REQUESTED: 'yellow',
	APPROVED: 'blue',
	REJECTED: 'gray',
	COMPLETED: 'green',
	// Routers
	ONLINE: 'green',
	OFFLINE: 'red',
	AUTH_FAILED: 'red',
	UNKNOWN: 'gray',
	// Roles
	ADMIN: 'purple',
	MANAGER: 'blue',
	STAFF: 'gray',
	// Log levels
	DEBUG: 'gray',
	INFO: 'blue',
	WARN: 'yellow',
	ERROR: 'red',
	// Log kinds
	CREATE: 'green',
	UPDATE: 'blue',
	DELETE: 'red',
	REQUEST: 'gray',
	AUTH: 'purple',
	PAYMENT: 'teal',
	ROUTER: 'yellow',
	BACKUP: 'gray',
	SYSTEM: 'gray'
};

export function toneOf(status: string): Tone {
	return tones[status] ?? 'gray';
}

export function labelOf(status: string): string {
	const text = status.replace(/_/g, ' ').toLowerCase();
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Every value of a schema enum, in the order a page shows them. The list is checked at
 * build time against the generated type: a status the server adds does not compile until
 * the page lists it. Use: `allOf<TransactionStatus>()(['PENDING', ...])`.
 */
export const allOf =
	<T extends string>() =>
	<const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> })): T[] =>
		[...list];

import type { LogKind, LogLevel } from '$lib/graphql/generated/graphql';

/** The Logs page's filter inputs, as typed (times are datetime-local values). */
export type LogFilterForm = {
	kinds: LogKind[];
	levels: LogLevel[];
	model: string;
	recordId: string;
	/** One request's entries (set by links, shown as a removable tag). */
	requestId: string;
	search: string;
	from: string;
	to: string;
};

export const KINDS: LogKind[] = ['CREATE', 'UPDATE', 'DELETE', 'REQUEST', 'AUTH', 'PAYMENT', 'ROUTER', 'BACKUP', 'SYSTEM'];
export const LEVELS: LogLevel[] = ['DEBUG', 'INFO', 'WARN', 'ERROR'];
/**
 * Levels shown when the URL names none: every page view and query is a DEBUG entry, which
 * would bury the changes, logins and payments an operator comes here for. `levels=all`
 * in the URL (what clearing the chips writes) shows everything.
 */
/**
 * The Activity view: one line per business event (a sale paid, a login, a refund decided,
 * a backup, a router call), its request's row changes folded under it. Page views
 * (REQUEST) and the row changes themselves only show in the full log.
 */
export const ACTIVITY_KINDS: LogKind[] = ['AUTH', 'PAYMENT', 'BACKUP', 'ROUTER', 'SYSTEM'];

export const DEFAULT_LEVELS: LogLevel[] = ['INFO', 'WARN', 'ERROR'];

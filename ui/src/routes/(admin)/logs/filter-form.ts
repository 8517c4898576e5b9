import type { LogKind, LogLevel } from '$lib/graphql/generated/graphql';

/** The Logs page's filter inputs, as typed (times are datetime-local values). */
export type LogFilterForm = {
	kinds: LogKind[];
	levels: LogLevel[];
	model: string;
	recordId: string;
	search: string;
	from: string;
	to: string;
};

export const KINDS: LogKind[] = ['CREATE', 'UPDATE', 'DELETE', 'REQUEST', 'AUTH', 'PAYMENT', 'ROUTER', 'BACKUP', 'SYSTEM'];
export const LEVELS: LogLevel[] = ['DEBUG', 'INFO', 'WARN', 'ERROR'];

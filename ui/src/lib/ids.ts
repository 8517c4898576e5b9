// GraphQL ids may be global (base64 "Model:rowId", the Relay convention) while log
// entries name rows by their database id. These helpers translate both ways.

function decode(id: string): { model: string; rowId: string } | null {
	try {
		const text = atob(id);
		const match = /^([A-Z][A-Za-z]*):(.+)$/.exec(text);
		return match ? { model: match[1], rowId: match[2] } : null;
	} catch {
		return null;
	}
}

/** The row id a log entry uses for this GraphQL id. */
export function recordIdOf(id: string): string {
	return decode(id)?.rowId ?? id;
}

/**
 * The GraphQL id for a model's row. `sample` is any id the server returned: if it is
 * global, the result is encoded the same way; otherwise the row id is the id.
 */
export function graphqlIdOf(model: string, recordId: string, sample: string | undefined): string {
	if (decode(recordId)) return recordId;
	if (sample && decode(sample)) return btoa(`${model}:${recordId}`);
	return recordId;
}

/** The Logs page filtered to one record. */
export function historyHref(model: string, id: string): string {
	const params = new URLSearchParams({ model, recordId: recordIdOf(id) });
	return `/logs?${params}`;
}

/** Where a log entry's record is shown in the admin UI. */
export function recordHref(model: string, recordId: string, sample: string | undefined): string | null {
	const id = graphqlIdOf(model, recordId, sample);
	switch (model) {
		case 'Transaction':
			return `/transactions/${encodeURIComponent(id)}`;
		case 'Voucher':
			return `/vouchers/${encodeURIComponent(id)}`;
		case 'Allocation':
			return `/allocations?highlight=${encodeURIComponent(id)}`;
		case 'User':
			return `/users?highlight=${encodeURIComponent(id)}`;
		case 'Router':
			return `/routers?highlight=${encodeURIComponent(id)}`;
		default:
			return null;
	}
}

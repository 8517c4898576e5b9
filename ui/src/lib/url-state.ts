// Filters live in the URL query so links (e.g. History) and reloads keep them.
import { replaceState } from '$app/navigation';

export type QueryValues = Record<string, string | string[] | null | undefined>;

export function readList(params: URLSearchParams, key: string): string[] {
	return params
		.getAll(key)
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter(Boolean);
}

/** The values of a list parameter that are among `allowed` (e.g. a status filter's chips). */
export function readAllowed<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T[] {
	return readList(params, key).filter((v): v is T => (allowed as readonly string[]).includes(v));
}

export function toSearchParams(values: QueryValues): URLSearchParams {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(values)) {
		if (Array.isArray(value)) {
			for (const item of value) params.append(key, item);
		} else if (value) {
			params.set(key, value);
		}
	}
	return params;
}

/** Replace the current URL's query without navigating. */
export function syncQuery(values: QueryValues): void {
	const query = toSearchParams(values).toString();
	const url = `${location.pathname}${query ? `?${query}` : ''}`;
	if (url !== location.pathname + location.search) {
		try {
			replaceState(url, {});
		} catch {
			// The router is not ready during the very first render; the next change syncs.
		}
	}
}

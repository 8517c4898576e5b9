// Rune-based helpers over the urql client: reactive queries, one-shot mutations and
// subscriptions that end with the component that started them.
import { fieldName } from '$lib/field-errors';
import type { AnyVariables, CombinedError, RequestPolicy, TypedDocumentNode } from '@urql/core';
import { getClient, onReconnect } from './client';
import { errorMessage } from './errors';

export type QueryOptions = {
	/** Skip the query while this returns true. */
	pause?: () => boolean;
	requestPolicy?: RequestPolicy;
};

export type QueryState<Data> = {
	readonly data: Data | undefined;
	readonly error: CombinedError | undefined;
	readonly fetching: boolean;
	/** Re-run against the server, keeping the current data on screen meanwhile. */
	refetch(): Promise<void>;
};

/**
 * A query that re-runs whenever the state read by `variables` changes. Call it during
 * component initialisation.
 */
export function createQuery<Data, Vars extends AnyVariables>(
	document: TypedDocumentNode<Data, Vars>,
	variables: () => Vars,
	options: QueryOptions = {}
): QueryState<Data> {
	let data = $state<Data | undefined>(undefined);
	let error = $state<CombinedError | undefined>(undefined);
	let fetching = $state(true);
	let current: Vars | undefined;

	$effect(() => {
		const vars = variables();
		if (options.pause?.()) {
			fetching = false;
			return;
		}
		current = vars;
		fetching = true;
		const { unsubscribe } = getClient()
			.query(document, vars, { requestPolicy: options.requestPolicy })
			.subscribe((result) => {
				if (result.data !== undefined) data = result.data;
				error = result.error;
				fetching = Boolean(result.stale) && !result.error;
			});
		return unsubscribe;
	});

	$effect(() =>
		onReconnect(() => {
			if (current !== undefined) getClient().query(document, current, { requestPolicy: 'network-only' }).toPromise();
		})
	);

	return {
		get data() {
			return data;
		},
		get error() {
			return error;
		},
		get fetching() {
			return fetching;
		},
		async refetch() {
			if (current === undefined) return;
			await getClient().query(document, current, { requestPolicy: 'network-only' }).toPromise();
		}
	};
}

/** Run one query now (no caching) and return its data or a readable error. */
export async function fetchOnce<Data, Vars extends AnyVariables>(
	document: TypedDocumentNode<Data, Vars>,
	variables: Vars
): Promise<{ data?: Data; error?: string; code?: string }> {
	const result = await getClient().query(document, variables, { requestPolicy: 'network-only' }).toPromise();
	if (result.error) return { error: errorMessage(result.error), code: errorCode(result.error) };
	return { data: result.data };
}

/** Run a mutation and return its data or a readable error. */
export async function mutate<Data, Vars extends AnyVariables>(
	document: TypedDocumentNode<Data, Vars>,
	variables: Vars
): Promise<{ data?: Data; error?: string; code?: string; field?: string }> {
	const result = await getClient().mutation(document, variables).toPromise();
	if (result.error) {
		return { error: errorMessage(result.error), code: errorCode(result.error), field: fieldName(result.error.graphQLErrors[0]?.extensions?.field) };
	}
	return { data: result.data };
}

/** The server's error code; undefined when the server never answered (network error). */
function errorCode(error: CombinedError): string | undefined {
	if (error.graphQLErrors.length === 0) return undefined;
	const code = error.graphQLErrors[0].extensions?.code;
	return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/**
 * Subscribe for as long as the calling component lives (or until the returned function
 * is called). Re-subscribes when the state read by `variables` changes.
 */
export function useSubscription<Data, Vars extends AnyVariables>(
	document: TypedDocumentNode<Data, Vars>,
	variables: () => Vars,
	onData: (data: Data) => void,
	options: { pause?: () => boolean; onError?: (error: CombinedError) => void } = {}
): void {
	$effect(() => {
		const vars = variables();
		if (options.pause?.()) return;
		const { unsubscribe } = getClient()
			.subscription(document, vars)
			.subscribe((result) => {
				if (result.error) options.onError?.(result.error);
				else if (result.data) onData(result.data);
			});
		return unsubscribe;
	});
}

/** Calls `fn` at most once per `ms`, trailing — for refetching after bursts of live events. */
export function throttle(fn: () => void, ms: number): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	return () => {
		if (timer) return;
		timer = setTimeout(() => {
			timer = undefined;
			fn();
		}, ms);
	};
}

// The query of a record's page (/transactions/[id], its receipt, /vouchers/[id]): the id from
// the URL, node(id:) asked for it, and the record once it is the type the page shows
// (told apart by one of its fields, e.g. 'reference'); null when nothing or another type is found.
import { page } from '$app/state';
import type { TypedDocumentNode } from '@urql/core';
import { createQuery, type QueryState } from './operation.svelte';

type NodeOf<Data> = Data extends { node?: infer N } ? NonNullable<N> : never;
type Picked<Data, K extends string> = Extract<NodeOf<Data>, Record<K, unknown>>;

export type RecordQuery<Data, K extends string> = {
	/** The record's id, as in the URL. */
	readonly id: string;
	readonly query: QueryState<Data>;
	readonly record: Picked<Data, K> | null;
};

export function createRecordQuery<Data extends { node?: object | null }, K extends string>(
	document: TypedDocumentNode<Data, { id: string }>,
	field: K
): RecordQuery<Data, K> {
	const id = $derived(page.params.id ?? '');
	const query = createQuery(document, () => ({ id }));
	const record = $derived.by(() => {
		const node = query.data?.node;
		return node && field in node ? (node as Picked<Data, K>) : null;
	});
	return {
		get id() {
			return id;
		},
		query,
		get record() {
			return record;
		}
	};
}

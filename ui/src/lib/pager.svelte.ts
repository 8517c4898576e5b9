import type { TypedDocumentNode } from '@urql/core';
import { createQuery, type QueryState } from './graphql/operation.svelte';

// Forward cursor pagination with a stack of the cursors already visited, so
// "Previous" works on connections that only take first/after.
export class CursorPager {
	pageSize = $state(50);
	#cursors = $state<(string | null)[]>([null]);

	constructor(pageSize = 50) {
		this.pageSize = pageSize;
	}

	get index(): number {
		return this.#cursors.length - 1;
	}

	get after(): string | null {
		return this.#cursors[this.#cursors.length - 1];
	}

	get hasPrevious(): boolean {
		return this.#cursors.length > 1;
	}

	next(endCursor: string | null | undefined): void {
		if (endCursor) this.#cursors = [...this.#cursors, endCursor];
	}

	previous(): void {
		if (this.#cursors.length > 1) this.#cursors = this.#cursors.slice(0, -1);
	}

	/** Back to the first page, e.g. when a filter changes. */
	reset(): void {
		if (this.#cursors.length > 1) this.#cursors = [null];
	}

	setPageSize(size: number): void {
		this.pageSize = size;
		this.#cursors = [null];
	}
}

/** The part of a Relay-style connection a paged list reads. */
export type Connection<Node> = {
	totalCount: number;
	pageInfo: { hasNextPage: boolean; endCursor: string | null };
	edges: { node: Node }[];
};

/** What the pagination bar needs from a paged list. */
export type Paged = {
	readonly pager: CursorPager;
	readonly rows: readonly unknown[];
	readonly total: number | undefined;
	readonly hasNext: boolean;
	/** Go to the page after the current one. */
	next(): void;
};

export type PagedQuery<Data, Node> = QueryState<Data> & Omit<Paged, 'rows'> & { readonly rows: Node[] };

type PageVariables = { first?: number | null; after?: string | null };

/**
 * A list query over one connection, a page at a time: `variables` gives all but
 * `first`/`after`, which come from `pager`. The page owns the pager, so that its effect
 * resetting the pager on a filter change can be declared (and run) before this query.
 */
export function createPagedQuery<Data, Vars extends PageVariables, Node>(
	pager: CursorPager,
	document: TypedDocumentNode<Data, Vars>,
	connection: (data: Data) => Connection<Node>,
	variables: () => Omit<Vars, keyof PageVariables>
): PagedQuery<Data, Node> {
	const query = createQuery(document, () => ({ ...variables(), first: pager.pageSize, after: pager.after }) as Vars);
	const page = $derived(query.data === undefined ? undefined : connection(query.data));
	const rows = $derived(page?.edges.map((e) => e.node) ?? []);
	return {
		get data() {
			return query.data;
		},
		get error() {
			return query.error;
		},
		get fetching() {
			return query.fetching;
		},
		refetch: () => query.refetch(),
		pager,
		get rows() {
			return rows;
		},
		get total() {
			return page?.totalCount;
		},
		get hasNext() {
			return page?.pageInfo.hasNextPage ?? false;
		},
		next: () => pager.next(page?.pageInfo.endCursor)
	};
}

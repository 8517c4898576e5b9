// The bundle list and the shop's settings come with the first HTML (rendered on the server,
// the answers embedded for the page to reuse), so a phone on a slow link sees the bundles
// before the page's script has loaded. Live updates still come from the page's queries.
import { stringifyDocument, type TypedDocumentNode } from '@urql/core';
import type { BuyAllocationsQuery, BuyAppInfoQuery } from '$lib/graphql/generated/graphql';
import type { PageLoad } from './$types';
import { BuyAllocationsDoc, BuyAppInfoDoc } from './queries';

async function ask<T>(fetch: typeof globalThis.fetch, doc: TypedDocumentNode<T, Record<string, never>>): Promise<T | null> {
	try {
		const res = await fetch('/graphql', {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
			body: JSON.stringify({ query: stringifyDocument(doc) })
		});
		const body = (await res.json()) as { data?: T; errors?: unknown[] };
		return body.errors?.length ? null : (body.data ?? null);
	} catch {
		// The page's own queries load it (and show their errors) once the script runs.
		return null;
	}
}

export const load: PageLoad = async ({ fetch }) => {
	const [bundles, info] = await Promise.all([ask<BuyAllocationsQuery>(fetch, BuyAllocationsDoc), ask<BuyAppInfoQuery>(fetch, BuyAppInfoDoc)]);
	return { allocations: bundles?.allocations ?? null, appInfo: info?.appInfo ?? null };
};

import type { HandleFetch } from '@sveltejs/kit';

/**
 * A page rendered on the server (the /buy bundle list) asks GraphQL through the API
 * server's in-process entry (api/app.ts sets `req.graphql`), not over the network: the
 * first HTML a phone receives already holds the bundles.
 */
export const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
	const url = new URL(request.url);
	const local = event.platform?.req?.graphql;
	if (local && url.origin === event.url.origin && url.pathname === '/graphql') return local(request);
	return fetch(request);
};

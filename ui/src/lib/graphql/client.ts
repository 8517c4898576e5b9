// The one urql client: HTTP POST /graphql for queries and mutations, graphql-ws for
// subscriptions. Auth is the httpOnly cz_session cookie, sent on both (same origin).
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

/** idle: no subscription has opened the (lazy) socket yet. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

let client: Client | undefined;
let ws: WsClient | undefined;
let connectionState: ConnectionState = 'idle';
const listeners = new Set<(state: ConnectionState) => void>();
let unauthenticatedHandler: (() => void) | undefined;

/** Called when the server says the session is gone (e.g. it expired) — the admin layout sends the user to /login. */
export function onUnauthenticated(handler: (() => void) | undefined): void {
	unauthenticatedHandler = handler;
}

const reconnectListeners = new Set<() => void>();

function setConnectionState(state: ConnectionState) {
	const wasDown = connectionState === 'reconnecting';
	connectionState = state;
	for (const listener of listeners) listener(state);
	if (wasDown && state === 'connected') for (const listener of reconnectListeners) listener();
}

/**
 * Called when the socket is back after a drop: live events sent meanwhile were missed,
 * so views refetch. Returns an unsubscribe.
 */
export function onReconnect(listener: () => void): () => void {
	reconnectListeners.add(listener);
	return () => reconnectListeners.delete(listener);
}

/** Notified whenever the subscription socket connects or drops; returns an unsubscribe. */
export function onConnectionChange(listener: (state: ConnectionState) => void): () => void {
	listeners.add(listener);
	listener(connectionState);
	return () => listeners.delete(listener);
}

/** The server closes every socket with this code after a restore: all data on screen is stale. */
export const RESTORED_CLOSE_CODE = 4205;
let restoreHolds = 0;
let restoreSeen = false;

function reloadAfterRestore() {
	if (restoreHolds > 0) restoreSeen = true;
	else location.reload();
}

/**
 * The page running a restore holds the reload until it has shown its own answer; release
 * reloads then if the signal came meanwhile (or `reload` is set).
 */
export function holdRestoreReload(): (reload?: boolean) => void {
	restoreHolds++;
	let released = false;
	return (reload = false) => {
		if (released) return;
		released = true;
		restoreHolds--;
		if (restoreHolds === 0 && (restoreSeen || reload)) location.reload();
	};
}

function createSocket(): WsClient {
	const protocol = location.protocol === 'https:' ? 'wss' : 'ws';
	// A drop is an unexpected close after a connection; the lazy socket's own close
	// (code 1000, no subscriptions left) is not.
	let dropped = false;
	return createWsClient({
		url: `${protocol}://${location.host}/graphql`,
		lazy: true,
		retryAttempts: Infinity,
		// Network drops and server restarts are never fatal: keep reconnecting.
		shouldRetry: () => true,
		retryWait: async (retries) => {
			const delay = Math.min(1000 * 2 ** retries, 15_000) * (0.75 + Math.random() / 2);
			await new Promise((resolve) => setTimeout(resolve, delay));
		},
		on: {
			connecting: () => setConnectionState(dropped ? 'reconnecting' : 'connecting'),
			connected: () => {
				setConnectionState('connected');
				dropped = false;
			},
			closed: (event) => {
				if ((event as CloseEvent | undefined)?.code === RESTORED_CLOSE_CODE) return reloadAfterRestore();
				const wasConnected = connectionState === 'connected';
				const normal = (event as CloseEvent | undefined)?.code === 1000;
				dropped = !normal && (dropped || wasConnected);
				setConnectionState(normal ? 'idle' : dropped ? 'reconnecting' : 'connecting');
			}
		}
	});
}

export function getClient(): Client {
	if (client) return client;
	ws = createSocket();
	const socket = ws;
	client = new Client({
		url: '/graphql',
		// The server refuses a cookie-authenticated request without this header: a page on
		// another origin cannot add it without a CORS preflight, so it cannot use our cookie.
		fetchOptions: { credentials: 'same-origin', headers: { 'x-graphql-yoga-csrf': '1' } },
		requestPolicy: 'cache-and-network',
		exchanges: [
			mapExchange({
				onError(error, operation) {
					const expired = error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
					if (expired && operation.kind !== 'mutation') unauthenticatedHandler?.();
				}
			}),
			cacheExchange,
			fetchExchange,
			subscriptionExchange({
				forwardSubscription(request) {
					const input = { ...request, query: request.query ?? '' };
					return {
						subscribe(sink) {
							const unsubscribe = socket.subscribe(input, sink);
							return { unsubscribe };
						}
					};
				}
			})
		]
	});
	return client;
}

/**
 * Drop the cache and the socket after login or logout: the server reads the session
 * cookie on the WebSocket upgrade, so live subscriptions must reconnect as the new user.
 */
export function resetClient(): void {
	ws?.dispose();
	ws = undefined;
	client = undefined;
	setConnectionState('idle');
}

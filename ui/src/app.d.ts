// See https://svelte.dev/docs/kit/types#app.d.ts
import type { IncomingMessage } from 'node:http';

declare global {
	namespace App {
		interface Platform {
			/** adapter-node's request; the API server adds `graphql`, its in-process GraphQL entry. */
			req?: IncomingMessage & { graphql?: (request: Request) => Promise<Response> };
		}
	}
}

export {};

import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// The API server imports build/handler.js and serves it for every non-API path; assets
		// are stored brotli- and gzip-compressed beside the originals (a phone on a slow link
		// downloads a third of the bytes).
		adapter: adapter({ out: 'build', precompress: true }),
		// Script policy for every page: only our own files and SvelteKit's bootstrap script,
		// allowed by a per-response nonce (hashes on prerendered pages). An injected <script>
		// or inline handler does not run. SvelteKit's header replaces the one the server sets on
		// other responses (api/app.ts securityHeaders), so it repeats that policy's rules here.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'style-src': ['self', 'unsafe-inline'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;

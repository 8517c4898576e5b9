import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// The API server imports build/handler.js and serves it for every non-API path.
		adapter: adapter({ out: 'build', precompress: false })
	}
};

export default config;

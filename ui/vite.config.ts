import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// `vite dev` proxies the API paths to a locally running server (API_URL, default :3000).
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
	plugins: [sveltekit()],
	server: {
		proxy: {
			'/graphql': { target: api, ws: true, changeOrigin: true },
			'/exports': { target: api, changeOrigin: true },
			// only the download route: /backups itself is the UI's page
			'/backups/download': { target: api, changeOrigin: true }
		}
	}
});

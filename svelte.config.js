import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		// Force runes mode for the project, not for libraries.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// Static files only: any static host or CDN serves the app. Every route is prerendered
		// (see src/routes/+layout.ts), so no fallback page is needed; dynamic data lives in the
		// URL's query or hash, never in path segments.
		// 404.html: static hosts that know the convention serve it for unknown paths.
		adapter: adapter({ strict: true, fallback: '404.html' }),
		// @vite-pwa/sveltekit builds and registers src/prompt-sw.ts; Kit must not register one.
		serviceWorker: { register: false },
		// Kit compiles the worker; the PWA plugin then injects the precache manifest into it.
		files: { serviceWorker: 'src/prompt-sw.ts' },
		version: { pollInterval: 0 }
	}
};

export default config;

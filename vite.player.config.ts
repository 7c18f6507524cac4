/**
 * Builds the SCORM package's player (src/player/main.ts) on its own: one IIFE script and one
 * stylesheet, no chunks, no service worker, nothing loaded at run time. The app embeds the
 * result through scripts/vite-plugin-scorm-player.ts, so it is part of the app's own files
 * and a package can be made offline.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
	// The app's svelte.config.js (preprocess, runes) applies; Kit itself is not involved.
	plugins: [svelte()],
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	publicDir: false,
	logLevel: 'warn',
	build: {
		outDir: 'node_modules/.cache/factdeck-player',
		emptyOutDir: true,
		target: 'es2020',
		cssCodeSplit: false,
		minify: true,
		lib: {
			entry: fileURLToPath(new URL('./src/player/main.ts', import.meta.url)),
			formats: ['iife'],
			name: 'factdeckPlayer',
			fileName: () => 'player.js',
			cssFileName: 'player'
		}
	}
});

import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { bankPlugin } from './scripts/vite-plugin-bank.ts';
import { scormPlayerPlugin } from './scripts/vite-plugin-scorm-player.ts';
import { shellChunk } from './scripts/vite-shell-chunk.ts';

export const THEME_COLOR = '#1d4ed8';
export const BACKGROUND_COLOR = '#ffffff';

export default defineConfig({
	// What every page runs travels as one file (scripts/vite-shell-chunk.ts).
	build: { rolldownOptions: { output: { codeSplitting: { groups: [shellChunk()] } } } },
	plugins: [
		bankPlugin(),
		scormPlayerPlugin(),
		sveltekit(),
		SvelteKitPWA({
			strategies: 'injectManifest',
			srcDir: 'src',
			filename: 'prompt-sw.ts',
			// The app asks before a new version takes over (see src/lib/state/pwa.svelte.ts).
			registerType: 'prompt',
			injectRegister: false,
			scope: '/',
			base: '/',
			manifest: {
				name: 'Factdeck: the Nagorno-Karabakh offensive of September 2023',
				short_name: 'Factdeck',
				description:
					'Learn the facts of one news story offline: quizzes, flashcards with spaced repetition, class assignments.',
				lang: 'en',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				theme_color: THEME_COLOR,
				background_color: BACKGROUND_COLOR,
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{
						src: '/icons/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				]
			},
			injectManifest: {
				// The app shell, every prerendered page and the icons. The bank is inside the JS.
				globPatterns: [
					'client/**/*.{js,css,ico,png,svg,webmanifest}',
					'prerendered/**/*.{html,json}'
				]
			},
			kit: { includeVersionFile: true }
		})
	],
	test: {
		expect: { requireAssertions: true },
		// Most tests take well under 0.5 s alone; with the machine at a load average of 18 a few
		// storage tests passed vitest's 5 s default. 20 s is more than 3x that. Slower tests
		// (property runs, subprocesses) set limits of their own from their measured durations.
		testTimeout: 20_000,
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['tests/unit/**/*.test.ts'],
					exclude: ['tests/unit/**/*.svelte.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'client',
					environment: 'jsdom',
					include: ['tests/unit/**/*.svelte.test.ts'],
					setupFiles: ['./src/vitest-setup.ts']
				},
				resolve: { conditions: ['browser'] }
			}
		]
	}
});

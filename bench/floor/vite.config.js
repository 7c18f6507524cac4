// The floor's build: SvelteKit and @vite-pwa/sveltekit as their documentation sets them up
// (generateSW, the worker precaching the whole build), nothing tuned.
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vite';

export default defineConfig({
	logLevel: 'warn',
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			registerType: 'autoUpdate',
			injectRegister: false,
			manifest: {
				name: 'Floor',
				short_name: 'Floor',
				start_url: '/',
				display: 'standalone',
				theme_color: '#1d4ed8',
				background_color: '#ffffff',
				icons: []
			}
		})
	]
});

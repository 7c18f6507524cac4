import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';

/**
 * Content Security Policy, written by Kit into every prerendered page as
 * <meta http-equiv="content-security-policy">. Mode 'hash': a static host cannot mint a
 * nonce per response, so Kit adds the sha256 of the one inline script it writes (the boot
 * script, which differs per page) to script-src. src/app.html has no inline script and no
 * style attribute. No directive allows 'unsafe-inline' or 'unsafe-eval'.
 *
 * A meta policy cannot carry frame-ancestors, report-uri or sandbox (browsers ignore them
 * there). Against clickjacking the host must send the header
 * `Content-Security-Policy: frame-ancestors 'none'` (or `X-Frame-Options: DENY`).
 *
 * tests/e2e/csp.test.ts checks the policy in every built page and that no page breaks it.
 */

/**
 * @param {string} text
 * @returns {`sha256-${string}`}
 */
const sha256 = (text) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/**
 * The style attribute of Kit's route announcer (the visually hidden live region it adds to
 * every page, .svelte-kit/generated/root.svelte). Without it the announcer shows as plain text
 * after each client-side navigation. tests/e2e/csp.test.ts compares this with Kit's source, so
 * a Kit upgrade that changes it fails with the new value.
 */
const KIT_ANNOUNCER_STYLE =
	'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); ' +
	'overflow: hidden; white-space: nowrap; width: 1px; height: 1px';

/** @type {import('@sveltejs/kit').KitConfig['csp']} */
const csp = {
	mode: 'hash',
	directives: {
		// Everything not listed below: this origin only (fonts, media, frames…).
		'default-src': ['self'],
		// Our bundles, plus Kit's hash of its boot script. Dynamic import() of our chunks is
		// covered by 'self'.
		'script-src': ['self'],
		// Stylesheets: our CSS files only; no <style> element. Svelte puts component CSS in
		// those files, its transitions use the Web Animations API, and style directives set in
		// the browser go through the CSSOM: CSP governs none of these.
		'style-src': ['self'],
		// style="" attributes in markup: only the exact texts hashed here.
		'style-src-attr': ['unsafe-hashes', sha256(KIT_ANNOUNCER_STYLE)],
		// Icons and the favicon; data: and blob: for generated images (QR codes, previews).
		'img-src': ['self', 'data:', 'blob:'],
		// fetch and XHR: this origin only (the app needs nothing beyond its own files).
		'connect-src': ['self'],
		// The service worker (/prompt-sw.js), registered by src/lib/state/pwa.svelte.ts.
		'worker-src': ['self'],
		// /manifest.webmanifest.
		'manifest-src': ['self'],
		// No plugins, no <base> pointing elsewhere, forms submit only to this origin.
		'object-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self']
	}
};

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
		version: { pollInterval: 0 },
		// Small stylesheets go inline into each page (Kit adds their hash to style-src): no
		// render-blocking round trip before the first paint on a slow network.
		inlineStyleThreshold: 8192,
		csp
	}
};

export default config;

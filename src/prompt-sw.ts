/// <reference lib="WebWorker" />
/**
 * The service worker (Workbox, built by @vite-pwa/sveltekit with injectManifest).
 * It precaches the app shell, every prerendered page and the icons; the bank is inside the
 * JS, so after one online visit everything opens with the network off.
 */
import { clientsClaim } from 'workbox-core';
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	precacheAndRoute
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare let self: ServiceWorkerGlobalScope;

// A new version waits until the person accepts the reload the app offers, so one page never
// mixes two versions' files (src/lib/state/pwa.svelte.ts sends this message).
self.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Dynamic data lives in the query or hash (?set=..., #...), so any query maps to the page.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();

// Take control of the page on the very first visit, so it works offline without a reload.
// Later versions only get here after SKIP_WAITING, i.e. after the person chose to reload.
clientsClaim();

// A navigation to a path the app does not have gets the app's own "not found" page instead
// of the browser's offline error (offline there is no host to answer with a 404).
registerRoute(new NavigationRoute(createHandlerBoundToURL('/not-found')));

import type { Page } from '@playwright/test';

/** Every route of the app, with the heading a person sees on it. */
export const ROUTES = [
	{ path: '/', heading: 'Learn the facts of one news story' },
	{ path: '/about', heading: 'About the source' },
	{ path: '/settings', heading: 'Learners and data' },
	{ path: '/quiz', heading: 'Set up a quiz' },
	{ path: '/flashcards', heading: 'Flashcards' },
	{ path: '/progress', heading: /^Progress/ },
	{ path: '/teach', heading: 'Teach' },
	{ path: '/teach/edit', heading: 'New set' },
	{ path: '/teach/set', heading: 'Set not found' },
	{ path: '/teach/print', heading: 'Set not found' },
	{ path: '/collect', heading: 'Add results' },
	{ path: '/join', heading: 'Open an assignment' },
	{ path: '/assignment', heading: 'Assignment not found' },
	{ path: '/not-found', heading: 'Page not found' }
] as const;

/**
 * Waits until a service worker is active, has finished activating (precache complete) and
 * controls the page. Waiting on `controllerchange` alone is not enough: the worker can still
 * be `activating` then.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		const worker = registration.active!;
		if (worker.state !== 'activated') {
			await new Promise<void>((resolve) => {
				worker.addEventListener('statechange', () => {
					if (worker.state === 'activated') resolve();
				});
			});
		}
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
			);
		}
	});
}

/** The header's offline indicator. */
export const offlineBadge = (page: Page) =>
	page.getByRole('banner').getByRole('status').filter({ hasText: 'Offline' });

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
	{ path: '/teach/report', heading: 'Set not found' },
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

/**
 * Runs axe on the page as it is, in the light and in the dark colour scheme, and expects no
 * violations in either. The page's state is untouched (only the emulated scheme changes).
 */
export async function axeBothSchemes(page: Page): Promise<void> {
	const { default: AxeBuilder } = await import('@axe-core/playwright');
	const found: string[] = [];
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const results = await new AxeBuilder({ page }).analyze();
		found.push(...results.violations.map((v) => `${colorScheme}: ${v.id}: ${v.help}`));
	}
	await page.emulateMedia({ colorScheme: null });
	if (found.length) throw new Error(`axe violations:\n${found.join('\n')}`);
}

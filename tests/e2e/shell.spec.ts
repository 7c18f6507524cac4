import { expect, test } from '@playwright/test';
import { axeBothSchemes, offlineBadge, ROUTES, waitForServiceWorker } from './helpers';

test('home shows the story, its topics and the navigation', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ROUTES[0].heading);
	await expect(
		page.getByRole('heading', { name: /After cease-fire, Nagorno-Karabakh/ })
	).toBeVisible();
	const topics = page.getByRole('region', { name: 'Topics' }).getByRole('listitem');
	await expect(topics).toHaveCount(8);
	await expect(topics.first()).toContainText(/People and their roles\s*\d+ questions/);
	const nav = page.getByRole('navigation', { name: 'Main' });
	await expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
	await nav.getByRole('link', { name: 'About' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('About the source');
	await expect(nav.getByRole('link', { name: 'About' })).toHaveAttribute('aria-current', 'page');
});

test('about names the article and its dates without reproducing it', async ({ page }) => {
	await page.goto('/about');
	await expect(
		page.getByText('After cease-fire, Nagorno-Karabakh and Azerbaijan discuss their future')
	).toBeVisible();
	for (const day of [
		'Tuesday 19 September 2023',
		'Wednesday 20 September 2023',
		'Thursday 21 September 2023'
	]) {
		await expect(page.getByText(day)).toBeVisible();
	}
	await expect(page.getByRole('table', { name: 'Questions by kind' }).getByRole('row')).toHaveCount(
		8
	);
	// A sentence of the article's own text must not appear.
	await expect(page.getByText('unleashed artillery and drone attacks')).toHaveCount(0);
});

test('an unknown path shows a not-found page with a way home', async ({ page }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await page.goto('/no-such-page');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await page.getByRole('link', { name: 'Go to the home page' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ROUTES[0].heading);
});

test('the service worker takes control on the first visit', async ({ page }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	const controlled = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
	expect(controlled).toMatch(/\/prompt-sw\.js$/);
	// Said on the next page, so that nothing moves on this one (phone.spec.ts).
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('About the source');
	await expect(page.getByText('Factdeck is ready to work offline.')).toBeVisible();
});

test('with the network off every route opens, after navigation and after a reload', async ({
	page,
	context
}) => {
	// 16 routes, each loaded and reloaded: measured 26 to 34 s on two shared cores.
	test.setTimeout(60_000);
	await page.goto('/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await expect(offlineBadge(page)).toBeVisible();
	for (const route of ROUTES) {
		await page.goto(route.path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
		await expect(offlineBadge(page)).toBeVisible();
	}
	// A query string (used for shared data) still finds the precached page.
	await page.goto('/about?from=link');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('About the source');
	await context.setOffline(false);
	await expect(offlineBadge(page)).toHaveCount(0);
});

// One load a route, both schemes (axeBothSchemes: every rule in light, the colour rules in dark).
for (const route of ROUTES) {
	test(`axe finds no violations on ${route.path}, light and dark`, async ({ page }) => {
		// /teach/edit lists the whole bank: its two scans took 20 s on a quiet machine (12 + 8),
		// and single scans up to 32 s on two shared cores.
		test.setTimeout(90_000);
		await page.goto(route.path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
		await axeBothSchemes(page);
	});
}

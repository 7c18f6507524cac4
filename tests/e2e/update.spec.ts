import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForServiceWorker } from './helpers';

// `vite preview` serves the worker from here. Runs in its own project after all others
// (playwright.config.ts), since every page on the server sees the "new version".
const WORKER = join(
	import.meta.dirname,
	'..',
	'..',
	'.svelte-kit',
	'output',
	'client',
	'prompt-sw.js'
);

/** A new deployment, simulated: one precache revision changes, the file keeps its length. */
function deployNewVersion(original: string): string {
	const changed = original.replace(
		/"revision":"([0-9a-f])/,
		(_m, c: string) => `"revision":"${c === 'a' ? 'b' : 'a'}`
	);
	if (changed === original) throw new Error('no precache revision found in the worker');
	return changed;
}

// Both tests rewrite the worker on disk: one at a time.
test.describe.configure({ mode: 'serial' });

test('a new version is offered, not forced, and the reload switches to it', async ({ page }) => {
	await page.goto('/about');
	await waitForServiceWorker(page);
	const firstWorker = await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.getRegistration();
		return reg?.active?.scriptURL;
	});
	expect(firstWorker).toBeTruthy();
	// Marks this page load: a forced reload would lose it.
	await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

	const original = readFileSync(WORKER, 'utf8');
	writeFileSync(WORKER, deployNewVersion(original));
	try {
		await page.evaluate(async () => {
			const reg = await navigator.serviceWorker.getRegistration();
			await reg?.update();
		});
		const prompt = page
			.getByRole('status')
			.filter({ hasText: 'A new version of Factdeck is ready' });
		await expect(prompt).toBeVisible({ timeout: 15_000 });
		expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
		const waiting = await page.evaluate(async () => {
			const reg = await navigator.serviceWorker.getRegistration();
			return reg?.waiting?.state;
		});
		expect(waiting).toBe('installed');

		await Promise.all([
			page.waitForEvent('load'),
			page.getByRole('button', { name: 'Reload now' }).click()
		]);
		expect(
			await page.evaluate(() => (window as unknown as { marker?: number }).marker)
		).toBeUndefined();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('About the source');
		await expect(prompt).toHaveCount(0);
		const after = await page.evaluate(async () => {
			const reg = await navigator.serviceWorker.getRegistration();
			return { waiting: reg?.waiting ?? null, controlled: !!navigator.serviceWorker.controller };
		});
		expect(after).toEqual({ waiting: null, controlled: true });
	} finally {
		writeFileSync(WORKER, original);
	}
});

test('an update during a quiz keeps the attempt: the reload is offered, the quiz goes on after it', async ({
	page
}) => {
	await page.goto('/quiz');
	await waitForServiceWorker(page);
	await expect(page.getByRole('group', { name: 'Who is studying' })).toBeVisible();
	await page.getByText('Topics, difficulty and kinds', { exact: true }).click();
	await page.getByRole('checkbox', { name: 'True or false' }).check();
	await page.getByRole('radio', { name: '5' }).check();
	await page.getByRole('button', { name: /^Start the quiz/ }).click();
	await expect(page.getByText('Question 1 of 5')).toBeVisible();
	// A tap on a true/false option checks it in practice mode.
	await page.getByRole('radio', { name: 'True' }).click();
	await page.getByRole('button', { name: 'Next question' }).click();
	await expect(page.getByText('Question 2 of 5')).toBeVisible();
	const second = await page.getByRole('heading', { level: 2 }).innerText();

	const original = readFileSync(WORKER, 'utf8');
	writeFileSync(WORKER, deployNewVersion(original));
	try {
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		const prompt = page
			.getByRole('status')
			.filter({ hasText: 'A new version of Factdeck is ready' });
		await expect(prompt).toBeVisible({ timeout: 15_000 });
		// Not forced: the question on screen stays, and can still be answered and saved.
		await expect(page.getByText('Question 2 of 5')).toBeVisible();
		await page.getByRole('radio', { name: 'False' }).click();
		await expect(page.getByRole('region', { name: 'Feedback' })).toBeVisible();

		await Promise.all([
			page.waitForEvent('load'),
			page.getByRole('button', { name: 'Reload now' }).click()
		]);
		// The attempt survived the switch: two answers kept, the third question next.
		await expect(page.getByText('Question 3 of 5')).toBeVisible();
		await expect(page.getByRole('heading', { level: 2 })).not.toHaveText(second);
		await expect(prompt).toHaveCount(0);
	} finally {
		writeFileSync(WORKER, original);
	}
});

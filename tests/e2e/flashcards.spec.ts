import { expect, test, type Page } from '@playwright/test';
import { waitForServiceWorker } from './helpers';

/** Every card record of the database, by prompt-independent item id. */
async function storedCards(page: Page) {
	return page.evaluate(
		() =>
			new Promise<
				{ itemId: string; due: number; memory: { lastReview?: number; state: string } }[]
			>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onsuccess = () => {
					const request = open.result.transaction('cards').objectStore('cards').getAll();
					request.onsuccess = () => {
						resolve(request.result);
						open.result.close();
					};
					request.onerror = () => reject(request.error);
				};
				open.onerror = () => reject(open.error);
			})
	);
}

async function swipeCard(page: Page, direction: 'left' | 'right') {
	const box = (await page.locator('.card-area').boundingBox())!;
	const y = box.y + box.height / 2;
	const x = box.x + box.width / 2;
	await page.mouse.move(x, y);
	await page.mouse.down();
	await page.mouse.move(x + (direction === 'left' ? -160 : 160), y, { steps: 8 });
	await page.mouse.up();
}

test('study ten cards offline with keys and swipes; the schedule survives a reload', async ({
	page,
	context
}) => {
	await page.goto('/flashcards');
	await waitForServiceWorker(page);
	await page.getByLabel('New cards per day').fill('10');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'up to 10 new cards a day' })
	).toBeVisible();
	await context.setOffline(true);

	await page.goto('/flashcards/study?deck=all');
	/** How each of the ten cards is graded, and how. */
	const plan: { how: 'keys' | 'swipe'; grade: 'again' | 'good' | 'easy' }[] = [
		{ how: 'keys', grade: 'easy' },
		{ how: 'keys', grade: 'again' },
		{ how: 'keys', grade: 'easy' },
		{ how: 'keys', grade: 'again' },
		{ how: 'keys', grade: 'easy' },
		{ how: 'keys', grade: 'again' },
		{ how: 'keys', grade: 'easy' },
		{ how: 'swipe', grade: 'good' },
		{ how: 'swipe', grade: 'again' },
		{ how: 'swipe', grade: 'good' }
	];
	const labels: string[] = [];
	for (const [i, step] of plan.entries()) {
		await expect(page.getByText(`Card ${i + 1} of 10`)).toBeVisible();
		await expect(page.getByRole('region', { name: 'Answer' })).toHaveCount(0);
		if (step.how === 'keys') await page.keyboard.press('Space');
		else await page.getByRole('button', { name: 'Show answer' }).click();
		await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Answer' })).toContainText(
			/Source: paragraphs? \d+/
		);
		const name = { again: 'Again', good: 'Good', easy: 'Easy' }[step.grade];
		labels.push(
			(await page
				.getByRole('button', { name: new RegExp(`^${name}, next in`) })
				.getAttribute('aria-label')) ?? ''
		);
		if (step.how === 'keys')
			await page.keyboard.press({ again: '1', good: '3', easy: '4' }[step.grade]);
		else await swipeCard(page, step.grade === 'again' ? 'left' : 'right');
	}
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	await expect(page.getByRole('definition').nth(0)).toHaveText('10');
	await expect(page.getByRole('definition').nth(1)).toHaveText('6');

	// Easy cards wait days; Again and Good cards come back within minutes, so still today.
	expect(labels.filter((l) => l.startsWith('Easy')).every((l) => /next in \d+ days?/.test(l))).toBe(
		true
	);
	expect(
		labels.filter((l) => l.startsWith('Again')).every((l) => /next in \d+ minutes?/.test(l))
	).toBe(true);

	await page.goto('/');
	await page.reload();
	// Six due again today; no new card, as the ten a day are used up.
	await expect(page.getByText('6 reviews ready today.', { exact: true })).toBeVisible();
	const cards = await storedCards(page);
	expect(cards).toHaveLength(10);
	const days = cards.map((c) => (c.due - c.memory.lastReview!) / 86_400_000).sort((a, b) => a - b);
	// Four cards graded Easy are due in whole days, matching the buttons' labels.
	const easyDays = labels
		.filter((l) => l.startsWith('Easy'))
		.map((l) => Number(/(\d+) days?/.exec(l)![1]));
	expect(days.slice(6).map(Math.round).sort()).toEqual(easyDays.sort());
	expect(days.slice(0, 6).every((d) => d < 1 / 24)).toBe(true);
});

test('undo restores the card, and cram leaves the schedule alone', async ({ page }) => {
	await page.goto('/flashcards/study?deck=all');
	await expect(page.getByText('Card 1 of 20')).toBeVisible();
	await page.keyboard.press('Space');
	await page.keyboard.press('4');
	await expect(page.getByText('Card 2 of 20')).toBeVisible();
	expect(await storedCards(page)).toHaveLength(1);
	await page.getByRole('button', { name: 'Undo last grade' }).click();
	await expect(page.getByText('Card 1 of 20')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
	await expect.poll(async () => (await storedCards(page)).length).toBe(0);

	await page.goto('/flashcards');
	await page.getByRole('link', { name: 'Cram People and their roles' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cram: People and their roles');
	await expect(page.getByText(/Card 1 of \d+/)).toBeVisible();
	await page.keyboard.press('Space');
	await page.keyboard.press('1');
	await expect(page.getByText(/Card 2 of \d+/)).toBeVisible();
	expect(await storedCards(page)).toHaveLength(0);
});

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { answerWhateverIsShown, axeViolations } from './helpers';

const switcher = (page: Page) => page.getByRole('group', { name: 'Who is studying' });

test('the first visit creates a learner without asking anything', async ({ page }) => {
	await page.goto('/');
	await expect(
		switcher(page).getByRole('button', { name: 'Learner 1 (studying now)' })
	).toHaveAttribute('aria-pressed', 'true');
});

test('add, switch in one tap, rename and delete learners', async ({ page }) => {
	await page.goto('/settings');
	await expect(switcher(page).getByRole('button', { name: /Learner 1/ })).toBeVisible();
	await page.getByLabel('Name').fill('Ana');
	await page.getByRole('radio', { name: 'Green' }).check();
	await page.getByRole('button', { name: 'Add learner' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Ana was added' })).toBeVisible();

	await switcher(page).getByRole('button', { name: 'Switch to Ana' }).click();
	await expect(switcher(page).getByRole('button', { name: 'Ana (studying now)' })).toBeVisible();
	await page.reload();
	await expect(switcher(page).getByRole('button', { name: 'Ana (studying now)' })).toBeVisible();

	await page.getByRole('button', { name: 'Rename Learner 1' }).click();
	await page.getByRole('listitem').getByLabel('Name').fill('Ben');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(switcher(page).getByRole('button', { name: 'Switch to Ben' })).toBeVisible();

	await page.getByRole('button', { name: 'Delete Ben' }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete Ben?' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('button', { name: "Download Ben's backup" })).toBeVisible();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(switcher(page).getByRole('button', { name: 'Switch to Ben' })).toBeVisible();
	await page.getByRole('button', { name: 'Delete Ben' }).click();
	await dialog.getByRole('button', { name: 'Delete Ben' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Ben and all their progress were deleted' })
	).toBeVisible();
	await expect(switcher(page).getByRole('button')).toHaveCount(1);
});

test('a backup downloaded in one browser restores the learners in a fresh one', async ({
	page,
	browser
}) => {
	await page.goto('/settings');
	await expect(switcher(page).getByRole('button')).toHaveCount(1);
	await page.getByLabel('Name').fill('Zoë');
	await page.getByRole('button', { name: 'Add learner' }).click();
	await expect(switcher(page).getByRole('button', { name: 'Switch to Zoë' })).toBeVisible();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download all learners' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(
		/^factdeck-backup-all-learners-\d{4}-\d\d-\d\d\.json$/
	);
	const path = await download.path();
	const backup = JSON.parse(readFileSync(path, 'utf8'));
	expect(backup.learners.map((b: { learner: { name: string } }) => b.learner.name)).toEqual([
		'Learner 1',
		'Zoë'
	]);

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto('/settings');
	await expect(switcher(other).getByRole('button')).toHaveCount(1);
	await other.getByLabel('Choose a backup file').setInputFiles(path);
	const preview = other.getByRole('region', { name: 'Backup to import' });
	await expect(preview).toContainText('2 learners (Learner 1, Zoë)');
	await preview.getByRole('button', { name: 'Import' }).click();
	await expect(other.getByRole('status').filter({ hasText: 'Imported 2 learners' })).toBeVisible();
	// The fresh browser's own default learner stays; both imported ones arrive.
	await expect(switcher(other).getByRole('button', { name: 'Switch to Zoë' })).toBeVisible();

	// A bad file gets a clear message and changes nothing.
	await other.getByLabel('Choose a backup file').setInputFiles({
		name: 'notes.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"format":"factdeck-backup","version":1,"learn')
	});
	await expect(other.getByRole('alert')).toContainText('not complete JSON');
	await expect(other.getByRole('alert')).toContainText('Nothing was changed.');
	await fresh.close();
});

test('with IndexedDB unavailable the app explains and still shows its pages', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
	});
	await page.goto('/');
	await expect(page.getByRole('alert')).toContainText('will not let Factdeck store anything');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Learn the facts of one news story'
	);
});

test('an old tab gives way to a newer version and asks to be reloaded', async ({
	page,
	context
}) => {
	await page.goto('/settings');
	await expect(switcher(page).getByRole('button')).toHaveCount(1);
	const other = await context.newPage();
	await other.goto('/about');
	// A newer app version in the second tab opens the database at a higher version.
	const version = await other.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const request = indexedDB.open('factdeck', 99);
				request.onsuccess = () => {
					resolve(request.result.version);
					request.result.close();
				};
				request.onerror = () => reject(request.error);
			})
	);
	expect(version).toBe(99);
	await expect(page.getByRole('alert')).toContainText('updated in another tab');
	await expect(page.getByRole('button', { name: 'Reload this tab' })).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`axe finds no violations on settings, with the delete dialog open (${colorScheme})`, async ({
		page
	}) => {
		await page.emulateMedia({ colorScheme });
		await page.goto('/settings');
		await expect(switcher(page).getByRole('button')).toHaveCount(1);
		expect(await axeViolations(page, colorScheme)).toEqual([]);
		await page.getByRole('button', { name: 'Delete Learner 1' }).click();
		await expect(page.getByRole('dialog')).toBeVisible();
		expect(await axeViolations(page, colorScheme)).toEqual([]);
	});
}

/** Answers the first question of a quick quiz with whatever input it shows. */
async function answerOneQuickQuestion(page: Page) {
	await page.goto('/');
	await page.getByRole('button', { name: 'Quick quiz' }).click();
	await expect(page.getByText('Question 1 of 10')).toBeVisible();
	await answerWhateverIsShown(page);
	await expect(page.getByRole('region', { name: 'Feedback' })).toBeVisible();
}

/** The "Answers" figure of the progress page. */
async function answersOnDashboard(page: Page): Promise<string> {
	await page.goto('/progress');
	const tile = page
		.getByRole('term')
		.filter({ hasText: 'Answers' })
		.locator('xpath=following-sibling::dd');
	await expect(tile).toBeVisible();
	return tile.innerText();
}

test('two learners’ progress stays apart', async ({ page }) => {
	await page.goto('/settings');
	// Wait for the page to be live (the learner loaded) before typing.
	await expect(switcher(page).getByRole('button')).toHaveCount(1);
	await page.getByLabel('Name').fill('Ana');
	await page.getByRole('button', { name: 'Add learner' }).click();
	await expect(switcher(page).getByRole('button', { name: 'Switch to Ana' })).toBeVisible();
	await answerOneQuickQuestion(page);
	expect(await answersOnDashboard(page)).toBe('1');
	await switcher(page).getByRole('button', { name: 'Switch to Ana' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Progress: Ana');
	expect(await answersOnDashboard(page)).toBe('0');
	await page.goto('/');
	await expect(page.getByText(/Unfinished/)).toHaveCount(0);
	await switcher(page).getByRole('button', { name: 'Switch to Learner 1' }).click();
	await expect(page.getByText('Unfinished: Quick quiz, 1 of 10 answered.')).toBeVisible();
});

test('a backup restores the same dashboard in a fresh browser profile', async ({
	page,
	browser
}) => {
	await answerOneQuickQuestion(page);
	await page.goto('/progress');
	await expect(page.getByRole('definition').first()).toBeVisible();
	const before = await page.getByRole('definition').allInnerTexts();
	expect(before[1]).toBe('1');
	await page.goto('/settings');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: "Download Learner 1's backup" }).click()
	]);
	const path = await download.path();

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto('/settings');
	await expect(switcher(other).getByRole('button')).toHaveCount(1);
	await other.getByLabel('Choose a backup file').setInputFiles(path);
	await other
		.getByRole('region', { name: 'Backup to import' })
		.getByRole('button', { name: 'Import' })
		.click();
	await expect(other.getByRole('status').filter({ hasText: 'Imported 1 learner' })).toBeVisible();
	// Same id as the fresh profile's default learner? No: the imported one is a second learner.
	await switcher(other)
		.getByRole('button', { name: /Switch to Learner 1/ })
		.click();
	await other.goto('/progress');
	await expect(other.getByRole('definition').first()).toBeVisible();
	expect(await other.getByRole('definition').allInnerTexts()).toEqual(before);
	await fresh.close();
});

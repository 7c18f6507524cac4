import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadBank } from '../../scripts/bank-load';
import type { Item, ItemOf } from '../../src/lib/domain/bank';
import { axeBothSchemes, waitForServiceWorker } from './helpers';

const { bank } = loadBank();
const items = bank!.items;
const first = <K extends Item['kind']>(kind: K) =>
	items.find((i): i is ItemOf<K> => i.kind === kind && !i.exclusionGroup)!;

/** The set: three questions the student answers right, wrong, right (shuffle off). */
const tf = first('truefalse');
const single = first('single');
const numeric = first('numeric');
const TITLE = 'Week 1: the offensive';

/** Axe, light and dark, on the state on screen. */
const axe = axeBothSchemes;

async function ready(page: Page, path: string) {
	await page.goto(path);
	// The header's learner chips show the app is live (hydrated, learner loaded).
	await expect(page.getByRole('group', { name: 'Who is studying' })).toBeVisible();
}

async function addItem(page: Page, item: Item) {
	const main = page.getByRole('main');
	await main.getByRole('searchbox', { name: 'Words' }).fill(item.prompt.slice(0, 40));
	await main.getByRole('checkbox', { name: item.prompt }).check();
}

async function composeAndShare(page: Page): Promise<string> {
	await ready(page, '/teach');
	await page.getByRole('textbox', { name: /Shown to students/ }).fill('Ms Aliyeva');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.getByText('links you share now say they are from Ms Aliyeva')).toBeVisible();
	await page.getByRole('link', { name: 'New set' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('New set');
	await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
	await page.getByRole('textbox', { name: /Instructions/ }).fill('Do it on the bus.');
	await page.getByRole('radio', { name: /test mode/ }).check();
	await page.getByRole('checkbox', { name: /Shuffle/ }).uncheck();
	await page.getByRole('checkbox', { name: /Show students the right answers/ }).uncheck();
	await page.getByRole('combobox', { name: 'Tries each student may take' }).selectOption('2');
	for (const item of [tf, single, numeric]) await addItem(page, item);
	await expect(page.getByRole('group', { name: /Questions in the set \(3 of/ })).toBeVisible();
	await axe(page);
	await page.getByRole('button', { name: 'Save set' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await page.getByRole('button', { name: 'Share this set' }).click();
	const link = page.getByRole('textbox', { name: 'Assignment link' });
	await expect(link).toHaveValue(/\/join#/);
	await expect(page.getByRole('img', { name: 'QR code of the assignment link' })).toBeVisible();
	await expect(page.getByText(/QR version \d+, error correction [ML]/)).toBeVisible();
	await axe(page);
	return link.inputValue();
}

async function takeOffline(browser: Browser, url: string): Promise<string> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await ready(page, '/');
	await waitForServiceWorker(page);
	await context.setOffline(true);

	await page.goto(url);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(page.getByText('Assignment from Ms Aliyeva')).toBeVisible();
	await expect(page.getByText('3 questions, quiz in test mode')).toBeVisible();
	await expect(page.getByText('Do it on the bus.')).toBeVisible();
	await axe(page);
	await page.getByRole('button', { name: 'Accept assignment' }).click();

	await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
	await page.goto('/');
	const assigned = page.getByRole('region', { name: 'Assigned' });
	await expect(assigned.getByRole('link', { name: TITLE })).toBeVisible();
	await assigned.getByRole('link', { name: TITLE }).click();
	await page.getByRole('button', { name: 'Start' }).click();

	const main = page.getByRole('main');
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(tf.prompt);
	await main.getByRole('radio', { name: tf.answer ? 'True' : 'False' }).click();
	await main.getByRole('button', { name: 'Save and continue' }).click();
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(single.prompt);
	const wrong = single.options.find((o) => o !== single.answer)!;
	await main.getByRole('radio', { name: wrong }).click();
	await main.getByRole('button', { name: 'Save and continue' }).click();
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(numeric.prompt);
	await main.getByRole('textbox').fill(String(numeric.answer));
	await main.getByRole('button', { name: 'Save and continue' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Results: ${TITLE}`);
	await expect(page.getByText('2 of 3 right')).toBeVisible();
	// The teacher chose not to show answers after a test.
	await expect(page.getByText('Right answer:')).toHaveCount(0);
	await page
		.getByRole('textbox', { name: 'Your name, as your teacher knows you' })
		.fill('Ana Student');
	await page.getByRole('button', { name: 'Make my result link' }).click();
	const result = page.getByRole('textbox', { name: 'Your result link' });
	await expect(result).toHaveValue(/\/collect#/);
	await expect(page.getByRole('img', { name: 'QR code of your result link' })).toBeVisible();
	await axe(page);
	const resultUrl = await result.inputValue();
	await context.close();
	return resultUrl;
}

test('a teacher shares a set, a student takes it offline, the class report shows the result', async ({
	page,
	browser
}) => {
	// Two people, two devices, and axe in both schemes on eight screens: longer than one page.
	test.setTimeout(120_000);
	const url = await composeAndShare(page);
	const resultUrl = await takeOffline(browser, url);

	await page.goto(resultUrl);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Result added');
	await expect(page.getByText(`Added: Ana Student, try 1, to "${TITLE}".`)).toBeVisible();
	// The same link again is recognised, not counted twice.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Result already added');
	await page.getByRole('link', { name: `Class report: ${TITLE}` }).click();

	// Pasting links on the set's page: the same result again, and something that is no link.
	await page
		.getByRole('textbox', { name: 'Result links, one per line' })
		.fill(`${resultUrl}\nhello`);
	await page.getByRole('button', { name: 'Add results' }).click();
	await expect(page.getByText('0 added, 1 already here, 1 refused.')).toBeFocused();
	await expect(page.getByText(/^Link 2: .*Nothing was stored\.$/)).toBeVisible();

	const roster = page.getByRole('table', { name: 'Roster' });
	await expect(roster.getByRole('row', { name: /Ana Student/ })).toContainText('2 of 3 (67%)');
	const perQuestion = page.getByRole('table', { name: 'Per question, most missed first' });
	const rows = perQuestion.getByRole('row');
	await expect(rows.nth(1)).toContainText(single.prompt);
	await expect(rows.nth(1)).toContainText('0 of 1 (0%)');
	await expect(rows.nth(1)).toContainText(wrongText());
	await expect(perQuestion.getByRole('row', { name: new RegExp(escape(tf.prompt)) })).toContainText(
		'1 of 1 (100%)'
	);
	await axe(page);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download CSV' }).click()
	]);
	const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
	const [header, row] = csv.trim().split('\r\n');
	const cells = row.split(',');
	const column = (name: string) => cells[header.split(',').indexOf(name)];
	expect(column('Student')).toBe('Ana Student');
	expect(column('Score')).toBe('2');
	expect(column('Out of')).toBe('3');
	expect(column('Percent')).toBe('67');
	expect([column('Q1'), column('Q2'), column('Q3')]).toEqual(['1', '0', '1']);

	await page.getByRole('link', { name: 'Print worksheet and answer key' }).click();
	await expect(page.getByRole('heading', { name: `Answer key: ${TITLE}` })).toBeVisible();
	await expect(page.getByText('Name:')).toBeVisible();
	await expect(page.getByRole('heading', { name: `1. ${tf.prompt}` }).first()).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
	await expect(page.getByRole('heading', { name: `Answer key: ${TITLE}` })).toBeVisible();
	await page.emulateMedia({ media: 'screen' });
	await axe(page);
});

function wrongText() {
	return single.options.find((o) => o !== single.answer)!;
}

function escape(text: string) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('bad links are refused with a reason and store nothing', async ({ page }) => {
	await ready(page, '/');
	await page.goto('/join#FDKaAAAA');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'This assignment link cannot be opened'
	);
	await expect(page.getByRole('alert')).not.toBeEmpty();
	await page.goto('/join#not a link at all');
	await expect(page.getByRole('alert')).toContainText(/not .*Factdeck/i);
	await page.goto('/collect#FDKrAAAAAAAA');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This result cannot be added');
	await expect(page.getByText('Nothing was stored.')).toBeVisible();
	await axe(page);
	const stored = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('factdeck');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const count = (store: string) =>
			new Promise<number>((resolve) => {
				const r = db.transaction(store).objectStore(store).count();
				r.onsuccess = () => resolve(r.result);
			});
		const out = [await count('assignments'), await count('results')];
		db.close();
		return out;
	});
	expect(stored).toEqual([0, 0]);
});

test('a flashcard deck assignment: study each card once, then the result carries the grades', async ({
	page
}) => {
	const { readPublishedIds } = await import('../../scripts/bank-load');
	const { encodeAssignmentLink } = await import('../../src/lib/domain/assignment-link');
	const { generateTeacherKeys, decryptResult } = await import('../../src/lib/domain/result-code');
	const index = { version: bank!.version, published: readPublishedIds() };
	const cards = items.filter((i) => !i.quizOnly).slice(0, 2);
	const keys = await generateTeacherKeys();
	const payload = encodeAssignmentLink(
		{
			id: 'feedfacecafebeef',
			revision: 1,
			bankVersion: index.version,
			teacherName: '',
			teacherKey: keys.publicKey,
			settings: {
				title: 'Deck for Monday',
				instructions: '',
				itemIds: cards.map((c) => c.id),
				mode: 'flashcards',
				shuffle: false,
				dueDate: null,
				showAnswers: true,
				tries: 1
			}
		},
		index
	);
	await ready(page, `/join#${payload}`);
	await expect(page.getByText('2 flashcards, flashcard deck')).toBeVisible();
	await page.getByRole('button', { name: 'Accept assignment' }).click();
	await expect(page.getByText('0 of 2 cards reviewed')).toBeVisible();
	await page.getByRole('link', { name: 'Study these cards' }).click();
	for (const [i, grade] of (['Again', 'Easy'] as const).entries()) {
		await expect(page.getByRole('heading', { level: 2 })).toHaveText(cards[i].prompt);
		await page.keyboard.press('Space');
		await page.getByRole('button', { name: new RegExp(`^${grade}`) }).click();
	}
	await page.getByRole('link', { name: 'Back to the assignment' }).click();
	await expect(page.getByText('2 of 2 cards reviewed')).toBeVisible();
	await page.getByRole('button', { name: 'Make my result link' }).click();
	const url = await page.getByRole('textbox', { name: 'Your result link' }).inputValue();

	const lookup = (id: string) => items.find((i) => i.id === id);
	const decoded = await decryptResult(url, keys, index, lookup);
	if (!decoded.ok) throw new Error(decoded.message);
	expect(decoded.value.answers.map((a) => [a.itemId, a.grade])).toEqual([
		[cards[0].id, 'again'],
		[cards[1].id, 'easy']
	]);
	expect(decoded.value.score).toBe(1);
	expect(decoded.value.studentName).toBe('Learner 1');
});

import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
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
/** The name the student types on the result page (after erasing the one kept). */
const STUDENT = 'Ana Student-Okafor';

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

/**
 * Words of table cells that the layout broke across lines ("Righ / t"): each word of each
 * cell of the page's tables must sit on one line. A line may end after a hyphen
 * ("Nagorno- / Karabakh"), as in print, so the parts between hyphens are the words.
 */
async function wordsBrokenInCells(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const broken: string[] = [];
		for (const cell of document.querySelectorAll('table :is(th, td)')) {
			const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const text = node.textContent ?? '';
				for (const match of text.matchAll(/[^\s-]+/g)) {
					const range = document.createRange();
					range.setStart(node, match.index);
					range.setEnd(node, match.index + match[0].length);
					const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
					if (tops.size > 1) broken.push(match[0]);
				}
			}
		}
		return broken;
	});
}

async function composeAndShare(page: Page): Promise<string> {
	await ready(page, '/teach');
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
	// Composing far down the bank list, Save is on screen, and the list is part of the page
	// (no scroll box of its own to trap a thumb on a phone).
	await expect(page.getByRole('button', { name: 'Save set' })).toBeInViewport();
	const bankList = page.getByRole('group', { name: 'Add from the bank' }).getByRole('list');
	expect(await bankList.evaluate((el) => getComputedStyle(el).overflowY)).toBe('visible');
	await axe(page);
	await page.getByRole('button', { name: 'Save set' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	// The first share asks for the teacher's name, once.
	await page.getByRole('button', { name: 'Share this set' }).click();
	await expect(page.getByRole('alert')).toHaveText('Type the name your students know you by.');
	await page
		.getByRole('textbox', { name: 'Your name, as your students know you' })
		.fill('Ms Aliyeva');
	await page.getByRole('button', { name: 'Share this set' }).click();
	const link = page.getByRole('textbox', { name: 'Assignment link' });
	await expect(link).toHaveValue(/\/join#/);
	await expect(page.getByText('It reads "Assignment from Ms Aliyeva".')).toBeVisible();
	// The two sentences keep their space (it was lost once: "uploaded.It reads").
	await expect(page.getByText(/nothing is uploaded/)).toContainText(
		'nothing is uploaded. It reads "Assignment from Ms Aliyeva".'
	);
	await expect(page.getByRole('img', { name: 'QR code of the assignment link' })).toBeVisible();
	await expect(page.getByText("Scan with the phone's camera")).toBeVisible();
	await expect(page.getByText(/QR version|error correction/)).toHaveCount(0);
	const url = await link.inputValue();
	// Desktop Chromium has no share sheet: an email carries the link instead.
	await expect(page.getByRole('button', { name: 'Share…' })).toHaveCount(0);
	const email = await page.getByRole('link', { name: 'Email' }).getAttribute('href');
	expect(email).toMatch(/^mailto:\?subject=/);
	expect(decodeURIComponent(email!.split('&body=')[1])).toContain(`\n\n${url}`);
	await axe(page);
	await ready(page, '/teach');
	await expect(page.getByText('You teach as Ms Aliyeva.')).toBeVisible();
	return url;
}

async function takeOffline(browser: Browser, url: string): Promise<string> {
	const context = await browser.newContext();
	// This phone has a share sheet: a stub records what it is given.
	await context.addInitScript(() => {
		const shared: ShareData[] = [];
		Object.assign(window, { sharedData: shared });
		Object.defineProperty(navigator, 'canShare', { value: (d: ShareData) => !!d.url });
		Object.defineProperty(navigator, 'share', {
			value: async (d: ShareData) => void shared.push(d)
		});
	});
	const page = await context.newPage();
	await ready(page, '/');
	await waitForServiceWorker(page);
	await context.setOffline(true);

	await page.goto(url);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(page.getByText('Assignment from Ms Aliyeva')).toBeVisible();
	await expect(page.getByText('3 questions, quiz in test mode')).toBeVisible();
	await expect(page.getByText('Do it on the bus.')).toBeVisible();
	// Asked once, on accepting; never prefilled with the automatic "Learner 1".
	const name = page.getByRole('textbox', { name: 'Your name, as your teacher knows you' });
	await expect(name).toHaveValue('');
	await axe(page);
	await name.fill('Ada Okafor');
	await page.getByRole('button', { name: 'Accept assignment' }).click();

	await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
	// The device's first learner took the typed name.
	await expect(page.getByRole('group', { name: 'Who is studying' })).toContainText('Ada Okafor');
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
	// The name kept with the assignment is offered; the student erases it key by key and types.
	const field = page.getByRole('textbox', { name: 'Your name, as your teacher knows you' });
	await expect(field).toHaveValue('Ada Okafor');
	await field.press('End');
	for (let i = 0; i < 'Ada Okafor'.length; i++) await field.press('Backspace');
	await expect(field).toHaveValue('');
	await field.pressSequentially(STUDENT);
	await expect(field).toHaveValue(STUDENT);
	await page.getByRole('button', { name: 'Make my result link' }).click();
	const result = page.getByRole('textbox', { name: 'Your result link' });
	await expect(result).toHaveValue(/\/collect#/);
	await expect(page.getByText(`This result is for ${STUDENT}.`)).toBeVisible();
	await expect(page.getByRole('img', { name: 'QR code of your result link' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Email' })).toHaveCount(0);
	await axe(page);
	const resultUrl = await result.inputValue();
	await page.getByRole('button', { name: 'Share…' }).click();
	const shared = await page.evaluate(
		() => (window as unknown as { sharedData: ShareData[] }).sharedData
	);
	expect(shared.map((d) => [d.title, d.url])).toEqual([[`Result: ${TITLE}`, resultUrl]]);
	expect(shared[0].text).toContain(`from ${STUDENT}`);
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
	await expect(page.getByText(`Added: ${STUDENT}, try 1, to "${TITLE}".`)).toBeVisible();
	// The same link again is recognised, not counted twice.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Result already added');
	// The report is one tap away.
	await page.getByRole('link', { name: `Class report: ${TITLE}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Class report: ${TITLE}`);

	// Pasting links on the report page: the same result again, and something that is no link.
	await page
		.getByRole('textbox', { name: 'Result links, one per line' })
		.fill(`${resultUrl}\nhello`);
	await page.getByRole('button', { name: 'Add results' }).click();
	await expect(page.getByText('0 added, 1 already here, 1 refused.')).toBeFocused();
	await expect(page.getByText(/^Link 2: .*Nothing was stored\.$/)).toBeVisible();

	const roster = page.getByRole('table', { name: 'Roster' });
	await expect(roster.getByRole('rowheader')).toHaveText([STUDENT]);
	const student = roster.getByRole('row', { name: new RegExp(STUDENT) });
	await expect(student.getByRole('cell')).toHaveText(['1', '2 of 3 (67%)', /^\d+ s$/, /.+/, 'No']);
	const perQuestion = page.getByRole('table', { name: 'Per question, most missed first' });
	const rows = perQuestion.getByRole('row');
	await expect(rows.nth(1)).toContainText(single.prompt);
	await expect(rows.nth(1)).toContainText('0 of 1 (0%)');
	await expect(rows.nth(1)).toContainText(wrongText());
	await expect(perQuestion.getByRole('row', { name: new RegExp(escape(tf.prompt)) })).toContainText(
		'1 of 1 (100%)'
	);
	await axe(page);
	// No column breaks inside a word, on a desktop or a phone.
	expect(await wordsBrokenInCells(page)).toEqual([]);
	await page.setViewportSize({ width: 360, height: 800 });
	expect(await wordsBrokenInCells(page)).toEqual([]);
	await page.setViewportSize({ width: 1280, height: 800 });

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download CSV for a gradebook' }).click()
	]);
	const csv = readFileSync((await download.path())!, 'utf8');
	expect(csv.startsWith('\uFEFF')).toBe(true);
	const parsed = Papa.parse<Record<string, string>>(csv.slice(1), {
		header: true,
		skipEmptyLines: true
	});
	expect(parsed.errors).toEqual([]);
	expect(parsed.data).toHaveLength(1);
	const [row] = parsed.data;
	expect(row['Student']).toBe(STUDENT);
	expect([row['Try'], row['Score'], row['Out of'], row['Percent']]).toEqual(['1', '2', '3', '67']);
	expect(row['Time (s)']).toMatch(/^\d+$/);
	expect([row['Late'], row['Altered']]).toEqual(['no', 'no']);
	expect([tf, single, numeric].map((item, i) => row[`Q${i + 1} right (${item.id})`])).toEqual([
		'right',
		'wrong',
		'right'
	]);
	const answerColumn = parsed.meta.fields!.find((f) => f.startsWith(`Q2 answer (${single.id}: `))!;
	expect(row[answerColumn]).toBe(wrongText());

	await page.getByRole('link', { name: TITLE, exact: true }).click();
	await expect(page.getByRole('link', { name: 'Class report (1 result)' })).toBeVisible();
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
	const { decryptResult } = await import('../../src/lib/domain/result-code');
	const { generateTeacherKeys } = await import('../../src/lib/domain/teacher-keys');
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
	await page.getByRole('textbox', { name: 'Your name, as your teacher knows you' }).fill('Kim');
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
	expect(decoded.value.studentName).toBe('Kim');
});

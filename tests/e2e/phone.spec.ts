import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadBank } from '../../scripts/bank-load';
import { exclusionGroupsOf, type Item, type ItemOf } from '../../src/lib/domain/bank';
import { countAvailable, poolSizes, presentItem } from '../../src/lib/domain/quiz';
import { createRng } from '../../src/lib/domain/random';
import { createScheduler } from '../../src/lib/domain/scheduler';
import { waitForServiceWorker } from './helpers';

// The student on a phone (issue 14), measured as a person sees it: boxes against the
// viewport, computed styles and counted taps. Runs in the phone project only (Pixel 7).

const bank = loadBank().bank!;
const items = bank.items;
const KINDS = ['single', 'truefalse', 'multi', 'typed', 'numeric', 'ordering', 'matching'] as const;
/** The longest item of a kind: the most text to lay out (prompt, options, entries). */
const longest = <K extends Item['kind']>(kind: K) =>
	items
		.filter((i): i is ItemOf<K> => i.kind === kind)
		.sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0];
const first = <K extends Item['kind']>(kind: K, n = 0) =>
	items.filter((i): i is ItemOf<K> => i.kind === kind)[n];

/** Stores a quiz over `quizItems` for the current learner and opens it. */
async function openSeededQuiz(page: Page, quizItems: Item[], mode: 'practice' | 'test') {
	await page.goto('/');
	await expect(page.getByRole('group', { name: 'Who is studying' })).toBeVisible();
	const questions = quizItems.map((item, i) => presentItem(createRng(i + 1), item));
	const id = await page.evaluate(
		async ({ questions, mode }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('factdeck');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const get = db.transaction('settings').objectStore('settings').get('currentLearnerId');
			const learnerId = await new Promise((r) => (get.onsuccess = () => r(get.result.value)));
			const now = Date.now();
			const attempt = {
				id: `phone-${now}`,
				learnerId,
				kind: 'quiz',
				status: 'in-progress',
				title: 'Phone quiz',
				startedAt: now,
				updatedAt: now,
				config: {
					options: {
						length: questions.length,
						mode,
						seed: 1,
						topics: [],
						difficulties: [],
						kinds: []
					}
				},
				questions,
				answers: []
			};
			const tx = db.transaction('attempts', 'readwrite');
			tx.objectStore('attempts').put(attempt);
			await new Promise((resolve) => (tx.oncomplete = resolve));
			db.close();
			return attempt.id;
		},
		{ questions, mode }
	);
	await page.goto(`/quiz/play?attempt=${id}`);
	await expect(page.getByText(`Question 1 of ${quizItems.length}`)).toBeVisible();
}

/** The element's box lies wholly inside the viewport (what the person sees without scrolling). */
async function expectInView(page: Page, locator: Locator) {
	const box = await locator.boundingBox();
	const view = page.viewportSize()!;
	expect(box, 'the element is rendered').not.toBeNull();
	expect(box!.y, 'its top is on screen').toBeGreaterThanOrEqual(0);
	expect(box!.y + box!.height, 'its bottom is on screen').toBeLessThanOrEqual(view.height);
	expect(box!.x).toBeGreaterThanOrEqual(0);
	expect(box!.x + box!.width).toBeLessThanOrEqual(view.width);
}

/** Counts the taps the person makes from now on (touch starts on the page). */
async function countTaps(page: Page) {
	await page.evaluate(() => {
		const w = window as unknown as { taps: number };
		w.taps = 0;
		addEventListener('touchstart', () => w.taps++, { capture: true, passive: true });
	});
	return () => page.evaluate(() => (window as unknown as { taps: number }).taps);
}

const verdict = (page: Page) =>
	page
		.getByRole('region', { name: 'Feedback' })
		.getByText(/^\W*(Right|Not quite|\d+ of \d+ pairs right)$/);

/** Gives some answer (right or not) to the question on screen by taps. */
async function tapSomeAnswer(page: Page, item: Item) {
	const main = page.getByRole('main');
	const check = () => main.getByRole('button', { name: 'Check answer' }).tap();
	switch (item.kind) {
		case 'single':
		case 'truefalse':
			// Practice mode: the tap is the check.
			return main.getByRole('radio').first().tap();
		case 'multi':
			await main.getByRole('checkbox').first().tap();
			return check();
		case 'typed':
		case 'numeric':
			await main.getByRole('textbox').fill('1');
			return check();
		case 'ordering':
			return check();
		case 'matching':
			for (const group of await main.getByRole('group').getByRole('group').all())
				await group.getByRole('radio').first().tap();
			return check();
	}
}

test('after checking, the verdict and the way on are in view; each new question starts at its top', async ({
	page
}) => {
	const quiz = KINDS.map((kind) => longest(kind));
	await openSeededQuiz(page, quiz, 'practice');
	const status = page
		.getByRole('main')
		.getByRole('status')
		.filter({ hasText: /Right\.|right\.|Not quite\./ });
	for (const [i, item] of quiz.entries()) {
		const number = page.getByText(`Question ${i + 1} of ${quiz.length}`);
		await expect(number).toBeVisible();
		await expect(page.getByRole('heading', { level: 2 })).toHaveText(item.prompt);
		if (i > 0) {
			await expectInView(page, number);
			await expectInView(page, page.getByRole('progressbar'));
			await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
		}
		await tapSomeAnswer(page, item);
		await expect(verdict(page)).toBeVisible();
		await expectInView(page, verdict(page));
		const next = page.getByRole('button', {
			name: i === quiz.length - 1 ? 'See results' : 'Next question'
		});
		await expectInView(page, next);
		await expect(next).toBeFocused();
		await expect(status).toHaveCount(1);
		// The question stays reachable above (scrolled, never removed).
		await expect(page.getByRole('heading', { level: 2 })).toHaveText(item.prompt);
		if (i < quiz.length - 1) await next.tap();
	}
});

test('a known single-choice or true/false answer costs two taps, moving on included', async ({
	page
}) => {
	const single = first('single');
	const trueFalse = first('truefalse');
	await openSeededQuiz(page, [single, trueFalse, first('single', 1)], 'practice');
	const taps = await countTaps(page);
	await page.getByRole('radio', { name: single.answer, exact: true }).tap();
	await expect(verdict(page)).toHaveText(/Right/);
	await page.getByRole('button', { name: 'Next question' }).tap();
	await expect(page.getByText('Question 2 of 3')).toBeVisible();
	expect(await taps()).toBe(2);

	await page.getByRole('radio', { name: trueFalse.answer ? 'True' : 'False' }).tap();
	await expect(verdict(page)).toHaveText(/Right/);
	await page.getByRole('button', { name: 'Next question' }).tap();
	await expect(page.getByText('Question 3 of 3')).toBeVisible();
	expect(await taps()).toBe(4);
});

test('in test mode a tap only picks: a mis-tap can be changed before saving', async ({ page }) => {
	const single = first('single');
	await openSeededQuiz(page, [single, first('truefalse')], 'test');
	const taps = await countTaps(page);
	const wrong = single.options.find((o) => o !== single.answer)!;
	await page.getByRole('radio', { name: wrong, exact: true }).tap();
	await expect(page.getByText('Question 1 of 2')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Feedback' })).toHaveCount(0);
	await page.getByRole('radio', { name: single.answer, exact: true }).tap();
	await expect(page.getByRole('radio', { name: single.answer, exact: true })).toBeChecked();
	await page.getByRole('button', { name: 'Save and continue' }).tap();
	await expect(page.getByText('Question 2 of 2')).toBeVisible();
	expect(await taps()).toBe(3);
});

test('matching costs one tap a pair plus the check, and shows a used match before checking', async ({
	page
}) => {
	const matching = longest('matching');
	await openSeededQuiz(page, [matching, first('single')], 'practice');
	const taps = await countTaps(page);
	const main = page.getByRole('main');
	const [firstPair, ...rest] = matching.pairs;
	await main
		.getByRole('group', { name: firstPair.left, exact: true })
		.getByRole('radio', { name: firstPair.right, exact: true })
		.tap();
	// Every other entry now shows that match as used, in words.
	await expect(
		main.getByRole('radio', { name: `${firstPair.right} (used)`, exact: true })
	).toHaveCount(rest.length);
	for (const pair of rest)
		await main
			.getByRole('group', { name: pair.left, exact: true })
			.getByRole('radio', { name: pair.right, exact: true })
			.tap();
	await main.getByRole('button', { name: 'Check answer' }).tap();
	await expect(verdict(page)).toHaveText(/Right/);
	expect(await taps()).toBe(matching.pairs.length + 1);
});

test('a check with nothing to check looks unavailable and says why when tapped', async ({
	page
}) => {
	await openSeededQuiz(page, [first('multi'), first('single')], 'practice');
	const check = page.getByRole('button', { name: 'Check answer' });
	const opacity = () => check.evaluate((el) => Number(getComputedStyle(el).opacity));
	expect(await opacity()).toBeLessThan(0.7);
	await expect(check).toBeDisabled(); // aria-disabled: screen readers say it is unavailable
	// A finger taps it all the same (Playwright would wait for it to be enabled).
	await check.tap({ force: true });
	await expect(page.getByRole('alert')).toHaveText('Tick at least one option first.');
	await expect(page.getByRole('region', { name: 'Feedback' })).toHaveCount(0);
	await page.getByRole('checkbox').first().tap();
	await expect(page.getByRole('alert')).toHaveCount(0);
	expect(await opacity()).toBe(1);
});

test.describe('at 360 px', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test('every section is in the navigation without sideways scrolling, with the learner named', async ({
		page
	}) => {
		await page.goto('/');
		await expect(page.getByRole('group', { name: 'Who is studying' })).toBeVisible();
		const scroll = await page.evaluate(() => {
			const nav = document.querySelector('nav ul')!;
			const root = document.scrollingElement!;
			return [root.scrollWidth - root.clientWidth, nav.scrollWidth - nav.clientWidth];
		});
		expect(scroll).toEqual([0, 0]);
		const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
		expect(await links.count()).toBe(7);
		for (const link of await links.all()) {
			await expectInView(page, link);
			expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
		}
		// The learner's name in words, not only an initial.
		await expectInView(page, page.getByRole('banner').getByText('Learner 1', { exact: true }));
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Learners' })
			.tap();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learners and data');
	});

	test('buttons use the app type, as the links styled as buttons do', async ({ page }) => {
		await page.goto('/');
		const quick = page.getByRole('button', { name: 'Quick quiz' });
		const choose = page.getByRole('link', { name: 'Choose a quiz' });
		const font = (l: Locator) =>
			l.evaluate((el) => {
				const s = getComputedStyle(el);
				return `${s.fontSize} ${s.fontFamily}`;
			});
		const body = await page.evaluate(() => {
			const s = getComputedStyle(document.body);
			return `${s.fontSize} ${s.fontFamily}`;
		});
		expect(await font(quick)).toBe(body);
		expect(await font(choose)).toBe(body);
	});
});

test('"ready to work offline" moves nothing under a finger: it shows on the next page, covers no control, and leaves with it', async ({
	page
}) => {
	await page.goto('/');
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toHaveText('Learn the facts of one news story');
	const before = await heading.boundingBox();
	await waitForServiceWorker(page);
	// The app's own `ready` callback ran before this one, and a frame later its DOM is painted.
	await page.evaluate(() =>
		navigator.serviceWorker.ready.then(() => new Promise((r) => requestAnimationFrame(r)))
	);
	const note = page.getByText('Factdeck is ready to work offline.');
	// The worker became ready while this page was open: nothing appeared, nothing moved.
	await expect(note).toHaveCount(0);
	expect(await heading.boundingBox()).toEqual(before);

	const nav = page.getByRole('navigation', { name: 'Main' });
	await nav.getByRole('link', { name: 'About' }).tap();
	await expect(heading).toHaveText('About the source');
	await expect(note).toBeVisible();
	const covered = await note.evaluate((el) => {
		const r = el.getBoundingClientRect();
		return [...document.querySelectorAll('a, button, input, select, textarea, summary')]
			.filter((c) => {
				const b = c.getBoundingClientRect();
				return (
					b.width > 0 &&
					b.left < r.right &&
					b.right > r.left &&
					b.top < r.bottom &&
					b.bottom > r.top
				);
			})
			.map((c) => c.textContent?.trim());
	});
	expect(covered).toEqual([]);
	// It leaves with the page, by itself.
	await nav.getByRole('link', { name: 'Home' }).tap();
	await expect(heading).toHaveText('Learn the facts of one news story');
	await expect(note).toHaveCount(0);
});

test('the offline badge reads "Offline: everything still works"', async ({ page, context }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await expect(
		page
			.getByRole('banner')
			.getByRole('status')
			.filter({ hasText: /^\W*Offline/ })
	).toHaveText('● Offline: everything still works');
	await context.setOffline(false);
});

test('a page not found offers a real button home', async ({ page }) => {
	await page.goto('/not-found');
	const home = page.getByRole('link', { name: 'Go to the home page' });
	const box = (await home.boundingBox())!;
	expect(box.height).toBeGreaterThanOrEqual(44);
	expect(box.width).toBeGreaterThanOrEqual(44);
	await home.tap();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Learn the facts of one news story'
	);
});

test('Save and exit keeps the quiz; it can be discarded from home and from the history; an unanswered one leaves no row', async ({
	page
}) => {
	const single = first('single');
	await openSeededQuiz(page, [single, first('truefalse'), first('single', 1)], 'practice');
	const quizUrl = page.url();
	// Left before the first answer: nothing to resume, no history row.
	await expect(page.getByText('Nothing is answered yet: leaving now keeps no quiz.')).toBeVisible();
	await page.getByRole('link', { name: 'Save and exit' }).tap();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Learn the facts of one news story'
	);
	await expect(page.getByRole('button', { name: 'Quick quiz' })).toBeEnabled();
	await expect(page.getByText(/^Unfinished:/)).toHaveCount(0);
	await page.goto('/progress');
	await expect(page.getByRole('region', { name: 'Quiz history' })).toContainText('No quizzes yet.');

	// One answer, then Save and exit: kept, offered on home, listed in the history.
	await page.goto(quizUrl);
	await page.getByRole('radio', { name: single.answer, exact: true }).tap();
	await expect(page.getByText(/^1 answer is saved\./)).toBeVisible();
	await page.getByRole('link', { name: 'Save and exit' }).tap();
	await expect(page.getByText('Unfinished: Phone quiz, 1 of 3 answered.')).toBeVisible();
	await page.goto('/progress');
	const history = page.getByRole('region', { name: 'Quiz history' });
	await expect(history.getByRole('link', { name: 'Phone quiz (resume)' })).toBeVisible();
	await history.getByRole('button', { name: 'Discard Phone quiz' }).tap();
	// Two taps: the first only asks.
	await history.getByRole('button', { name: 'Keep it' }).tap();
	await expect(history.getByRole('link', { name: 'Phone quiz (resume)' })).toBeVisible();
	await history.getByRole('button', { name: 'Discard Phone quiz' }).tap();
	await history.getByRole('button', { name: 'Discard quiz' }).tap();
	await expect(history).toContainText('No quizzes yet.');
	await page.goto('/');
	await expect(page.getByRole('button', { name: 'Quick quiz' })).toBeEnabled();
	await expect(page.getByText(/^Unfinished:/)).toHaveCount(0);

	// And from the home page's offer.
	await openSeededQuiz(page, [single, first('truefalse')], 'practice');
	await page.getByRole('radio', { name: single.answer, exact: true }).tap();
	await page.getByRole('link', { name: 'Save and exit' }).tap();
	await page.getByRole('button', { name: 'Discard Phone quiz' }).tap();
	await page.getByRole('button', { name: 'Discard quiz' }).tap();
	await expect(page.getByText(/^Unfinished:/)).toHaveCount(0);
});

test('End session in flashcards leads to the summary; undo shows only once there is a grade', async ({
	page
}) => {
	await page.goto('/flashcards/study?deck=all');
	await expect(page.getByText(/Card 1 of \d+/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Undo last grade' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Show answer' }).tap();
	await page.getByRole('button', { name: /^Good/ }).tap();
	await expect(page.getByText(/Card 2 of \d+/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Undo last grade' })).toBeVisible();
	await page.getByRole('button', { name: 'End session' }).tap();
	const summary = page.getByRole('heading', { name: /^Session ended: 1 of \d+ cards$/ });
	await expect(summary).toBeVisible();
	await expect(summary).toBeFocused();
});

test('key hints and number badges appear only once a keyboard is used', async ({ page }) => {
	await openSeededQuiz(page, [first('single'), first('truefalse')], 'practice');
	const keysHint = page.getByText('Keys: number keys choose, Enter checks and moves on.');
	const badges = page.getByRole('main').getByText('1', { exact: true });
	await expect(keysHint).toBeHidden();
	await expect(badges).toBeHidden();
	await page.keyboard.press('Tab');
	await expect(keysHint).toBeVisible();
	await expect(badges).toBeVisible();
	// The shortcut works all along.
	await page.keyboard.press('2');
	await expect(page.getByRole('radio').nth(1)).toBeChecked();
});

test('results show the why of every question in test mode too, and no header breaks inside a word at 360 px', async ({
	page
}) => {
	await page.setViewportSize({ width: 360, height: 740 });
	const quiz = [first('single'), first('truefalse')];
	await openSeededQuiz(page, quiz, 'test');
	await page.getByRole('radio').first().tap();
	await page.getByRole('button', { name: 'Save and continue' }).tap();
	await expect(page.getByText('Question 2 of 2')).toBeVisible();
	await page.getByRole('radio').first().tap();
	await page.getByRole('button', { name: 'Save and continue' }).tap();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results: Phone quiz');
	const rows = page.getByRole('main').getByRole('list').last().getByRole('listitem');
	await expect(rows).toHaveCount(2);
	for (const [i, item] of quiz.entries()) {
		await expect(rows.nth(i)).toContainText(item.explanation);
		await expect(rows.nth(i)).toContainText(/Source: paragraphs? \d+/);
	}
	const lines = await page.getByRole('columnheader', { name: 'Score' }).evaluate((th) => {
		const range = document.createRange();
		range.selectNodeContents(th);
		return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
	});
	expect(lines).toBe(1);
});

// ---- Home and the quiz set-up say what to do (issue 14, item 6) ----------------------------

const NO_FILTERS = { topics: [], difficulties: [], kinds: [] };
const byPrompt = new Map(items.map((i) => [i.prompt, i]));

/** Stores card records for the current learner, as a past study session would have. */
async function seedCards(
	page: Page,
	cards: { itemId: string; due: number; introducedAt?: number }[]
) {
	const scheduler = createScheduler({ fuzz: false });
	const records = cards.map((c) => ({
		...c,
		memory: {
			...scheduler.grade(scheduler.newMemory(c.due - 86_400_000), 'good', c.due - 86_400_000),
			due: c.due
		}
	}));
	await page.evaluate(async (records) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('factdeck');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const get = db.transaction('settings').objectStore('settings').get('currentLearnerId');
		const learnerId = await new Promise((r) => (get.onsuccess = () => r(get.result.value)));
		const tx = db.transaction('cards', 'readwrite');
		for (const record of records) tx.objectStore('cards').put({ ...record, learnerId });
		await new Promise((resolve) => (tx.oncomplete = resolve));
		db.close();
	}, records);
}

test('home says how many new cards and reviews are ready, leaves out retired cards, and Study now studies exactly those', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('group', { name: 'Who is studying' })).toBeVisible();
	// A newcomer: the daily limit of new cards, not "0 due".
	await expect(page.getByText('20 new cards ready today.', { exact: true })).toBeVisible();
	await expect(page.getByText(/\b0 (flashcards|reviews)\b/)).toHaveCount(0);
	await expectInView(page, page.getByRole('link', { name: 'Study now' }));

	// One card studied two days ago and due now, and one kept from an item since retired.
	const now = Date.now();
	const studied = items.find((i) => !i.quizOnly)!;
	await seedCards(page, [
		{ itemId: studied.id, due: now - 60_000, introducedAt: now - 2 * 86_400_000 },
		{ itemId: bank.retired[0], due: now - 60_000 }
	]);
	await page.reload();
	await expect(
		page.getByText('20 new cards and 1 review ready today.', { exact: true })
	).toBeVisible();
	const taps = await countTaps(page);
	await page.getByRole('link', { name: 'Study now' }).tap();
	// The review first, then the twenty new cards: what home said.
	await expect(page.getByText('Card 1 of 21')).toBeVisible();
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(studied.prompt);
	expect(await taps()).toBe(1);

	// No new cards a day and the review done: home says so, and offers the decks instead.
	await page.goto('/flashcards');
	await page.getByRole('spinbutton', { name: 'New cards per day' }).fill('0');
	await page.getByRole('button', { name: 'Save' }).tap();
	await expect(page.getByText('Saved: up to 0 new cards a day.')).toBeVisible();
	await page.goto('/');
	await expect(page.getByText('1 review ready today.', { exact: true })).toBeVisible();
	await seedCards(page, [
		{ itemId: studied.id, due: now + 3 * 86_400_000, introducedAt: now - 2 * 86_400_000 }
	]);
	await page.reload();
	await expect(
		page.getByText('Nothing due today, and new cards are set to 0 a day.', { exact: true })
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Study now' })).toHaveCount(0);
	await page.getByRole('link', { name: 'See the decks' }).tap();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Flashcards');
});

test('each topic row starts a quiz of that topic or its cards, in one tap', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('group', { name: 'Who is studying' })).toBeVisible();
	const list = page.getByRole('region', { name: 'Topics' });
	const rowOf = (name: string) =>
		list.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
	for (const topic of bank.topics) {
		const row = rowOf(topic.name);
		const box = (await row.boundingBox())!;
		for (const control of [
			row.getByRole('button', { name: `Quiz: ${topic.name}` }),
			row.getByRole('link', { name: `Cards: ${topic.name}` })
		]) {
			const b = (await control.boundingBox())!;
			expect(b.height).toBeGreaterThanOrEqual(44);
			expect(b.x).toBeGreaterThanOrEqual(box.x);
			expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width);
		}
	}

	// A topic one quiz cannot ask ten of (its exclusion groups): all that fit; another: ten.
	const perQuiz = (topic: string) => countAvailable(items, { ...NO_FILTERS, topics: [topic] });
	const small = bank.topics.find((t) => perQuiz(t.id) < 10)!;
	const large = bank.topics.find((t) => perQuiz(t.id) >= 10)!;
	for (const [topic, length] of [
		[small, perQuiz(small.id)],
		[large, 10]
	] as const) {
		await page.goto('/');
		const button = rowOf(topic.name).getByRole('button', { name: `Quiz: ${topic.name}` });
		await expect(button).toBeEnabled();
		const taps = await countTaps(page);
		await button.tap();
		await expect(page.getByText(`Question 1 of ${length}`)).toBeVisible();
		expect(await taps()).toBe(1);
		const prompt = await page.getByRole('heading', { level: 2 }).innerText();
		expect(byPrompt.get(prompt)?.topic).toBe(topic.id);
	}

	const places = bank.topics.find((t) => t.id === 'places')!;
	const cards = items.filter((i) => i.topic === places.id && !i.quizOnly);
	await page.goto('/');
	await rowOf(places.name)
		.getByRole('link', { name: `Cards: ${places.name}` })
		.tap();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Study: ${places.name}`);
	await expect(page.getByText(`Card 1 of ${Math.min(20, cards.length)}`)).toBeVisible();
	const front = await page.getByRole('heading', { level: 2 }).innerText();
	expect(cards.map((i) => i.prompt)).toContain(front);
});

for (const viewport of [
	{ width: 412, height: 915 },
	{ width: 360, height: 740 }
]) {
	test(`the set-up says how many questions share one quiz and why, with Start in view at ${viewport.width}x${viewport.height}`, async ({
		page
	}) => {
		await page.setViewportSize(viewport);
		const whole = poolSizes(items, NO_FILTERS);
		await page.goto('/');
		await expect(
			page.getByText(`${whole.matching} questions in ${bank.topics.length} topics`)
		).toBeVisible();
		await page.getByRole('link', { name: 'Choose a quiz' }).tap();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up a quiz');
		await expect(page.getByRole('group', { name: 'Who is studying' })).toBeVisible();
		const start = page.getByRole('button', { name: 'Start the quiz' });
		await expectInView(page, start);
		await expect(page.getByRole('group', { name: 'How many questions' })).toContainText(
			`Questions that would give each other's answers away never share a quiz: one quiz holds at most ${whole.perQuiz} of the ${whole.matching} that match. Every question asks all ${whole.matching}, in ${whole.rounds.length} rounds.`
		);
		await expect(page.getByRole('status').filter({ hasText: 'that match' })).toHaveText(
			`A quiz of 10, from the ${whole.matching} questions that match.`
		);

		// The filters, folded away, open with a tap; Start and what it makes stay in view.
		await page.getByText('Topics, difficulty and kinds').tap();
		const last = bank.topics.at(-1)!;
		const box = page.getByRole('checkbox', { name: last.name });
		await box.tap();
		await expect(box).toBeChecked();
		await expectInView(page, start);
		const topic = poolSizes(items, { ...NO_FILTERS, topics: [last.id] });
		await expect(page.getByRole('status').filter({ hasText: 'match' })).toContainText(
			topic.perQuiz < 10 ? `Only ${topic.perQuiz}` : `A quiz of 10, from the ${topic.matching}`
		);
		// The control just ticked is not under the bar at the foot of the screen.
		const bar = (await start.locator('..').boundingBox())!;
		const ticked = (await box.boundingBox())!;
		expect(ticked.y + ticked.height).toBeLessThanOrEqual(bar.y);
		// Scrolled to the middle of the options, Start is still in view.
		await page.getByRole('checkbox', { name: 'Medium' }).scrollIntoViewIfNeeded();
		await expectInView(page, start);
	});
}

test('every question goes through the whole pool in rounds, no round holding two questions that give each other away', async ({
	page
}) => {
	// The smallest topic and difficulty whose questions need two rounds or more.
	const difficulties = ['Easy', 'Medium', 'Hard'];
	const [topic, difficulty, sizes] = bank.topics
		.flatMap((t) =>
			([1, 2, 3] as const).map(
				(d) => [t, d, poolSizes(items, { topics: [t.id], difficulties: [d], kinds: [] })] as const
			)
		)
		.filter(([, , s]) => s.rounds.length >= 2)
		.sort((a, b) => a[2].matching - b[2].matching)[0];
	const pool = items.filter((i) => i.topic === topic.id && i.difficulty === difficulty);

	await page.goto('/quiz');
	await expect(page.getByRole('group', { name: 'Who is studying' })).toBeVisible();
	await page.getByRole('radio', { name: 'Every question' }).tap();
	await page.getByText('Topics, difficulty and kinds').tap();
	await page.getByRole('checkbox', { name: topic.name }).tap();
	await page.getByRole('checkbox', { name: difficulties[difficulty - 1] }).tap();
	const of = sizes.rounds.length;
	await expect(page.getByRole('status').filter({ hasText: 'Every question' })).toHaveText(
		`Every question: all ${pool.length}, in ${of} rounds of about ${Math.round(pool.length / of)}.`
	);
	await page.getByRole('button', { name: 'Start the quiz' }).tap();

	const asked: string[] = [];
	for (let round = 1; round <= of; round++) {
		const size = sizes.rounds[round - 1];
		await expect(page.getByText(`Question 1 of ${size}`)).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			`Every question: round ${round} of ${of}`
		);
		const thisRound: Item[] = [];
		for (let n = 1; n <= size; n++) {
			await expect(page.getByText(`Question ${n} of ${size}`)).toBeVisible();
			const item = byPrompt.get(await page.getByRole('heading', { level: 2 }).innerText())!;
			thisRound.push(item);
			await tapSomeAnswer(page, item);
			await page.getByRole('button', { name: n === size ? 'See results' : 'Next question' }).tap();
		}
		// No two questions of a round share an exclusion group.
		const groups = thisRound.flatMap((i) => exclusionGroupsOf(i));
		expect(new Set(groups).size).toBe(groups.length);
		asked.push(...thisRound.map((i) => i.id));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			`Results: Every question: round ${round} of ${of}`
		);
		if (round < of) {
			await expect(
				page.getByText(`Round ${round} of ${of} done: ${of - round} to go.`)
			).toBeVisible();
			const next = page.getByRole('button', { name: `Start round ${round + 1} of ${of}` });
			await expectInView(page, next);
			await next.tap();
		}
	}
	await expect(
		page.getByText('That was the last round: you have been through every question.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: /^Start round/ })).toHaveCount(0);
	// Every question of the pool, each once.
	expect(asked.sort()).toEqual(pool.map((i) => i.id).sort());
});

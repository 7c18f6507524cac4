import { expect, test, type Page } from '@playwright/test';
import { loadBank, readPublishedIds } from '../../scripts/bank-load';
import type { AssignmentLink } from '../../src/lib/domain/assignment';
import { encodeAssignmentLink } from '../../src/lib/domain/assignment-link';
import { generateTeacherKeys } from '../../src/lib/domain/teacher-keys';

const { bank } = loadBank();
const index = { version: bank!.version, published: readPublishedIds() };
const truefalse = bank!.items.filter((i) => i.kind === 'truefalse').slice(0, 3);

/** An assignment link as a teacher's app would make it (encoded here, with a fresh key). */
async function assignmentUrl(title: string, instructions = ''): Promise<string> {
	const keys = await generateTeacherKeys();
	const link: AssignmentLink = {
		id: '0123456789abcdef',
		revision: 1,
		bankVersion: index.version,
		teacherName: '<b>Ms</b> A',
		teacherKey: keys.publicKey,
		settings: {
			title,
			instructions,
			itemIds: truefalse.map((i) => i.id),
			mode: 'practice',
			shuffle: false,
			dueDate: null,
			showAnswers: true,
			tries: 0
		}
	};
	return `/join#${encodeAssignmentLink(link, index)}`;
}

async function ready(page: Page, path: string) {
	await page.goto(path);
	await expect(page.getByRole('group', { name: 'Who is studying' })).toBeVisible();
}

/** Presses Tab until the focused element has this accessible text (keyboard only). */
async function tabTo(page: Page, name: string | RegExp, limit = 60) {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const label = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el) return '';
			const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
			return (
				el.getAttribute('aria-label') ||
				labelled?.textContent ||
				el.closest('label')?.textContent ||
				el.textContent ||
				''
			).trim();
		});
		if (typeof name === 'string' ? label === name : name.test(label)) return;
	}
	throw new Error(`Tab never reached ${name}`);
}

test('markup in an assignment is shown as text and runs nothing', async ({ page }) => {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	const title = '<img src=x onerror=alert(1)>';
	const instructions = '<script>alert(2)</script> and <a href="javascript:alert(3)">click</a>';
	await ready(page, '/');
	await page.goto(await assignmentUrl(title, instructions));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByText(instructions)).toBeVisible();
	await expect(page.getByText('Assignment from <b>Ms</b> A')).toBeVisible();
	await page
		.getByRole('textbox', { name: 'Your name, as your teacher knows you' })
		.fill('<i>Ana</i>');
	await page.getByRole('button', { name: 'Accept assignment' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await page.goto('/');
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	expect(await page.locator('main img, main script, main a[href^="javascript"]').count()).toBe(0);
	expect(dialogs).toEqual([]);
});

test('keyboard only: a quiz, a flashcard session and accepting an assignment', async ({ page }) => {
	// A quiz of true-or-false questions, chosen and answered with the keyboard.
	await ready(page, '/quiz');
	// Radios are one tab stop: reach the group's checked one (10), then arrow to 5.
	await tabTo(page, '10');
	await page.keyboard.press('ArrowLeft');
	await expect(page.getByRole('radio', { name: '5' })).toBeChecked();
	// The filters are folded away: Enter on their summary opens them.
	await tabTo(page, /^Topics, difficulty and kinds/);
	await page.keyboard.press('Enter');
	await tabTo(page, 'True or false');
	await page.keyboard.press('Space');
	await tabTo(page, /^Start the quiz/);
	await page.keyboard.press('Enter');
	for (let n = 1; n <= 5; n++) {
		await expect(page.getByText(`Question ${n} of 5`)).toBeVisible();
		await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
		await page.keyboard.press('1');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('region', { name: 'Feedback' })).toBeVisible();
		await expect(page.getByRole('button', { name: /Next question|See results/ })).toBeFocused();
		await page.keyboard.press('Enter');
	}
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Results/);
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

	// Flashcards: flip with Space, grade with a number key.
	await page.goto('/flashcards/study?deck=all');
	for (let n = 1; n <= 3; n++) {
		await expect(page.getByText(new RegExp(`Card ${n} of \\d+`))).toBeVisible();
		await page.keyboard.press('Space');
		await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();
		await page.keyboard.press('3');
	}
	await expect(page.getByText(/Card 4 of \d+/)).toBeVisible();

	// An assignment: open the link, accept and start it without a pointer.
	await page.goto(await assignmentUrl('Keyboard week'));
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
	await tabTo(page, 'Your name, as your teacher knows you');
	await page.keyboard.type('Kim');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keyboard week');
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
	await tabTo(page, 'Start');
	await page.keyboard.press('Enter');
	await expect(page.getByText('Question 1 of 3')).toBeVisible();
	await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
});

test('a full disk on an answer: a clear message, nothing half-written, and the retry works', async ({
	page
}) => {
	await page.addInitScript(() => {
		// The test switches this on: every IndexedDB write then fails as a full disk does.
		const fail = () => (window as unknown as { failWrites?: boolean }).failWrites === true;
		for (const name of ['put', 'add'] as const) {
			const original = IDBObjectStore.prototype[name];
			IDBObjectStore.prototype[name] = function (this: IDBObjectStore, ...args: unknown[]) {
				if (fail()) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return (original as (...a: unknown[]) => IDBRequest).apply(this, args);
			};
		}
	});
	await ready(page, '/quiz');
	await page.getByText('Topics, difficulty and kinds', { exact: true }).click();
	await page.getByRole('checkbox', { name: 'True or false' }).check();
	await page.getByRole('radio', { name: '5' }).check();
	await page.getByRole('button', { name: /^Start the quiz/ }).click();
	await expect(page.getByText('Question 1 of 5')).toBeVisible();
	const attemptId = new URL(page.url()).searchParams.get('attempt')!;

	await page.evaluate(() => ((window as unknown as { failWrites: boolean }).failWrites = true));
	await page.getByRole('radio', { name: 'True' }).click();
	await page.getByRole('button', { name: 'Check answer' }).click();
	// Said where the person is looking, and in the banner with its way out (a backup).
	await expect(
		page.getByRole('main').getByRole('alert').filter({ hasText: 'out of space' })
	).toBeVisible();
	await expect(page.getByRole('alert').filter({ hasText: 'out of space' })).toHaveCount(2);
	await expect(page.getByText('Your answer is still here: try again.')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Feedback' })).toHaveCount(0);
	await expect(page.getByRole('radio', { name: 'True' })).toBeChecked();

	const stored = () =>
		page.evaluate(async (id) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('factdeck');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const get = <T>(store: string, fn: (s: IDBObjectStore) => IDBRequest<T>) =>
				new Promise<T>((resolve) => {
					const r = fn(db.transaction(store).objectStore(store));
					r.onsuccess = () => resolve(r.result);
				});
			const attempt = await get<{ answers: unknown[] }>('attempts', (s) => s.get(id));
			const events = await get<number>('events', (s) => s.count());
			const stats = await get<number>('itemStats', (s) => s.count());
			db.close();
			return { answers: attempt.answers.length, events, stats };
		}, attemptId);
	expect(await stored()).toEqual({ answers: 0, events: 0, stats: 0 });

	await page.evaluate(() => ((window as unknown as { failWrites: boolean }).failWrites = false));
	await page.getByRole('button', { name: 'Check answer' }).click();
	await expect(page.getByRole('region', { name: 'Feedback' })).toBeVisible();
	expect(await stored()).toEqual({ answers: 1, events: 1, stats: 1 });
});

import type { Page } from '@playwright/test';
import type { QuizQuestion } from '../../src/lib/domain/quiz';

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
	page
		.getByRole('banner')
		.getByRole('status')
		.filter({ hasText: /^\W*Offline\b/ });

/**
 * Runs axe on the page as it is, in the light and in the dark colour scheme, and expects no
 * violations in either. The page's state is untouched (only the emulated scheme changes).
 *
 * The dark scheme differs from the light one only in colour tokens (`app.css`, one
 * `prefers-color-scheme` block of custom properties), so the dark pass runs axe's colour rules
 * alone: the structure, names and roles it would check again are the ones the light pass saw.
 * That halves the cost of a scan, which dominated the long journeys on a busy machine.
 */
export async function axeBothSchemes(page: Page): Promise<void> {
	const found: string[] = [];
	for (const colorScheme of ['light', 'dark'] as const) {
		found.push(...(await axeViolations(page, colorScheme)).map((v) => `${colorScheme}: ${v}`));
	}
	await page.emulateMedia({ colorScheme: null });
	if (found.length) throw new Error(`axe violations:\n${found.join('\n')}`);
}

/**
 * Axe's violations ("id: help") on the page in one colour scheme, left emulated. In the dark
 * scheme only the colour rules run, for the reason given above.
 */
export async function axeViolations(page: Page, colorScheme: 'light' | 'dark'): Promise<string[]> {
	const { default: AxeBuilder } = await import('@axe-core/playwright');
	await page.emulateMedia({ colorScheme });
	const builder = new AxeBuilder({ page });
	if (colorScheme === 'dark') builder.withRules(COLOUR_RULES);
	const results = await builder.analyze();
	return results.violations.map((v) => `${v.id}: ${v.help}`);
}

/** Axe's rules that depend on colour: the only ones a change of colour scheme can break. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Stores an in-progress quiz attempt of these questions for the current learner, as the quiz
 * generator would have made it, and returns its id. The page must have loaded the app once.
 */
export async function seedAttempt(
	page: Page,
	questions: QuizQuestion[],
	title: string
): Promise<string> {
	return page.evaluate(
		async ({ questions, title }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('factdeck');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const read = <T>(request: IDBRequest<T>) =>
				new Promise<T>((resolve, reject) => {
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				});
			const learnerId = (
				await read(db.transaction('settings').objectStore('settings').get('currentLearnerId'))
			).value;
			const now = Date.now();
			const attempt = {
				id: `seeded-${now}`,
				learnerId,
				kind: 'quiz',
				status: 'in-progress',
				title,
				startedAt: now,
				updatedAt: now,
				config: {
					options: {
						length: questions.length,
						mode: 'practice',
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
		{ questions, title }
	);
}

/**
 * Answers the question on screen with whatever its input offers (first options, some text)
 * and checks it, until its feedback shows. In practice mode a tap on a single-choice or
 * true/false option checks the answer by itself; every other kind needs "Check answer".
 */
export async function answerWhateverIsShown(page: Page): Promise<void> {
	const main = page.getByRole('main');
	const matchGroups = main.getByRole('group').getByRole('group');
	if (await matchGroups.count()) {
		for (const group of await matchGroups.all()) await group.getByRole('radio').first().check();
	} else if (await main.getByRole('radio').count()) {
		await main.getByRole('radio').first().check();
		await page.getByRole('region', { name: 'Feedback' }).waitFor();
		return;
	} else if (await main.getByRole('checkbox').count()) {
		await main.getByRole('checkbox').first().check();
	} else if (await main.getByRole('textbox').count()) {
		await main.getByRole('textbox').fill('1994');
	}
	await main.getByRole('button', { name: 'Check answer' }).click();
	await page.getByRole('region', { name: 'Feedback' }).waitFor();
}

import { expect, test, type Page } from '@playwright/test';
import { loadBank } from '../../scripts/bank-load';
import type { ItemOf } from '../../src/lib/domain/bank';
import { poolSizes, presentItem } from '../../src/lib/domain/quiz';
import { createRng } from '../../src/lib/domain/random';
import { answerWhateverIsShown, axeBothSchemes as axe, seedAttempt } from './helpers';

/*
 * Axe, in both colour schemes, on the states a person meets inside the quiz and flashcards.
 * These used to run inside the long journeys of quiz.spec and flashcards.spec, where the scans
 * were two thirds of the time; here each state is reached directly. Every route's first screen
 * is checked in shell.spec, the teacher and student screens in assignments.spec.
 */

const { bank } = loadBank();
const singles = bank!.items.filter((i): i is ItemOf<'single'> => i.kind === 'single');

/** Seeds a quiz of these single-choice questions for the current learner and opens it. */
async function openSeededQuiz(page: Page, items: ItemOf<'single'>[], title: string) {
	await page.goto('/');
	await expect(page.getByRole('group', { name: 'Who is studying' })).toBeVisible();
	const questions = items.map((item, i) => presentItem(createRng(i + 1), item));
	await page.goto(`/quiz/play?attempt=${await seedAttempt(page, questions, title)}`);
}

test('axe: a quiz question, and its feedback when right and when wrong', async ({ page }) => {
	const [first, second] = singles;
	await openSeededQuiz(page, [first, second], 'Two questions');
	const main = page.getByRole('main');
	const feedback = page.getByRole('region', { name: 'Feedback' });

	await expect(page.getByRole('heading', { level: 2 })).toHaveText(first.prompt);
	await axe(page);
	// In practice mode a tap on an option checks it.
	await main.getByRole('radio', { name: first.answer }).click();
	await expect(feedback).toContainText('Right');
	await axe(page);
	await main.getByRole('button', { name: 'Next question' }).click();

	await expect(page.getByRole('heading', { level: 2 })).toHaveText(second.prompt);
	await main.getByRole('radio', { name: second.options.find((o) => o !== second.answer)! }).click();
	await expect(feedback).toContainText('Not quite');
	await axe(page);
});

test('axe: the results of a quiz and the progress page with data', async ({ page }) => {
	const [only] = singles;
	await openSeededQuiz(page, [only], 'One question');
	const main = page.getByRole('main');
	await main.getByRole('radio', { name: only.options.find((o) => o !== only.answer)! }).click();
	await main.getByRole('button', { name: 'See results' }).click();
	await expect(page.getByText('0 of 1 right')).toBeVisible();
	await axe(page);
	// The dashboard with data in it (the empty one is checked with every route).
	await page.getByRole('link', { name: 'My progress' }).click();
	await expect(page.getByRole('region', { name: 'Quiz history' })).toContainText('One question');
	await axe(page);
});

test('axe: a flashcard before and after it is turned, and the session summary', async ({
	page
}) => {
	await page.goto('/flashcards');
	await page.getByLabel('New cards per day').fill('2');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'up to 2 new cards a day' })
	).toBeVisible();
	await page.goto('/flashcards/study?deck=all');
	await expect(page.getByText('Card 1 of 2')).toBeVisible();
	await axe(page);
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
	await axe(page);
	await page.getByRole('button', { name: /^Good, next in/ }).click();
	await expect(page.getByText('Card 2 of 2')).toBeVisible();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Again, next in/ }).click();
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	await axe(page);
});

test('axe: the quiz set-up with its filters open for every question, and a round’s results', async ({
	page
}) => {
	// The smallest topic and difficulty that make two rounds or more.
	const [topic, difficulty, sizes] = bank!.topics
		.flatMap((t) =>
			([1, 2, 3] as const).map(
				(d) =>
					[t, d, poolSizes(bank!.items, { topics: [t.id], difficulties: [d], kinds: [] })] as const
			)
		)
		.filter(([, , s]) => s.rounds.length >= 2)
		.sort((a, b) => a[2].matching - b[2].matching)[0];
	await page.goto('/quiz');
	await expect(page.getByRole('group', { name: 'Who is studying' })).toBeVisible();
	await page.getByRole('radio', { name: 'Every question' }).click();
	await page.getByText('Topics, difficulty and kinds', { exact: true }).click();
	await page.getByRole('checkbox', { name: topic.name }).check();
	await page.getByRole('checkbox', { name: ['Easy', 'Medium', 'Hard'][difficulty - 1] }).check();
	await expect(page.getByRole('status').filter({ hasText: 'Every question' })).toContainText(
		`in ${sizes.rounds.length} rounds`
	);
	await axe(page);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	const size = sizes.rounds[0];
	for (let n = 1; n <= size; n++) {
		await expect(page.getByText(`Question ${n} of ${size}`)).toBeVisible();
		await answerWhateverIsShown(page);
		await page.getByRole('button', { name: n === size ? 'See results' : 'Next question' }).click();
	}
	await expect(
		page.getByRole('button', { name: `Start round 2 of ${sizes.rounds.length}` })
	).toBeVisible();
	await axe(page);
});

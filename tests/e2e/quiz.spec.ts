import { expect, test, type Page } from '@playwright/test';
import { loadBank } from '../../scripts/bank-load';
import type { Item, ItemOf } from '../../src/lib/domain/bank';
import { presentItem } from '../../src/lib/domain/quiz';
import { createRng } from '../../src/lib/domain/random';
import { answerWhateverIsShown, seedAttempt, waitForServiceWorker } from './helpers';

const { bank } = loadBank();
const items = bank!.items;
const byKind = <K extends Item['kind']>(kind: K, n: number) =>
	items.filter((i): i is ItemOf<K> => i.kind === kind).slice(0, n);

/** Ten questions covering every kind, and how the test answers each (tap or keys, right or wrong). */
const plan: { item: Item; way: 'tap' | 'keys'; right: boolean }[] = [
	{ item: byKind('single', 2)[0], way: 'tap', right: true },
	{ item: byKind('truefalse', 2)[0], way: 'keys', right: true },
	{ item: byKind('typed', 2)[0], way: 'keys', right: true },
	{ item: byKind('numeric', 1)[0], way: 'keys', right: true },
	{ item: byKind('multi', 1)[0], way: 'tap', right: true },
	{ item: byKind('ordering', 1)[0], way: 'tap', right: true },
	{ item: byKind('matching', 1)[0], way: 'keys', right: true },
	{ item: byKind('single', 2)[1], way: 'keys', right: false },
	{ item: byKind('truefalse', 2)[1], way: 'tap', right: false },
	{ item: byKind('typed', 2)[1], way: 'tap', right: true }
];

async function answer(page: Page, { item, way, right }: (typeof plan)[number]) {
	const main = page.getByRole('main');
	switch (item.kind) {
		case 'single': {
			const option = right ? item.answer : item.options.find((o) => o !== item.answer)!;
			if (way === 'tap') await main.getByRole('radio', { name: option }).click();
			else {
				const shown = await main
					.getByRole('radio')
					.evaluateAll((els) => els.map((e) => (e.closest('label') as HTMLElement).innerText));
				const n = shown.findIndex((text) => text.includes(option)) + 1;
				await page.keyboard.press(String(n));
			}
			break;
		}
		case 'truefalse': {
			const value = right ? item.answer : !item.answer;
			if (way === 'keys') await page.keyboard.press(value ? '1' : '2');
			else await main.getByRole('radio', { name: value ? 'True' : 'False' }).click();
			break;
		}
		case 'multi':
			for (const a of item.answers) await main.getByRole('checkbox', { name: a }).click();
			break;
		case 'typed':
			await main.getByLabel('Your answer').fill(right ? item.answer : 'Baku');
			break;
		case 'numeric':
			await main.getByRole('textbox').fill(`${item.answer.toLocaleString('en')} ${item.unit}`);
			break;
		case 'ordering':
			for (let target = 0; target < item.sequence.length; target++) {
				const entry = item.sequence[target];
				const rows = await main.getByRole('listitem').allInnerTexts();
				let at = rows.findIndex((r) => r.includes(entry));
				while (at > target) {
					await main.getByRole('button', { name: `Move ${entry} up` }).click();
					at--;
				}
			}
			break;
		case 'matching':
			// One tap (here a check) per pair.
			for (const pair of item.pairs)
				await main
					.getByRole('group', { name: pair.left, exact: true })
					.getByRole('radio', { name: pair.right, exact: true })
					.check();
			break;
	}
	if (way === 'keys') await page.keyboard.press('Enter');
	// In practice mode a tap on a single-choice or true/false option checks it at once.
	else if (item.kind !== 'single' && item.kind !== 'truefalse')
		await main.getByRole('button', { name: 'Check answer' }).click();
}

test('a ten-question quiz with every kind, offline, by taps and keys, counted in progress', async ({
	page,
	context
}) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await expect(page.getByRole('group', { name: 'Who is studying' })).toBeVisible();
	const attemptId = await seedAttempt(
		page,
		plan.map(({ item }, i) => presentItem(createRng(i + 1), item)),
		'Every kind'
	);
	await context.setOffline(true);

	await page.goto(`/quiz/play?attempt=${attemptId}`);
	for (const [i, step] of plan.entries()) {
		await expect(page.getByText(`Question ${i + 1} of 10`)).toBeVisible();
		await expect(page.getByRole('heading', { level: 2 })).toHaveText(step.item.prompt);
		await answer(page, step);
		const feedback = page.getByRole('region', { name: 'Feedback' });
		await expect(feedback).toContainText(step.right ? 'Right' : 'Not quite');
		await expect(feedback).toContainText(/Source: paragraphs? \d+/);
		await expect(feedback).toContainText(step.item.explanation);
		if (step.way === 'keys') await page.keyboard.press('Enter');
		else
			await page.getByRole('button', { name: i === 9 ? 'See results' : 'Next question' }).click();
	}

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results: Every kind');
	await expect(page.getByText('8 of 10 right')).toBeVisible();
	await page.reload();
	await expect(page.getByText('8 of 10 right')).toBeVisible();
	const cardCount = plan.filter((p) => !p.item.quizOnly).length;
	await page.getByRole('link', { name: 'Review these as flashcards' }).click();
	await expect(page.getByText(`Card 1 of ${cardCount}`)).toBeVisible();
	const firstCard = plan.find((p) => !p.item.quizOnly)!.item.prompt;
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(firstCard);
	await page.goBack();

	await page.getByRole('link', { name: 'My progress' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Progress/);
	const answers = page.getByRole('definition').nth(1);
	await expect(answers).toHaveText('10');
	await expect(page.getByRole('region', { name: 'Quiz history' })).toContainText('Every kind');
	await expect(page.getByRole('region', { name: 'Quiz history' })).toContainText('80%');
});

test('a quick quiz resumes after a reload and its answers are kept', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Quick quiz' }).click();
	await expect(page.getByText('Question 1 of 10')).toBeVisible();
	const prompt = await page.getByRole('heading', { level: 2 }).innerText();
	// Answer whatever comes with the first option or some text: what matters is that it is kept.
	await answerWhateverIsShown(page);
	await expect(page.getByRole('region', { name: 'Feedback' })).toBeVisible();
	await page.goto('/');
	await expect(page.getByText('Unfinished: Quick quiz, 1 of 10 answered.')).toBeVisible();
	await page.getByRole('link', { name: 'Resume quiz' }).click();
	await expect(page.getByText('Question 2 of 10')).toBeVisible();
	await expect(page.getByRole('heading', { level: 2 })).not.toHaveText(prompt);
});

test('the setup page says when the filters leave too few questions', async ({ page }) => {
	await page.goto('/quiz');
	// Wait for the page to be live (the learner loaded) before choosing.
	await expect(page.getByRole('group', { name: 'Who is studying' })).toBeVisible();
	await page.getByRole('radio', { name: '20' }).check();
	await page.getByText('Topics, difficulty and kinds', { exact: true }).click();
	await page.getByRole('checkbox', { name: 'Match the pairs' }).check();
	await expect(page.getByRole('status').filter({ hasText: 'that match' })).toContainText(
		/^Only \d+ .*: choose fewer, or every question\.$/
	);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.getByRole('alert')).toContainText(/Only \d+ questions? fits? in one quiz/);
	await page.getByRole('radio', { name: '5' }).check();
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.getByText('Question 1 of 5')).toBeVisible();
	// A matching question: one group of choices per entry.
	await expect(page.getByRole('main').getByRole('group').getByRole('group').first()).toBeVisible();
});

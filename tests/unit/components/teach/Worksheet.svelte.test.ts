import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import AnswerKey from '../../../../src/lib/components/teach/AnswerKey.svelte';
import Worksheet from '../../../../src/lib/components/teach/Worksheet.svelte';
import type { AssignmentSettings } from '../../../../src/lib/domain/assignment';
import type { Item, ItemOf } from '../../../../src/lib/domain/bank';
import { matching, multi, numeric, ordering, single, trueFalse, typed } from '../quiz/items';

const ALL: Item[] = [single, multi, trueFalse, typed, numeric, ordering, matching];

function settingsFor(items: Item[], extra: Partial<AssignmentSettings> = {}): AssignmentSettings {
	return {
		title: 'The September offensive',
		instructions: 'Read the article first.\nThen answer in pen.',
		itemIds: items.map((i) => i.id),
		mode: 'test',
		shuffle: false,
		dueDate: null,
		showAnswers: true,
		tries: 1,
		...extra
	};
}

/** The numbered questions: one list item per question, each headed by its prompt. */
function questionsOf(container: HTMLElement): HTMLElement[] {
	return [...container.querySelectorAll<HTMLElement>('ol.questions > li')];
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

describe('Worksheet', () => {
	it('has the title, teacher, instructions, and lines for the name and the date', () => {
		const { container } = render(Worksheet, {
			settings: settingsFor(ALL, { dueDate: '2026-09-07' }),
			items: ALL,
			teacherName: 'Ms Aliyeva'
		});
		expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('The September offensive');
		expect(screen.getByText('Teacher: Ms Aliyeva')).toBeInTheDocument();
		expect(screen.getByText(/^Due: Monday,? 7 September 2026$/)).toBeInTheDocument();
		expect(screen.getByText('7 questions')).toBeInTheDocument();
		expect(container.querySelector('.instructions')?.textContent).toBe(
			'Read the article first.\nThen answer in pen.'
		);
		const name = screen.getByText(/^Name:/);
		expect(name.querySelector('.blank')).not.toBeNull();
		expect(screen.getByText(/^Date:/).querySelector('.blank')).not.toBeNull();
	});

	it('numbers every question in the set order, each headed by its prompt', () => {
		const { container } = render(Worksheet, { settings: settingsFor(ALL), items: ALL });
		const headings = screen.getAllByRole('heading', { level: 2 });
		expect(headings.map(text)).toEqual(ALL.map((item, i) => `${i + 1}. ${item.prompt}`));
		const questions = questionsOf(container);
		expect(questions).toHaveLength(7);
	});

	it('follows settings.itemIds, each once, and skips ids it has no item for', () => {
		const settings = settingsFor([], { itemIds: [numeric.id, 'gone', single.id, numeric.id] });
		render(Worksheet, { settings, items: ALL });
		expect(screen.getAllByRole('heading', { level: 2 }).map(text)).toEqual([
			`1. ${numeric.prompt}`,
			`2. ${single.prompt}`
		]);
		expect(screen.getByText('2 questions')).toBeInTheDocument();
	});

	it('gives every kind a way to answer on paper', () => {
		const { container } = render(Worksheet, { settings: settingsFor(ALL), items: ALL });
		const [q1, q2, q3, q4, q5, q6, q7] = questionsOf(container);

		// single: boxes and letters, options alphabetical (the bank lists the answer first).
		expect(within(q1).getByText('Tick one box.')).toBeInTheDocument();
		expect([...q1.querySelectorAll('.options li')].map(text)).toEqual([
			'☐ A Shusha',
			'☐ B Stepanakert',
			'☐ C Yerevan',
			'☐ D Yevlakh'
		]);

		// multi: the same, and "tick all that apply"; years in number order.
		expect(within(q2).getByText(/tick all that apply/i)).toBeInTheDocument();
		expect([...q2.querySelectorAll('.options li')].map(text)).toEqual([
			'☐ A 1991',
			'☐ B 1994',
			'☐ C 2008',
			'☐ D 2016',
			'☐ E 2020'
		]);

		expect(text(q3.querySelector('.truefalse'))).toBe('True ☐ False ☐');

		expect(text(q4.querySelector('.answer'))).toBe('Answer:');
		expect(q4.querySelector('.answer .blank')).not.toBeNull();

		expect(within(q5).getByText('Write a number (people).')).toBeInTheDocument();
		expect(text(q5.querySelector('.answer'))).toBe('Answer: people');
		expect(q5.querySelector('.answer .blank')).not.toBeNull();

		// ordering: alphabetical here, which is not the right order; a box for each number.
		expect(within(q6).getByText('Write 1 to 3 in the boxes, 1 first.')).toBeInTheDocument();
		const entries = [...q6.querySelectorAll('.entries li')];
		expect(entries.map(text)).toEqual(['The first war ends', 'The offensive', 'The six-week war']);
		for (const entry of entries) expect(entry.querySelector('.write-box')).not.toBeNull();

		// matching: left column numbered with a line each, right column lettered alphabetically.
		expect([...q7.querySelectorAll('.lefts li')].map(text)).toEqual([
			'1. Emmanuel Macron Letter:',
			'2. John Kirby Letter:',
			'3. Vladimir Putin Letter:'
		]);
		expect(q7.querySelectorAll('.lefts li .blank')).toHaveLength(3);
		expect([...q7.querySelectorAll('.rights li')].map(text)).toEqual([
			'A. France',
			'B. Russia',
			'C. United States'
		]);
	});

	it('writes a year question as a year line', () => {
		const year: ItemOf<'numeric'> = { ...numeric, id: 'p10-year', unit: 'year', answer: 1994 };
		const { container } = render(Worksheet, { settings: settingsFor([year]), items: [year] });
		expect(screen.getByText('Write a year.')).toBeInTheDocument();
		expect(text(container.querySelector('.answer'))).toBe('Year:');
	});

	it('never lists an ordering in its right order, nor a matching lined up', () => {
		const inOrder: ItemOf<'ordering'> = { ...ordering, sequence: ['Alpha', 'Beta', 'Gamma'] };
		const linedUp: ItemOf<'matching'> = {
			...matching,
			pairs: [
				{ left: 'One', right: 'Apple' },
				{ left: 'Two', right: 'Banana' },
				{ left: 'Three', right: 'Cherry' }
			]
		};
		const items = [inOrder, linedUp];
		const { container } = render(Worksheet, { settings: settingsFor(items), items });
		const [q1, q2] = questionsOf(container);
		expect([...q1.querySelectorAll('.entries li')].map(text)).toEqual(['Gamma', 'Beta', 'Alpha']);
		expect([...q2.querySelectorAll('.rights li')].map(text)).toEqual([
			'A. Cherry',
			'B. Banana',
			'C. Apple'
		]);
		render(AnswerKey, { settings: settingsFor(items), items });
		expect(screen.getByText('3, 2, 1')).toBeInTheDocument();
		expect(screen.getByText('1 → C')).toBeInTheDocument();
	});

	it('shows markup in the title, instructions and prompts as text', () => {
		const attack = '<img src=x onerror=alert(1)>';
		const item: ItemOf<'typed'> = { ...typed, prompt: `Who wrote ${attack}?` };
		const { container } = render(Worksheet, {
			settings: settingsFor([item], { title: attack, instructions: attack }),
			items: [item],
			teacherName: attack
		});
		expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(attack);
		expect(screen.getByText(`Teacher: ${attack}`)).toBeInTheDocument();
		expect(container.querySelector('.instructions')?.textContent).toBe(attack);
		expect(text(screen.getByRole('heading', { level: 2 }))).toBe(`1. Who wrote ${attack}?`);
		expect(container.querySelector('img')).toBeNull();
	});
});

describe('AnswerKey', () => {
	it('is headed "Answer key:" and the title, and numbers the questions as the worksheet does', () => {
		const { container } = render(AnswerKey, {
			settings: settingsFor(ALL),
			items: ALL,
			teacherName: 'Ms Aliyeva'
		});
		expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
			'Answer key: The September offensive'
		);
		expect(screen.getByText('Teacher: Ms Aliyeva')).toBeInTheDocument();
		expect(screen.getAllByRole('heading', { level: 2 }).map(text)).toEqual(
			ALL.map((item, i) => `${i + 1}. ${item.prompt}`)
		);
		expect(questionsOf(container)).toHaveLength(7);
	});

	it('gives every right answer in words, with its explanation and source paragraphs', () => {
		const { container } = render(AnswerKey, { settings: settingsFor(ALL), items: ALL });
		const [q1, q2, q3, q4, q5, q6, q7] = questionsOf(container);
		expect(text(q1.querySelector('.answer'))).toBe('Answer: D (Yevlakh)');
		expect(text(q2.querySelector('.answer'))).toBe('Answer: B (1994); E (2020)');
		expect(text(q3.querySelector('.answer'))).toBe('Answer: False');
		expect(text(q4.querySelector('.answer'))).toBe('Answer: Yevlakh');
		expect(within(q4).getByText('Also accept: Evlakh; Yevlax')).toBeInTheDocument();
		expect(text(q5.querySelector('.answer'))).toBe('Answer: 200 people');
		expect(text(q6.querySelector('.answer'))).toBe('Answer: boxes, top to bottom: 1, 3, 2');
		expect([...q6.querySelectorAll('.order li')].map(text)).toEqual([
			'1. The first war ends',
			'2. The six-week war',
			'3. The offensive'
		]);
		expect([...q7.querySelectorAll('.pairs li')].map(text)).toEqual([
			'1 → A (Emmanuel Macron → France)',
			'2 → C (John Kirby → United States)',
			'3 → B (Vladimir Putin → Russia)'
		]);

		ALL.forEach((item, i) => {
			const q = questionsOf(container)[i];
			expect(within(q).getByText(item.explanation)).toBeInTheDocument();
		});
		expect(within(q3).getByText('Source: paragraph 8')).toBeInTheDocument();
		expect(within(q6).getByText('Source: paragraphs 6 and 10')).toBeInTheDocument();
		expect(within(q7).getByText('Source: paragraphs 12, 13 and 14')).toBeInTheDocument();
		expect(text(q5.querySelector('.claim'))).toBe(
			'Claim by Gegham Stepanyan. The article says this could not be independently verified.'
		);
	});

	it('uses the letters the worksheet prints next to the right options', () => {
		const sheet = render(Worksheet, { settings: settingsFor(ALL), items: ALL });
		const sheetQuestions = questionsOf(sheet.container);
		const letterOnSheet = (q: HTMLElement, option: string) =>
			[...q.querySelectorAll('.options li')]
				.find((li) => li.lastElementChild?.textContent === option)
				?.querySelector('.letter')?.textContent;
		const expected = [
			`Answer: ${letterOnSheet(sheetQuestions[0], 'Yevlakh')} (Yevlakh)`,
			`Answer: ${letterOnSheet(sheetQuestions[1], '1994')} (1994); ${letterOnSheet(sheetQuestions[1], '2020')} (2020)`
		];
		const rightLetter = (right: string) =>
			[...sheetQuestions[6].querySelectorAll('.rights li')]
				.find((li) => li.textContent?.endsWith(right))
				?.querySelector('.letter')
				?.textContent?.replace('.', '');
		sheet.unmount();

		const key = render(AnswerKey, { settings: settingsFor(ALL), items: ALL });
		const keyQuestions = questionsOf(key.container);
		expect(text(keyQuestions[0].querySelector('.answer'))).toBe(expected[0]);
		expect(text(keyQuestions[1].querySelector('.answer'))).toBe(expected[1]);
		const pairs = [...keyQuestions[6].querySelectorAll('.pairs li strong')].map(text);
		expect(pairs).toEqual(matching.pairs.map((p, i) => `${i + 1} → ${rightLetter(p.right)}`));
	});

	it('gives a tolerance as the range to accept', () => {
		const km: ItemOf<'numeric'> = { ...numeric, answer: 6.5, tolerance: 0.1, unit: 'km' };
		const { container } = render(AnswerKey, { settings: settingsFor([km]), items: [km] });
		expect(text(container.querySelector('.answer'))).toBe('Answer: 6.5 km (accept 6.4 to 6.6)');
	});

	it('shows markup in the title as text', () => {
		const attack = '<img src=x onerror=alert(1)>';
		const { container } = render(AnswerKey, {
			settings: settingsFor(ALL, { title: attack }),
			items: ALL
		});
		expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(`Answer key: ${attack}`);
		expect(container.querySelector('img')).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import {
	answersVisible,
	LIMITS,
	normaliseSettings,
	setItems,
	settingsProblems,
	type AssignmentSettings
} from '$lib/domain/assignment';
import type { Item } from '$lib/domain/bank';

function settings(over: Partial<AssignmentSettings> = {}): AssignmentSettings {
	return {
		title: 'Week 3',
		instructions: '',
		itemIds: ['p3-a'],
		mode: 'test',
		shuffle: true,
		dueDate: null,
		showAnswers: false,
		tries: 3,
		...over
	};
}

describe('answersVisible', () => {
	it('hides the answers only in test mode without "show answers"', () => {
		expect(answersVisible(settings({ mode: 'test', showAnswers: false }))).toBe(false);
		expect(answersVisible(settings({ mode: 'test', showAnswers: true }))).toBe(true);
		expect(answersVisible(settings({ mode: 'practice', showAnswers: false }))).toBe(true);
		expect(answersVisible(settings({ mode: 'flashcards', showAnswers: false }))).toBe(true);
	});

	it('shows them for a learner’s own quiz (no assignment)', () => {
		expect(answersVisible(null)).toBe(true);
	});
});

describe('normaliseSettings', () => {
	it('practice mode always shows the answers', () => {
		expect(normaliseSettings(settings({ mode: 'practice' }))).toMatchObject({
			showAnswers: true,
			tries: 3
		});
	});

	it('a flashcard deck is taken once', () => {
		expect(normaliseSettings(settings({ mode: 'flashcards' }))).toMatchObject({
			tries: 1,
			showAnswers: false
		});
	});

	it('test mode keeps the teacher’s choices; an empty due date is none', () => {
		expect(normaliseSettings(settings({ dueDate: '' }))).toEqual(settings({ dueDate: null }));
		expect(normaliseSettings(settings({ dueDate: '2026-12-01' })).dueDate).toBe('2026-12-01');
	});
});

describe('settingsProblems', () => {
	it('has none for a set that can be saved', () => {
		expect(settingsProblems(settings(), [{}])).toEqual([]);
	});

	it('asks for a title, within the limit links allow', () => {
		expect(settingsProblems(settings({ title: '   ' }), [{}])).toEqual(['Give the set a title.']);
		const long = 'é'.repeat(LIMITS.titleChars + 1);
		expect(settingsProblems(settings({ title: long }), [{}])).toEqual([
			`Keep the title to ${LIMITS.titleChars} characters.`
		]);
		// Counted in characters, not UTF-16 units: 80 emoji fit.
		expect(settingsProblems(settings({ title: '🦊'.repeat(LIMITS.titleChars) }), [{}])).toEqual([]);
	});

	it('keeps the instructions within the limit, not counting outer spaces', () => {
		const full = 'x'.repeat(LIMITS.instructionsChars);
		expect(settingsProblems(settings({ instructions: ` ${full} ` }), [{}])).toEqual([]);
		expect(settingsProblems(settings({ instructions: `${full}x` }), [{}])).toEqual([
			`Keep the instructions to ${LIMITS.instructionsChars} characters.`
		]);
	});

	it('needs a question, and a flashcard deck needs a card', () => {
		expect(settingsProblems(settings({ itemIds: [] }), [])).toEqual([
			'Choose at least one question.'
		]);
		const deck = settings({ mode: 'flashcards' });
		expect(settingsProblems(deck, [{ quizOnly: true }, { quizOnly: true }])).toEqual([
			'Every chosen question is quiz-only: a flashcard deck needs at least one card.'
		]);
		expect(settingsProblems(deck, [{ quizOnly: true }, { quizOnly: false }])).toEqual([]);
		expect(settingsProblems(settings(), [{ quizOnly: true }])).toEqual([]);
	});

	it('refuses a due date that is not YYYY-MM-DD, and lists every problem at once', () => {
		expect(settingsProblems(settings({ dueDate: '1/12/2026' }), [{}])).toEqual([
			'The due date is not a date.'
		]);
		expect(settingsProblems(settings({ title: '', itemIds: [], dueDate: 'soon' }), [])).toEqual([
			'Give the set a title.',
			'Choose at least one question.',
			'The due date is not a date.'
		]);
	});
});

describe('setItems', () => {
	const item = (id: string) => ({ id, kind: 'truefalse', answer: true }) as Item;
	const bank = new Map(['p1-a', 'p2-b', 'p3-c'].map((id) => [id, item(id)]));

	it("keeps the teacher's order, each id once, and names the ids the bank lacks", () => {
		const { items, missing } = setItems(['p3-c', 'p9-gone', 'p1-a', 'p3-c', 'p8-gone'], (id) =>
			bank.get(id)
		);
		expect(items.map((i) => i.id)).toEqual(['p3-c', 'p1-a']);
		expect(missing).toEqual(['p9-gone', 'p8-gone']);
	});
});

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Item } from '../../../src/lib/domain/bank.ts';
import { expectedAnswer } from '../../../src/lib/domain/check-answer.ts';
import {
	formatResponse,
	historyFromEvents,
	summarizeAttempt
} from '../../../src/lib/domain/quiz-results.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'bank-valid');
const items: Item[] = parse(readFileSync(join(fixtures, 'items.yaml'), 'utf8'));
const byId = new Map(items.map((i) => [i.id, i]));
const topics = [
	{ id: 'places', name: 'Places' },
	{ id: 'timeline', name: 'Timeline' }
];
const answer = (
	itemId: string,
	correct: boolean,
	score = correct ? 1 : 0,
	response: unknown = null
) => ({
	itemId,
	response,
	correct,
	score,
	ms: 1500,
	at: 0
});

describe('formatResponse', () => {
	it.each([
		['p3-talks-city', { choice: 'Yevlakh' }, 'Yevlakh'],
		['p10-wars', { choices: ['1994', '2020'] }, '1994; 2020'],
		['p8-unverified', { value: false }, 'False'],
		['p3-talks-city-typed', { text: '  Evlakh ' }, 'Evlakh'],
		['p8-killed', { text: '' }, 'No answer'],
		['p10-order', { order: ['a', 'b'] }, 'a → b'],
		[
			'p13-who-said',
			{ pairs: { 'Emmanuel Macron': 'France' } },
			'Emmanuel Macron → France; John Kirby → ?; Vladimir Putin → ?'
		],
		['p3-talks-city', null, 'No answer'],
		['p10-wars', { choices: 'nope' }, 'No answer']
	])('%s %j reads as %s', (id, response, text) => {
		expect(formatResponse(byId.get(id)!, response)).toBe(text);
	});
});

describe('summarizeAttempt', () => {
	it('adds up score, part credit, topics, time and the missed items', () => {
		const attempt = {
			questions: [
				{ itemId: 'p3-talks-city' },
				{ itemId: 'p10-order' },
				{ itemId: 'p13-who-said' },
				{ itemId: 'p8-killed' },
				{ itemId: 'gone-item' }
			],
			answers: [
				answer('p3-talks-city', true, 1, { choice: 'Yevlakh' }),
				answer('p10-order', false),
				answer('p13-who-said', false, 2 / 3)
			]
		};
		const s = summarizeAttempt(attempt, byId, topics);
		expect(s).toMatchObject({
			total: 4,
			answered: 3,
			correct: 1,
			ms: 4500,
			percent: 42,
			missed: ['p10-order', 'p13-who-said', 'p8-killed']
		});
		expect(s.score).toBeCloseTo(5 / 3);
		expect(s.byTopic).toEqual([
			{ topic: 'places', name: 'Places', score: 1 + 2 / 3, total: 3 },
			{ topic: 'timeline', name: 'Timeline', score: 0, total: 1 }
		]);
		expect(s.rows[0]).toMatchObject({
			itemId: 'p3-talks-city',
			given: 'Yevlakh',
			correct: true,
			answered: true
		});
		expect(s.rows[3]).toMatchObject({ itemId: 'p8-killed', given: 'No answer', answered: false });
	});

	it('gives each row its right answer, and lists the rows that are also flashcards', () => {
		const quizOnly = { ...byId.get('p8-killed')!, quizOnly: true };
		const card = byId.get('p3-talks-city')!;
		const s = summarizeAttempt(
			{
				questions: [{ itemId: card.id }, { itemId: quizOnly.id }],
				answers: [answer(card.id, false, 0, { choice: 'Baku' })]
			},
			new Map([...byId, [quizOnly.id, quizOnly]]),
			topics
		);
		expect(s.rows.map((r) => r.expected)).toEqual([expectedAnswer(card), expectedAnswer(quizOnly)]);
		expect(s.rows[0].expected).toBe('Yevlakh');
		expect(s.reviewable).toEqual([card.id]);
	});

	it('handles an empty attempt', () => {
		expect(summarizeAttempt({ questions: [], answers: [] }, byId, topics)).toMatchObject({
			total: 0,
			percent: 0,
			byTopic: []
		});
	});
});

describe('historyFromEvents', () => {
	it('counts answers, right answers and the latest time per item', () => {
		expect(
			historyFromEvents([
				{ itemId: 'a', at: 5, correct: true },
				{ itemId: 'a', at: 2, correct: false },
				{ itemId: 'b', at: 9, correct: false }
			])
		).toEqual({ a: { seen: 2, correct: 1, lastAt: 5 }, b: { seen: 1, correct: 0, lastAt: 9 } });
	});
});

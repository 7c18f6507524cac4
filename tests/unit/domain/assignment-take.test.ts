import { describe, expect, it } from 'vitest';
import type { Item } from '$lib/domain/bank';
import {
	assignmentQuestions,
	assignmentSeed,
	cardsGraded,
	dueEnd,
	resultFromAttempt,
	resultFromGrades,
	studentIdFor,
	triesLeft
} from '$lib/domain/assignment-take';
import type { AnswerEvent, Attempt } from '$lib/domain/records';

const items: Item[] = ['a', 'b', 'c', 'd', 'e'].map(
	(id) =>
		({
			id,
			topic: 't',
			kind: 'single',
			difficulty: 1,
			paragraphs: ['p1'],
			prompt: `Q ${id}`,
			explanation: 'E',
			options: ['right', 'w1', 'w2', 'w3'],
			answer: 'right'
		}) as Item
);
const lookup = (id: string) => items.find((i) => i.id === id);
const SET = '0123456789abcdef';

describe('assignment questions', () => {
	it("keep the teacher's order and skip items the bank lacks when not shuffled", () => {
		const qs = assignmentQuestions({ itemIds: ['c', 'gone', 'a', 'e'], shuffle: false }, lookup, 1);
		expect(qs.map((q) => q.itemId)).toEqual(['c', 'a', 'e']);
	});

	it('are the same for every student without shuffle, and their own with it', () => {
		const settings = { itemIds: ['a', 'b', 'c', 'd', 'e'], shuffle: false };
		const ana = assignmentQuestions(settings, lookup, assignmentSeed(SET, false, 'ana', 1));
		const zoe = assignmentQuestions(settings, lookup, assignmentSeed(SET, false, 'zoe', 1));
		expect(zoe).toEqual(ana);
		const shuffled = { ...settings, shuffle: true };
		const orders = new Set(
			['ana', 'zoe', 'kim', 'lee', 'max', 'ola'].map((who) =>
				assignmentQuestions(shuffled, lookup, assignmentSeed(SET, true, who, 1))
					.map((q) => q.itemId)
					.join()
			)
		);
		expect(orders.size).toBeGreaterThan(1);
		expect(assignmentSeed(SET, true, 'ana', 1)).not.toBe(assignmentSeed(SET, true, 'ana', 2));
	});
});

describe('tries, due dates and names', () => {
	it('counts tries left, with 0 meaning no limit', () => {
		expect(triesLeft({ tries: 2 }, 0)).toBe(2);
		expect(triesLeft({ tries: 2 }, 2)).toBe(0);
		expect(triesLeft({ tries: 0 }, 50)).toBe(Infinity);
	});

	it('ends a due date at the start of the next local day', () => {
		const starts = (date: string) => Date.parse(`${date}T00:00:00+02:00`);
		expect(dueEnd('2026-12-31', starts)).toBe(Date.parse('2027-01-01T00:00:00+02:00'));
		expect(dueEnd(null, starts)).toBeNull();
	});

	it('gives a learner one stable student id per set that hides the learner id', () => {
		const id = studentIdFor('learner-uuid', SET);
		expect(id).toMatch(/^[0-9a-f]{16}$/);
		expect(studentIdFor('learner-uuid', SET)).toBe(id);
		expect(studentIdFor('other', SET)).not.toBe(id);
		expect(studentIdFor('learner-uuid', 'ffffffffffffffff')).not.toBe(id);
	});
});

describe('results', () => {
	it('from an attempt: answers in order, times rounded as codes keep them', () => {
		const attempt = {
			id: 'at',
			learnerId: 'ana',
			kind: 'assignment',
			status: 'finished',
			title: 'T',
			startedAt: 1_700_000_000_400,
			updatedAt: 1_700_000_100_000,
			finishedAt: 1_700_000_100_600,
			config: {},
			questions: [],
			answers: [
				{ itemId: 'a', response: { choice: 'right' }, correct: true, score: 1, ms: 1234, at: 0 },
				{
					itemId: 'b',
					response: { text: 'y'.repeat(300) },
					correct: false,
					score: 0.5,
					ms: 77,
					at: 0
				}
			]
		} as unknown as Attempt;
		const r = resultFromAttempt(attempt, { id: SET, revision: 3 }, { name: 'Ana', id: 'x' }, 2);
		expect(r).toMatchObject({
			assignmentId: SET,
			revision: 3,
			tryNumber: 2,
			startedAt: 1_700_000_000_000,
			finishedAt: 1_700_000_101_000,
			score: 1.5
		});
		expect(r.answers[0]).toEqual({
			itemId: 'a',
			response: { choice: 'right' },
			grade: null,
			ms: 1200
		});
		expect((r.answers[1].response as { text: string }).text).toHaveLength(120);
		expect(r.answers[1].ms).toBe(100);
	});

	it('from flashcards: the first grade of each card since receiving, only when all are graded', () => {
		const ev = (itemId: string, at: number, grade: AnswerEvent['grade']): AnswerEvent => ({
			id: `${itemId}${at}`,
			learnerId: 'ana',
			itemId,
			at,
			source: 'flashcard',
			correct: grade !== 'again',
			grade,
			ms: 2000
		});
		const events = [
			ev('a', 50, 'easy'),
			ev('a', 200, 'again'),
			ev('b', 300, 'good'),
			ev('a', 400, 'good')
		];
		const student = { name: 'Ana', id: 'x' };
		expect(
			resultFromGrades(['a', 'b', 'c'], events, 100, { id: SET, revision: 1 }, student)
		).toBeNull();
		expect(cardsGraded(['a', 'b', 'c'], events, 100)).toBe(2);
		const r = resultFromGrades(['a', 'b'], events, 100, { id: SET, revision: 1 }, student);
		expect(r?.answers.map((a) => a.grade)).toEqual(['again', 'good']);
		expect(r?.score).toBe(1);
	});
});

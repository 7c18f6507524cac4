import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQueue } from '../../../src/lib/domain/decks.ts';
import {
	describeStudyToday,
	studyToday,
	type StudyTodayInput
} from '../../../src/lib/domain/study-today.ts';
import type { CardRecord } from '../../../src/lib/domain/records.ts';
import { runs } from '../property-runs';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-03-10T15:00:00Z');
const ZONE = 'Europe/Paris';
/** Local midnight after NOW in Paris (UTC+1 in March before the change). */
const END = Date.parse('2026-03-10T23:00:00Z');

/** The fields the counts read; the memory is not looked at. */
const card = (itemId: string, due: number, introducedAt?: number) =>
	({
		learnerId: 'ana',
		itemId,
		due,
		...(introducedAt === undefined ? {} : { introducedAt })
	}) as CardRecord;

const deck = ['a', 'b', 'c', 'd', 'e'];
const input = (cards: CardRecord[], over: Partial<StudyTodayInput> = {}): StudyTodayInput => ({
	cards,
	cardCount: deck.length,
	notCards: new Set(['gone', 'quiz-only']),
	now: NOW,
	timeZone: ZONE,
	newPerDay: 20,
	...over
});

describe('studyToday', () => {
	it('counts reviews due by local midnight and new cards never graded', () => {
		const cards = [card('a', NOW - HOUR), card('b', END - 1), card('c', END)];
		expect(studyToday(input(cards))).toEqual({ reviews: 2, fresh: 2, unseen: 2, newPerDay: 20 });
	});

	it('leaves out cards of retired and quiz-only items, due or not', () => {
		const cards = [card('a', NOW), card('gone', NOW), card('quiz-only', NOW)];
		expect(studyToday(input(cards))).toMatchObject({ reviews: 1, unseen: 4, fresh: 4 });
	});

	it('applies the daily limit, minus the cards first graded today (retired ones too)', () => {
		const today = NOW - 2 * HOUR;
		const yesterday = NOW - 20 * HOUR;
		const cards = [
			card('a', END + HOUR, today),
			card('gone', END + HOUR, today),
			card('b', END, yesterday)
		];
		// 3 new a day, 2 started today: 1 more, though 3 are unseen.
		expect(studyToday(input(cards, { newPerDay: 3 }))).toMatchObject({
			fresh: 1,
			unseen: 3,
			reviews: 0
		});
		expect(studyToday(input(cards, { newPerDay: 2 })).fresh).toBe(0);
		expect(studyToday(input(cards, { newPerDay: 0 })).fresh).toBe(0);
	});

	it('agrees with the study queue of the "All cards" deck', () => {
		const ids = ['a', 'b', 'c', 'd', 'e', 'gone'];
		const cardArb = fc.record({
			itemId: fc.constantFrom(...ids),
			due: fc.integer({ min: NOW - 48 * HOUR, max: NOW + 48 * HOUR }),
			introducedAt: fc.option(fc.integer({ min: NOW - 48 * HOUR, max: NOW }), { nil: undefined })
		});
		fc.assert(
			fc.property(
				fc.uniqueArray(cardArb, { selector: (c) => c.itemId }),
				fc.nat({ max: 6 }),
				(drawn, newPerDay) => {
					const cards = drawn.map((c) => card(c.itemId, c.due, c.introducedAt));
					const queue = buildQueue({
						itemIds: deck,
						cards: new Map(cards.map((c) => [c.itemId, c])),
						now: NOW,
						timeZone: ZONE,
						newPerDay,
						seed: 1
					});
					expect(studyToday(input(cards, { newPerDay }))).toEqual({
						reviews: queue.dueCount,
						fresh: queue.fresh.length,
						unseen: queue.unseenCount,
						newPerDay
					});
				}
			),
			{ numRuns: runs(300), seed: 14_6 }
		);
	});
});

describe('describeStudyToday', () => {
	const words = (reviews: number, fresh: number, unseen = 10, newPerDay = 20) =>
		describeStudyToday({ reviews, fresh, unseen, newPerDay });

	it('names new cards and reviews, never a bare "0 due"', () => {
		expect(words(3, 20)).toEqual({ text: '20 new cards and 3 reviews ready today.', ready: true });
		expect(words(0, 20)).toEqual({ text: '20 new cards ready today.', ready: true });
		expect(words(1, 0)).toEqual({ text: '1 review ready today.', ready: true });
		expect(words(2, 1).text).toBe('1 new card and 2 reviews ready today.');
	});

	it('with nothing ready, says why', () => {
		expect(words(0, 0)).toEqual({
			text: 'Done for today: new cards come again tomorrow.',
			ready: false
		});
		expect(words(0, 0, 10, 0).text).toBe('Nothing due today, and new cards are set to 0 a day.');
		expect(words(0, 0, 0).text).toBe('Nothing due today, and every card is started.');
	});
});

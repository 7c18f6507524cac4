import { describe, expect, it } from 'vitest';
import type { Item, Topic } from '../../../src/lib/domain/bank.ts';
import {
	ALL_DECK_TITLE,
	MISSED_DECK_TITLE,
	afterQuizAnswer,
	assignedDeckQueue,
	buildQueue,
	countDueToday,
	cramQueue,
	gradeCard,
	gradedSince,
	isDeckId,
	listDecks,
	missedInQuizzes,
	todayBounds,
	type QueueInput
} from '../../../src/lib/domain/decks.ts';
import { DEFAULT_NEW_PER_DAY } from '../../../src/lib/domain/calendar.ts';
import type { AnswerEvent, CardRecord, EventSource } from '../../../src/lib/domain/records.ts';
import { createScheduler } from '../../../src/lib/domain/scheduler.ts';

const at = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const scheduler = createScheduler({ fuzz: false });

type BankItem = Pick<Item, 'id' | 'topic' | 'quizOnly'>;
const topics: Topic[] = [
	{ id: 'events', name: 'Events' },
	{ id: 'people', name: 'People' },
	{ id: 'empty', name: 'Nothing yet' }
];
const bank: BankItem[] = [
	{ id: 'a', topic: 'events' },
	{ id: 'b', topic: 'people' },
	{ id: 'c', topic: 'events', quizOnly: true },
	{ id: 'd', topic: 'events', quizOnly: false },
	{ id: 'e', topic: 'people' },
	{ id: 'f', topic: 'gone' }
];

/** A card graded once, due at `due`, optionally introduced at `introducedAt`. */
function card(itemId: string, due: number, introducedAt?: number): CardRecord {
	const memory = { ...scheduler.grade(scheduler.newMemory(due), 'good', due - HOUR), due };
	return {
		learnerId: 'ana',
		itemId,
		due,
		memory,
		...(introducedAt === undefined ? {} : { introducedAt })
	};
}

const cardMap = (cards: CardRecord[]) => new Map(cards.map((c) => [c.itemId, c]));

let eventId = 0;
function event(itemId: string, iso: string, correct: boolean, source: EventSource = 'quiz') {
	return {
		id: `e${eventId++}`,
		learnerId: 'ana',
		itemId,
		at: at(iso),
		source,
		correct,
		ms: 1000
	} satisfies AnswerEvent;
}

describe('listDecks', () => {
	it('lists all cards, each topic, missed and assignments, never a quiz-only item', () => {
		const decks = listDecks(
			bank,
			topics,
			['a', 'c', 'b', 'zzz'],
			[{ assignmentId: 'x1', title: 'Homework', itemIds: ['e', 'c', 'a', 'e', 'retired'] }]
		);
		expect(decks).toEqual([
			{ id: 'all', title: ALL_DECK_TITLE, itemIds: ['a', 'b', 'd', 'e', 'f'] },
			{ id: 'topic:events', title: 'Events', itemIds: ['a', 'd'] },
			{ id: 'topic:people', title: 'People', itemIds: ['b', 'e'] },
			{ id: 'topic:empty', title: 'Nothing yet', itemIds: [] },
			{ id: 'missed', title: MISSED_DECK_TITLE, itemIds: ['a', 'b'] },
			{ id: 'assignment:x1', title: 'Homework', itemIds: ['e', 'a'] }
		]);
		for (const deck of decks) expect(deck.itemIds).not.toContain('c');
	});

	it('works with nothing missed and no assignments', () => {
		const decks = listDecks(bank, topics, new Set());
		expect(decks.map((d) => d.id)).toEqual([
			'all',
			'topic:events',
			'topic:people',
			'topic:empty',
			'missed'
		]);
		expect(decks.find((d) => d.id === 'missed')?.itemIds).toEqual([]);
	});

	it('recognises deck ids', () => {
		for (const id of ['all', 'missed', 'topic:events', 'assignment:x1']) {
			expect(isDeckId(id)).toBe(true);
		}
		for (const id of ['', 'All', 'topic:', 'assignment:', 'deck:3', 'missed ']) {
			expect(isDeckId(id)).toBe(false);
		}
	});
});

describe('missedInQuizzes', () => {
	it('keeps items whose latest quiz or assignment answer is wrong', () => {
		const missed = missedInQuizzes([
			event('a', '2026-03-01T10:00:00Z', false),
			event('b', '2026-03-01T10:00:00Z', false),
			event('b', '2026-03-02T10:00:00Z', true),
			event('c', '2026-03-01T10:00:00Z', true),
			event('c', '2026-03-02T10:00:00Z', false, 'assignment'),
			event('d', '2026-03-01T10:00:00Z', true)
		]);
		expect([...missed].sort()).toEqual(['a', 'c']);
	});

	it('clears an item on a right answer after a wrong one, whatever order events come in', () => {
		const events = [
			event('a', '2026-03-03T10:00:00Z', true, 'assignment'),
			event('a', '2026-03-01T10:00:00Z', false),
			event('a', '2026-03-02T10:00:00Z', false)
		];
		expect(missedInQuizzes(events).size).toBe(0);
		expect(missedInQuizzes([...events].reverse()).size).toBe(0);
		// A wrong answer after the right one brings it back.
		events.push(event('a', '2026-03-04T10:00:00Z', false));
		expect([...missedInQuizzes(events)]).toEqual(['a']);
	});

	it('ignores flashcard grades, and a wrong answer wins a tie', () => {
		const missed = missedInQuizzes([
			event('a', '2026-03-01T10:00:00Z', false),
			event('a', '2026-03-02T10:00:00Z', true, 'flashcard'),
			event('b', '2026-03-01T10:00:00Z', false, 'flashcard'),
			event('c', '2026-03-01T10:00:00Z', true),
			event('c', '2026-03-01T10:00:00Z', false)
		]);
		expect([...missed].sort()).toEqual(['a', 'c']);
	});
});

function queue(over: Partial<QueueInput> & Pick<QueueInput, 'now'>) {
	return buildQueue({
		itemIds: ['a', 'b', 'd', 'e', 'f'],
		cards: new Map(),
		timeZone: 'Europe/Paris',
		newPerDay: DEFAULT_NEW_PER_DAY,
		seed: 1,
		...over
	});
}

describe('buildQueue', () => {
	/** Paris, Wednesday 25 March 2026 at noon (UTC+1). */
	const NOW = at('2026-03-25T12:00:00+01:00');

	it('puts reviews due by the end of local today first, most overdue first', () => {
		const cards = cardMap([
			card('a', at('2026-03-25T23:59:00+01:00')),
			card('b', at('2026-03-20T08:00:00+01:00')),
			card('d', at('2026-03-26T00:00:00+01:00')),
			card('e', at('2026-03-25T09:00:00+01:00')),
			card('x', at('2026-03-01T00:00:00+01:00'))
		]);
		const q = queue({ now: NOW, cards });
		expect(q.due).toEqual(['b', 'e', 'a']);
		expect(q.dueCount).toBe(3);
		expect(q.fresh).toEqual(['f']);
		expect(q.unseenCount).toBe(1);
		expect(q).toMatchObject({ newToday: 0, newAvailable: DEFAULT_NEW_PER_DAY });
	});

	it('queues a learner with no cards without a time zone, and one with cards only with it', () => {
		const q = queue({ now: NOW, timeZone: null });
		expect(q).toMatchObject({ due: [], dueCount: 0, newToday: 0, unseenCount: 5 });
		expect(q.fresh).toEqual(queue({ now: NOW }).fresh);
		expect(() => queue({ now: NOW, timeZone: null, cards: cardMap([card('a', NOW)]) })).toThrow(
			RangeError
		);
	});

	it('orders cards due at the same instant by item id', () => {
		const due = at('2026-03-25T08:00:00+01:00');
		const cards = cardMap(['e', 'b', 'a', 'd'].map((id) => card(id, due)));
		expect(queue({ now: NOW, cards }).due).toEqual(['a', 'b', 'd', 'e']);
	});

	it('shuffles new cards by seed, the same every time for one seed', () => {
		const itemIds = Array.from({ length: 50 }, (_, i) => `n${i}`);
		const one = queue({ now: NOW, itemIds, seed: 7 });
		expect(one.fresh).toHaveLength(20);
		expect(new Set(one.fresh).size).toBe(20);
		expect(queue({ now: NOW, itemIds, seed: 7 }).fresh).toEqual(one.fresh);
		expect(queue({ now: NOW, itemIds, seed: 8 }).fresh).not.toEqual(one.fresh);
		expect(one.fresh).not.toEqual(itemIds.slice(0, 20));
		expect(one.unseenCount).toBe(50);
		expect(queue({ now: NOW, itemIds, newPerDay: 0 }).fresh).toEqual([]);
		expect(queue({ now: NOW, itemIds, newPerDay: 100 }).fresh).toHaveLength(50);
	});

	it('counts the cards introduced today in every deck against the limit', () => {
		const today = at('2026-03-25T08:00:00+01:00');
		const cards = cardMap([
			card('x', today + 3 * 86_400_000, today),
			card('y', today + 3 * 86_400_000, today + HOUR),
			card('z', today + 3 * 86_400_000, at('2026-03-24T23:59:00+01:00')),
			card('w', today + 3 * 86_400_000)
		]);
		const q = queue({ now: NOW, cards, itemIds: ['a', 'b', 'd'], newPerDay: 3 });
		expect(q).toMatchObject({ newToday: 2, newAvailable: 1, unseenCount: 3, dueCount: 0 });
		expect(q.fresh).toHaveLength(1);
	});

	it('ignores repeated ids and refuses a bad limit', () => {
		const q = queue({ now: NOW, itemIds: ['a', 'a', 'b'], newPerDay: 5 });
		expect([...q.fresh].sort()).toEqual(['a', 'b']);
		expect(() => queue({ now: NOW, newPerDay: -1 })).toThrow(RangeError);
		expect(() => queue({ now: NOW, newPerDay: 2.5 })).toThrow(RangeError);
		expect(() => queue({ now: NOW, timeZone: 'Mars/Olympus' })).toThrow();
	});
});

describe('assignedDeckQueue', () => {
	/** Paris, Wednesday 25 March 2026 at noon; the deck was received two days before. */
	const NOW = at('2026-03-25T12:00:00+01:00');
	const RECEIVED = at('2026-03-23T12:00:00+01:00');
	const input = (events: AnswerEvent[], over: Partial<QueueInput> = {}) => ({
		itemIds: ['e', 'a', 'b', 'd'],
		cards: new Map<string, CardRecord>(),
		now: NOW,
		timeZone: 'Europe/Paris',
		newPerDay: 0,
		seed: 1,
		events,
		receivedAt: RECEIVED,
		...over
	});

	it('puts every card not graded since receipt first, in the deck order, past the new-card limit', () => {
		expect(assignedDeckQueue(input([]))).toEqual(['e', 'a', 'b', 'd']);
	});

	it('then today’s reviews of the cards already graded; a grade before receipt does not count', () => {
		const cards = cardMap([
			card('a', at('2026-03-25T08:00:00+01:00')),
			card('b', at('2026-03-30T08:00:00+01:00')),
			card('d', at('2026-03-24T08:00:00+01:00'))
		]);
		const events = [
			event('a', '2026-03-24T09:00:00+01:00', true, 'flashcard'),
			event('b', '2026-03-24T09:00:00+01:00', true, 'flashcard'),
			event('d', '2026-03-24T09:00:00+01:00', true, 'flashcard'),
			event('e', '2026-03-20T09:00:00+01:00', true, 'flashcard'),
			// A quiz answer is not a grade of the card.
			event('e', '2026-03-24T10:00:00+01:00', true, 'quiz')
		];
		// e: ungraded since receipt; then d and a are due (most overdue first); b is not due.
		expect(assignedDeckQueue(input(events, { cards }))).toEqual(['e', 'd', 'a']);
	});
});

describe('gradedSince', () => {
	it('counts flashcard grades of the given items at or after the instant', () => {
		const since = at('2026-03-24T00:00:00Z');
		const events = [
			event('a', '2026-03-24T00:00:00Z', false, 'flashcard'),
			event('b', '2026-03-23T23:59:59Z', true, 'flashcard'),
			event('d', '2026-03-25T00:00:00Z', true, 'assignment'),
			event('x', '2026-03-25T00:00:00Z', true, 'flashcard')
		];
		expect([...gradedSince(['a', 'b', 'd'], events, since)]).toEqual(['a']);
	});
});

describe('the daily new-card limit resets at local midnight', () => {
	const items = Array.from({ length: 60 }, (_, i) => `item-${i}`);

	/** 20 cards introduced at `introduced`, due in a week; then the queue at each `now`. */
	function limitAt(timeZone: string, introduced: number, now: number) {
		const cards = cardMap(
			items.slice(0, 20).map((id) => card(id, introduced + 7 * 86_400_000, introduced))
		);
		return queue({ now, cards, itemIds: items, timeZone });
	}

	it.each([
		[
			'Pacific/Auckland',
			'2026-06-15T23:50:00+12:00',
			'2026-06-15T23:59:59.999+12:00',
			'2026-06-16T00:00:00+12:00'
		],
		[
			'America/Los_Angeles',
			'2026-06-15T23:50:00-07:00',
			'2026-06-15T23:59:59.999-07:00',
			'2026-06-16T00:00:00-07:00'
		],
		// A DST night: 01:00 to 02:00 happens twice in Los Angeles on 1 November 2026.
		[
			'America/Los_Angeles',
			'2026-10-31T23:50:00-07:00',
			'2026-10-31T23:59:00-07:00',
			'2026-11-01T00:00:00-07:00'
		],
		// Auckland's clocks jump from 02:00 to 03:00 on 27 September 2026.
		[
			'Pacific/Auckland',
			'2026-09-26T23:50:00+12:00',
			'2026-09-26T23:55:00+12:00',
			'2026-09-27T00:00:00+12:00'
		]
	])('%s: 20 introduced at %s', (timeZone, introducedIso, beforeIso, midnightIso) => {
		const introduced = at(introducedIso);
		const before = limitAt(timeZone, introduced, at(beforeIso));
		expect(before).toMatchObject({ newToday: 20, newAvailable: 0, fresh: [], unseenCount: 40 });
		const after = limitAt(timeZone, introduced, at(midnightIso));
		expect(after).toMatchObject({ newToday: 0, newAvailable: 20, unseenCount: 40 });
		expect(after.fresh).toHaveLength(20);
	});

	it('does not reset at UTC midnight (17:00 in Los Angeles, 12:00 in Auckland)', () => {
		const la = limitAt(
			'America/Los_Angeles',
			at('2026-06-15T16:50:00-07:00'),
			at('2026-06-16T00:10:00Z')
		);
		expect(la).toMatchObject({ newToday: 20, newAvailable: 0 });
		const nz = limitAt(
			'Pacific/Auckland',
			at('2026-06-16T11:50:00+12:00'),
			at('2026-06-16T00:10:00Z')
		);
		expect(nz).toMatchObject({ newToday: 20, newAvailable: 0 });
	});
});

describe('todayBounds', () => {
	it.each([
		// An ordinary day, a 25-hour day, a 23-hour day, a day whose midnight does not exist.
		['Europe/Paris', '2026-03-25T12:00:00+01:00', '2026-03-24T23:00:00Z', '2026-03-25T23:00:00Z'],
		[
			'America/Los_Angeles',
			'2026-11-01T12:00:00-08:00',
			'2026-11-01T07:00:00Z',
			'2026-11-02T08:00:00Z'
		],
		[
			'Pacific/Auckland',
			'2026-09-27T12:00:00+13:00',
			'2026-09-26T12:00:00Z',
			'2026-09-27T11:00:00Z'
		],
		[
			'America/Santiago',
			'2026-09-06T12:00:00-03:00',
			'2026-09-06T04:00:00Z',
			'2026-09-07T03:00:00Z'
		]
	])('%s at %s', (timeZone, nowIso, startIso, endIso) => {
		const bounds = todayBounds(at(nowIso), timeZone);
		expect(bounds).toEqual({ start: at(startIso), end: at(endIso) });
		// At the very first instant of a day, that day is today.
		expect(todayBounds(bounds.start, timeZone)).toEqual(bounds);
		expect(todayBounds(bounds.end - 1, timeZone)).toEqual(bounds);
	});
});

describe('cramQueue', () => {
	it('gives every card of the deck once in a seeded order and changes no card', () => {
		const itemIds = Array.from({ length: 30 }, (_, i) => `n${i}`);
		const cards = cardMap([
			card('n1', at('2030-01-01T00:00:00Z'), at('2026-03-01T00:00:00Z')),
			card('n2', at('2020-01-01T00:00:00Z'))
		]);
		const before = structuredClone(cards);
		const order = cramQueue([...itemIds, 'n3'], 42);
		expect([...order].sort()).toEqual([...itemIds].sort());
		expect(order).not.toEqual(itemIds);
		expect(cramQueue(itemIds, 42)).toEqual(order);
		expect(cramQueue(itemIds, 43)).not.toEqual(order);
		expect(cards).toEqual(before);
	});
});

describe('afterQuizAnswer', () => {
	const NOW = at('2026-03-25T12:00:00Z');
	const later = card('a', at('2026-04-10T09:00:00Z'), at('2026-03-01T09:00:00Z'));

	it('makes a card due now after a wrong answer, moving nothing but the due time', () => {
		const before = structuredClone(later);
		const next = afterQuizAnswer(later, false, NOW);
		expect(next).toEqual({ ...later, due: NOW, memory: { ...later.memory, due: NOW } });
		expect(later).toEqual(before);
	});

	it('writes nothing for a right answer, a card already due, or an item with no card', () => {
		expect(afterQuizAnswer(later, true, NOW)).toBeUndefined();
		expect(afterQuizAnswer(card('b', NOW - HOUR), false, NOW)).toBeUndefined();
		expect(afterQuizAnswer(card('b', NOW), false, NOW)).toBeUndefined();
		expect(afterQuizAnswer(undefined, false, NOW)).toBeUndefined();
		expect(afterQuizAnswer(undefined, true, NOW)).toBeUndefined();
	});
});

describe('countDueToday', () => {
	const NOW = at('2026-06-15T09:00:00-07:00');
	const cards = [
		card('a', at('2026-06-14T09:00:00-07:00')),
		card('b', at('2026-06-15T23:59:00-07:00')),
		card('c', at('2026-06-16T00:00:00-07:00')),
		card('gone', at('2026-06-01T00:00:00-07:00'))
	];

	it('counts cards due by the end of local today', () => {
		expect(countDueToday(cards, NOW, 'America/Los_Angeles')).toBe(3);
		expect(countDueToday(cardMap(cards).values(), NOW, 'America/Los_Angeles')).toBe(3);
		// In Auckland it is already the 16th (04:00): card c is due today there.
		expect(countDueToday(cards, NOW, 'Pacific/Auckland')).toBe(4);
	});

	it('counts only the given items when asked', () => {
		expect(countDueToday(cards, NOW, 'America/Los_Angeles', new Set(['a', 'b', 'c']))).toBe(2);
	});
});

describe('gradeCard', () => {
	const NOW = at('2026-03-25T12:00:00Z');

	it('creates the card on its first grade, introduced now', () => {
		const record = gradeCard(scheduler, {
			learnerId: 'ana',
			itemId: 'a',
			card: undefined,
			grade: 'good',
			now: NOW
		});
		const memory = scheduler.grade(scheduler.newMemory(NOW), 'good', NOW);
		expect(record).toStrictEqual({
			learnerId: 'ana',
			itemId: 'a',
			due: memory.due,
			memory,
			introducedAt: NOW
		});
	});

	it('keeps introducedAt (or its absence) and never changes the previous record', () => {
		const first = gradeCard(scheduler, {
			learnerId: 'ana',
			itemId: 'a',
			card: undefined,
			grade: 'good',
			now: NOW
		});
		const previous = structuredClone(first);
		const then = first.due;
		const second = gradeCard(scheduler, {
			learnerId: 'ana',
			itemId: 'a',
			card: first,
			grade: 'again',
			now: then
		});
		expect(first).toStrictEqual(previous);
		expect(second.introducedAt).toBe(NOW);
		expect(second.memory).toStrictEqual(scheduler.grade(first.memory, 'again', then));
		expect(second.due).toBe(second.memory.due);

		const old = card('b', NOW);
		const regraded = gradeCard(scheduler, {
			learnerId: 'ana',
			itemId: 'b',
			card: old,
			grade: 'good',
			now: NOW
		});
		expect('introducedAt' in regraded).toBe(false);
	});
});

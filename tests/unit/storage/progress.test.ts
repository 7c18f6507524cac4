import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	countDueCards,
	deleteAttempt,
	findUnfinishedAttempt,
	getAttempt,
	getCard,
	listAttempts,
	listCards,
	listDueCards,
	listEvents,
	listDayStats,
	listItemEvents,
	listItemStats,
	loadDashboardData,
	putCard,
	saveAnswer,
	saveAttempt,
	undoAnswer
} from '$lib/storage/progress';
import { buildStats } from '$lib/domain/stats';
import { deleteUnfinishedAttempt } from '$lib/storage/counts';
import { getDB } from '$lib/storage/db';
import { StorageFullError } from '$lib/storage/errors';
import { attempt, card, DAY, event, freshDatabase, T0 } from './fixtures';

beforeEach(freshDatabase);
afterEach(() => vi.restoreAllMocks());

describe('answers, cards and attempts', () => {
	it('writes an answer with its card and attempt together', async () => {
		const a = attempt('a1', 'ana', {
			answers: [
				{
					itemId: 'p3-item',
					response: { choice: 'Yevlakh' },
					correct: true,
					score: 1,
					ms: 4200,
					at: T0
				}
			]
		});
		await saveAnswer({
			event: event('e1', 'ana', T0),
			card: card('ana', 'p3-item', T0 + DAY),
			attempt: a
		});
		expect(await listEvents('ana')).toEqual([event('e1', 'ana', T0)]);
		expect(await getCard('ana', 'p3-item')).toEqual(card('ana', 'p3-item', T0 + DAY));
		expect(await getAttempt('a1')).toEqual(a);
	});

	it('writes nothing when one part of an answer fails', async () => {
		const broken = { ...attempt('a1', 'ana'), id: undefined } as unknown as ReturnType<
			typeof attempt
		>;
		await expect(
			saveAnswer({
				event: event('e1', 'ana', T0),
				card: card('ana', 'p3-item', T0),
				attempt: broken
			})
		).rejects.toThrow();
		expect(await listEvents('ana')).toEqual([]);
		expect(await getCard('ana', 'p3-item')).toBeUndefined();
	});

	it('reports a full disk as StorageFullError and keeps nothing of the write', async () => {
		const original = IDBObjectStore.prototype.put;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args
		) {
			if (this.name === 'attempts')
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return original.apply(this, args as Parameters<typeof original>);
		});
		await expect(
			saveAnswer({
				event: event('e1', 'ana', T0),
				card: card('ana', 'x', T0),
				attempt: attempt('a1', 'ana')
			})
		).rejects.toBeInstanceOf(StorageFullError);
		vi.restoreAllMocks();
		expect(await listEvents('ana')).toEqual([]);
		expect(await listCards('ana')).toEqual([]);
	});

	it('lists one learner’s answers in time order, optionally from a time on', async () => {
		await saveAnswer({ event: event('late', 'ana', T0 + 2 * DAY) });
		await saveAnswer({ event: event('early', 'ana', T0) });
		await saveAnswer({ event: event('other', 'zoe', T0 + DAY) });
		expect((await listEvents('ana')).map((e) => e.id)).toEqual(['early', 'late']);
		expect((await listEvents('ana', T0 + DAY)).map((e) => e.id)).toEqual(['late']);
		expect((await listEvents('zoe')).map((e) => e.id)).toEqual(['other']);
		await saveAnswer({ event: event('x', 'ana', T0 + 3 * DAY, { itemId: 'p9-other' }) });
		expect((await listItemEvents('ana', 'p3-item')).map((e) => e.id)).toEqual(['early', 'late']);
	});

	it('counts and lists due cards through the index', async () => {
		await putCard(card('ana', 'a', T0 - DAY));
		await putCard(card('ana', 'b', T0));
		await putCard(card('ana', 'c', T0 + DAY));
		await putCard(card('zoe', 'd', T0 - DAY));
		expect(await countDueCards('ana', T0)).toBe(2);
		expect((await listDueCards('ana', T0)).map((c) => c.itemId)).toEqual(['a', 'b']);
		expect(await countDueCards('ana', T0 + 2 * DAY)).toBe(3);
		expect(await countDueCards('nobody', T0)).toBe(0);
	});

	it('finds the most recent unfinished attempt with an answer', async () => {
		const answers = [{ itemId: 'p3-item', response: null, correct: true, score: 1, ms: 1, at: T0 }];
		await saveAttempt(attempt('old', 'ana', { updatedAt: T0, answers }));
		await saveAttempt(attempt('new', 'ana', { updatedAt: T0 + 100, answers }));
		await saveAttempt(attempt('done', 'ana', { updatedAt: T0 + 200, status: 'finished', answers }));
		// Newer, but left before its first answer: not offered.
		await saveAttempt(attempt('empty', 'ana', { updatedAt: T0 + 250 }));
		await saveAttempt(attempt('zoe', 'zoe', { updatedAt: T0 + 300, answers }));
		expect((await findUnfinishedAttempt('ana'))?.id).toBe('new');
		await deleteAttempt('new');
		expect((await findUnfinishedAttempt('ana'))?.id).toBe('old');
		expect(await findUnfinishedAttempt('nobody')).toBeUndefined();
	});

	it('discards an unfinished attempt, never a finished one', async () => {
		await saveAttempt(attempt('open', 'ana'));
		await saveAttempt(attempt('done', 'ana', { status: 'finished' }));
		expect(await deleteUnfinishedAttempt('open')).toBe(true);
		expect(await deleteUnfinishedAttempt('done')).toBe(false);
		expect(await deleteUnfinishedAttempt('none')).toBe(false);
		expect((await listAttempts('ana')).map((a) => a.id)).toEqual(['done']);
	});
});

/** Every record of the stores an answer touches, in key order. */
async function snapshot() {
	const db = await getDB();
	return {
		events: await db.getAll('events'),
		cards: await db.getAll('cards'),
		itemStats: await db.getAll('itemStats'),
		dayStats: await db.getAll('dayStats')
	};
}

/** The aggregates must always be what the stored events fold to. */
async function expectAggregatesMatchEvents(timeZone: string) {
	const db = await getDB();
	const expected = buildStats(await db.getAll('events'), timeZone);
	expect(await db.getAll('itemStats')).toEqual(expected.itemStats);
	expect(await db.getAll('dayStats')).toEqual(expected.dayStats);
}

const PARIS = 'Europe/Paris';
/** 23:30 on Monday 2 November 2026 in Paris (22:30 UTC). */
const LATE = Date.parse('2026-11-02T23:30:00+01:00');

describe('aggregates', () => {
	it('saveAnswer counts each answer in its item and its local day', async () => {
		await saveAnswer({ event: event('e1', 'ana', T0) }, PARIS);
		await saveAnswer({ event: event('e2', 'ana', T0 + 60_000, { correct: false }) }, PARIS);
		await saveAnswer({ event: event('e3', 'ana', LATE) }, PARIS);
		await saveAnswer({ event: event('e4', 'ana', LATE + 3_600_000) }, PARIS); // the 3rd
		await saveAnswer({ event: event('e5', 'zoe', T0, { itemId: 'p9-other' }) }, PARIS);
		expect(await listItemStats('ana')).toEqual([
			{
				learnerId: 'ana',
				itemId: 'p3-item',
				answers: 4,
				correct: 3,
				lastAt: LATE + 3_600_000,
				lastCorrect: true,
				lastWrongAt: T0 + 60_000
			}
		]);
		expect(await listDayStats('ana')).toEqual([
			{ learnerId: 'ana', date: '2026-11-02', answers: 3, correct: 2 },
			{ learnerId: 'ana', date: '2026-11-03', answers: 1, correct: 1 }
		]);
		expect((await listItemStats('zoe')).map((s) => s.itemId)).toEqual(['p9-other']);
		await expectAggregatesMatchEvents(PARIS);
	});

	it('dates a day in the time zone the answer is saved in', async () => {
		await saveAnswer({ event: event('e1', 'ana', LATE) }, 'UTC');
		await saveAnswer({ event: event('e2', 'ana', LATE) }, 'Asia/Tokyo');
		expect((await listDayStats('ana')).map((d) => d.date)).toEqual(['2026-11-02', '2026-11-03']);
	});

	it('saving the same answer again replaces it and counts it once', async () => {
		await saveAnswer({ event: event('e1', 'ana', T0) }, PARIS);
		await saveAnswer({ event: event('e1', 'ana', T0) }, PARIS);
		expect((await listItemStats('ana'))[0]).toMatchObject({ answers: 1, correct: 1 });
		// Corrected to wrong, a day later, another item: the old figures leave with it.
		await saveAnswer(
			{ event: event('e1', 'ana', T0 + DAY, { correct: false, itemId: 'p9-other' }) },
			PARIS
		);
		expect((await listItemStats('ana')).map((s) => [s.itemId, s.answers, s.correct])).toEqual([
			['p9-other', 1, 0]
		]);
		expect((await listDayStats('ana')).map((d) => d.date)).toEqual(['2026-11-03']);
		await expectAggregatesMatchEvents(PARIS);
	});

	it('keeps nothing of the aggregates when the answer fails to save', async () => {
		const broken = { ...attempt('a1', 'ana'), id: undefined } as unknown as ReturnType<
			typeof attempt
		>;
		await expect(
			saveAnswer({ event: event('e1', 'ana', T0), attempt: broken }, PARIS)
		).rejects.toThrow();
		expect(await listItemStats('ana')).toEqual([]);
		expect(await listDayStats('ana')).toEqual([]);
	});

	it('loads the dashboard’s records of one learner only', async () => {
		await saveAnswer({ event: event('e1', 'ana', T0), card: card('ana', 'p3-item', T0) }, PARIS);
		await saveAnswer({ event: event('e2', 'zoe', T0), card: card('zoe', 'p3-item', T0) }, PARIS);
		const data = await loadDashboardData('ana');
		expect(data.itemStats.map((s) => s.learnerId)).toEqual(['ana']);
		expect(data.dayStats).toEqual([
			{ learnerId: 'ana', date: '2026-11-02', answers: 1, correct: 1 }
		]);
		expect(data.cards).toEqual([card('ana', 'p3-item', T0)]);
	});
});

describe('undoAnswer', () => {
	/** A history with other answers on the same item and the same day, for both learners. */
	async function history() {
		await saveAnswer(
			{ event: event('h1', 'ana', T0 - DAY), card: card('ana', 'p3-item', T0, T0 - DAY) },
			PARIS
		);
		await saveAnswer({ event: event('h2', 'ana', T0, { correct: false }) }, PARIS);
		await saveAnswer({ event: event('h3', 'ana', LATE, { itemId: 'p9-other' }) }, PARIS);
		await saveAnswer({ event: event('h4', 'zoe', T0 + 5) }, PARIS);
	}

	it('puts back the exact state before a graded flashcard', async () => {
		await history();
		const before = await snapshot();
		const previousCard = (await loadDashboardData('ana')).cards[0];
		// The latest answer on the item and the day, right: it changes every figure.
		const answer = event('u1', 'ana', LATE + 60_000, {
			source: 'flashcard',
			grade: 'good',
			response: undefined
		});
		await saveAnswer({ event: answer, card: card('ana', 'p3-item', T0 + 9 * DAY, LATE) }, PARIS);
		expect(await snapshot()).not.toEqual(before);
		expect(await undoAnswer('u1', previousCard, PARIS)).toBe(true);
		expect(await snapshot()).toEqual(before);
	});

	it('deletes the card and the aggregates when the answer was the first', async () => {
		await history();
		const before = await snapshot();
		const answer = event('u1', 'ana', LATE - 5, {
			itemId: 'new-item',
			correct: false,
			source: 'flashcard',
			grade: 'again'
		});
		await saveAnswer({ event: answer, card: card('ana', 'new-item', T0 + DAY, LATE) }, PARIS);
		expect(await undoAnswer('u1', null, PARIS)).toBe(true);
		expect(await snapshot()).toEqual(before);
		// The first answer of a day, on its own: the day's record goes too.
		await saveAnswer({ event: event('u2', 'ana', T0 + 5 * DAY) }, PARIS);
		await undoAnswer('u2', null, PARIS);
		expect((await listDayStats('ana')).map((d) => d.date)).toEqual(['2026-11-01', '2026-11-02']);
	});

	it('undoes a wrong answer that tied with a right one for the latest time', async () => {
		await history();
		const before = await snapshot();
		await saveAnswer(
			{ event: event('u1', 'ana', LATE, { itemId: 'p9-other', correct: false }) },
			PARIS
		);
		expect((await listItemStats('ana'))[1]).toMatchObject({ lastCorrect: false });
		await undoAnswer('u1', null, PARIS);
		expect(await snapshot()).toEqual(before);
	});

	it('changes nothing for an answer that is not stored, or with another item’s card', async () => {
		await history();
		const before = await snapshot();
		expect(await undoAnswer('nope', null, PARIS)).toBe(false);
		await expect(undoAnswer('h2', card('ana', 'p9-other', T0), PARIS)).rejects.toThrow();
		expect(await snapshot()).toEqual(before);
	});
});

describe('undo of a grade that changed no card', () => {
	it('deletes the answer and leaves the card store alone', async () => {
		const { undoAnswer } = await import('$lib/storage/progress');
		await putCard(card('ana', 'p3-item', T0 + DAY));
		await saveAnswer({
			event: event('cram-1', 'ana', T0, { source: 'flashcard', grade: 'again', correct: false })
		});
		expect(await undoAnswer('cram-1', undefined)).toBe(true);
		expect(await listEvents('ana')).toEqual([]);
		expect(await getCard('ana', 'p3-item')).toEqual(card('ana', 'p3-item', T0 + DAY));
	});
});

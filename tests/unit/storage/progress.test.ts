import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	countDueCards,
	deleteAttempt,
	findUnfinishedAttempt,
	getAttempt,
	getCard,
	listCards,
	listDueCards,
	listEvents,
	listItemEvents,
	putCard,
	saveAnswer,
	saveAttempt
} from '$lib/storage/progress';
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

	it('finds the most recent unfinished attempt', async () => {
		await saveAttempt(attempt('old', 'ana', { updatedAt: T0 }));
		await saveAttempt(attempt('new', 'ana', { updatedAt: T0 + 100 }));
		await saveAttempt(attempt('done', 'ana', { updatedAt: T0 + 200, status: 'finished' }));
		await saveAttempt(attempt('zoe', 'zoe', { updatedAt: T0 + 300 }));
		expect((await findUnfinishedAttempt('ana'))?.id).toBe('new');
		await deleteAttempt('new');
		expect((await findUnfinishedAttempt('ana'))?.id).toBe('old');
		expect(await findUnfinishedAttempt('nobody')).toBeUndefined();
	});
});

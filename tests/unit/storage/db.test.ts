import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import type { AssignmentLink } from '$lib/domain/assignment';
import { buildStats } from '$lib/domain/stats';
import { DB_NAME, DB_VERSION, getDB, upgrade } from '$lib/storage/db';
import type { FactdeckDB } from '$lib/storage/schema';
import { deviceTimeZone } from '$lib/clock';
import { listLearners } from '$lib/storage/learners';
import { StorageUnavailableError } from '$lib/storage/errors';
import { listDayStats, listItemStats } from '$lib/storage/progress';
import { attempt, card, DAY, event, freshDatabase, learner, T0 } from './fixtures';

beforeEach(freshDatabase);

const savedTz = process.env.TZ;
afterEach(() => {
	if (savedTz === undefined) delete process.env.TZ;
	else process.env.TZ = savedTz;
});

describe('the database', () => {
	it('version 3 creates every store with the indexes the screens query', async () => {
		const db = await getDB();
		expect(db.version).toBe(DB_VERSION);
		expect(DB_VERSION).toBe(3);
		expect([...db.objectStoreNames].sort()).toEqual(
			[
				'assignments',
				'attempts',
				'cards',
				'dayStats',
				'events',
				'itemStats',
				'learners',
				'results',
				'sets',
				'settings'
			].sort()
		);
		const tx = db.transaction(['events', 'cards', 'attempts', 'assignments', 'results']);
		expect([...tx.objectStore('events').indexNames].sort()).toEqual([
			'by-learner-item',
			'by-learner-time'
		]);
		expect([...tx.objectStore('cards').indexNames]).toEqual(['by-learner-due']);
		expect([...tx.objectStore('attempts').indexNames].sort()).toEqual([
			'by-learner-started',
			'by-learner-status'
		]);
		expect([...tx.objectStore('assignments').indexNames]).toEqual(['by-learner-received']);
		expect([...tx.objectStore('results').indexNames]).toEqual(['by-assignment']);
	});

	it('upgrades version 2 to 3: keeps every record and adds empty teacher stores', async () => {
		const old = await openDB<FactdeckDB>(DB_NAME, 2, { upgrade });
		expect([...old.objectStoreNames]).not.toContain('sets');
		await old.put('learners', learner('kept'));
		await old.put('events', event('e1', 'kept', T0));
		old.close();
		const db = await getDB();
		expect(db.version).toBe(3);
		expect((await db.getAll('learners')).map((l) => l.id)).toEqual(['kept']);
		expect((await db.getAll('events')).map((e) => e.id)).toEqual(['e1']);
		expect(await db.getAll('sets')).toEqual([]);
		expect(await db.getAll('results')).toEqual([]);
	});

	it('opens a database written by the previous version and keeps its data', async () => {
		// Written by an earlier app (here version 1, built by the same upgrade steps).
		const old = await openDB<FactdeckDB>(DB_NAME, 1, { upgrade });
		await old.put('learners', learner('kept'));
		old.close();
		expect((await listLearners()).map((l) => l.id)).toEqual(['kept']);
	});

	it('upgrades version 1 to 2: keeps every record and fills the aggregates from the answers', async () => {
		// The device is in Paris: its answers are dated on the Paris calendar.
		process.env.TZ = 'Europe/Paris';
		expect(deviceTimeZone()).toBe('Europe/Paris');
		const old = await openDB<FactdeckDB>(DB_NAME, 1, { upgrade });
		expect([...old.objectStoreNames]).not.toContain('itemStats');
		const late = Date.parse('2026-11-02T23:30:00+01:00'); // 22:30 UTC: the 2nd in Paris
		const events = [
			event('e1', 'ana', T0),
			event('e2', 'ana', T0 + 60_000, { correct: false }),
			event('e3', 'ana', late, { itemId: 'p9-other' }),
			event('e4', 'ana', late + 3_600_000), // 00:30 on the 3rd in Paris
			event('e5', 'zoe', T0 + DAY, { source: 'flashcard', grade: 'good', response: undefined }),
			// More than one page of the upgrade's reads.
			...Array.from({ length: 4500 }, (_, i) =>
				event(`bulk-${String(i).padStart(4, '0')}`, 'zoe', T0 - i * 3_600_000, {
					itemId: `item-${i % 37}`,
					correct: i % 3 !== 0
				})
			)
		];
		const records = {
			learners: [learner('ana', T0, 'Ana'), learner('zoe', T0 + 1, 'Zoë')],
			cards: [card('ana', 'p3-item', T0 + DAY, T0), card('zoe', 'p3-item', T0 + 2 * DAY, T0)],
			attempts: [attempt('a1', 'ana'), attempt('a2', 'zoe', { status: 'finished' })],
			assignments: [
				// Any stored value survives the upgrade untouched; its shape does not matter here.
				{
					learnerId: 'ana',
					id: 'as1',
					receivedAt: T0,
					assignment: { v: 1 } as unknown as AssignmentLink,
					results: []
				}
			],
			settings: [{ key: 'currentLearnerId', value: 'zoe' }]
		};
		{
			const tx = old.transaction(
				['learners', 'events', 'cards', 'attempts', 'assignments', 'settings'],
				'readwrite'
			);
			await Promise.all([
				...records.learners.map((r) => tx.objectStore('learners').put(r)),
				...events.map((r) => tx.objectStore('events').put(r)),
				...records.cards.map((r) => tx.objectStore('cards').put(r)),
				...records.attempts.map((r) => tx.objectStore('attempts').put(r)),
				...records.assignments.map((r) => tx.objectStore('assignments').put(r)),
				...records.settings.map((r) => tx.objectStore('settings').put(r)),
				tx.done
			]);
		}
		old.close();

		const db = await getDB();
		expect(db.version).toBe(DB_VERSION);
		const byId = <T extends { id: string }>(xs: T[]) =>
			[...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
		expect(await db.getAll('learners')).toEqual(records.learners);
		expect(await db.getAll('events')).toEqual(byId(events));
		expect(await db.getAll('cards')).toEqual(records.cards);
		expect(await db.getAll('attempts')).toEqual(records.attempts);
		expect(await db.getAll('assignments')).toEqual(records.assignments);
		expect(await db.getAll('settings')).toEqual(records.settings);

		const expected = buildStats(events, 'Europe/Paris');
		expect(await db.getAll('itemStats')).toEqual(expected.itemStats);
		expect(await db.getAll('dayStats')).toEqual(expected.dayStats);
		// Checked by hand for Ana, including the two sides of midnight in Paris.
		expect(await listItemStats('ana')).toEqual([
			{
				learnerId: 'ana',
				itemId: 'p3-item',
				answers: 3,
				correct: 2,
				lastAt: late + 3_600_000,
				lastCorrect: true,
				lastWrongAt: T0 + 60_000
			},
			{
				learnerId: 'ana',
				itemId: 'p9-other',
				answers: 1,
				correct: 1,
				lastAt: late,
				lastCorrect: true,
				lastWrongAt: null
			}
		]);
		expect(await listDayStats('ana')).toEqual([
			{ learnerId: 'ana', date: '2026-11-02', answers: 3, correct: 2 },
			{ learnerId: 'ana', date: '2026-11-03', answers: 1, correct: 1 }
		]);
		const zoeAnswers = (await listDayStats('zoe')).reduce((n, d) => n + d.answers, 0);
		expect(zoeAnswers).toBe(4501);
	});

	it('leaves a version 1 database as it was when the backfill fails', async () => {
		const old = await openDB<FactdeckDB>(DB_NAME, 1, { upgrade });
		await old.put('events', event('e1', 'ana', T0));
		old.close();
		const getAll = IDBObjectStore.prototype.getAll;
		const spy = vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (
			this: IDBObjectStore,
			...args
		) {
			if (this.name === 'events') throw new DOMException('disk error', 'UnknownError');
			return getAll.apply(this, args as Parameters<typeof getAll>);
		});
		await expect(getDB()).rejects.toBeInstanceOf(StorageUnavailableError);
		spy.mockRestore();
		const again = await openDB<FactdeckDB>(DB_NAME);
		expect(again.version).toBe(1);
		expect([...again.objectStoreNames]).not.toContain('itemStats');
		expect(await again.getAll('events')).toEqual([event('e1', 'ana', T0)]);
		again.close();
		// The next open retries the upgrade, and this time it succeeds.
		expect(await listItemStats('ana')).toHaveLength(1);
	});

	it('upgrades an empty version 1 database to empty aggregates', async () => {
		(await openDB<FactdeckDB>(DB_NAME, 1, { upgrade })).close();
		const db = await getDB();
		expect(await db.count('itemStats')).toBe(0);
		expect(await db.count('dayStats')).toBe(0);
	});

	it('is opened once and shared', async () => {
		expect(await getDB()).toBe(await getDB());
	});

	it('reports a browser without IndexedDB as unavailable', async () => {
		await freshDatabase();
		const saved = globalThis.indexedDB;
		// Some private modes expose no IndexedDB at all.
		(globalThis as { indexedDB?: IDBFactory }).indexedDB = undefined;
		try {
			await expect(getDB()).rejects.toBeInstanceOf(StorageUnavailableError);
		} finally {
			globalThis.indexedDB = saved;
		}
	});

	it('closes its connection when a newer version needs to upgrade', async () => {
		const { onVersionChange } = await import('$lib/storage/db');
		let told = 0;
		const stop = onVersionChange(() => told++);
		await getDB();
		// A newer app version in another tab: it must not stay blocked.
		const newer = await openDB(DB_NAME, DB_VERSION + 1);
		expect(newer.version).toBe(DB_VERSION + 1);
		expect(told).toBe(1);
		newer.close();
		stop();
	});
});

import { beforeEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, getDB, upgrade, type FactdeckDB } from '$lib/storage/db';
import { listLearners } from '$lib/storage/learners';
import { StorageUnavailableError } from '$lib/storage/errors';
import { freshDatabase, learner } from './fixtures';

beforeEach(freshDatabase);

describe('the database', () => {
	it('version 1 creates every store with the indexes the screens query', async () => {
		const db = await getDB();
		expect(db.version).toBe(DB_VERSION);
		expect([...db.objectStoreNames].sort()).toEqual(
			['assignments', 'attempts', 'cards', 'events', 'learners', 'settings'].sort()
		);
		const tx = db.transaction(['events', 'cards', 'attempts', 'assignments']);
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
	});

	it('opens a database written by the previous version and keeps its data', async () => {
		// Written by an earlier app (here version 1, built by the same upgrade steps).
		const old = await openDB<FactdeckDB>(DB_NAME, 1, { upgrade });
		await old.put('learners', learner('kept'));
		old.close();
		expect((await listLearners()).map((l) => l.id)).toEqual(['kept']);
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

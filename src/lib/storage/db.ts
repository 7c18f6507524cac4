/**
 * The one IndexedDB database of the app, opened once, and its upgrade steps; its shape (the
 * DBSchema) is in schema.ts. Only src/lib/storage touches IndexedDB; everything else calls
 * its small async functions.
 */
import { openDB, type IDBPTransaction } from 'idb';
import { classifyStorageError, StorageUnavailableError } from './errors';
import type { Db, FactdeckDB, Store } from './schema';
import { backfillStats } from './stats';
import { deviceTimeZone } from '$lib/clock';

export const DB_NAME = 'factdeck';
export const DB_VERSION = 3;

/**
 * Schema steps, one per version. A step never edits an earlier one: a database written by
 * any earlier version upgrades through every later step in order. Each step has a test
 * that opens a database written by the version before it (tests/unit/storage/db.test.ts).
 */
export function upgrade(
	db: Db,
	oldVersion: number,
	newVersion: number | null,
	tx: IDBPTransaction<FactdeckDB, Store[], 'versionchange'>
): void {
	// Steps stop at the version asked for, so a test can build a database of an old version.
	const target = newVersion ?? DB_VERSION;
	if (oldVersion < 1 && target >= 1) {
		db.createObjectStore('learners', { keyPath: 'id' });
		db.createObjectStore('settings', { keyPath: 'key' });
		const events = db.createObjectStore('events', { keyPath: 'id' });
		events.createIndex('by-learner-time', ['learnerId', 'at']);
		events.createIndex('by-learner-item', ['learnerId', 'itemId']);
		const cards = db.createObjectStore('cards', { keyPath: ['learnerId', 'itemId'] });
		cards.createIndex('by-learner-due', ['learnerId', 'due']);
		const attempts = db.createObjectStore('attempts', { keyPath: 'id' });
		attempts.createIndex('by-learner-started', ['learnerId', 'startedAt']);
		attempts.createIndex('by-learner-status', ['learnerId', 'status', 'updatedAt']);
		const assignments = db.createObjectStore('assignments', { keyPath: ['learnerId', 'id'] });
		assignments.createIndex('by-learner-received', ['learnerId', 'receivedAt']);
	}
	if (oldVersion < 2 && target >= 2) {
		db.createObjectStore('itemStats', { keyPath: ['learnerId', 'itemId'] });
		db.createObjectStore('dayStats', { keyPath: ['learnerId', 'date'] });
		// A database of version 1 has answers already: fold them into the new stores, in this
		// upgrade transaction, so the app never sees the stores half filled. The work goes on
		// after this function returns (the open completes only once it commits); a failure
		// aborts the upgrade and leaves the database at version 1, untouched. A later step's
		// requests are queued before the backfill's next reads: one that changes events or
		// these stores must take that into account.
		if (oldVersion >= 1) {
			backfillStats(tx, deviceTimeZone()).catch(() => {
				// The open rejects with the abort (getDB reports it); tx.done has no other reader.
				tx.done.catch(() => undefined);
				try {
					tx.abort();
				} catch {
					// already finished or aborted
				}
			});
		}
	}
	if (oldVersion < 3 && target >= 3) {
		db.createObjectStore('sets', { keyPath: 'id' });
		const results = db.createObjectStore('results', { keyPath: 'id' });
		results.createIndex('by-assignment', ['assignmentId', 'receivedAt']);
	}
}

type Listener = () => void;
const versionChangeListeners = new Set<Listener>();

/**
 * Called when another tab opens a newer version of the app and needs this tab's
 * connection closed to upgrade the database. This tab has closed it already; the app asks
 * the person to reload. Returns an unsubscribe function.
 */
export function onVersionChange(listener: Listener): () => void {
	versionChangeListeners.add(listener);
	return () => versionChangeListeners.delete(listener);
}

let dbPromise: Promise<Db> | null = null;

/** The open database. Opened on first use and then shared by every caller. */
export function getDB(): Promise<Db> {
	if (!dbPromise) {
		if (typeof indexedDB === 'undefined') {
			return Promise.reject(new StorageUnavailableError());
		}
		dbPromise = openDB<FactdeckDB>(DB_NAME, DB_VERSION, {
			upgrade,
			blocking() {
				// A newer version waits for us: close so it is not blocked forever.
				void closeDB();
				for (const listener of versionChangeListeners) listener();
			},
			terminated() {
				dbPromise = null;
			}
		}).catch((error: unknown) => {
			dbPromise = null;
			const classified = classifyStorageError(error);
			throw classified instanceof StorageUnavailableError
				? classified
				: new StorageUnavailableError(error);
		});
	}
	return dbPromise;
}

/** Closes the connection (tests, and a newer version asking for it). The next use reopens. */
export async function closeDB(): Promise<void> {
	const pending = dbPromise;
	dbPromise = null;
	if (pending) (await pending.catch(() => null))?.close();
}

/**
 * Runs `work` in one read-write transaction over `stores` and resolves only once the
 * transaction has committed: a write counts only when `tx.done` resolves. A quota error
 * aborts the whole transaction, so nothing is half-written, and comes back as
 * StorageFullError.
 */
export async function writeTx<S extends Store, T>(
	stores: S[],
	work: (tx: IDBPTransaction<FactdeckDB, S[], 'readwrite'>) => Promise<T> | T
): Promise<T> {
	const db = await getDB();
	try {
		const tx = db.transaction(stores, 'readwrite');
		let result: T;
		try {
			result = await work(tx);
		} catch (error) {
			// Whatever `work` wrote so far is rolled back.
			try {
				tx.abort();
			} catch {
				// already finished or aborted
			}
			await tx.done.catch(() => undefined);
			throw error;
		}
		await tx.done;
		return result;
	} catch (error) {
		throw classifyStorageError(error);
	}
}

/** The key range of every record of one learner in a [learnerId, ...] index. */
export function learnerRange(learnerId: string): IDBKeyRange {
	return IDBKeyRange.bound([learnerId], [learnerId, []]);
}

/**
 * The teacher's side of assignments, device-wide (not per learner): the sets composed here,
 * the results students sent back, the teacher's name and key pairs. Key pairs live in the
 * `settings` store; the newest is the one new links carry, older ones (from a backup of
 * another device) still open results made for them.
 */
import type { TeacherSet } from '$lib/domain/assignment';
import type { ReceivedResult } from '$lib/domain/class-report';
import type { TeacherKeys } from '$lib/domain/teacher-keys';
import { getDB, writeTx } from './db';

export const TEACHER_NAME_KEY = 'teacherName';
export const TEACHER_KEYS_KEY = 'teacherKeys';

/** Every set, the most recently changed first. */
export async function listSets(): Promise<TeacherSet[]> {
	const all = await (await getDB()).getAll('sets');
	return all.sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
}

export async function getSet(id: string): Promise<TeacherSet | undefined> {
	return (await getDB()).get('sets', id);
}

export async function saveSet(set: TeacherSet): Promise<void> {
	await writeTx(['sets'], (tx) => tx.objectStore('sets').put(set));
}

/** Deletes a set and every result received for it, in one transaction. */
export async function deleteSet(id: string): Promise<void> {
	await writeTx(['sets', 'results'], async (tx) => {
		await tx.objectStore('sets').delete(id);
		const range = IDBKeyRange.bound([id], [id, []]);
		const keys = await tx.objectStore('results').index('by-assignment').getAllKeys(range);
		await Promise.all(keys.map((key) => tx.objectStore('results').delete(key)));
	});
}

/** Results received for one set, oldest first. */
export async function listResults(setId: string): Promise<ReceivedResult[]> {
	const range = IDBKeyRange.bound([setId], [setId, []]);
	return (await getDB()).getAllFromIndex('results', 'by-assignment', range);
}

/** How many results each set has (for the list of sets). */
export async function countResults(): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	const db = await getDB();
	let cursor = await db.transaction('results').store.index('by-assignment').openKeyCursor();
	while (cursor) {
		const setId = (cursor.key as [string, number])[0];
		counts.set(setId, (counts.get(setId) ?? 0) + 1);
		cursor = await cursor.continue();
	}
	return counts;
}

/**
 * Stores results in one transaction. A result whose id (a hash of its code) is stored
 * already is skipped: opening the same link twice adds it once. Returns what was added.
 */
export async function addResults(results: readonly ReceivedResult[]): Promise<ReceivedResult[]> {
	return writeTx(['results'], async (tx) => {
		const store = tx.objectStore('results');
		const added: ReceivedResult[] = [];
		const seen = new Set<string>();
		for (const result of results) {
			if (seen.has(result.id) || (await store.getKey(result.id)) !== undefined) continue;
			seen.add(result.id);
			await store.add(result);
			added.push(result);
		}
		return added;
	});
}

export async function getTeacherName(): Promise<string> {
	const value = (await (await getDB()).get('settings', TEACHER_NAME_KEY))?.value;
	return typeof value === 'string' ? value : '';
}

export async function setTeacherName(name: string): Promise<void> {
	await writeTx(['settings'], (tx) =>
		tx.objectStore('settings').put({ key: TEACHER_NAME_KEY, value: name.trim() })
	);
}

function keyList(value: unknown): TeacherKeys[] {
	return Array.isArray(value) ? (value as TeacherKeys[]) : [];
}

/** Every key pair of this device, newest first (empty before the first share). */
export async function listTeacherKeys(): Promise<TeacherKeys[]> {
	return keyList((await (await getDB()).get('settings', TEACHER_KEYS_KEY))?.value);
}

/**
 * The key pair new links carry, made on first use. `make` runs outside the transaction
 * (Web Crypto is async); if another tab stored a pair meanwhile, that one wins.
 */
export async function ensureTeacherKeys(
	make: () => Promise<TeacherKeys>,
	now = Date.now()
): Promise<TeacherKeys> {
	const existing = await listTeacherKeys();
	if (existing.length) return existing[0];
	const made: TeacherKeys = { ...(await make()), createdAt: now };
	return writeTx(['settings'], async (tx) => {
		const store = tx.objectStore('settings');
		const stored = keyList((await store.get(TEACHER_KEYS_KEY))?.value);
		if (stored.length) return stored[0];
		await store.put({ key: TEACHER_KEYS_KEY, value: [made] });
		return made;
	});
}

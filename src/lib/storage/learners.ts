/** Learners, and which one is studying now. Deleting a learner deletes all their records. */
import { AUTOMATIC_LEARNER_NAME, LEARNER_COLOURS, type Learner } from '$lib/domain/records';
import { getDB, learnerRange, writeTx } from './db';

const CURRENT_KEY = 'currentLearnerId';

/** Every learner, oldest first. */
export async function listLearners(): Promise<Learner[]> {
	const db = await getDB();
	const all = await db.getAll('learners');
	return all.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export async function getLearner(id: string): Promise<Learner | undefined> {
	return (await getDB()).get('learners', id);
}

/** Adds a learner; the caller gives the id (crypto.randomUUID()) and the clock. */
export async function addLearner(learner: Learner): Promise<Learner> {
	await writeTx(['learners'], (tx) => tx.objectStore('learners').add(learner));
	return learner;
}

/** Changes a learner's name and colour. */
export async function updateLearner(
	id: string,
	changes: Partial<Pick<Learner, 'name' | 'colour'>>
): Promise<Learner> {
	return writeTx(['learners'], async (tx) => {
		const store = tx.objectStore('learners');
		const learner = await store.get(id);
		if (!learner) throw new Error(`No learner ${id}`);
		const updated = { ...learner, ...changes };
		await store.put(updated);
		return updated;
	});
}

interface DeletingCursor {
	delete(): Promise<void>;
	continue(): Promise<DeletingCursor | null>;
}

async function deleteAll(cursor: DeletingCursor | null): Promise<void> {
	while (cursor) {
		await cursor.delete();
		cursor = await cursor.continue();
	}
}

/** Deletes a learner and every record of theirs, aggregates included, in one transaction. */
export async function deleteLearner(id: string): Promise<void> {
	await writeTx(
		['learners', 'events', 'cards', 'attempts', 'assignments', 'settings', 'itemStats', 'dayStats'],
		async (tx) => {
			await tx.objectStore('learners').delete(id);
			const range = learnerRange(id);
			// Their keys start with the learner id: one range delete each, no cursor.
			await tx.objectStore('itemStats').delete(range);
			await tx.objectStore('dayStats').delete(range);
			await deleteAll(await tx.objectStore('events').index('by-learner-time').openCursor(range));
			await deleteAll(await tx.objectStore('cards').index('by-learner-due').openCursor(range));
			await deleteAll(
				await tx.objectStore('attempts').index('by-learner-started').openCursor(range)
			);
			await deleteAll(
				await tx.objectStore('assignments').index('by-learner-received').openCursor(range)
			);
			const current = await tx.objectStore('settings').get(CURRENT_KEY);
			if (current?.value === id) await tx.objectStore('settings').delete(CURRENT_KEY);
		}
	);
}

export async function getCurrentLearnerId(): Promise<string | undefined> {
	const record = await (await getDB()).get('settings', CURRENT_KEY);
	return typeof record?.value === 'string' ? record.value : undefined;
}

export async function setCurrentLearnerId(id: string): Promise<void> {
	await writeTx(['settings'], (tx) =>
		tx.objectStore('settings').put({ key: CURRENT_KEY, value: id })
	);
}

/**
 * The learner to study as: the current one, else the oldest, else a new default learner
 * created without asking anything (the first visit). Runs in one transaction, so two tabs
 * opening at once cannot both create a default learner.
 */
export async function ensureLearner(newId: string, now: number): Promise<Learner> {
	return writeTx(['learners', 'settings'], async (tx) => {
		const learners = tx.objectStore('learners');
		const settings = tx.objectStore('settings');
		const currentId = (await settings.get(CURRENT_KEY))?.value;
		if (typeof currentId === 'string') {
			const current = await learners.get(currentId);
			if (current) return current;
		}
		const all = (await learners.getAll()).sort((a, b) => a.createdAt - b.createdAt);
		const learner = all[0] ?? {
			id: newId,
			name: AUTOMATIC_LEARNER_NAME,
			colour: LEARNER_COLOURS[0],
			createdAt: now
		};
		if (!all[0]) await learners.add(learner);
		await settings.put({ key: CURRENT_KEY, value: learner.id });
		return learner;
	});
}

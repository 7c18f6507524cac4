/**
 * The few reads the home page makes (cards, the unfinished quiz, assignments), apart from
 * progress.ts so a first visit to the home page does not load the code that writes answers.
 */
import { isListed, type Attempt, type CardRecord } from '$lib/domain/records';
import { getDB, learnerRange } from './db';

/** How many cards of a learner are due at or before `until`: counted by the index. */
export async function countDueCards(learnerId: string, until: number): Promise<number> {
	const db = await getDB();
	return db.countFromIndex(
		'cards',
		'by-learner-due',
		IDBKeyRange.bound([learnerId, -Infinity], [learnerId, until])
	);
}

/** Every card of a learner (the home page counts today's reviews and new cards from these). */
export async function listCards(learnerId: string): Promise<CardRecord[]> {
	const db = await getDB();
	return db.getAllFromIndex('cards', 'by-learner-due', learnerRange(learnerId));
}

/**
 * The learner's most recently touched unfinished attempt that has an answer, if any (one
 * left before its first answer is not offered: see `isListed`).
 */
export async function findUnfinishedAttempt(learnerId: string): Promise<Attempt | undefined> {
	const db = await getDB();
	const range = IDBKeyRange.bound(
		[learnerId, 'in-progress', -Infinity],
		[learnerId, 'in-progress', Infinity]
	);
	let cursor = await db
		.transaction('attempts')
		.store.index('by-learner-status')
		.openCursor(range, 'prev');
	while (cursor && !isListed(cursor.value)) cursor = await cursor.continue();
	return cursor?.value;
}

/**
 * Deletes an unfinished attempt (the person discards it). A finished one is kept: its results
 * stay in the history. The answers already given stay counted in progress, as answers given.
 * True when an attempt was deleted.
 */
export async function deleteUnfinishedAttempt(id: string): Promise<boolean> {
	const db = await getDB();
	const tx = db.transaction('attempts', 'readwrite');
	const attempt = await tx.store.get(id);
	const unfinished = attempt?.status === 'in-progress';
	if (unfinished) await tx.store.delete(id);
	await tx.done;
	return unfinished;
}

/**
 * How many assignments a learner has (the home page shows the list only when there are
 * some; counted here, in a module the home page loads anyway, to keep its first visit small).
 */
export async function countAssigned(learnerId: string): Promise<number> {
	return (await getDB()).countFromIndex(
		'assignments',
		'by-learner-received',
		learnerRange(learnerId)
	);
}

/**
 * Answers, card schedules and attempts. An answer and the state it changes are written in
 * one transaction; each function resolves only after the transaction has committed.
 */
import type { AnswerEvent, Attempt, CardRecord } from '$lib/domain/records';
import { getDB, learnerRange, writeTx } from './db';

/** What one answer changes: the event always, and the card and the attempt when given. */
export interface AnswerWrite {
	event: AnswerEvent;
	card?: CardRecord;
	attempt?: Attempt;
}

/** Saves an answer with everything it changes, all or nothing. */
export async function saveAnswer({ event, card, attempt }: AnswerWrite): Promise<void> {
	await writeTx(['events', 'cards', 'attempts'], async (tx) => {
		await tx.objectStore('events').put(event);
		if (card) await tx.objectStore('cards').put(card);
		if (attempt) await tx.objectStore('attempts').put(attempt);
	});
}

/** A learner's answers, oldest first, optionally from a time on. */
export async function listEvents(learnerId: string, since = -Infinity): Promise<AnswerEvent[]> {
	const db = await getDB();
	const range = Number.isFinite(since)
		? IDBKeyRange.bound([learnerId, since], [learnerId, []])
		: learnerRange(learnerId);
	return db.getAllFromIndex('events', 'by-learner-time', range);
}

/** A learner's answers to one item, oldest first. */
export async function listItemEvents(learnerId: string, itemId: string): Promise<AnswerEvent[]> {
	const db = await getDB();
	const events = await db.getAllFromIndex('events', 'by-learner-item', [learnerId, itemId]);
	return events.sort((a, b) => a.at - b.at);
}

export async function getCard(learnerId: string, itemId: string): Promise<CardRecord | undefined> {
	return (await getDB()).get('cards', [learnerId, itemId]);
}

/** Every card of a learner. */
export async function listCards(learnerId: string): Promise<CardRecord[]> {
	const db = await getDB();
	return db.getAllFromIndex('cards', 'by-learner-due', learnerRange(learnerId));
}

/** Cards of a learner due at or before `until`, soonest first (an index range, no scan). */
export async function listDueCards(learnerId: string, until: number): Promise<CardRecord[]> {
	const db = await getDB();
	return db.getAllFromIndex(
		'cards',
		'by-learner-due',
		IDBKeyRange.bound([learnerId, -Infinity], [learnerId, until])
	);
}

/** How many cards of a learner are due at or before `until`: counted by the index. */
export async function countDueCards(learnerId: string, until: number): Promise<number> {
	const db = await getDB();
	return db.countFromIndex(
		'cards',
		'by-learner-due',
		IDBKeyRange.bound([learnerId, -Infinity], [learnerId, until])
	);
}

/** Saves a card's schedule on its own (cram sessions and undo use saveAnswer instead). */
export async function putCard(card: CardRecord): Promise<void> {
	await writeTx(['cards'], (tx) => tx.objectStore('cards').put(card));
}

export async function saveAttempt(attempt: Attempt): Promise<void> {
	await writeTx(['attempts'], (tx) => tx.objectStore('attempts').put(attempt));
}

export async function getAttempt(id: string): Promise<Attempt | undefined> {
	return (await getDB()).get('attempts', id);
}

/** A learner's attempts, newest first. */
export async function listAttempts(learnerId: string): Promise<Attempt[]> {
	const db = await getDB();
	const attempts = await db.getAllFromIndex(
		'attempts',
		'by-learner-started',
		learnerRange(learnerId)
	);
	return attempts.reverse();
}

/** The learner's most recently touched unfinished attempt, if any. */
export async function findUnfinishedAttempt(learnerId: string): Promise<Attempt | undefined> {
	const db = await getDB();
	const range = IDBKeyRange.bound(
		[learnerId, 'in-progress', -Infinity],
		[learnerId, 'in-progress', Infinity]
	);
	const cursor = await db
		.transaction('attempts')
		.store.index('by-learner-status')
		.openCursor(range, 'prev');
	return cursor?.value;
}

export async function deleteAttempt(id: string): Promise<void> {
	await writeTx(['attempts'], (tx) => tx.objectStore('attempts').delete(id));
}

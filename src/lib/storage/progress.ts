/**
 * Answers, card schedules and attempts. An answer and the state it changes (its card, its
 * attempt, and the learner's aggregates) are written in one transaction; each function
 * resolves only after the transaction has committed.
 */
import { LocalCalendar } from '$lib/domain/calendar';
import type { AnswerEvent, Attempt, CardRecord } from '$lib/domain/records';
import type { DayStats, ItemStats } from '$lib/domain/stats';
import { getDB, learnerRange, writeTx } from './db';
import { deviceTimeZone } from '$lib/clock';
import { countAnswer, recountEvent } from './stats';

/** What one answer changes: the event always, and the card and the attempt when given. */
export interface AnswerWrite {
	event: AnswerEvent;
	card?: CardRecord;
	attempt?: Attempt;
}

/**
 * Saves an answer with everything it changes, all or nothing, and counts it in the learner's
 * aggregates, dated in `timeZone` (the device's). Saving an event id again replaces the
 * event, and the aggregates it touched are rebuilt rather than counted twice.
 */
export async function saveAnswer(
	{ event, card, attempt }: AnswerWrite,
	timeZone = deviceTimeZone()
): Promise<void> {
	const calendar = new LocalCalendar(timeZone);
	await writeTx(['events', 'cards', 'attempts', 'itemStats', 'dayStats'], async (tx) => {
		const stores = {
			events: tx.objectStore('events'),
			itemStats: tx.objectStore('itemStats'),
			dayStats: tx.objectStore('dayStats')
		};
		const previous = await stores.events.get(event.id);
		await stores.events.put(event);
		if (card) await tx.objectStore('cards').put(card);
		if (attempt) await tx.objectStore('attempts').put(attempt);
		if (!previous) {
			await countAnswer(stores, event, calendar);
		} else {
			await recountEvent(stores, previous, calendar);
			await recountEvent(stores, event, calendar);
		}
	});
}

/**
 * Takes back an answer (flashcard undo), in one transaction: deletes the event, puts back the
 * card as it was before the answer (`previousCard`), or deletes it when the answer created it
 * (null), or leaves it alone (undefined: a cram grade changed no card), and rebuilds the item's and the day's aggregates from the events that remain, so
 * everything is exactly as before the answer. Resolves false when the event is not stored
 * (undone already), changing nothing.
 */
export async function undoAnswer(
	eventId: string,
	previousCard: CardRecord | null | undefined,
	timeZone = deviceTimeZone()
): Promise<boolean> {
	const calendar = new LocalCalendar(timeZone);
	return writeTx(['events', 'cards', 'itemStats', 'dayStats'], async (tx) => {
		const stores = {
			events: tx.objectStore('events'),
			itemStats: tx.objectStore('itemStats'),
			dayStats: tx.objectStore('dayStats')
		};
		const event = await stores.events.get(eventId);
		if (!event) return false;
		if (
			previousCard &&
			(previousCard.learnerId !== event.learnerId || previousCard.itemId !== event.itemId)
		) {
			throw new Error(`The card given back is not the card of answer ${eventId}`);
		}
		await stores.events.delete(eventId);
		const cards = tx.objectStore('cards');
		if (previousCard) await cards.put(previousCard);
		else if (previousCard === null) await cards.delete([event.learnerId, event.itemId]);
		await recountEvent(stores, event, calendar);
		return true;
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

/** A learner's per-item aggregates, by item id. */
export async function listItemStats(learnerId: string): Promise<ItemStats[]> {
	return (await getDB()).getAll('itemStats', learnerRange(learnerId));
}

/** A learner's per-day aggregates, oldest date first. */
export async function listDayStats(learnerId: string): Promise<DayStats[]> {
	return (await getDB()).getAll('dayStats', learnerRange(learnerId));
}

/** What the progress dashboard reads: O(items + days) records, never the events. */
export interface DashboardData {
	itemStats: ItemStats[];
	dayStats: DayStats[];
	cards: CardRecord[];
}

/** The dashboard's records of one learner, read in one transaction (a consistent view). */
export async function loadDashboardData(learnerId: string): Promise<DashboardData> {
	const db = await getDB();
	const tx = db.transaction(['itemStats', 'dayStats', 'cards']);
	const range = learnerRange(learnerId);
	const [itemStats, dayStats, cards] = await Promise.all([
		tx.objectStore('itemStats').getAll(range),
		tx.objectStore('dayStats').getAll(range),
		// By primary key, not through the due index: the order does not matter here, and
		// Chromium reads 10,000 cards about 15% faster without the index lookup.
		tx.objectStore('cards').getAll(range)
	]);
	return { itemStats, dayStats, cards };
}

export async function getCard(learnerId: string, itemId: string): Promise<CardRecord | undefined> {
	return (await getDB()).get('cards', [learnerId, itemId]);
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

/**
 * Saves a card's schedule on its own. An answer's card goes through saveAnswer, and taking
 * the answer back through undoAnswer, so the event and the aggregates change with it.
 */
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

export async function deleteAttempt(id: string): Promise<void> {
	await writeTx(['attempts'], (tx) => tx.objectStore('attempts').delete(id));
}

// The home page's counts live in ./counts (kept apart so the home page loads less code).
export { countDueCards, findUnfinishedAttempt, listCards } from './counts';

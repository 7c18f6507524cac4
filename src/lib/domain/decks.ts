/**
 * Flashcard decks and study queues, as pure functions over the bank and one learner's
 * records. No storage: the caller reads the cards and events, and writes what these return.
 *
 * Rules (the README's flashcard section quotes them):
 * - **Cards**: every bank item is a card except those marked `quizOnly`, which are left out
 *   of every deck. A learner has a CardRecord for an item once they have graded it.
 * - **Decks**: the whole bank, one per topic (in the bank's topic order), "Missed in
 *   quizzes", and one per assignment the caller passes in. Empty decks are listed too; the
 *   screen decides how to show them.
 * - **Missed in quizzes**: items whose latest quiz or assignment answer is wrong, i.e. got
 *   wrong there and not answered right there since. Flashcard grades neither add nor clear
 *   an item (they are self-assessed); a right quiz or assignment answer clears it.
 * - **Today's queue**: reviews due by the end of the learner's local today first, most
 *   overdue first; then new cards (items with no CardRecord) in a seeded shuffle, up to the
 *   daily limit minus the cards introduced today. "Today" is the learner's local calendar
 *   day in their time zone, so the limit resets at local midnight, not UTC midnight.
 * - **Cram**: every card of the deck in a seeded order, whatever its schedule.
 * - **A wrong quiz answer** makes that item's card due now (see `afterQuizAnswer`).
 */
import type { Item, Topic } from './bank.ts';
import { todayBounds } from './calendar.ts';
import { createRng, sample, shuffle } from './random.ts';
import type { AnswerEvent, CardRecord, Grade } from './records.ts';
import type { Scheduler } from './scheduler.ts';

/** 'all', 'missed', 'topic:<topic id>' or 'assignment:<assignment id>'. */
export type DeckId = 'all' | `topic:${string}` | 'missed' | `assignment:${string}`;

export interface Deck {
	id: DeckId;
	title: string;
	/** Card item ids, in bank order (assignment decks: in the assignment's order). */
	itemIds: string[];
}

/** An assignment to offer as a deck, as the assignment code decoded it. */
export interface AssignmentDeckInput {
	assignmentId: string;
	title: string;
	itemIds: readonly string[];
}

export const ALL_DECK_TITLE = 'All cards';
export const MISSED_DECK_TITLE = 'Missed in quizzes';

/** Whether `text` (say, from a query string) has the shape of a deck id. */
export function isDeckId(text: string): text is DeckId {
	return text === 'all' || text === 'missed' || /^(topic|assignment):.+/.test(text);
}

/**
 * Items the learner got wrong in a quiz or an assignment and has not answered right in one
 * since: those whose latest 'quiz' or 'assignment' event is wrong. Events may come in any
 * order; a right and a wrong answer at the same instant leave the item missed.
 */
export function missedInQuizzes(
	events: Iterable<Pick<AnswerEvent, 'itemId' | 'at' | 'source' | 'correct'>>
): Set<string> {
	const latest = new Map<string, { at: number; correct: boolean }>();
	for (const event of events) {
		if (event.source !== 'quiz' && event.source !== 'assignment') continue;
		const seen = latest.get(event.itemId);
		if (!seen || event.at > seen.at) {
			latest.set(event.itemId, { at: event.at, correct: event.correct });
		} else if (event.at === seen.at && !event.correct) {
			seen.correct = false;
		}
	}
	const missed = new Set<string>();
	for (const [itemId, { correct }] of latest) if (!correct) missed.add(itemId);
	return missed;
}

/**
 * Every deck the flashcard screen offers: all cards, each topic, missed in quizzes, then the
 * assignments given. Items marked `quizOnly` are in none. Assignment decks keep their own
 * order, drop ids that are not cards (retired, unknown or quiz-only) and repeated ids.
 */
export function listDecks(
	items: readonly Pick<Item, 'id' | 'topic' | 'quizOnly'>[],
	topics: readonly Topic[],
	missedIds: Iterable<string>,
	assignmentDecks: readonly AssignmentDeckInput[] = []
): Deck[] {
	const cards = items.filter((item) => item.quizOnly !== true);
	const missed = new Set(missedIds);
	const byTopic = new Map<string, string[]>(topics.map((t) => [t.id, []]));
	for (const item of cards) byTopic.get(item.topic)?.push(item.id);
	const cardIds = new Set(cards.map((item) => item.id));
	return [
		{ id: 'all', title: ALL_DECK_TITLE, itemIds: cards.map((item) => item.id) },
		...topics.map((topic): Deck => ({
			id: `topic:${topic.id}`,
			title: topic.name,
			itemIds: byTopic.get(topic.id) ?? []
		})),
		{
			id: 'missed',
			title: MISSED_DECK_TITLE,
			itemIds: cards.filter((item) => missed.has(item.id)).map((item) => item.id)
		},
		...assignmentDecks.map((a): Deck => ({
			id: `assignment:${a.assignmentId}`,
			title: a.title,
			itemIds: [...new Set(a.itemIds)].filter((id) => cardIds.has(id))
		}))
	];
}

// todayBounds lives in calendar.ts (the home page needs it without the deck code).
export { todayBounds } from './calendar.ts';

export interface QueueInput {
	/** The deck's items (from `listDecks`). */
	itemIds: readonly string[];
	/** This learner's cards by item id: all of them, not only this deck's. */
	cards: ReadonlyMap<string, CardRecord>;
	now: number;
	/**
	 * The learner's IANA time zone: it decides when "today" starts and ends. Null only for a
	 * learner with no cards, whose queue needs no day (reading the device's zone first loads
	 * the browser's date formatting data, the costliest step of a first visit's deck list).
	 */
	timeZone: string | null;
	/** The daily new-card limit (DEFAULT_NEW_PER_DAY unless the learner changed it). */
	newPerDay: number;
	/** Seeds the order of new cards. */
	seed: number;
}

export interface StudyQueue {
	/** Cards due by the end of local today, most overdue first (ties: by item id). */
	due: string[];
	/** New cards to start, in a seeded shuffle: at most `newAvailable`. */
	fresh: string[];
	dueCount: number;
	/** New cards the learner may still start today: newPerDay minus newToday, at least 0. */
	newAvailable: number;
	/** Cards this learner introduced (first graded) during local today, in any deck. */
	newToday: number;
	/** Items of the deck the learner has never graded (fresh is the first few of these). */
	unseenCount: number;
}

/**
 * Today's study queue for one deck: `due` first, then `fresh`. The daily limit counts the
 * learner's cards whose `introducedAt` falls within local today, whatever their deck, so
 * switching decks does not give more new cards; it resets at local midnight.
 * Linear in the deck and the cards, plus sorting the due cards.
 * @throws RangeError when `newPerDay` is negative or not a whole number.
 */
export function buildQueue(input: QueueInput): StudyQueue {
	const { newPerDay } = input;
	if (!Number.isInteger(newPerDay) || newPerDay < 0) {
		throw new RangeError(`newPerDay must be a whole number, 0 or more (got ${newPerDay})`);
	}
	// Without a zone (a learner with no cards: nothing due, nothing started today) there is no
	// day to work out.
	if (input.timeZone === null && input.cards.size) {
		throw new RangeError('a time zone is needed to queue a learner who has cards');
	}
	const { start, end } =
		input.timeZone === null ? { start: 0, end: 0 } : todayBounds(input.now, input.timeZone);

	let newToday = 0;
	for (const card of input.cards.values()) {
		const at = card.introducedAt;
		if (at !== undefined && at >= start && at < end) newToday++;
	}

	const dueCards: { id: string; due: number }[] = [];
	const unseen: string[] = [];
	const seen = new Set<string>();
	for (const id of input.itemIds) {
		if (seen.has(id)) continue;
		seen.add(id);
		const card = input.cards.get(id);
		if (!card) unseen.push(id);
		else if (card.due < end) dueCards.push({ id, due: card.due });
	}
	dueCards.sort((a, b) => a.due - b.due || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

	const newAvailable = Math.max(0, newPerDay - newToday);
	return {
		due: dueCards.map((c) => c.id),
		fresh: sample(createRng(input.seed), unseen, newAvailable),
		dueCount: dueCards.length,
		newAvailable,
		newToday,
		unseenCount: unseen.length
	};
}

/**
 * A cram session: every card of the deck once, in a seeded order, due or not, new or not.
 * Cramming changes no schedule: the caller records each grade as an AnswerEvent (source
 * 'flashcard', with its grade) for the statistics, but writes no CardRecord and calls no
 * scheduler. Repeated ids appear once.
 */
export function cramQueue(itemIds: readonly string[], seed: number): string[] {
	return shuffle(createRng(seed), [...new Set(itemIds)]);
}

/**
 * The items of `itemIds` graded as flashcards at or after `since` (an assignment's
 * receipt): the teacher's result of a flashcard set counts these.
 */
export function gradedSince(
	itemIds: readonly string[],
	events: readonly AnswerEvent[],
	since: number
): Set<string> {
	const ids = new Set(itemIds);
	const graded = new Set<string>();
	for (const e of events) {
		if (e.source === 'flashcard' && e.at >= since && ids.has(e.itemId)) graded.add(e.itemId);
	}
	return graded;
}

/**
 * The study queue of an assigned deck: first every card not yet graded since the
 * assignment was received, in the deck's order (the teacher's result needs one grade per
 * card, due or not, beyond the daily new-card limit), then the rest of today's queue.
 */
export function assignedDeckQueue(
	input: QueueInput & { events: readonly AnswerEvent[]; receivedAt: number }
): string[] {
	const graded = gradedSince(input.itemIds, input.events, input.receivedAt);
	const ungraded = [...new Set(input.itemIds)].filter((id) => !graded.has(id));
	const queue = buildQueue(input);
	const first = new Set(ungraded);
	return [...ungraded, ...[...queue.due, ...queue.fresh].filter((id) => !first.has(id))];
}

/**
 * What a quiz or assignment answer does to the learner's flashcard for that item.
 *
 * The rule: a wrong answer makes the card due again now, so it comes first in the next
 * flashcard session. Only the due time moves (`due` and `memory.due` set to `now`); the
 * FSRS memory is untouched, and grading the card then counts as an early review. A right
 * answer changes nothing, nor does a wrong one for an item never studied as a flashcard
 * (no card: it is still a new card) or for a card already due.
 * @returns the card to write, or undefined when there is nothing to write.
 */
export function afterQuizAnswer(
	card: CardRecord | undefined,
	correct: boolean,
	now: number
): CardRecord | undefined {
	if (correct || !card || card.due <= now) return undefined;
	return { ...card, due: now, memory: { ...card.memory, due: now } };
}

/**
 * How many cards are due by the end of the learner's local today (the home page count).
 * With `itemIds`, only cards of those items count (pass the 'all' deck's ids to leave out
 * cards of retired or quiz-only items, so the count matches the queue).
 */
export function countDueToday(
	cards: Iterable<Pick<CardRecord, 'itemId' | 'due'>>,
	now: number,
	timeZone: string,
	itemIds?: ReadonlySet<string>
): number {
	const { end } = todayBounds(now, timeZone);
	let count = 0;
	for (const card of cards) {
		if (card.due < end && (!itemIds || itemIds.has(card.itemId))) count++;
	}
	return count;
}

/**
 * The card record to write after a flashcard grade in a study session (not a cram). The
 * first grade creates the record, with `introducedAt = now` (the daily new-card limit counts
 * it); later grades keep `introducedAt` as it was. Nothing passed in is changed, so undo is
 * writing back the previous record (or deleting the card when there was none).
 */
export function gradeCard(
	scheduler: Pick<Scheduler, 'newMemory' | 'grade'>,
	input: {
		learnerId: string;
		itemId: string;
		card: CardRecord | undefined;
		grade: Grade;
		now: number;
	}
): CardRecord {
	const { card, now } = input;
	const memory = scheduler.grade(card?.memory ?? scheduler.newMemory(now), input.grade, now);
	const record: CardRecord = {
		learnerId: input.learnerId,
		itemId: input.itemId,
		due: memory.due,
		memory
	};
	const introducedAt = card ? card.introducedAt : now;
	if (introducedAt !== undefined) record.introducedAt = introducedAt;
	return record;
}

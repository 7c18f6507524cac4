/**
 * The home page's flashcard line: how many new cards and reviews are ready today, counted as
 * the study queue of the "All cards" deck counts them (`buildQueue` in decks.ts), without
 * the deck code or the bank's items, which the home page does not load.
 *
 * Rules (the same as the queue's):
 * - **Cards** are the bank's items but those marked quiz-only; cards the learner kept for
 *   retired items (or quiz-only ones) are not counted, as no deck shows them.
 * - **Reviews ready**: the learner's cards due by the end of local today.
 * - **New cards ready**: cards never graded, up to the daily limit minus the cards first
 *   graded today (in any deck, retired ones included, as the queue counts them).
 */
import { todayBounds } from './calendar.ts';
import type { CardRecord } from './records.ts';

export interface StudyTodayInput {
	/** The learner's card records (all of them). */
	cards: Iterable<Pick<CardRecord, 'itemId' | 'due' | 'introducedAt'>>;
	/** How many cards the bank has (items not quiz-only). */
	cardCount: number;
	/** Ids that are not cards: retired items and quiz-only ones. */
	notCards: ReadonlySet<string>;
	now: number;
	/** The device's time zone; null only with no cards (no day to work out). */
	timeZone: string | null;
	/** The learner's daily limit of new cards. */
	newPerDay: number;
}

export interface StudyToday {
	/** Cards due by the end of local today. */
	reviews: number;
	/** New cards the learner may start today. */
	fresh: number;
	/** Cards the learner has never graded. */
	unseen: number;
	newPerDay: number;
}

/**
 * Today's counts for the "All cards" deck. A card record whose id the bank does not know at
 * all (not even as retired) can only come from a backup made with a newer bank; it counts
 * as a card here, where the queue would skip it.
 */
export function studyToday(input: StudyTodayInput): StudyToday {
	const { start, end } =
		input.timeZone === null ? { start: 0, end: 0 } : todayBounds(input.now, input.timeZone);
	let reviews = 0;
	let seen = 0;
	let newToday = 0;
	for (const card of input.cards) {
		const at = card.introducedAt;
		if (at !== undefined && at >= start && at < end) newToday++;
		if (input.notCards.has(card.itemId)) continue;
		seen++;
		if (card.due < end) reviews++;
	}
	const unseen = Math.max(0, input.cardCount - seen);
	const fresh = Math.min(unseen, Math.max(0, input.newPerDay - newToday));
	return { reviews, fresh, unseen, newPerDay: input.newPerDay };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The sentence for the home page, and whether "Study now" has something to show. Never a
 * bare "0 due" beside a button: with nothing ready it says why (done for today, no new cards
 * a day, or every card started).
 */
export function describeStudyToday(today: StudyToday): { text: string; ready: boolean } {
	const { reviews, fresh, unseen, newPerDay } = today;
	const parts = [
		fresh > 0 ? count(fresh, 'new card', 'new cards') : '',
		reviews > 0 ? count(reviews, 'review', 'reviews') : ''
	].filter(Boolean);
	if (parts.length) return { text: `${parts.join(' and ')} ready today.`, ready: true };
	if (unseen === 0) return { text: 'Nothing due today, and every card is started.', ready: false };
	if (newPerDay === 0)
		return { text: 'Nothing due today, and new cards are set to 0 a day.', ready: false };
	return { text: 'Done for today: new cards come again tomorrow.', ready: false };
}

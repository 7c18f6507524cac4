/**
 * The smart quiz's ranking: which items a learner most needs to see, from their answer
 * history. Pure and deterministic; quiz.ts breaks ties with the quiz's seed.
 */
import type { Item } from './bank.ts';

/** What the app knows about one learner and one item. */
export interface ItemHistory {
	/** Times answered. */
	seen: number;
	/** Times answered right. */
	correct: number;
	/** When last answered (epoch ms). */
	lastAt: number;
}

/** A learner's history, by item id. */
export type QuizHistory = Record<string, ItemHistory>;

/** Priority of an item never answered: above every answered item. */
export const UNSEEN_PRIORITY = 2;
/** The most a recent miss adds to an answered item's priority. */
export const RECENT_MISS_BONUS = 0.25;

/**
 * The history of `id` when it has been answered, else undefined. Checks the entry's shape
 * rather than `Object.hasOwn` (slow on a large record): keys inherited from
 * Object.prototype, such as "constructor", are not entries and so read as unseen.
 */
export function historyOf(history: QuizHistory | undefined, id: string): ItemHistory | undefined {
	const entry: unknown = history?.[id];
	if (typeof entry !== 'object' || entry === null) return undefined;
	const { seen } = entry as ItemHistory;
	return typeof seen === 'number' && seen > 0 ? (entry as ItemHistory) : undefined;
}

/** The span of `lastAt` over the answered items of a pool: what "recent" is measured against. */
export interface RecencyRange {
	oldest: number;
	newest: number;
}

/** The span of `lastAt` over the given history entries (undefined for unseen items). */
export function recencyRange(entries: readonly (ItemHistory | undefined)[]): RecencyRange {
	let oldest = Infinity;
	let newest = -Infinity;
	for (const h of entries) {
		if (h && Number.isFinite(h.lastAt)) {
			if (h.lastAt < oldest) oldest = h.lastAt;
			if (h.lastAt > newest) newest = h.lastAt;
		}
	}
	return { oldest, newest };
}

/** The priority of one item (see `itemPriorities` for the rule). */
export function priorityOf(h: ItemHistory | undefined, range: RecencyRange): number {
	if (!h) return UNSEEN_PRIORITY;
	const seen = h.seen;
	const correct = Math.min(Math.max(0, h.correct), seen);
	const weakness = 1 - (correct + 1) / (seen + 2);
	if (correct >= seen) return weakness;
	let recency = 0;
	if (Number.isFinite(h.lastAt)) {
		const span = range.newest - range.oldest;
		recency = span > 0 ? (h.lastAt - range.oldest) / span : 1;
	}
	return weakness + RECENT_MISS_BONUS * recency;
}

/**
 * How much each item needs practice, higher first. The rule:
 * - never answered (no history, or `seen` 0): `UNSEEN_PRIORITY` (2), above everything else;
 * - answered: weakness `1 - (correct + 1) / (seen + 2)` (accuracy smoothed so that one
 *   answer does not count as certainty: 0 of 1 gives 0.67, 1 of 1 gives 0.33, 9 of 10
 *   0.17), plus, when the item was ever missed, up to `RECENT_MISS_BONUS` (0.25) scaled by
 *   how recent its last answer is among the answered items of the pool (the most recent
 *   gets all of it, the oldest none). So an item missed last session outranks one missed
 *   long ago at the same accuracy, and any unseen item outranks both.
 * The result is between 0 and 1.25 for answered items. It uses no clock: recency is
 * relative to the other items' `lastAt`, so the same history always ranks the same way.
 * (The history keeps counts and the last time, not the last result, so "missed recently"
 * is read as "missed at some point, and answered recently".)
 */
export function itemPriorities(items: readonly Item[], history: QuizHistory): Map<string, number> {
	const entries = items.map((item) => historyOf(history, item.id));
	const range = recencyRange(entries);
	return new Map(items.map((item, i) => [item.id, priorityOf(entries[i], range)]));
}

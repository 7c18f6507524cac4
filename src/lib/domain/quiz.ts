/**
 * The quiz generator: from the bank, the learner's choices and a seed, the list of questions
 * with their options in the order shown. Pure and deterministic (the same items, options,
 * seed and history always give the same quiz), and the quiz is JSON-safe plain data, so an
 * attempt can store it and a backup can carry it.
 */
import type { Item, ItemKind } from './bank.ts';
import { ITEM_KINDS } from './bank.ts';
import { createRng, shuffle, type Rng } from './random.ts';
import { quizRounds } from './quiz-rounds.ts';
import {
	drawAll,
	drawBalanced,
	groupCapacity,
	RandomQueue,
	RankedQueue,
	type ItemQueue
} from './quiz-draw.ts';
import {
	historyOf,
	priorityOf,
	recencyRange,
	type ItemHistory,
	type QuizHistory
} from './quiz-smart.ts';

export type { QuizHistory } from './quiz-smart.ts';

/** The quiz lengths a learner can choose. */
export const QUIZ_LENGTHS = [5, 10, 20, 'all'] as const;
export type QuizLength = (typeof QUIZ_LENGTHS)[number];

/** practice: feedback after each question; test: feedback at the end. */
export const QUIZ_MODES = ['practice', 'test'] as const;
export type QuizMode = (typeof QUIZ_MODES)[number];

export const DIFFICULTIES = [1, 2, 3] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** Which items a quiz may use. An empty list means no restriction. */
export interface QuizFilters {
	topics: string[];
	difficulties: Difficulty[];
	kinds: ItemKind[];
	/**
	 * A fixed list to draw from ("retry the ones I missed", "my ten weakest"); the other
	 * filters still apply. Unlike the lists above, an empty list here means no items; leave
	 * it out for the whole bank. Ids no longer in the bank are skipped.
	 */
	itemIds?: string[];
}

/** What the learner chose, plus the seed: with the bank, enough to rebuild the quiz. */
export interface QuizOptions extends QuizFilters {
	length: QuizLength;
	mode: QuizMode;
	/** Any finite number; the app draws it once and stores it with the attempt. */
	seed: number;
	/** Favour unseen and weak items (see `itemPriorities`); needs the learner's history. */
	smart?: boolean;
	/**
	 * "Every question": this quiz is round `round` (from 1) of `quizRounds` over the items
	 * passing the filters, and asks every item of that round. Needs length 'all'.
	 */
	round?: number;
}

/** A single or multi question: the item's options in the order shown. */
export interface ChoiceQuestion {
	itemId: string;
	kind: 'single' | 'multi';
	options: string[];
}

/** An ordering question: the entries as first shown, shuffled. */
export interface OrderingQuestion {
	itemId: string;
	kind: 'ordering';
	sequence: string[];
}

/** A matching question: the right-hand column in the order shown (left as in the item). */
export interface MatchingQuestion {
	itemId: string;
	kind: 'matching';
	rights: string[];
}

/** A question whose presentation has nothing to shuffle. */
export interface PlainQuestion {
	itemId: string;
	kind: 'truefalse' | 'typed' | 'numeric';
}

/** One question of a quiz, as stored in an attempt. */
export type QuizQuestion = ChoiceQuestion | OrderingQuestion | MatchingQuestion | PlainQuestion;

export interface QuizReady {
	ok: true;
	questions: QuizQuestion[];
}

/** Too few items for the quiz asked for; `reason` is a sentence to show as it is. */
export interface QuizShortfall {
	ok: false;
	reason: string;
	available: number;
	requested: number;
}

export type QuizResult = QuizReady | QuizShortfall;

/** Options that no learner's choice can produce (a programming error, not a shortfall). */
export class QuizOptionsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'QuizOptionsError';
	}
}

/**
 * The sentence shown when a quiz cannot be made: how many questions one quiz can hold with
 * these filters (exclusion groups counted once), and what to do.
 */
export function describeShortfall(available: number): string {
	if (available <= 0) {
		return 'No questions match these filters; widen the topics, difficulties or kinds.';
	}
	// Worded here, not with wording.ts's plural: this module is on the home page's first visit,
	// and an import of wording.ts would load all of the app's words there.
	const count = available === 1 ? '1 question fits' : `${available} questions fit`;
	return `Only ${count} in one quiz with these filters; choose fewer questions, every question, or widen the topics.`;
}

/** What the filters look at: enough to count matches without the questions' text. */
export type FilterFields = Pick<Item, 'id' | 'topic' | 'difficulty' | 'kind' | 'exclusionGroup'>;

/** The filter fields of each item (the quiz setup page counts matches from these alone). */
export function filterFields(items: readonly Item[]): FilterFields[] {
	return items.map(({ id, topic, difficulty, kind, exclusionGroup }) =>
		exclusionGroup === undefined
			? { id, topic, difficulty, kind }
			: { id, topic, difficulty, kind, exclusionGroup }
	);
}

/** A test for the filters, built once per quiz. */
function matcher(filters: QuizFilters): (item: FilterFields) => boolean {
	const topics = filters.topics.length ? new Set(filters.topics) : null;
	const difficulties = filters.difficulties.length ? new Set<number>(filters.difficulties) : null;
	const kinds = filters.kinds.length ? new Set<string>(filters.kinds) : null;
	const ids = filters.itemIds ? new Set(filters.itemIds) : null;
	return (item) =>
		(!topics || topics.has(item.topic)) &&
		(!difficulties || difficulties.has(item.difficulty)) &&
		(!kinds || kinds.has(item.kind)) &&
		(!ids || ids.has(item.id));
}

/** The items that pass the filters, in bank order. */
export function filterItems(items: readonly Item[], filters: QuizFilters): Item[] {
	return items.filter(matcher(filters));
}

/**
 * One pass over the bank: the items passing the filters, by topic (topics in order of first
 * appearance), the same items in bank order, and how many of them one quiz can hold
 * (`groupCapacity`: one per exclusion group, plus every item without a group).
 */
function poolByTopic<T extends FilterFields>(items: readonly T[], filters: QuizFilters) {
	const matches = matcher(filters);
	const byTopic = new Map<string, T[]>();
	const pool: T[] = [];
	for (const item of items) {
		if (!matches(item)) continue;
		pool.push(item);
		const list = byTopic.get(item.topic);
		if (list) list.push(item);
		else byTopic.set(item.topic, [item]);
	}
	return { byTopic, pool, capacity: groupCapacity(pool) };
}

/**
 * The most questions a quiz with these filters can have (items of one exclusion group
 * count once): what the options screen can show as "N questions match".
 */
export function countAvailable(items: readonly FilterFields[], filters: QuizFilters): number {
	return poolByTopic(items, filters).capacity;
}

/** How the items passing some filters make quizzes: what the set-up page says of them. */
export interface PoolSizes {
	/** Items passing the filters. */
	matching: number;
	/** The most of them one quiz can hold (`countAvailable`). */
	perQuiz: number;
	/** The size of each round of "every question" (`quizRounds`), in round order. */
	rounds: number[];
}

/** The sizes the set-up page shows for these filters (one pass, then the rounds' split). */
export function poolSizes(items: readonly FilterFields[], filters: QuizFilters): PoolSizes {
	const { pool, capacity } = poolByTopic(items, filters);
	return {
		matching: pool.length,
		perQuiz: capacity,
		rounds: quizRounds(pool).map((round) => round.length)
	};
}

/** Which round of "every question" a quiz was, and how many rounds its filters make. */
export interface RoundPlace {
	round: number;
	of: number;
}

const listOf = (value: unknown, type: 'string' | 'number') =>
	Array.isArray(value) && value.every((v) => typeof v === type);

/**
 * Where a stored quiz stands in "every question": its round, of how many rounds its filters
 * make in this bank. Null for any other quiz, and for options that are not the shape the app
 * writes (stored options may come from a backup). `of` is counted on this bank: it differs
 * from the count when the round began only if the bank changed since.
 */
export function roundPlace(
	options: Partial<Record<keyof QuizOptions, unknown>>,
	items: readonly FilterFields[]
): RoundPlace | null {
	const { round, topics = [], difficulties = [], kinds = [], itemIds } = options;
	if (typeof round !== 'number' || !Number.isInteger(round) || round < 1) return null;
	if (!listOf(topics, 'string') || !listOf(difficulties, 'number') || !listOf(kinds, 'string'))
		return null;
	if (itemIds !== undefined && !listOf(itemIds, 'string')) return null;
	const filters = { topics, difficulties, kinds, itemIds } as QuizFilters;
	return { round, of: quizRounds(poolByTopic(items, filters).pool).length };
}

function validate(options: QuizOptions): void {
	if (!QUIZ_LENGTHS.includes(options.length)) {
		throw new QuizOptionsError(`length must be one of ${QUIZ_LENGTHS.join(', ')}`);
	}
	if (!QUIZ_MODES.includes(options.mode)) {
		throw new QuizOptionsError(`mode must be one of ${QUIZ_MODES.join(', ')}`);
	}
	if (!Number.isFinite(options.seed)) throw new QuizOptionsError('seed must be a finite number');
	for (const kind of options.kinds) {
		if (!ITEM_KINDS.includes(kind)) throw new QuizOptionsError(`unknown kind "${kind}"`);
	}
	const { round } = options;
	if (round !== undefined && (!Number.isInteger(round) || round < 1 || options.length !== 'all')) {
		throw new QuizOptionsError('round must be a whole number from 1, with length all');
	}
}

/**
 * One queue per topic, topics in a seeded order. Plain: each topic's items in a seeded
 * random order. Smart: each topic's items by `priorityOf` (ties broken by the seed), and the
 * topics whose best item needs practice most first, so they get the spare places of the
 * last round.
 */
function topicQueues(
	byTopic: Map<string, Item[]>,
	rng: Rng,
	smart: boolean,
	history: QuizHistory
): ItemQueue[] {
	const lists = shuffle(rng, [...byTopic.keys()]).map((topic) => byTopic.get(topic)!);
	if (!smart) return lists.map((list) => new RandomQueue(list, rng));
	const entries: (ItemHistory | undefined)[] = [];
	for (const list of lists) for (const item of list) entries.push(historyOf(history, item.id));
	const range = recencyRange(entries);
	let k = 0;
	const queues = lists.map((list) => {
		const priorities = new Float64Array(list.length);
		const ties = new Uint32Array(list.length);
		for (let i = 0; i < list.length; i++) {
			priorities[i] = priorityOf(entries[k++], range);
			ties[i] = rng.next() >>> 0;
		}
		return new RankedQueue(list, priorities, ties);
	});
	// Array.prototype.sort is stable: topics whose best items tie keep their seeded order.
	return queues.sort((a, b) => b.top - a.top);
}

const sameOrder = (a: readonly string[], b: readonly string[]) => a.every((x, i) => x === b[i]);

/** `entries` shuffled, and not in their original order whenever another order exists. */
function shuffleOutOfOrder(rng: Rng, entries: readonly string[]): string[] {
	let out = shuffle(rng, entries);
	for (let tries = 0; tries < 8 && sameOrder(out, entries); tries++) out = shuffle(rng, entries);
	// Still in order (1 in 6^9 for three entries): rotating by one always differs unless
	// every entry is the same.
	if (sameOrder(out, entries)) out = [...entries.slice(1), ...entries.slice(0, 1)];
	return out;
}

/**
 * How `item` is shown: options shuffled (single, multi), the sequence shuffled and not
 * already in order (ordering), the right-hand column shuffled and, when possible, not
 * already lined up with the left (matching).
 */
export function presentItem(rng: Rng, item: Item): QuizQuestion {
	switch (item.kind) {
		case 'single':
		case 'multi':
			return { itemId: item.id, kind: item.kind, options: shuffle(rng, item.options) };
		case 'ordering':
			return { itemId: item.id, kind: 'ordering', sequence: shuffleOutOfOrder(rng, item.sequence) };
		case 'matching':
			return {
				itemId: item.id,
				kind: 'matching',
				rights: shuffleOutOfOrder(
					rng,
					item.pairs.map((p) => p.right)
				)
			};
		case 'truefalse':
		case 'typed':
		case 'numeric':
			return { itemId: item.id, kind: item.kind };
	}
}

/**
 * Makes a quiz. The items are those passing the filters; no item appears twice and no two
 * items share an exclusion group. Topics are balanced: items are drawn round-robin across
 * the topics present (topic order and order within a topic set by the seed), so 10
 * questions over 8 topics take at most 2 from any topic whenever the topics have enough.
 * With `smart` the order within each topic follows `itemPriorities` (unseen first, then
 * the weakest), ties broken by the seed. The chosen questions are then shuffled, so topics
 * do not come round in a fixed rotation. Length 'all' uses every usable item. With `round`,
 * the quiz asks every item of that round of `quizRounds` (see quiz-rounds.ts), in a seeded
 * order: the rounds together ask every item passing the filters.
 *
 * Returns a shortfall (not an error) when fewer items are usable than asked for.
 * @throws QuizOptionsError for options no screen can produce (unknown length, mode or
 * kind, a seed that is not a finite number).
 */
export function generateQuiz(
	items: readonly Item[],
	options: QuizOptions,
	history?: QuizHistory
): QuizResult {
	validate(options);
	const { byTopic, pool, capacity } = poolByTopic(items, options);
	const shortfall = (available: number, requested: number): QuizShortfall => ({
		ok: false,
		reason: describeShortfall(available),
		available,
		requested
	});
	if (options.round !== undefined) {
		const rounds = quizRounds(pool);
		const round = rounds[options.round - 1];
		if (!round) {
			return {
				ok: false,
				reason:
					rounds.length === 0
						? describeShortfall(0)
						: `These filters now make ${rounds.length} rounds, not ${options.round}: the question bank changed. Start again from round 1.`,
				available: rounds.length,
				requested: options.round
			};
		}
		const rng = createRng(options.seed);
		return { ok: true, questions: shuffle(rng, round).map((item) => presentItem(rng, item)) };
	}
	const requested = options.length === 'all' ? capacity : options.length;
	if (capacity === 0 || capacity < requested) return shortfall(capacity, requested);

	const rng = createRng(options.seed);
	let drawn: Item[];
	if (options.length === 'all') {
		drawn = drawAll(pool, rng);
	} else {
		const queues = topicQueues(byTopic, rng, options.smart === true, history ?? {});
		drawn = drawBalanced(queues, requested);
		// Items with several exclusion groups, drawn early, can block more places than the
		// count allows when nearly every item is asked for: then take from a full draw.
		if (drawn.length < requested) drawn = shuffle(rng, drawAll(pool, rng)).slice(0, requested);
	}
	// Only a bank with repeated ids (which validation rejects) can come up short here.
	if (drawn.length < requested && options.length !== 'all') {
		return shortfall(drawn.length, requested);
	}
	const chosen = shuffle(rng, drawn);
	return { ok: true, questions: chosen.map((item) => presentItem(rng, item)) };
}

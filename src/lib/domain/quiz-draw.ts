/**
 * How quiz.ts draws items: one queue per topic (random, or ranked for the smart quiz), and a
 * round-robin over the queues that respects exclusion groups. Every queue hands out its
 * items one at a time and only does the work for the items taken, so a 20-question quiz
 * from a 10,000-item bank costs little more than one pass over the bank.
 */
import { exclusionGroupsOf, type Item } from './bank.ts';
import { randomInt, shuffle, type Rng } from './random.ts';

/** A topic's items, handed out one at a time. */
export interface ItemQueue {
	readonly empty: boolean;
	take(): Item;
}

/** Items in a seeded random order: a Fisher-Yates shuffle done one draw at a time. */
export class RandomQueue implements ItemQueue {
	#items: Item[];
	#next = 0;
	#rng: Rng;

	/** Takes ownership of `items` (it is reordered in place). */
	constructor(items: Item[], rng: Rng) {
		this.#items = items;
		this.#rng = rng;
	}

	get empty(): boolean {
		return this.#next >= this.#items.length;
	}

	take(): Item {
		const items = this.#items;
		const i = this.#next++;
		const j = randomInt(this.#rng, i, items.length - 1);
		const chosen = items[j];
		items[j] = items[i];
		items[i] = chosen;
		return chosen;
	}
}

/**
 * Items by priority, highest first; equal priorities in the order of their `ties` (lower
 * first). A binary heap: built in one pass, each `take` costs a logarithm.
 */
export class RankedQueue implements ItemQueue {
	#items: Item[];
	#priority: Float64Array;
	#tie: Uint32Array;
	#heap: Int32Array;
	#size: number;

	/** `priorities[i]` and `ties[i]` belong to `items[i]`; the queue keeps all three. */
	constructor(items: Item[], priorities: Float64Array, ties: Uint32Array) {
		this.#items = items;
		this.#priority = priorities;
		this.#tie = ties;
		this.#size = items.length;
		this.#heap = new Int32Array(items.length);
		for (let i = 0; i < items.length; i++) this.#heap[i] = i;
		for (let i = (this.#size >> 1) - 1; i >= 0; i--) this.#siftDown(i);
	}

	/** The priority of the item `take` would give next. */
	get top(): number {
		return this.#size ? this.#priority[this.#heap[0]] : -Infinity;
	}

	get empty(): boolean {
		return this.#size === 0;
	}

	take(): Item {
		const heap = this.#heap;
		const first = heap[0];
		heap[0] = heap[--this.#size];
		this.#siftDown(0);
		return this.#items[first];
	}

	/** Whether entry a comes before entry b. */
	#before(a: number, b: number): boolean {
		const pa = this.#priority[a];
		const pb = this.#priority[b];
		return pa > pb || (pa === pb && this.#tie[a] < this.#tie[b]);
	}

	#siftDown(start: number): void {
		const heap = this.#heap;
		let i = start;
		for (;;) {
			const left = 2 * i + 1;
			if (left >= this.#size) return;
			const right = left + 1;
			const child = right < this.#size && this.#before(heap[right], heap[left]) ? right : left;
			if (!this.#before(heap[child], heap[i])) return;
			[heap[i], heap[child]] = [heap[child], heap[i]];
			i = child;
		}
	}
}

/** Items in the order given (already shuffled, say), handed out one at a time. */
export class ListQueue implements ItemQueue {
	#items: readonly Item[];
	#next = 0;

	constructor(items: readonly Item[]) {
		this.#items = items;
	}

	get empty(): boolean {
		return this.#next >= this.#items.length;
	}

	take(): Item {
		return this.#items[this.#next++];
	}
}

/**
 * Round-robin over the queues: each turn, every queue in order gives its next item whose id
 * and exclusion groups (any of them) are not taken yet, until `count` items are chosen or all
 * queues run out. The counts per topic thus differ by at most one, except where a topic runs
 * out. `taken` holds what was chosen before (a set being composed): those ids and groups
 * count as taken from the start.
 */
export function drawBalanced(
	queues: readonly ItemQueue[],
	count: number,
	taken: readonly Item[] = []
): Item[] {
	const chosen: Item[] = [];
	const usedIds = new Set(taken.map((item) => item.id));
	const usedGroups = new Set(taken.flatMap(exclusionGroupsOf));
	let live = queues;
	while (chosen.length < count && live.length > 0) {
		for (const queue of live) {
			if (chosen.length >= count) break;
			while (!queue.empty) {
				const item = queue.take();
				// A validated bank has unique ids; this only guards against a bank that does not.
				if (usedIds.has(item.id)) continue;
				const groups = exclusionGroupsOf(item);
				if (groups.some((g) => usedGroups.has(g))) continue;
				for (const g of groups) usedGroups.add(g);
				usedIds.add(item.id);
				chosen.push(item);
				break;
			}
		}
		live = live.filter((queue) => !queue.empty);
	}
	return chosen;
}

type Grouped = { id: string; exclusionGroup?: string | readonly string[] };

/**
 * Items in order, skipping any whose id was taken before (a validated bank has none) or that
 * shares an exclusion group with one taken before.
 */
function takeCompatible<T extends Grouped>(ordered: readonly T[]): T[] {
	const used = new Set<string>();
	const ids = new Set<string>();
	const taken: T[] = [];
	for (const item of ordered) {
		const groups = exclusionGroupsOf(item);
		if (ids.has(item.id) || groups.some((g) => used.has(g))) continue;
		ids.add(item.id);
		for (const g of groups) used.add(g);
		taken.push(item);
	}
	return taken;
}

const groupCount = (item: Grouped) => exclusionGroupsOf(item).length;

/** Items with several groups, fewest groups first, in bank order otherwise (sort is stable). */
const multiGrouped = <T extends Grouped>(items: readonly T[]) =>
	items.filter((i) => groupCount(i) > 1).sort((a, b) => groupCount(a) - groupCount(b));

/**
 * How many of `items` one quiz can hold when no two may share an exclusion group: every item
 * without a group, one item per single group, then the items with a list of groups whose
 * groups are all still free (fewest groups first, in bank order). With one group per item
 * that is exactly one item per group; with lists it is a close lower bound of the true
 * maximum, and exactly what `drawAll` takes.
 */
export function groupCapacity(items: readonly Grouped[]): number {
	return takeCompatible([...items.filter((i) => groupCount(i) <= 1), ...multiGrouped(items)])
		.length;
}

/**
 * Every usable item of `pool` (bank order), as many as `groupCapacity` counts: all items
 * without a group, a random one of each single group, then the items with a list of groups
 * that still fit. Used for the 'all' quiz, and when a round-robin draw came up short.
 */
export function drawAll(pool: readonly Item[], rng: Rng): Item[] {
	const single = pool.filter((i) => groupCount(i) <= 1);
	return takeCompatible([...shuffle(rng, single), ...multiGrouped(pool)]);
}

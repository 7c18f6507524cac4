/** Helpers for composing a set: the item filter and "pick N balanced across topics". */
import type { Item, ItemKind } from './bank.ts';
import { drawBalanced, ListQueue } from './quiz-draw.ts';
import { createRng, shuffle } from './random.ts';
import { foldAccents } from './text.ts';

export interface ComposeFilter {
	/** Topic id, or '' for all. */
	topic: string;
	/** Kind, or '' for all. */
	kind: ItemKind | '';
	/** 1, 2 or 3, or 0 for all. */
	difficulty: number;
	/** Words to find in the prompt (case- and accent-insensitive); '' for all. */
	text: string;
}

export const NO_FILTER: ComposeFilter = { topic: '', kind: '', difficulty: 0, text: '' };

const fold = (s: string) => foldAccents(s).toLowerCase();

/** The items passing a filter, in bank order. */
export function filterForCompose(items: readonly Item[], filter: ComposeFilter): Item[] {
	const words = fold(filter.text).split(/\s+/).filter(Boolean);
	return items.filter(
		(item) =>
			(!filter.topic || item.topic === filter.topic) &&
			(!filter.kind || item.kind === filter.kind) &&
			(!filter.difficulty || item.difficulty === filter.difficulty) &&
			words.every((w) => fold(`${item.prompt} ${item.id}`).includes(w))
	);
}

/**
 * Up to `count` more items from `pool`, spread evenly across topics (the quiz's round-robin,
 * `drawBalanced`; order within each topic and of the topics set by the seed), never one
 * already chosen nor one sharing an exclusion group (any of its groups) with a chosen item
 * (such items give each other's answers away).
 */
export function pickBalanced(
	pool: readonly Item[],
	chosen: readonly Item[],
	count: number,
	seed: number
): Item[] {
	const rng = createRng(seed);
	const taken = new Set(chosen.map((i) => i.id));
	const byTopic = new Map<string, Item[]>();
	for (const item of shuffle(rng, pool)) {
		if (taken.has(item.id)) continue;
		const list = byTopic.get(item.topic) ?? [];
		list.push(item);
		byTopic.set(item.topic, list);
	}
	const topics = shuffle(rng, [...byTopic.keys()].sort());
	const queues = topics.map((topic) => new ListQueue(byTopic.get(topic)!));
	return drawBalanced(queues, count, chosen);
}

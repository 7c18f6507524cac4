/**
 * The order in which a flashcard's front lists an ordering item's entries, or a matching
 * item's right-hand column: shuffled with a seed taken from the item's id, so a card looks
 * the same on every visit and every device, and never in the answer's order or its reverse
 * (alphabetical order was the answer for some items, and a reversed answer is an answer too).
 * Pure.
 */
import { createRng, seedFromString, shuffle } from './random.ts';

const sameOrder = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * `entries` (in answer order) in the card's order for the item `id`. With 3 or more distinct
 * entries the result is neither `entries` nor its reverse; with fewer no such order exists,
 * and the seeded shuffle is returned as it is.
 */
export function cardOrder(id: string, entries: readonly string[]): string[] {
	const reverse = [...entries].reverse();
	const givesAway = (order: readonly string[]) =>
		sameOrder(order, entries) || sameOrder(order, reverse);
	const rng = createRng(seedFromString(`card:${id}`));
	let out = shuffle(rng, entries);
	if (new Set(entries).size < 3) return out;
	for (let tries = 0; tries < 16 && givesAway(out); tries++) out = shuffle(rng, entries);
	// Still the order or its reverse (about 1 in 3^17 for three entries): swapping the first
	// two entries of the answer is neither, since the reverse starts with the last entry.
	if (givesAway(out)) out = [entries[1], entries[0], ...entries.slice(2)];
	return out;
}

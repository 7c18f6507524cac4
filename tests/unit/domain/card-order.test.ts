// Flashcards never show their answer (issue 16, item 3): for every ordering and matching item
// of the real bank, the card's order is a seeded shuffle that is neither the answer's order
// nor its reverse, and the same on every call.
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../scripts/bank-load.ts';
import { cardOrder } from '../../../src/lib/domain/card-order.ts';

const { bank } = loadBank();
const cards = bank!.items.flatMap((item) => {
	if (item.kind === 'ordering') return [[item.id, item.sequence] as const];
	if (item.kind === 'matching') return [[item.id, item.pairs.map((p) => p.right)] as const];
	return [];
});

describe('cardOrder on the real bank', () => {
	it('covers every ordering and matching item', () => {
		const count = bank!.items.filter((i) => i.kind === 'ordering' || i.kind === 'matching').length;
		expect(cards).toHaveLength(count);
		expect(count).toBeGreaterThanOrEqual(15);
	});

	it.each(cards)('%s: neither the answer order nor its reverse, and stable', (id, answer) => {
		const shown = cardOrder(id, answer);
		expect([...shown].sort()).toEqual([...answer].sort());
		expect(shown).not.toEqual(answer);
		expect(shown).not.toEqual([...answer].reverse());
		expect(cardOrder(id, answer)).toEqual(shown);
	});
});

describe('cardOrder', () => {
	it('holds for three entries under many ids (4 of the 6 orders allowed)', () => {
		const answer = ['a', 'b', 'c'];
		const seen = new Set<string>();
		for (let n = 0; n < 500; n++) {
			const shown = cardOrder(`item-${n}`, answer);
			expect(shown).not.toEqual(answer);
			expect(shown).not.toEqual(['c', 'b', 'a']);
			seen.add(shown.join(''));
		}
		expect([...seen].sort()).toEqual(['acb', 'bac', 'bca', 'cab']);
	});

	it('returns a shuffle when no other order exists', () => {
		expect(cardOrder('x', ['a', 'b']).sort()).toEqual(['a', 'b']);
		expect(cardOrder('x', [])).toEqual([]);
	});
});

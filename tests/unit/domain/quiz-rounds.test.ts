import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exclusionGroupsOf, type Item } from '../../../src/lib/domain/bank.ts';
import {
	generateQuiz,
	poolSizes,
	QuizOptionsError,
	roundPlace,
	type QuizOptions
} from '../../../src/lib/domain/quiz.ts';
import { quizRounds, roundTitle } from '../../../src/lib/domain/quiz-rounds.ts';
import { loadBank } from '../../../scripts/bank-load.ts';
import { runs } from '../property-runs';

type Grouped = { id: string; exclusionGroup?: string | string[] };

/** No two items of a round share a group; written apart from the module's own bookkeeping. */
function clash(round: readonly Grouped[]): [string, string] | null {
	for (let a = 0; a < round.length; a++)
		for (let b = a + 1; b < round.length; b++) {
			const ga = exclusionGroupsOf(round[a]);
			if (exclusionGroupsOf(round[b]).some((g) => ga.includes(g)))
				return [round[a].id, round[b].id];
		}
	return null;
}

/** The most items any one group has: no split can have fewer rounds. */
function largestGroup(items: readonly Grouped[]): number {
	const sizes = new Map<string, number>();
	for (const item of items)
		for (const g of exclusionGroupsOf(item)) sizes.set(g, (sizes.get(g) ?? 0) + 1);
	return Math.max(0, ...sizes.values());
}

const ids = (rounds: Grouped[][]) => rounds.map((r) => r.map((i) => i.id));

describe('quizRounds', () => {
	it('makes one round when no item has a group, none for no items', () => {
		const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
		expect(ids(quizRounds(items))).toEqual([['a', 'b', 'c']]);
		expect(quizRounds([])).toEqual([]);
	});

	it('gives each item of a group its own round, and spreads the rest evenly', () => {
		const items: Grouped[] = [
			{ id: 'g1', exclusionGroup: 'g' },
			{ id: 'f1' },
			{ id: 'g2', exclusionGroup: 'g' },
			{ id: 'f2' },
			{ id: 'g3', exclusionGroup: 'g' },
			{ id: 'f3' },
			{ id: 'f4' },
			{ id: 'h1', exclusionGroup: 'h' }
		];
		// Three rounds (group g has three items); h1 joins the first, the free ones fill up
		// the smallest rounds; each round keeps the order the items came in.
		expect(ids(quizRounds(items))).toEqual([
			['g1', 'f3', 'h1'],
			['f1', 'g2', 'f4'],
			['f2', 'g3']
		]);
	});

	it('keeps an item with a list of groups away from every group it names', () => {
		const items: Grouped[] = [
			{ id: 'a1', exclusionGroup: 'a' },
			{ id: 'a2', exclusionGroup: 'a' },
			{ id: 'b1', exclusionGroup: 'b' },
			{ id: 'b2', exclusionGroup: 'b' },
			{ id: 'ab', exclusionGroup: ['a', 'b'] }
		];
		const rounds = quizRounds(items);
		// a and b each have three items once 'ab' counts: three rounds.
		expect(rounds).toHaveLength(3);
		for (const round of rounds) expect(clash(round)).toBeNull();
		expect(
			rounds
				.flat()
				.map((i) => i.id)
				.sort()
		).toEqual(['a1', 'a2', 'ab', 'b1', 'b2']);
	});

	it('asks a repeated id once', () => {
		expect(ids(quizRounds([{ id: 'a' }, { id: 'a' }, { id: 'b' }]))).toEqual([['a', 'b']]);
	});

	const groupArb = fc.oneof(
		{ arbitrary: fc.constant(undefined), weight: 2 },
		{ arbitrary: fc.constantFrom('g1', 'g2', 'g3', 'g4', 'g5'), weight: 3 },
		{
			arbitrary: fc.uniqueArray(fc.constantFrom('g1', 'g2', 'g3', 'g4', 'g5'), {
				minLength: 2,
				maxLength: 3
			}),
			weight: 1
		}
	);
	const bankArb = fc
		.array(groupArb, { maxLength: 60 })
		.map((groups) =>
			groups.map((g, i): Grouped =>
				g === undefined ? { id: `i${i}` } : { id: `i${i}`, exclusionGroup: g }
			)
		);

	it('asks every item exactly once, never two of a group together, in no fewer rounds than the largest group', () => {
		fc.assert(
			fc.property(bankArb, (items) => {
				const rounds = quizRounds(items);
				expect(
					rounds
						.flat()
						.map((i) => i.id)
						.sort()
				).toEqual(items.map((i) => i.id).sort());
				for (const round of rounds) {
					expect(round.length).toBeGreaterThan(0);
					expect(clash(round)).toBeNull();
				}
				expect(rounds.length).toBeGreaterThanOrEqual(
					Math.min(items.length, Math.max(1, largestGroup(items)))
				);
			}),
			{ numRuns: runs(300), seed: 14_6 }
		);
	});

	it('with one group an item, needs exactly as many rounds as the largest group has items', () => {
		const single = bankArb.map((items) => items.filter((i) => !Array.isArray(i.exclusionGroup)));
		fc.assert(
			fc.property(single, (items) => {
				const expected = items.length === 0 ? 0 : Math.max(1, largestGroup(items));
				expect(quizRounds(items)).toHaveLength(expected);
			}),
			{ numRuns: runs(300), seed: 14_7 }
		);
	});

	it('splits the real bank into as few rounds as its largest group allows, of even sizes', () => {
		const { items } = loadBank().bank!;
		const rounds = quizRounds(items);
		expect(rounds).toHaveLength(largestGroup(items));
		expect(rounds.flat()).toHaveLength(items.length);
		for (const round of rounds) expect(clash(round)).toBeNull();
		const sizes = rounds.map((r) => r.length);
		expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
	});
});

describe('roundTitle', () => {
	it('names the round, or just "every question" when one quiz holds it all', () => {
		expect(roundTitle(2, 9)).toBe('Every question: round 2 of 9');
		expect(roundTitle(1, 1)).toBe('Every question');
	});
});

function makeItem(id: string, topic: string, extra: Partial<Item> = {}): Item {
	return {
		id,
		topic,
		difficulty: 1,
		paragraphs: ['p1'],
		prompt: `Question ${id}?`,
		explanation: 'Because.',
		kind: 'truefalse',
		answer: true,
		...extra
	} as Item;
}

const BASE: QuizOptions = {
	length: 'all',
	topics: [],
	difficulties: [],
	kinds: [],
	mode: 'practice',
	seed: 1
};

describe('generateQuiz with a round', () => {
	const items = [
		makeItem('a-1', 'a', { exclusionGroup: 'g' }),
		makeItem('a-2', 'a', { exclusionGroup: 'g' }),
		makeItem('b-1', 'b', { exclusionGroup: 'g' }),
		makeItem('b-2', 'b'),
		makeItem('c-1', 'c', { difficulty: 3 })
	];

	it('asks every item of that round, and the rounds together ask every matching item', () => {
		const rounds = quizRounds(items);
		const asked: string[] = [];
		for (let round = 1; round <= rounds.length; round++) {
			const result = generateQuiz(items, { ...BASE, round, seed: round });
			if (!result.ok) throw new Error(result.reason);
			const got = result.questions.map((q) => q.itemId);
			expect([...got].sort()).toEqual(rounds[round - 1].map((i) => i.id).sort());
			asked.push(...got);
		}
		expect(asked.sort()).toEqual(items.map((i) => i.id).sort());
	});

	it('orders a round by the seed, and splits the filtered items only', () => {
		const orders = new Set(
			Array.from({ length: 20 }, (_, seed) => {
				const r = generateQuiz(items, { ...BASE, round: 1, seed });
				return r.ok ? r.questions.map((q) => q.itemId).join() : '';
			})
		);
		expect(orders.size).toBeGreaterThan(1);
		const hard = generateQuiz(items, { ...BASE, round: 1, difficulties: [3] });
		expect(hard.ok && hard.questions.map((q) => q.itemId)).toEqual(['c-1']);
	});

	it('refuses a round past the last, and a filter that matches nothing, with a sentence', () => {
		expect(generateQuiz(items, { ...BASE, round: 4 })).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/^These filters now make 3 rounds, not 4/)
		});
		expect(generateQuiz(items, { ...BASE, round: 1, topics: ['zz'] })).toMatchObject({
			ok: false,
			available: 0
		});
	});

	it('throws for a round no screen makes', () => {
		expect(() => generateQuiz(items, { ...BASE, round: 0 })).toThrow(QuizOptionsError);
		expect(() => generateQuiz(items, { ...BASE, round: 1.5 })).toThrow(QuizOptionsError);
		expect(() => generateQuiz(items, { ...BASE, length: 10, round: 1 })).toThrow(QuizOptionsError);
	});
});

describe('poolSizes', () => {
	it('counts the matching items, one quiz’s most, and the rounds’ sizes', () => {
		const items = [
			makeItem('a-1', 'a', { exclusionGroup: 'g' }),
			makeItem('a-2', 'a', { exclusionGroup: 'g' }),
			makeItem('b-1', 'b', { exclusionGroup: 'g' }),
			makeItem('b-2', 'b'),
			makeItem('c-1', 'c')
		];
		expect(poolSizes(items, BASE)).toEqual({ matching: 5, perQuiz: 3, rounds: [2, 2, 1] });
		expect(poolSizes(items, { ...BASE, topics: ['b', 'c'] })).toEqual({
			matching: 3,
			perQuiz: 3,
			rounds: [3]
		});
		expect(poolSizes(items, { ...BASE, topics: ['zz'] })).toEqual({
			matching: 0,
			perQuiz: 0,
			rounds: []
		});
	});

	it('on the real bank: one quiz holds fewer than match, and the rounds hold them all', () => {
		const { items } = loadBank().bank!;
		const sizes = poolSizes(items, BASE);
		expect(sizes.matching).toBe(items.length);
		expect(sizes.perQuiz).toBeLessThan(items.length);
		expect(sizes.rounds.reduce((a, b) => a + b, 0)).toBe(items.length);
	});
});

describe('roundPlace', () => {
	const items = [
		makeItem('a-1', 'a', { exclusionGroup: 'g' }),
		makeItem('a-2', 'a', { exclusionGroup: 'g' }),
		makeItem('b-1', 'b')
	];

	it('says which round a quiz was, of how many its filters make', () => {
		expect(roundPlace({ ...BASE, round: 2 }, items)).toEqual({ round: 2, of: 2 });
		expect(roundPlace({ ...BASE, round: 1, topics: ['b'] }, items)).toEqual({ round: 1, of: 1 });
		// Filters left out count as none (as the app writes them, every one is there).
		expect(roundPlace({ mode: 'test', round: 1 }, items)).toEqual({ round: 1, of: 2 });
	});

	it('is null for another quiz and for stored options of another shape', () => {
		expect(roundPlace({ ...BASE }, items)).toBeNull();
		for (const odd of [
			{ round: 0 },
			{ round: '1' },
			{ round: 1.5 },
			{ round: 1, topics: 'a' },
			{ round: 1, difficulties: ['1'] },
			{ round: 1, kinds: [1] },
			{ round: 1, itemIds: [null] }
		])
			expect(roundPlace({ ...BASE, ...odd }, items)).toBeNull();
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_KINDS, type Item, type ItemKind } from '../../../src/lib/domain/bank.ts';
import {
	countAvailable,
	describeShortfall,
	DIFFICULTIES,
	filterItems,
	generateQuiz,
	QUIZ_LENGTHS,
	QuizOptionsError,
	type Difficulty,
	type QuizHistory,
	type QuizOptions,
	type QuizQuestion,
	type QuizResult
} from '../../../src/lib/domain/quiz.ts';
import { itemPriorities } from '../../../src/lib/domain/quiz-smart.ts';
import { loadBank } from '../../../scripts/bank-load.ts';
import { runs } from '../property-runs';

const TOPICS = ['t1', 't2', 't3', 't4', 't5', 't6'];
const GROUPS = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8'];
const PROPERTY_RUNS = { numRuns: runs(300), seed: 5_2023 };

// ---- generated banks -------------------------------------------------------------------

const text = fc.string({ minLength: 1, maxLength: 6 });
const textList = (min: number, max: number) => fc.array(text, { minLength: min, maxLength: max });

const kindFields: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
	textList(4, 6).map((options) => ({ kind: 'single', options, answer: options[0] })),
	textList(4, 6).map((options) => ({ kind: 'multi', options, answers: options.slice(0, 2) })),
	fc.boolean().map((answer) => ({ kind: 'truefalse', answer })),
	fc.record({ kind: fc.constant('typed'), answer: text, accept: textList(0, 2) }),
	fc.record({
		kind: fc.constant('numeric'),
		answer: fc.integer({ min: 1, max: 5000 }),
		tolerance: fc.constant(0),
		unit: fc.constant('people')
	}),
	// Few distinct letters, so sequences with repeats (even all alike) come up too.
	fc
		.array(fc.constantFrom('a', 'b', 'c'), { minLength: 3, maxLength: 6 })
		.map((sequence) => ({ kind: 'ordering', sequence })),
	fc
		.array(fc.record({ left: text, right: text }), { minLength: 3, maxLength: 6 })
		.map((pairs) => ({ kind: 'matching', pairs }))
);

const itemShape = fc.record({
	topic: fc.constantFrom(...TOPICS),
	difficulty: fc.constantFrom(...DIFFICULTIES),
	// About one item in four has an exclusion group, so groups often have several members.
	group: fc.oneof(
		{ arbitrary: fc.constant(undefined), weight: 3 },
		{ arbitrary: fc.constantFrom(...GROUPS), weight: 1 }
	),
	fields: kindFields
});

// Bank sizes spread evenly from 0 to 60 (fast-check's default favours short arrays).
const bankArb: fc.Arbitrary<Item[]> = fc
	.nat({ max: 60 })
	.chain((n) => fc.array(itemShape, { minLength: n, maxLength: n }))
	.map((shapes) =>
		shapes.map(
			({ topic, difficulty, group, fields }, i) =>
				({
					id: `i${i}`,
					topic,
					difficulty,
					paragraphs: ['p1'],
					prompt: `Question ${i}?`,
					explanation: 'Because.',
					...(group ? { exclusionGroup: group } : {}),
					...fields
				}) as Item
		)
	);

/** Usually no restriction (an empty list), sometimes a few values. */
const filter = <T>(values: T[]) =>
	fc.oneof(
		{ arbitrary: fc.constant<T[]>([]), weight: 2 },
		{ arbitrary: fc.subarray(values, { minLength: 1 }), weight: 1 }
	);

const optionsArb: fc.Arbitrary<QuizOptions> = fc.record({
	length: fc.constantFrom(...QUIZ_LENGTHS),
	topics: filter(TOPICS),
	difficulties: filter<Difficulty>([...DIFFICULTIES]),
	kinds: filter<ItemKind>([...ITEM_KINDS]),
	mode: fc.constantFrom('practice' as const, 'test' as const),
	seed: fc.integer(),
	smart: fc.boolean(),
	// Sometimes a fixed list, which may name ids that are not in the bank.
	itemIds: fc.oneof(
		{ arbitrary: fc.constant(undefined), weight: 4 },
		{
			arbitrary: fc
				.array(fc.nat({ max: 70 }), { maxLength: 60 })
				.map((ns) => ns.map((n) => `i${n}`)),
			weight: 1
		}
	)
});

const historyArb: fc.Arbitrary<QuizHistory> = fc
	.array(
		fc.record({
			n: fc.nat({ max: 60 }),
			seen: fc.nat({ max: 6 }),
			correct: fc.nat({ max: 6 }),
			lastAt: fc.integer({ min: 1_700_000_000_000, max: 1_700_100_000_000 })
		}),
		{ maxLength: 40 }
	)
	.map((entries) =>
		Object.fromEntries(
			entries.map(({ n, seen, correct, lastAt }) => [
				`i${n}`,
				{ seen, correct: Math.min(correct, seen), lastAt }
			])
		)
	);

// ---- oracles, written independently of the generator -----------------------------------

function matches(item: Item, o: QuizOptions): boolean {
	return (
		(o.topics.length === 0 || o.topics.includes(item.topic)) &&
		(o.difficulties.length === 0 || o.difficulties.includes(item.difficulty)) &&
		(o.kinds.length === 0 || o.kinds.includes(item.kind)) &&
		(o.itemIds === undefined || o.itemIds.includes(item.id))
	);
}

/** The most items one quiz can hold: every ungrouped item, one per group. */
function usable(items: Item[], o: QuizOptions): number {
	const pool = items.filter((i) => matches(i, o));
	const groups = new Set(pool.flatMap((i) => (i.exclusionGroup ? [i.exclusionGroup] : [])));
	return pool.filter((i) => !i.exclusionGroup).length + groups.size;
}

const sorted = (list: readonly string[]) => [...list].sort();

function shownEntries(q: QuizQuestion): string[] | null {
	if (q.kind === 'single' || q.kind === 'multi') return q.options;
	if (q.kind === 'ordering') return q.sequence;
	if (q.kind === 'matching') return q.rights;
	return null;
}

function itemEntries(item: Item): string[] | null {
	if (item.kind === 'single' || item.kind === 'multi') return item.options;
	if (item.kind === 'ordering') return item.sequence;
	if (item.kind === 'matching') return item.pairs.map((p) => p.right);
	return null;
}

function questions(result: QuizResult): QuizQuestion[] {
	if (!result.ok) throw new Error(`expected a quiz, got: ${result.reason}`);
	return result.questions;
}

// ---- properties ------------------------------------------------------------------------

describe('generateQuiz, properties', () => {
	it('makes a quiz of exactly the length asked, or a shortfall only when too few items are usable', () => {
		fc.assert(
			fc.property(bankArb, optionsArb, historyArb, (items, options, history) => {
				const result = generateQuiz(items, options, history);
				const available = usable(items, options);
				const requested = options.length === 'all' ? available : options.length;
				if (available > 0 && available >= requested) {
					expect(result.ok).toBe(true);
					expect(questions(result)).toHaveLength(requested);
				} else {
					expect(result).toEqual({
						ok: false,
						reason: describeShortfall(available),
						available,
						requested
					});
					expect(countAvailable(items, options)).toBe(available);
				}
			}),
			PROPERTY_RUNS
		);
	});

	it('gives the same quiz for the same seed and inputs, as JSON-safe data', () => {
		fc.assert(
			fc.property(bankArb, optionsArb, historyArb, (items, options, history) => {
				const first = generateQuiz(items, options, history);
				const again = generateQuiz(structuredClone(items), { ...options }, { ...history });
				expect(again).toEqual(first);
				expect(JSON.parse(JSON.stringify(first))).toEqual(first);
			}),
			PROPERTY_RUNS
		);
	});

	it('never repeats an item, respects exclusion groups and filters, and shuffles only what it shows', () => {
		fc.assert(
			fc.property(bankArb, optionsArb, historyArb, (items, options, history) => {
				const result = generateQuiz(items, options, history);
				if (!result.ok) return;
				const byId = new Map(items.map((i) => [i.id, i]));
				const ids = result.questions.map((q) => q.itemId);
				expect(new Set(ids).size).toBe(ids.length);
				const groups = ids.flatMap((id) => byId.get(id)?.exclusionGroup ?? []);
				expect(new Set(groups).size).toBe(groups.length);
				for (const q of result.questions) {
					const item = byId.get(q.itemId)!;
					expect(item).toBeDefined();
					expect(matches(item, options)).toBe(true);
					expect(q.kind).toBe(item.kind);
					const shown = shownEntries(q);
					const original = itemEntries(item);
					expect(shown === null ? null : sorted(shown)).toEqual(
						original === null ? null : sorted(original)
					);
					// Ordering and matching never start solved, unless every entry is alike.
					if ((q.kind === 'ordering' || q.kind === 'matching') && new Set(original).size > 1) {
						expect(shown).not.toEqual(original);
					}
				}
			}),
			PROPERTY_RUNS
		);
	});

	it('balances topics: without exclusion groups, counts differ by one at most unless a topic runs out', () => {
		fc.assert(
			fc.property(bankArb, optionsArb, historyArb, (bank, options, history) => {
				const items = bank.map((item) => ({ ...item, exclusionGroup: undefined }));
				const result = generateQuiz(items, options, history);
				if (!result.ok) return;
				const inPool = new Map<string, number>();
				for (const item of filterItems(items, options)) {
					inPool.set(item.topic, (inPool.get(item.topic) ?? 0) + 1);
				}
				const topicOf = new Map(items.map((i) => [i.id, i.topic]));
				const inQuiz = new Map<string, number>();
				for (const q of result.questions) {
					const topic = topicOf.get(q.itemId)!;
					inQuiz.set(topic, (inQuiz.get(topic) ?? 0) + 1);
				}
				const most = Math.max(...inQuiz.values());
				for (const [topic, available] of inPool) {
					const taken = inQuiz.get(topic) ?? 0;
					if (taken < available) expect(taken).toBeGreaterThanOrEqual(most - 1);
				}
			}),
			PROPERTY_RUNS
		);
	});

	it('smart: within a topic, never leaves out an item that needs practice more than one it took', () => {
		fc.assert(
			fc.property(bankArb, optionsArb, historyArb, (bank, options, history) => {
				const items = bank.map((item) => ({ ...item, exclusionGroup: undefined }));
				const result = generateQuiz(items, { ...options, smart: true }, history);
				if (!result.ok) return;
				const pool = filterItems(items, options);
				const priority = itemPriorities(pool, history);
				const taken = new Set(result.questions.map((q) => q.itemId));
				for (const topic of TOPICS) {
					const inTopic = pool.filter((i) => i.topic === topic);
					const takenPriorities = inTopic
						.filter((i) => taken.has(i.id))
						.map((i) => priority.get(i.id)!);
					if (takenPriorities.length === 0) continue;
					const lowestTaken = Math.min(...takenPriorities);
					for (const item of inTopic.filter((i) => !taken.has(i.id))) {
						expect(priority.get(item.id)!).toBeLessThanOrEqual(lowestTaken);
					}
				}
			}),
			PROPERTY_RUNS
		);
	});
});

// ---- examples --------------------------------------------------------------------------

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

/** `perTopic` items in each of `topics` topics: ids like t3-2. */
function grid(topics: number, perTopic: number): Item[] {
	return Array.from({ length: topics * perTopic }, (_, n) => {
		const t = Math.floor(n / perTopic) + 1;
		return makeItem(`t${t}-${(n % perTopic) + 1}`, `t${t}`);
	});
}

const ALL: QuizOptions = {
	length: 10,
	topics: [],
	difficulties: [],
	kinds: [],
	mode: 'practice',
	seed: 1
};

const topicCounts = (qs: QuizQuestion[]) => {
	const counts = new Map<string, number>();
	for (const q of qs) {
		const topic = q.itemId.split('-')[0];
		counts.set(topic, (counts.get(topic) ?? 0) + 1);
	}
	return counts;
};

describe('generateQuiz, topic balance', () => {
	it.each(Array.from({ length: 25 }, (_, i) => i + 1))(
		'10 questions over 8 topics take 1 or 2 from each (seed %i)',
		(seed) => {
			const counts = topicCounts(questions(generateQuiz(grid(8, 6), { ...ALL, seed })));
			expect(counts.size).toBe(8);
			expect(Math.max(...counts.values())).toBe(2);
			expect(Math.min(...counts.values())).toBe(1);
		}
	);

	it('fills from the other topics when one runs short', () => {
		const items = [...grid(4, 8), makeItem('t5-1', 't5')];
		const counts = topicCounts(questions(generateQuiz(items, { ...ALL, length: 20, seed: 3 })));
		expect(counts.get('t5')).toBe(1);
		expect(Math.max(...counts.values())).toBeLessThanOrEqual(5);
		expect([...counts.values()].reduce((a, b) => a + b)).toBe(20);
	});

	it('varies with the seed', () => {
		const quizzes = new Set(
			Array.from({ length: 10 }, (_, seed) =>
				JSON.stringify(generateQuiz(grid(8, 6), { ...ALL, seed }))
			)
		);
		expect(quizzes.size).toBe(10);
	});

	it('does not deal the topics in a fixed rotation', () => {
		const qs = questions(generateQuiz(grid(2, 10), { ...ALL, length: 'all', seed: 4 }));
		const topics = qs.map((q) => q.itemId.split('-')[0]).join(',');
		expect(topics).not.toMatch(/^(t1,t2,)+t1,t2$|^(t2,t1,)+t2,t1$/);
	});
});

describe('generateQuiz, list-valued exclusion groups', () => {
	// A matching item that gives away the facts of two groups, one item of each group, and
	// items without a group.
	const free = (n: number) =>
		Array.from({ length: n }, (_, i) => makeItem(`f-${i + 1}`, ['a', 'b', 'c'][i % 3]));
	const listed = [
		makeItem('m-1', 'a', { exclusionGroup: ['g', 'h'] }),
		makeItem('g-1', 'b', { exclusionGroup: 'g' }),
		makeItem('h-1', 'c', { exclusionGroup: 'h' })
	];

	it('never puts a listed item with an item of any of its groups, yet does draw it', () => {
		const pool = [...listed, ...free(6)];
		let withListed = 0;
		for (let seed = 0; seed < 300; seed++) {
			const ids = questions(generateQuiz(pool, { ...ALL, length: 5, seed })).map((q) => q.itemId);
			if (!ids.includes('m-1')) continue;
			withListed++;
			expect(ids).not.toContain('g-1');
			expect(ids).not.toContain('h-1');
		}
		expect(withListed).toBeGreaterThan(0);
	});

	it("counts the greedy most (single groups first), and 'all' draws exactly that", () => {
		const pool = [...listed, ...free(3)];
		expect(countAvailable(pool, ALL)).toBe(5);
		for (let seed = 0; seed < 20; seed++) {
			const ids = questions(generateQuiz(pool, { ...ALL, length: 'all', seed })).map(
				(q) => q.itemId
			);
			expect(ids.sort()).toEqual(['f-1', 'f-2', 'f-3', 'g-1', 'h-1']);
		}
	});

	it('takes a listed item when its groups are free', () => {
		const pool = [listed[0], makeItem('k-1', 'b', { exclusionGroup: 'k' }), ...free(3)];
		expect(countAvailable(pool, ALL)).toBe(5);
		const ids = questions(generateQuiz(pool, { ...ALL, length: 5, seed: 1 })).map((q) => q.itemId);
		expect(ids.sort()).toEqual(['f-1', 'f-2', 'f-3', 'k-1', 'm-1']);
	});

	it('still makes a quiz of the counted length when drawing the listed item first would block', () => {
		const pool = [...listed, ...free(3)];
		for (let seed = 0; seed < 50; seed++) {
			const ids = questions(generateQuiz(pool, { ...ALL, length: 5, seed })).map((q) => q.itemId);
			expect(ids.sort()).toEqual(['f-1', 'f-2', 'f-3', 'g-1', 'h-1']);
		}
	});
});

describe('generateQuiz, exclusion groups, lengths and shortfalls', () => {
	const grouped = [
		makeItem('a-1', 'a', { exclusionGroup: 'g' }),
		makeItem('a-2', 'a', { exclusionGroup: 'g' }),
		makeItem('b-1', 'b', { exclusionGroup: 'g' }),
		makeItem('b-2', 'b'),
		makeItem('c-1', 'c')
	];

	it("with 'all', uses every item but one per exclusion group", () => {
		for (let seed = 0; seed < 20; seed++) {
			const qs = questions(generateQuiz(grouped, { ...ALL, length: 'all', seed }));
			expect(qs).toHaveLength(3);
			expect(qs.filter((q) => ['a-1', 'a-2', 'b-1'].includes(q.itemId))).toHaveLength(1);
		}
	});

	it('counts an exclusion group once when it says what is available', () => {
		expect(generateQuiz(grouped, { ...ALL, length: 5 })).toEqual({
			ok: false,
			reason:
				'Only 3 questions fit in one quiz with these filters; choose fewer questions, every question, or widen the topics.',
			available: 3,
			requested: 5
		});
		expect(countAvailable(grouped, ALL)).toBe(3);
	});

	it.each([
		['4 items for 5', grid(1, 4), { length: 5 as const }, 4, 5],
		['1 item for 5', grid(1, 1), { length: 5 as const }, 1, 5],
		['no item in that topic', grid(2, 10), { topics: ['t9'] }, 0, 10],
		['no item of that kind', grid(2, 10), { kinds: ['typed'] as ItemKind[] }, 0, 10],
		["nothing at all, with 'all'", [], { length: 'all' as const }, 0, 0],
		['an empty fixed list', grid(2, 10), { itemIds: [] }, 0, 10]
	])('explains a shortfall: %s', (_name, items, options, available, requested) => {
		const result = generateQuiz(items, { ...ALL, ...options });
		expect(result).toMatchObject({ ok: false, available, requested });
		expect(result.ok ? '' : result.reason).toBe(describeShortfall(available));
	});

	it.each([
		[0, 'No questions match these filters; widen the topics, difficulties or kinds.'],
		[
			1,
			'Only 1 question fits in one quiz with these filters; choose fewer questions, every question, or widen the topics.'
		],
		[
			4,
			'Only 4 questions fit in one quiz with these filters; choose fewer questions, every question, or widen the topics.'
		]
	])('describeShortfall(%i)', (available, reason) => {
		expect(describeShortfall(available)).toBe(reason);
	});

	it('draws only from a fixed list, with the filters still applied', () => {
		const items = [
			...grid(3, 4),
			makeItem('t1-9', 't1', { difficulty: 3 }),
			makeItem('t2-9', 't2', { difficulty: 3 })
		];
		const ids = ['t1-1', 't1-9', 't2-9', 't3-1', 'gone-1'];
		const qs = questions(
			generateQuiz(items, { ...ALL, length: 'all', itemIds: ids, difficulties: [3] })
		);
		expect(qs.map((q) => q.itemId).sort()).toEqual(['t1-9', 't2-9']);
	});

	it.each([
		['an unknown length', { length: 7 as unknown as 5 }],
		['an unknown mode', { mode: 'exam' as unknown as 'test' }],
		['an unknown kind', { kinds: ['essay' as ItemKind] }],
		['a seed that is not a number', { seed: NaN }]
	])('refuses %s', (_name, options) => {
		expect(() => generateQuiz(grid(2, 5), { ...ALL, ...options })).toThrow(QuizOptionsError);
	});
});

describe('generateQuiz, presentation', () => {
	it('never starts an ordering question in the right order', () => {
		const item = makeItem('o-1', 'o', {
			kind: 'ordering',
			sequence: ['first', 'second', 'third']
		} as Partial<Item>);
		const orders = new Set<string>();
		for (let seed = 0; seed < 200; seed++) {
			const [q] = questions(generateQuiz([item], { ...ALL, length: 'all', seed }));
			if (q.kind !== 'ordering') throw new Error('expected an ordering question');
			expect(q.sequence).not.toEqual(['first', 'second', 'third']);
			orders.add(q.sequence.join());
		}
		// Every other order of three comes up.
		expect(orders.size).toBe(5);
	});

	it('shows plain questions with nothing but their id and kind', () => {
		const items = ['truefalse', 'typed', 'numeric'].map((kind, i) =>
			makeItem(`p-${i}`, 'p', { kind } as Partial<Item>)
		);
		const qs = questions(generateQuiz(items, { ...ALL, length: 'all' }));
		for (const q of qs) expect(Object.keys(q).sort()).toEqual(['itemId', 'kind']);
	});
});

describe('generateQuiz, smart', () => {
	const smart: QuizOptions = { ...ALL, length: 5, smart: true };
	const single = grid(1, 10);
	const at = (n: number) => 1_700_000_000_000 + n * 60_000;

	it('takes unseen items first, then the weakest', () => {
		const history: QuizHistory = {
			't1-1': { seen: 5, correct: 5, lastAt: at(1) },
			't1-2': { seen: 5, correct: 5, lastAt: at(2) },
			't1-3': { seen: 4, correct: 0, lastAt: at(3) },
			't1-4': { seen: 3, correct: 3, lastAt: at(4) },
			't1-5': { seen: 2, correct: 1, lastAt: at(5) },
			't1-6': { seen: 6, correct: 6, lastAt: at(6) },
			't1-7': { seen: 6, correct: 5, lastAt: at(7) }
			// t1-8, t1-9, t1-10 are unseen
		};
		for (let seed = 0; seed < 20; seed++) {
			const ids = questions(generateQuiz(single, { ...smart, seed }, history)).map((q) => q.itemId);
			expect(ids.sort()).toEqual(['t1-10', 't1-3', 't1-5', 't1-8', 't1-9']);
		}
	});

	it('prefers the item missed more recently when accuracy is equal', () => {
		const history: QuizHistory = Object.fromEntries(
			single.map((item, n) => [item.id, { seen: 2, correct: 1, lastAt: at(n) }])
		);
		const ids = questions(generateQuiz(single, { ...smart, seed: 9 }, history)).map(
			(q) => q.itemId
		);
		expect(ids.sort()).toEqual(['t1-10', 't1-6', 't1-7', 't1-8', 't1-9']);
	});

	it('still balances topics', () => {
		const items = grid(4, 5);
		// Every item of t1 is unseen; all others were answered right many times.
		const history: QuizHistory = Object.fromEntries(
			items
				.filter((i) => i.topic !== 't1')
				.map((i, n) => [i.id, { seen: 9, correct: 9, lastAt: at(n) }])
		);
		const counts = topicCounts(
			questions(generateQuiz(items, { ...smart, length: 10, seed: 2 }, history))
		);
		expect(counts.get('t1')).toBe(3);
		expect([...counts.values()].sort()).toEqual([2, 2, 3, 3]);
	});

	it('is deterministic for a seed and history, and falls back to random order without one', () => {
		const history: QuizHistory = { 't1-1': { seen: 1, correct: 0, lastAt: at(1) } };
		const items = grid(4, 6);
		const options = { ...smart, length: 10 as const, seed: 77 };
		expect(generateQuiz(items, options, history)).toEqual(generateQuiz(items, options, history));
		expect(questions(generateQuiz(items, options))).toHaveLength(10);
	});

	it('ignores history entries inherited from Object.prototype or never seen', () => {
		const priorities = itemPriorities([makeItem('constructor', 't1'), makeItem('x', 't1')], {
			x: { seen: 0, correct: 0, lastAt: at(1) }
		});
		expect([...priorities.values()]).toEqual([2, 2]);
	});

	it.each([
		['never answered', undefined, 2],
		['1 right of 1', { seen: 1, correct: 1 }, 1 / 3],
		['0 right of 1, the only answered item', { seen: 1, correct: 0 }, 2 / 3 + 0.25],
		['9 right of 10, the only answered item', { seen: 10, correct: 9 }, 1 / 6 + 0.25],
		['a count of right answers above the answers', { seen: 2, correct: 5 }, 0.25]
	])('priority: %s', (_name, entry, priority) => {
		const history: QuizHistory = entry ? { x: { ...entry, lastAt: at(0) } } : {};
		expect(itemPriorities([makeItem('x', 't1')], history).get('x')).toBeCloseTo(priority, 10);
	});
});

describe('generateQuiz, defensive input', () => {
	// validateBank rejects repeated ids; the generator still never repeats an item.
	it('uses an id once even if the bank repeats it', () => {
		const items = [makeItem('x-1', 'x'), makeItem('x-1', 'x'), makeItem('y-1', 'y')];
		const qs = questions(generateQuiz(items, { ...ALL, length: 'all' }));
		expect(qs.map((q) => q.itemId).sort()).toEqual(['x-1', 'y-1']);
	});

	it('reports a shortfall rather than a short quiz when repeats leave too few', () => {
		const items = [...Array.from({ length: 5 }, () => makeItem('x-1', 'x')), makeItem('y-1', 'y')];
		expect(generateQuiz(items, { ...ALL, length: 5 })).toMatchObject({
			ok: false,
			available: 2,
			requested: 5
		});
	});
});

describe('generateQuiz with the real bank', () => {
	const { bank } = loadBank();
	const items = bank!.items;

	it.each(bank!.topics.map((t) => t.id))('makes a 5-question quiz of topic %s', (topic) => {
		for (let seed = 0; seed < 10; seed++) {
			const qs = questions(generateQuiz(items, { ...ALL, length: 5, topics: [topic], seed }));
			expect(qs).toHaveLength(5);
		}
	});

	it.each([5, 10, 20] as const)(
		'makes %i-question quizzes over every topic, balanced',
		(length) => {
			for (let seed = 0; seed < 20; seed++) {
				const qs = questions(generateQuiz(items, { ...ALL, length, seed }));
				expect(qs).toHaveLength(length);
				const topicOf = new Map(items.map((i) => [i.id, i.topic]));
				const counts = new Map<string, number>();
				for (const q of qs) {
					const topic = topicOf.get(q.itemId)!;
					counts.set(topic, (counts.get(topic) ?? 0) + 1);
				}
				// 8 topics: no topic gets more than its even share, rounded up.
				expect(Math.max(...counts.values())).toBeLessThanOrEqual(Math.ceil(length / 8));
			}
		}
	);

	it("makes an 'all' quiz of every usable item", () => {
		const available = countAvailable(items, ALL);
		expect(questions(generateQuiz(items, { ...ALL, length: 'all' }))).toHaveLength(available);
	});
});

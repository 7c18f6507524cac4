import { describe, expect, it } from 'vitest';
import type { Item } from '$lib/domain/bank';
import { filterForCompose, NO_FILTER, pickBalanced } from '$lib/domain/assignment-compose';

function item(id: string, topic: string, extra: Partial<Item> = {}): Item {
	return {
		id,
		topic,
		kind: 'truefalse',
		difficulty: 1,
		paragraphs: ['p1'],
		prompt: `Prompt ${id}`,
		explanation: 'Because.',
		answer: true,
		...extra
	} as Item;
}

const pool = [
	item('a1', 'a'),
	item('a2', 'a'),
	item('a3', 'a', { exclusionGroup: 'g' }),
	item('b1', 'b', { exclusionGroup: 'g' }),
	item('b2', 'b', { difficulty: 3, prompt: 'Where did the Café talks happen?' }),
	item('c1', 'c')
];

describe('filterForCompose', () => {
	it('filters by topic, kind, difficulty and accent-insensitive words', () => {
		expect(filterForCompose(pool, NO_FILTER)).toHaveLength(6);
		expect(filterForCompose(pool, { ...NO_FILTER, topic: 'a' }).map((i) => i.id)).toEqual([
			'a1',
			'a2',
			'a3'
		]);
		expect(filterForCompose(pool, { ...NO_FILTER, difficulty: 3 }).map((i) => i.id)).toEqual([
			'b2'
		]);
		expect(filterForCompose(pool, { ...NO_FILTER, text: 'cafe TALKS' }).map((i) => i.id)).toEqual([
			'b2'
		]);
		expect(filterForCompose(pool, { ...NO_FILTER, kind: 'single' })).toEqual([]);
	});
});

describe('pickBalanced', () => {
	it('spreads picks across topics before taking a second from any', () => {
		const picked = pickBalanced(pool, [], 3, 7);
		expect(new Set(picked.map((i) => i.topic))).toEqual(new Set(['a', 'b', 'c']));
	});

	it('skips chosen items and items sharing an exclusion group', () => {
		const picked = pickBalanced(pool, [pool[2]], 10, 1);
		const ids = picked.map((i) => i.id);
		expect(ids).not.toContain('a3');
		expect(ids).not.toContain('b1');
		expect(ids.sort()).toEqual(['a1', 'a2', 'b2', 'c1']);
	});

	it('takes at most one item of an exclusion group and is repeatable for a seed', () => {
		for (let seed = 0; seed < 20; seed++) {
			const picked = pickBalanced(pool, [], 6, seed);
			expect(picked.filter((i) => i.exclusionGroup === 'g')).toHaveLength(1);
			expect(pickBalanced(pool, [], 6, seed)).toEqual(picked);
		}
	});
});

describe('pickBalanced with a list of exclusion groups', () => {
	const listed = [
		item('m1', 'a', { exclusionGroup: ['g', 'h'] }),
		item('g1', 'b', { exclusionGroup: 'g' }),
		item('h1', 'c', { exclusionGroup: 'h' }),
		item('free', 'c')
	];

	it('skips every item sharing any group of a chosen one', () => {
		const picked = pickBalanced(listed, [listed[0]], 10, 3).map((i) => i.id);
		expect(picked).toEqual(['free']);
	});

	it('never picks a listed item together with an item of one of its groups', () => {
		for (let seed = 0; seed < 50; seed++) {
			const ids = pickBalanced(listed, [], 4, seed).map((i) => i.id);
			if (ids.includes('m1')) expect(ids).not.toContain('g1');
			if (ids.includes('m1')) expect(ids).not.toContain('h1');
		}
	});
});

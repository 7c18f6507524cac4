import { describe, expect, it } from 'vitest';
import {
	createRng,
	pick,
	randomFloat,
	randomInt,
	sample,
	seedFromString,
	shuffle
} from '../../../src/lib/domain/random.ts';

const draws = (seed: number, n = 8) => {
	const rng = createRng(seed);
	return Array.from({ length: n }, () => randomInt(rng, 0, 1_000_000));
};

describe('createRng', () => {
	it('gives the same sequence for the same seed', () => {
		expect(draws(42)).toEqual(draws(42));
	});

	// Stored quizzes are rebuilt from their seed: a change here would change every quiz.
	it('keeps its sequence from release to release', () => {
		const rng = createRng(42);
		expect(Array.from({ length: 6 }, () => randomInt(rng, 0, 999))).toEqual([
			956, 895, 868, 33, 51, 813
		]);
		expect(shuffle(createRng(7), ['a', 'b', 'c', 'd', 'e', 'f'])).toEqual([
			'a',
			'c',
			'd',
			'b',
			'f',
			'e'
		]);
	});

	it.each([
		['neighbouring seeds', 1, 2],
		['zero and one', 0, 1],
		['seeds that differ above 32 bits', 1, 2 ** 32 + 1],
		['a negative seed and its absolute value', -5, 5],
		['Date.now()-sized seeds 1 ms apart', 1_764_000_000_000, 1_764_000_000_001]
	])('gives different sequences for %s', (_name, a, b) => {
		expect(draws(a)).not.toEqual(draws(b));
	});

	it('drops the fraction of a seed', () => {
		expect(draws(3.7)).toEqual(draws(3));
	});

	it.each([NaN, Infinity, -Infinity])('refuses the seed %s', (seed) => {
		expect(() => createRng(seed)).toThrow(RangeError);
	});

	it('clones into an independent generator', () => {
		const a = createRng(9);
		randomInt(a, 0, 10);
		const b = a.clone();
		const fromA = [randomInt(a, 0, 1000), randomInt(a, 0, 1000)];
		const fromB = [randomInt(b, 0, 1000), randomInt(b, 0, 1000)];
		expect(fromB).toEqual(fromA);
	});
});

describe('randomInt and randomFloat', () => {
	it('stay within bounds and reach both ends', () => {
		const rng = createRng(1);
		const seen = new Set<number>();
		for (let i = 0; i < 2000; i++) {
			const n = randomInt(rng, -3, 3);
			expect(Number.isInteger(n) && n >= -3 && n <= 3).toBe(true);
			seen.add(n);
		}
		expect([...seen].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
	});

	it('gives min when min equals max', () => {
		expect(randomInt(createRng(1), 4, 4)).toBe(4);
	});

	it.each([
		[5, 4],
		[0.5, 2],
		[0, Infinity]
	])('refuses the range %s to %s', (min, max) => {
		expect(() => randomInt(createRng(1), min, max)).toThrow(RangeError);
	});

	it('draws floats in [0, 1) with a mean near one half', () => {
		const rng = createRng(2);
		let sum = 0;
		for (let i = 0; i < 10_000; i++) {
			const x = randomFloat(rng);
			expect(x >= 0 && x < 1).toBe(true);
			sum += x;
		}
		expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.02);
	});
});

describe('shuffle', () => {
	it('returns a new array with the same entries and leaves the input alone', () => {
		const input = Object.freeze(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
		const out = shuffle(createRng(3), input);
		expect(out).not.toBe(input);
		expect([...out].sort()).toEqual([...input]);
		expect(input).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
	});

	it.each([[[]], [['only']]])('handles %j', (input: string[]) => {
		expect(shuffle(createRng(3), input)).toEqual(input);
	});

	it('is deterministic for a seed', () => {
		const input = Array.from({ length: 50 }, (_, i) => i);
		expect(shuffle(createRng(11), input)).toEqual(shuffle(createRng(11), input));
		expect(shuffle(createRng(11), input)).not.toEqual(shuffle(createRng(12), input));
	});

	it('makes every order of three about equally often (chi-squared, fixed seed)', () => {
		const rng = createRng(2024);
		const counts = new Map<string, number>();
		const runs = 6000;
		for (let i = 0; i < runs; i++) {
			const key = shuffle(rng, ['a', 'b', 'c']).join('');
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		expect(counts.size).toBe(6);
		const expected = runs / 6;
		const chi2 = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
		// 5 degrees of freedom: 20.5 is the 0.001 critical value.
		expect(chi2).toBeLessThan(20.5);
	});
});

describe('sample', () => {
	it('draws distinct entries', () => {
		const input = Array.from({ length: 20 }, (_, i) => i);
		const out = sample(createRng(5), input, 7);
		expect(out).toHaveLength(7);
		expect(new Set(out).size).toBe(7);
		expect(out.every((n) => input.includes(n))).toBe(true);
	});

	it.each([
		[0, 0],
		[-2, 0],
		[3, 3],
		[10, 3]
	])('asked for %i of 3 gives %i', (count, length) => {
		expect(sample(createRng(5), ['a', 'b', 'c'], count)).toHaveLength(length);
	});
});

describe('pick', () => {
	it('picks an entry, deterministically', () => {
		const items = ['x', 'y', 'z'];
		expect(items).toContain(pick(createRng(8), items));
		expect(pick(createRng(8), items)).toBe(pick(createRng(8), items));
	});

	it('refuses an empty list', () => {
		expect(() => pick(createRng(8), [])).toThrow(RangeError);
	});
});

describe('seedFromString', () => {
	it('is a stable unsigned 32-bit number', () => {
		expect(seedFromString('assignment-1')).toBe(2336648752);
		expect(seedFromString('')).toBe(3770332432);
		const seed = seedFromString('anything at all');
		expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
	});

	it('differs for different text', () => {
		const seeds = new Set(
			['a', 'b', 'ab', 'ba', 'assignment-1', 'assignment-2'].map(seedFromString)
		);
		expect(seeds.size).toBe(6);
	});
});

/**
 * Seeded randomness for everything the app draws (quizzes, option orders): the same seed
 * always gives the same sequence, on every device. Built on pure-rand's xoroshiro128+;
 * `Math.random` is never used, so a quiz can be rebuilt from its stored seed.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * A seeded generator. It changes as it is used (pure-rand's mutable API): pass the same
 * instance along to draw a sequence, `rng.clone()` to branch without disturbing it.
 */
export type Rng = JumpableRandomGenerator;

const TWO_POW_32 = 0x1_0000_0000;

/** One step of splitmix32: spreads a 32-bit state into a well-mixed 32-bit output. */
function splitmix32(state: number): number {
	let z = state | 0;
	z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
	z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
	return (z ^ (z >>> 15)) | 0;
}

/**
 * A generator for `seed`. Any finite number works: integers up to 2^53 keep all their bits
 * (so `Date.now()`-sized seeds stay distinct), and the seed is mixed into all 128 bits of
 * state, so nearby seeds (1, 2, 3) start far apart.
 * @throws RangeError when the seed is not a finite number.
 */
export function createRng(seed: number): Rng {
	if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, not ${seed}`);
	const whole = Math.trunc(seed);
	const low = whole >>> 0;
	const high = Math.floor(whole / TWO_POW_32) | 0;
	// Distinct golden-ratio steps for each state word, as splitmix does.
	let state = splitmix32(low ^ splitmix32(high ^ 0x5bd1e995));
	const words: number[] = [0, 0, 0, 0];
	for (let i = 0; i < 4; i++) {
		state = (state + 0x9e3779b9) | 0;
		words[i] = splitmix32(state);
	}
	// xoroshiro128+ must not start from an all-zero state.
	if (!words.some((w) => w !== 0)) words[0] = 1;
	return xoroshiro128plusFromState(words);
}

/** A whole number from `min` to `max`, both included, uniformly. */
export function randomInt(rng: Rng, min: number, max: number): number {
	if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
		throw new RangeError(`randomInt needs whole numbers with min <= max (got ${min}, ${max})`);
	}
	return uniformInt(rng, min, max);
}

/** A number in [0, 1), uniformly (53 bits). */
export function randomFloat(rng: Rng): number {
	return uniformFloat64(rng);
}

/** A new array with the same entries in a random order (Fisher-Yates). `items` is untouched. */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
	const out = items.slice();
	for (let i = out.length - 1; i > 0; i--) {
		const j = uniformInt(rng, 0, i);
		const tmp = out[i];
		out[i] = out[j];
		out[j] = tmp;
	}
	return out;
}

/**
 * `count` distinct entries in random order (a partial Fisher-Yates: only `count` draws).
 * Asking for more entries than there are gives them all, shuffled.
 */
export function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
	const out = items.slice();
	const n = Math.min(Math.max(0, Math.floor(count)), out.length);
	for (let i = 0; i < n; i++) {
		const j = uniformInt(rng, i, out.length - 1);
		const tmp = out[i];
		out[i] = out[j];
		out[j] = tmp;
	}
	out.length = n;
	return out;
}

/**
 * One entry chosen uniformly.
 * @throws RangeError when `items` is empty.
 */
export function pick<T>(rng: Rng, items: readonly T[]): T {
	if (items.length === 0) throw new RangeError('pick needs at least one item');
	return items[uniformInt(rng, 0, items.length - 1)];
}

/**
 * A 32-bit seed from text (FNV-1a, then mixed): for seeds that must follow from a name,
 * such as an assignment id, rather than be drawn.
 */
export function seedFromString(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return splitmix32(hash) >>> 0;
}

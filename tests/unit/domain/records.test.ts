import { describe, expect, it } from 'vitest';
import { isListed } from '../../../src/lib/domain/records';

const answer = { itemId: 'a', response: null, correct: true, score: 1, ms: 1000, at: 0 };

describe('isListed', () => {
	it('leaves out a quiz left before its first answer', () => {
		expect(isListed({ status: 'in-progress', answers: [] })).toBe(false);
	});

	it('lists an unfinished quiz with an answer, and every finished one', () => {
		expect(isListed({ status: 'in-progress', answers: [answer] })).toBe(true);
		expect(isListed({ status: 'finished', answers: [answer] })).toBe(true);
		expect(isListed({ status: 'finished', answers: [] })).toBe(true);
	});
});

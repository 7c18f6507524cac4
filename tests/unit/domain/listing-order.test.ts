import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alphabetical, notInAnswerOrder } from '../../../src/lib/domain/listing-order.ts';

describe('alphabetical', () => {
	it('sorts letters by base letter and numbers by value, without changing its input', () => {
		const values = ['Yerevan', '10 days', 'baku', '2 days', 'Ábrahám'];
		expect(alphabetical(values)).toEqual(['2 days', '10 days', 'Ábrahám', 'baku', 'Yerevan']);
		expect(values[0]).toBe('Yerevan');
	});

	it('gives one order whatever order the values come in, ties included', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('a', 'A', 'á', 'b', '1', '01', '10')), (values) => {
				const sorted = alphabetical(values);
				expect(alphabetical([...values].reverse())).toEqual(sorted);
				expect([...sorted].sort()).toEqual([...values].sort());
			}),
			{ numRuns: 200, seed: 42 }
		);
	});
});

describe('notInAnswerOrder', () => {
	it('is alphabetical unless that is the answer, then reversed', () => {
		expect(notInAnswerOrder(['c', 'a', 'b'], ['b', 'c', 'a'])).toEqual(['a', 'b', 'c']);
		expect(notInAnswerOrder(['c', 'a', 'b'], ['a', 'b', 'c'])).toEqual(['c', 'b', 'a']);
		// One entry has no other order.
		expect(notInAnswerOrder(['a'], ['a'])).toEqual(['a']);
	});
});

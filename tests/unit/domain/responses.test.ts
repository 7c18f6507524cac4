import { describe, expect, it } from 'vitest';
import { isBlankResponse, readResponse } from '$lib/domain/responses';

describe('readResponse', () => {
	it.each([
		['single', { choice: 'Yevlakh' }],
		['multi', { choices: ['1994', '2020'] }],
		['truefalse', { value: false }],
		['typed', { text: 'Evlakh' }],
		['numeric', { text: '12' }],
		['ordering', { order: ['a', 'b'] }],
		['matching', { pairs: { Macron: 'France' } }]
	] as const)('reads a %s response', (kind, response) => {
		expect(readResponse(kind, response)).toEqual(response);
	});

	it('keeps only the kind’s own field, as a copy', () => {
		const given = { choices: ['a'], extra: 1 };
		const read = readResponse('multi', given);
		expect(read).toEqual({ choices: ['a'] });
		read!.choices.push('b');
		expect(given.choices).toEqual(['a']);
	});

	it.each([
		['single', { choices: ['a'] }],
		['single', { choice: 3 }],
		['multi', { choices: ['a', 2] }],
		['truefalse', { value: 'true' }],
		['typed', { value: true }],
		['ordering', { order: 'a, b' }],
		['matching', { pairs: { Macron: 1 } }],
		['matching', { pairs: ['France'] }],
		['single', null],
		['typed', 'Evlakh'],
		['truefalse', undefined]
	] as const)('refuses a %s response shaped %j', (kind, response) => {
		expect(readResponse(kind, response)).toBeNull();
	});
});

describe('isBlankResponse', () => {
	it.each([
		['single', null, true],
		['single', { choice: '' }, false],
		['multi', { choices: [] }, true],
		['truefalse', { value: false }, false],
		['typed', { text: '   ' }, true],
		['numeric', { text: '0' }, false],
		['ordering', { order: [] }, true],
		['matching', { pairs: {} }, true],
		['matching', { pairs: { a: 'b' } }, false],
		['multi', { choice: 'a' }, true]
	] as const)('%s %j: blank is %s', (kind, response, blank) => {
		expect(isBlankResponse(kind, response)).toBe(blank);
	});
});

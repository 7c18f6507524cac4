import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	checkPublishedIds,
	formatBankError,
	validateBank,
	type BankFileInput
} from '../../../src/lib/domain/bank.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'bank-valid');
const meta: BankFileInput = {
	file: 'bank.yaml',
	data: parse(readFileSync(join(fixtures, 'bank.yaml'), 'utf8'))
};
const validItems: Record<string, unknown>[] = parse(
	readFileSync(join(fixtures, 'items.yaml'), 'utf8')
);
const byKind = (kind: string) => structuredClone(validItems.find((i) => i.kind === kind)!);

function validate(items: unknown[]) {
	return validateBank(meta, [{ file: 'items.yaml', data: items }]);
}

describe('validateBank', () => {
	it('accepts a valid item of each kind', () => {
		const { bank, errors } = validate(validItems);
		expect(errors).toEqual([]);
		expect(bank?.items.map((i) => i.kind).sort()).toEqual(
			['matching', 'multi', 'numeric', 'ordering', 'single', 'truefalse', 'typed'].sort()
		);
		expect(bank?.version).toBe(3);
		expect(bank?.retired).toEqual(['p1-old-item']);
	});

	it('accepts one exclusion group or a list, and allowReveal notes by item id', () => {
		const one = { ...byKind('single'), exclusionGroup: '10-sources' };
		const list = {
			...byKind('typed'),
			exclusionGroup: ['10-sources', '20-tass'],
			allowReveal: { 'p3-talks-city': 'The prompt names the city, not who reported it.' }
		};
		const { bank, errors } = validate([one, list]);
		expect(errors).toEqual([]);
		expect(bank?.items.map((i) => i.exclusionGroup)).toEqual([
			'10-sources',
			['10-sources', '20-tass']
		]);
	});

	it('trims text and keeps every field of the kind', () => {
		const item = { ...byKind('typed'), prompt: '  Name the city.  ' };
		const { bank } = validate([item]);
		expect(bank?.items[0]).toMatchObject({
			prompt: 'Name the city.',
			answer: 'Yevlakh',
			accept: ['Evlakh', 'Yevlax']
		});
	});

	type Fault = [name: string, items: () => unknown[], field: string, message: string];
	const faults: Fault[] = [
		[
			'duplicate id',
			() => [byKind('single'), { ...byKind('typed'), id: 'p3-talks-city' }],
			'id',
			'duplicate id'
		],
		[
			'answer not among options',
			() => [{ ...byKind('single'), answer: 'Baku' }],
			'answer',
			'"Baku" is not among the options'
		],
		[
			'fewer than 3 distractors',
			() => [{ ...byKind('single'), options: ['Yevlakh', 'Shusha', 'Yerevan'] }],
			'options',
			'fewer than 3 distractors (has 2)'
		],
		[
			'distractor equal to an answer',
			() => [{ ...byKind('single'), options: ['Yevlakh', 'yevlakh', 'Shusha', 'Yerevan', 'Baku'] }],
			'options',
			'distractor "yevlakh" equals an answer'
		],
		[
			'multi answer not among options',
			() => [{ ...byKind('multi'), answers: ['1994', '1995'] }],
			'answers',
			'"1995" is not among the options'
		],
		[
			'multi with too few distractors',
			() => [{ ...byKind('multi'), options: ['1994', '2020', '1991', '2008'] }],
			'options',
			'fewer than 3 distractors'
		],
		[
			'unknown paragraph',
			() => [{ ...byKind('single'), paragraphs: ['p33'] }],
			'paragraphs',
			'unknown paragraph "p33"'
		],
		[
			'paragraph zero',
			() => [{ ...byKind('single'), paragraphs: ['p0'] }],
			'paragraphs',
			'unknown paragraph "p0"'
		],
		[
			'no paragraph',
			() => [{ ...byKind('single'), paragraphs: [] }],
			'paragraphs',
			'at least one paragraph'
		],
		[
			'empty explanation',
			() => [{ ...byKind('single'), explanation: '   ' }],
			'explanation',
			'must not be empty'
		],
		[
			'missing explanation',
			() => {
				const i = byKind('single');
				delete i.explanation;
				return [i];
			},
			'explanation',
			'is missing'
		],
		[
			'negative tolerance',
			() => [{ ...byKind('numeric'), tolerance: -1 }],
			'tolerance',
			'bad tolerance'
		],
		[
			'tolerance as large as the answer',
			() => [{ ...byKind('numeric'), tolerance: 200 }],
			'tolerance',
			'bad tolerance'
		],
		[
			'numeric answer as text',
			() => [{ ...byKind('numeric'), answer: '200' }],
			'answer',
			'must be a number'
		],
		[
			'unknown topic',
			() => [{ ...byKind('single'), topic: 'sport' }],
			'topic',
			'unknown topic "sport"'
		],
		[
			'difficulty out of range',
			() => [{ ...byKind('single'), difficulty: 4 }],
			'difficulty',
			'must be 1, 2 or 3'
		],
		['unknown kind', () => [{ ...byKind('single'), kind: 'essay' }], 'kind', 'kind must be one of'],
		[
			'misspelt field',
			() => [{ ...byKind('single'), distractors: ['Baku'] }],
			'distractors',
			'unknown field'
		],
		['bad id', () => [{ ...byKind('single'), id: 'Talks City' }], 'id', 'kebab-case'],
		[
			'attribution on a whole ordering',
			() => [
				{
					...byKind('ordering'),
					attribution: { claimant: 'The Kremlin', verification: 'not-stated' }
				}
			],
			'attribution',
			'takes no attribution on the whole'
		],
		[
			'empty list of exclusion groups',
			() => [{ ...byKind('single'), exclusionGroup: [] }],
			'exclusionGroup',
			'at least one group'
		],
		[
			'exclusion group repeated in a list',
			() => [{ ...byKind('single'), exclusionGroup: ['g-1', 'g-1'] }],
			'exclusionGroup',
			'repeats'
		],
		[
			'allowReveal that is not a map of notes',
			() => [{ ...byKind('single'), allowReveal: ['p8-killed-count'] }],
			'allowReveal',
			'map item ids'
		],
		[
			'allowReveal naming the item itself',
			() => [{ ...byKind('single'), allowReveal: { 'p3-talks-city': 'Why not.' } }],
			'allowReveal.p3-talks-city',
			'cannot give itself away'
		],
		['retired id reused', () => [{ ...byKind('single'), id: 'p1-old-item' }], 'id', 'retired'],
		[
			'same prompt twice',
			() => [
				byKind('single'),
				{ ...byKind('typed'), prompt: 'In which city were the talks held?' }
			],
			'prompt',
			'same prompt as p3-talks-city'
		],
		[
			'ordering too short',
			() => [{ ...byKind('ordering'), sequence: ['a', 'b'] }],
			'sequence',
			'3 to 6 entries'
		],
		[
			'ordering repeats',
			() => [{ ...byKind('ordering'), sequence: ['a', 'b', 'A'] }],
			'sequence',
			'repeats'
		],
		[
			'matching repeats a left side',
			() => [
				{
					...byKind('matching'),
					pairs: [
						{ left: 'A', right: '1' },
						{ left: 'a', right: '2' },
						{ left: 'B', right: '3' }
					]
				}
			],
			'pairs.left',
			'repeats'
		],
		[
			'matching with two pairs',
			() => [
				{
					...byKind('matching'),
					pairs: [
						{ left: 'A', right: '1' },
						{ left: 'B', right: '2' }
					]
				}
			],
			'pairs',
			'3 to 6 pairs'
		],
		[
			'typed variant equal to the answer',
			() => [{ ...byKind('typed'), accept: ['YEVLAKH'] }],
			'accept',
			'only differs from the answer'
		],
		[
			'bad verification',
			() => [{ ...byKind('single'), attribution: { claimant: 'X', verification: 'maybe' } }],
			'attribution.verification',
			'must be one of'
		],
		[
			'truefalse answer as text',
			() => [{ ...byKind('truefalse'), answer: 'no' }],
			'answer',
			'must be true or false'
		]
	];

	it.each(faults)('rejects %s', (_name, items, field, message) => {
		const { bank, errors } = validate(items());
		expect(bank).toBeNull();
		expect(errors).toContainEqual(
			expect.objectContaining({
				file: 'items.yaml',
				field,
				message: expect.stringContaining(message)
			})
		);
	});

	it('locates each error by file, id and field', () => {
		const { errors } = validate([byKind('single'), { ...byKind('numeric'), tolerance: -2 }]);
		expect(errors.map(formatBankError)).toEqual([
			'items.yaml: p8-killed: tolerance: bad tolerance: must be 0 or more'
		]);
	});

	it('names an item without an id by its position', () => {
		const item = byKind('single');
		delete item.id;
		const { errors } = validate([byKind('typed'), item]);
		expect(errors[0]).toMatchObject({ id: '#2', field: 'id' });
	});

	it('reports every fault, not just the first', () => {
		const { errors } = validate([
			{ ...byKind('single'), topic: 'sport', paragraphs: ['p40'], answer: 'Baku' }
		]);
		expect(errors.map((e) => e.field).sort()).toEqual(['answer', 'paragraphs', 'topic']);
	});

	it('rejects a file that is not a list and a bad metadata file', () => {
		expect(validateBank(meta, [{ file: 'x.yaml', data: { id: 'a' } }]).errors[0]).toMatchObject({
			file: 'x.yaml',
			message: 'must be a list of items'
		});
		const badMeta = validateBank({ file: 'bank.yaml', data: { version: 0 } }, []);
		expect(badMeta.bank).toBeNull();
		expect(badMeta.errors[0].file).toBe('bank.yaml');
	});
});

describe('checkPublishedIds', () => {
	it('finds ids that vanished without being retired, and ids not yet published', () => {
		const bank = { items: [byKind('single'), byKind('typed')] as never, retired: ['p1-gone'] };
		expect(checkPublishedIds(bank, ['p3-talks-city', 'p1-gone', 'p2-lost'])).toEqual({
			vanished: ['p2-lost'],
			unpublished: ['p3-talks-city-typed']
		});
	});
});

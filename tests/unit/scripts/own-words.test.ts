// The own-words rule (issue 16, item 5): runs of 10 or more words shared with the article are
// found from salted hashes alone; short attributed quotations stay allowed; and the hash file
// in questions/ is the one the article gives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../../src/lib/domain/bank.ts';
import { QUESTIONS_DIR } from '../../../scripts/bank-load.ts';
import {
	ARTICLE,
	comparableParts,
	makeWindows,
	ownWordsErrors,
	readWindows
} from '../../../scripts/own-words.ts';

const article = `# A headline

p1. The quick brown fox jumped over the lazy dog near the old river bank today.

p2. Officials said the bridge would “remain closed until further notice for the safety of all travellers”.
`;
const windows = makeWindows(article, 'test-salt');

const item = (prompt: string, explanation = 'Paragraph 1 says so.'): Item => ({
	id: 'p1-test',
	kind: 'truefalse',
	topic: 't',
	difficulty: 1,
	paragraphs: ['p1'],
	prompt,
	explanation,
	answer: true
});
const check = (i: Item) => ownWordsErrors([{ file: 'items.yaml', item: i }], windows);

describe('ownWordsErrors', () => {
	it('allows 9 shared words and reports 10, ignoring case and punctuation', () => {
		expect(check(item('A quick brown fox jumped over the lazy dog near a river.'))).toEqual([]);
		expect(check(item('THE quick, brown fox jumped over the lazy dog -- near a bank.'))).toEqual([
			{
				file: 'items.yaml',
				id: 'p1-test',
				field: 'prompt',
				message: expect.stringMatching(/^shares 10 consecutive words with the article \(p1\)/)
			}
		]);
	});

	it('reports the longest run of each field, in any text field', () => {
		const errors = check(
			item('Fine.', 'Here: the quick brown fox jumped over the lazy dog near the old river bank.')
		);
		expect(errors.map((e) => [e.field, e.message.slice(0, 9), e.message.match(/\d+/)![0]])).toEqual(
			[['explanation', 'shares 14', '14']]
		);
	});

	it('leaves out a short attributed quotation, but not a long one', () => {
		const short = 'Officials said the bridge would "remain closed until further notice" for now.';
		expect(check(item(short))).toEqual([]);
		const long =
			'They said it would "remain closed until further notice for the safety of all travellers".';
		expect(check(item(long)).map((e) => e.field)).toEqual(['prompt']);
	});

	it('splits text around quotations so no run spans one', () => {
		expect(comparableParts('one two "three four" five')).toEqual([]);
		expect(comparableParts('a b c d e f g h i j "q" k')).toEqual(['a b c d e f g h i j ']);
	});

	it('keeps the salt on a rerun, so the hashes do not change', () => {
		expect(makeWindows(article, 'test-salt')).toEqual(windows);
		expect(makeWindows(article).salt).not.toBe('test-salt');
		expect(JSON.stringify(windows)).not.toContain('fox');
	});
});

describe('questions/article-windows.json', () => {
	it('holds the hashes of the article as it is now, and none of its words', () => {
		const stored = readWindows(QUESTIONS_DIR)!;
		expect(stored).not.toBeNull();
		expect(makeWindows(readFileSync(ARTICLE, 'utf8'), stored.salt)).toEqual(stored);
		expect(Object.keys(stored.paragraphs)).toHaveLength(32);
		expect(JSON.stringify(stored)).not.toMatch(/Karabakh|Azerbaijan|Stepanakert/i);
	});
});

// The real bank in questions/: valid, every id published, every editorial minimum met.
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../scripts/bank-load.ts';
import { bankShortfalls, bankStats } from '../../src/lib/domain/bank-stats.ts';
import { formatBankError } from '../../src/lib/domain/bank.ts';
import { compactKey } from '../../src/lib/domain/text.ts';

const { bank, errors, unpublished } = loadBank();

describe('the question bank', () => {
	it('passes bank:check', () => {
		expect(errors.map(formatBankError)).toEqual([]);
		expect(unpublished).toEqual([]);
	});

	it('meets every minimum (items, paragraphs, topics, kinds)', () => {
		expect(bankShortfalls(bankStats(bank!))).toEqual([]);
	});

	it('has no two items with the same prompt', () => {
		const prompts = bank!.items.map((i) => compactKey(i.prompt));
		expect(new Set(prompts).size).toBe(prompts.length);
	});

	it('uses every kind and cites only paragraphs of the article', () => {
		const stats = bankStats(bank!);
		expect(stats.byKind.every((k) => k.count > 0)).toBe(true);
		expect(stats.byParagraph.every((p) => p.count >= 3)).toBe(true);
	});
});

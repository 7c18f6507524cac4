// The real bank in questions/: valid, every id published, every editorial minimum met.
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../scripts/bank-load.ts';
import { bankShortfalls, bankStats, editorialStats } from '../../src/lib/domain/bank-stats.ts';
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

	it('has every give-away fenced off or excused, and says so in its editorial counts', () => {
		const { giveAways, byAttribution } = editorialStats(bank!);
		expect(giveAways.open).toBe(0);
		expect(giveAways.fenced + giveAways.excused).toBe(giveAways.found);
		expect(byAttribution.reduce((n, a) => n + a.count, 0)).toBe(bank!.items.length);
	});

	it('labels no ordering or matching item as a claim on the whole', () => {
		const labelled = bank!.items.filter(
			(i) => (i.kind === 'ordering' || i.kind === 'matching') && i.attribution
		);
		expect(labelled.map((i) => i.id)).toEqual([]);
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

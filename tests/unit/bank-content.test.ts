// The real bank in questions/: valid, every id published, every editorial minimum met.
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../scripts/bank-load.ts';
import {
	bankShortfalls,
	bankStats,
	bankSummary,
	notCardIds,
	editorialStats
} from '../../src/lib/domain/bank-stats.ts';
import { formatBankError } from '../../src/lib/domain/bank.ts';
import { listDecks } from '../../src/lib/domain/decks.ts';
import { countAvailable } from '../../src/lib/domain/quiz.ts';
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

describe('the bank summary the home page shows', () => {
	const summary = bankSummary(bank!);
	const decks = listDecks(bank!.items, bank!.topics, []);

	it('counts the cards as the decks do, and names the ids that are not cards', () => {
		expect(summary.cards).toBe(decks.find((d) => d.id === 'all')!.itemIds.length);
		const cards = new Set(decks.find((d) => d.id === 'all')!.itemIds);
		const notCards = notCardIds(bank!);
		expect(notCards.some((id) => cards.has(id))).toBe(false);
		expect(notCards).toEqual(expect.arrayContaining(bank!.retired));
		expect(notCards.length).toBe(
			bank!.retired.length + bank!.items.filter((i) => i.quizOnly).length
		);
	});

	it("gives each topic its cards and one quiz's most, as the deck and the quiz count them", () => {
		for (const topic of summary.byTopic) {
			const deck = decks.find((d) => d.id === `topic:${topic.topic}`)!;
			expect(topic.cards).toBe(deck.itemIds.length);
			expect(topic.perQuiz).toBe(
				countAvailable(bank!.items, { topics: [topic.topic], difficulties: [], kinds: [] })
			);
			expect(topic.perQuiz).toBeLessThanOrEqual(topic.count);
		}
	});
});

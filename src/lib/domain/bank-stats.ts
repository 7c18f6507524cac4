/**
 * Counts over the bank and the editorial minimums it must meet. `bank:report` prints these;
 * a unit test asserts them so coverage cannot silently erode.
 */
import { ITEM_KINDS, VERIFICATIONS, type Bank, type ItemKind, type Verification } from './bank.ts';
import { findGiveAways } from './give-aways.ts';
import { groupCapacity } from './quiz-draw.ts';

export const BANK_MINIMUMS = {
	items: 150,
	itemsPerParagraph: 3,
	topics: 7,
	kinds: {
		single: 12,
		multi: 12,
		truefalse: 12,
		typed: 12,
		numeric: 12,
		ordering: 6,
		matching: 6
	} satisfies Record<ItemKind, number>
};

export interface BankStats {
	items: number;
	/** Items citing each paragraph, p1 first; an item citing two paragraphs counts for both. */
	byParagraph: { paragraph: string; count: number }[];
	byTopic: { topic: string; name: string; count: number }[];
	byKind: { kind: ItemKind; count: number }[];
	byDifficulty: { difficulty: 1 | 2 | 3; count: number }[];
	quizOnly: number;
	attributed: number;
}

export function bankStats(bank: Bank): BankStats {
	const count = (pred: (i: Bank['items'][number]) => boolean) => bank.items.filter(pred).length;
	return {
		items: bank.items.length,
		byParagraph: Array.from({ length: bank.article.paragraphs }, (_, n) => {
			const paragraph = `p${n + 1}`;
			return { paragraph, count: count((i) => i.paragraphs.includes(paragraph)) };
		}),
		byTopic: bank.topics.map((t) => ({
			topic: t.id,
			name: t.name,
			count: count((i) => i.topic === t.id)
		})),
		byKind: ITEM_KINDS.map((kind) => ({ kind, count: count((i) => i.kind === kind) })),
		byDifficulty: ([1, 2, 3] as const).map((difficulty) => ({
			difficulty,
			count: count((i) => i.difficulty === difficulty)
		})),
		quizOnly: count((i) => i.quizOnly === true),
		attributed: count((i) => i.attribution !== undefined)
	};
}

/** What the next editor needs to see the bank's balance at a glance (`bank:report`). */
export interface EditorialStats {
	/** Items by what the article says of the claim's verification; `none` for no attribution. */
	byAttribution: { status: Verification | 'none'; count: number }[];
	/** For each topic, its items by kind (every kind listed, 0 included). */
	kindsByTopic: { topic: string; kinds: { kind: ItemKind; count: number }[] }[];
	/**
	 * Give-aways between items (one showing another's answer, see give-aways.ts): all found
	 * when groups and notes are ignored, those fenced off by a shared exclusion group, those
	 * excused by an `allowReveal` note, and those still open (which bank:check rejects).
	 */
	giveAways: { found: number; fenced: number; excused: number; open: number };
}

export function editorialStats(bank: Bank): EditorialStats {
	const items = bank.items;
	const bare = items.map((i) => ({ ...i, exclusionGroup: undefined, allowReveal: undefined }));
	const all = findGiveAways(bare, bare);
	const byId = new Map(items.map((i) => [i.id, i]));
	const excused = all.filter((g) => byId.get(g.revealed)?.allowReveal?.[g.by] !== undefined);
	const open = findGiveAways(items).length;
	return {
		byAttribution: [...VERIFICATIONS, 'none' as const].map((status) => ({
			status,
			count: items.filter((i) => (i.attribution?.verification ?? 'none') === status).length
		})),
		kindsByTopic: bank.topics.map((t) => ({
			topic: t.id,
			kinds: ITEM_KINDS.map((kind) => ({
				kind,
				count: items.filter((i) => i.topic === t.id && i.kind === kind).length
			}))
		})),
		giveAways: {
			found: all.length,
			excused: excused.length,
			open,
			fenced: all.length - excused.length - open
		}
	};
}

/** Every minimum the bank misses, as sentences; empty when all are met. */
export function bankShortfalls(stats: BankStats): string[] {
	const short: string[] = [];
	if (stats.items < BANK_MINIMUMS.items) {
		short.push(`${stats.items} items, fewer than ${BANK_MINIMUMS.items}`);
	}
	for (const { paragraph, count } of stats.byParagraph) {
		if (count < BANK_MINIMUMS.itemsPerParagraph) {
			short.push(
				`${paragraph} is cited by ${count} items, fewer than ${BANK_MINIMUMS.itemsPerParagraph}`
			);
		}
	}
	const usedTopics = stats.byTopic.filter((t) => t.count > 0).length;
	if (usedTopics < BANK_MINIMUMS.topics) {
		short.push(`${usedTopics} topics have items, fewer than ${BANK_MINIMUMS.topics}`);
	}
	for (const { kind, count } of stats.byKind) {
		const min = BANK_MINIMUMS.kinds[kind];
		if (count < min) short.push(`${count} ${kind} items, fewer than ${min}`);
	}
	return short;
}

/** A topic as the home page shows it: its questions, its cards, and one quiz's most. */
export interface TopicSummary {
	topic: string;
	name: string;
	/** Items of the topic. */
	count: number;
	/** Of those, the flashcards (not quiz-only). */
	cards: number;
	/** The most of them one quiz can hold (exclusion groups count once: `groupCapacity`). */
	perQuiz: number;
}

/** What the home and about pages show of the bank, without its items. */
export interface BankSummary {
	version: number;
	article: Bank['article'];
	items: number;
	/** Items that are flashcards (not quiz-only). */
	cards: number;
	attributed: number;
	byTopic: TopicSummary[];
	byKind: BankStats['byKind'];
}

/**
 * Ids a learner may hold a card for that no deck shows: retired and quiz-only items. Apart
 * from the summary (`virtual:factdeck-bank-not-cards`): only a learner with cards needs them.
 */
export function notCardIds(bank: Pick<Bank, 'items' | 'retired'>): string[] {
	return [...bank.retired, ...bank.items.filter((i) => i.quizOnly === true).map((i) => i.id)];
}

export function bankSummary(bank: Bank): BankSummary {
	const stats = bankStats(bank);
	const quizOnly = bank.items.filter((i) => i.quizOnly === true);
	return {
		version: bank.version,
		article: bank.article,
		items: stats.items,
		cards: stats.items - quizOnly.length,
		attributed: stats.attributed,
		byTopic: stats.byTopic.map((t) => {
			const items = bank.items.filter((i) => i.topic === t.topic);
			return {
				...t,
				cards: items.filter((i) => i.quizOnly !== true).length,
				perQuiz: groupCapacity(items)
			};
		}),
		byKind: stats.byKind
	};
}

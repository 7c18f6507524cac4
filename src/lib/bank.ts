/**
 * The whole question bank, for the screens that ask questions (validated at build time by
 * scripts/vite-plugin-bank.ts, so the app trusts it). Pages that only show counts import
 * `virtual:factdeck-bank-summary` instead, which is much smaller.
 */
import bank from 'virtual:factdeck-bank';
import type { Item } from '$lib/domain/bank';
import { bankVocabulary } from '$lib/domain/check-answer';

export { bank };
export { bankIndex } from './bank-index';

const itemsById = new Map(bank.items.map((item) => [item.id, item]));

export function getItem(id: string): Item | undefined {
	return itemsById.get(id);
}

/** A topic's name, or its id when the bank has no such topic. */
export function topicName(id: string): string {
	return bank.topics.find((t) => t.id === id)?.name ?? id;
}

let vocabulary: string[] | null = null;

/** Every name and term of the bank: typed answers near a wrong one are not forgiven. */
export function getVocabulary(): string[] {
	vocabulary ??= bankVocabulary(bank.items);
	return vocabulary;
}

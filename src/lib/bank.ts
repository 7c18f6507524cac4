/**
 * The bundled question bank and lookups over it. The bank is validated at build time
 * (scripts/vite-plugin-bank.ts), so the app trusts it.
 */
import bank from 'virtual:factdeck-bank';
import type { Item, Topic } from '$lib/domain/bank';

export { bank };

const itemsById = new Map(bank.items.map((item) => [item.id, item]));
const topicsById = new Map(bank.topics.map((topic) => [topic.id, topic]));

export function getItem(id: string): Item | undefined {
	return itemsById.get(id);
}

export function getTopic(id: string): Topic | undefined {
	return topicsById.get(id);
}

/** How many items each topic has, in the bank's topic order. */
export function topicCounts(): { topic: Topic; count: number }[] {
	return bank.topics.map((topic) => ({
		topic,
		count: bank.items.filter((item) => item.topic === topic.id).length
	}));
}

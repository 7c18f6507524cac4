/**
 * What reading an assignment link needs of the bank, without the bank: its version and the
 * published ids links name items by (scripts/vite-plugin-bank.ts, a few KB). The join page
 * shows a link's assignment with this alone; the whole bank (`$lib/bank`) comes later.
 */
import index from 'virtual:factdeck-bank-index';
import type { BankIndex } from '$lib/domain/assignment';

/** What assignment links and result codes need to name items compactly. */
export const bankIndex: BankIndex = { version: index.version, published: index.published };

const retired = new Set(index.retired);

/** Whether a published item is still in the bank (one retired since is not). */
export function inBank(id: string): boolean {
	return !retired.has(id);
}

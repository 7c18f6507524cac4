/**
 * Bundles the question bank into the app as five virtual modules:
 * - `virtual:factdeck-bank`: the whole validated bank, for the screens that ask questions;
 * - `virtual:factdeck-bank-summary`: counts and metadata only (a few hundred bytes), so the
 *   home and about pages do not download every question on a first visit;
 * - `virtual:factdeck-bank-filters`: topics, and each item's filter fields only (no text), so
 *   the quiz setup page counts matches without the whole bank;
 * - `virtual:factdeck-bank-index`: the bank's version, every published id and the retired
 *   ones (published once, no longer in the bank): what reading an assignment link needs, so
 *   the page a student opens a link on shows it before the whole bank has arrived;
 * - `virtual:factdeck-bank-not-cards`: the ids no deck shows (retired and quiz-only), which
 *   the home page loads only for a learner who has cards.
 * The YAML is parsed and validated at build time with the same code as `bank:check`, so a
 * broken bank fails the build (and the dev server shows the errors) and the app ships only
 * plain JSON: no YAML parser and no runtime fetch.
 */
import type { Plugin } from 'vite';
import { formatBankError } from '../src/lib/domain/bank.ts';
import { bankSummary, notCardIds } from '../src/lib/domain/bank-stats.ts';
import { filterFields } from '../src/lib/domain/quiz.ts';
import { loadBank, QUESTIONS_DIR, readPublishedIds } from './bank-load.ts';

const BANK_ID = 'virtual:factdeck-bank';
const SUMMARY_ID = 'virtual:factdeck-bank-summary';
const FILTERS_ID = 'virtual:factdeck-bank-filters';
const INDEX_ID = 'virtual:factdeck-bank-index';
const NOT_CARDS_ID = 'virtual:factdeck-bank-not-cards';
const VIRTUAL_IDS = new Set([BANK_ID, SUMMARY_ID, FILTERS_ID, INDEX_ID, NOT_CARDS_ID]);

export function bankPlugin(dir = QUESTIONS_DIR): Plugin {
	return {
		name: 'factdeck-bank',
		resolveId(id) {
			return VIRTUAL_IDS.has(id) ? '\0' + id : undefined;
		},
		load(id) {
			if (!id.startsWith('\0') || !VIRTUAL_IDS.has(id.slice(1))) return undefined;
			this.addWatchFile(dir);
			const { bank, errors, unpublished } = loadBank(dir);
			if (!bank || unpublished.length) {
				const lines = errors.map(formatBankError);
				for (const u of unpublished) lines.push(`${u}: id: not yet published (npm run bank:check)`);
				const message = `The question bank has ${lines.length} error(s):\n${lines.join('\n')}`;
				// Printed as well as thrown: a later plugin's failure in the same build (the PWA
				// step finds no service worker) can otherwise hide the thrown error.
				console.error(`\n${message}\n`);
				throw new Error(message);
			}
			// The full bank also carries every published id in publication order: assignment
			// links name items by their position in that append-only list.
			const which = id.slice(1);
			let data: unknown;
			if (which === BANK_ID) data = { ...bank, published: readPublishedIds(dir) };
			else if (which === FILTERS_ID)
				data = { topics: bank.topics, items: filterFields(bank.items) };
			else if (which === INDEX_ID) {
				const published = readPublishedIds(dir);
				const inBank = new Set(bank.items.map((item) => item.id));
				data = {
					version: bank.version,
					published,
					retired: published.filter((itemId) => !inBank.has(itemId))
				};
			} else if (which === NOT_CARDS_ID) data = notCardIds(bank);
			else data = bankSummary(bank);
			return `export default ${JSON.stringify(data)};`;
		},
		handleHotUpdate({ file, server }) {
			if (!file.startsWith(dir)) return;
			for (const id of VIRTUAL_IDS) {
				const mod = server.moduleGraph.getModuleById('\0' + id);
				if (mod) server.moduleGraph.invalidateModule(mod);
			}
			server.ws.send({ type: 'full-reload' });
		}
	};
}

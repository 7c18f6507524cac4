/**
 * Reads the question bank from disk (Node only): parses every YAML file in questions/ and
 * hands the data to the pure validator in src/lib/domain/bank.ts. Used by `bank:check`,
 * `bank:report`, the Vite plugin that bundles the bank, and the unit tests.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import {
	checkPublishedIds,
	validateBank,
	type Bank,
	type BankError,
	type BankFileInput
} from '../src/lib/domain/bank.ts';
import { findGiveAways, staleExcuses } from '../src/lib/domain/give-aways.ts';
import { ownWordsErrors, readWindows, WINDOWS_FILE } from './own-words.ts';

export const QUESTIONS_DIR = join(import.meta.dirname, '..', 'questions');
export const META_FILE = 'bank.yaml';
export const PUBLISHED_FILE = 'published-ids.txt';

function readYaml(dir: string, name: string): { input: BankFileInput; errors: BankError[] } {
	const file = relative(process.cwd(), join(dir, name)) || name;
	const doc = parseDocument(readFileSync(join(dir, name), 'utf8'));
	const errors = doc.errors.map((e) => ({
		file: e.linePos ? `${file}:${e.linePos[0].line}` : file,
		id: '(file)',
		field: '(yaml)',
		message: e.message.split('\n')[0]
	}));
	return { input: { file, data: errors.length ? null : doc.toJS() }, errors };
}

/** The item files, in name order: every .yaml file but the metadata file. */
export function itemFileNames(dir = QUESTIONS_DIR): string[] {
	return readdirSync(dir)
		.filter((name) => /\.ya?ml$/.test(name) && name !== META_FILE)
		.sort();
}

export function readPublishedIds(dir = QUESTIONS_DIR): string[] {
	const path = join(dir, PUBLISHED_FILE);
	if (!existsSync(path)) return [];
	return readFileSync(path, 'utf8')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('#'));
}

export interface LoadedBank {
	bank: Bank | null;
	errors: BankError[];
	/** Ids in the bank that are not yet in published-ids.txt. */
	unpublished: string[];
}

/**
 * Give-aways between items that may share a quiz (see give-aways.ts), and `allowReveal`
 * notes that no longer excuse anything, located at the revealed item.
 */
function giveAwayErrors(bank: Bank, fileOf: Map<string, string>): BankError[] {
	const errors: BankError[] = findGiveAways(bank.items).map((g) => ({
		file: fileOf.get(g.revealed) ?? '',
		id: g.revealed,
		field: 'exclusionGroup',
		message: `give-away: ${g.by} shows the answer "${g.answer}" in its ${g.field}; give both a common exclusion group, reword, or explain under allowReveal why it is harmless`
	}));
	for (const { item, by } of staleExcuses(bank.items)) {
		errors.push({
			file: fileOf.get(item) ?? '',
			id: item,
			field: `allowReveal.${by}`,
			message: `${by} no longer shows this item's answer (or is gone, or shares a group): drop the note`
		});
	}
	return errors;
}

/**
 * Loads and validates the whole bank. `bank` is null when anything is wrong; an id that was
 * published and then vanished without being retired is an error too.
 */
export function loadBank(dir = QUESTIONS_DIR): LoadedBank {
	const meta = readYaml(dir, META_FILE);
	const files = itemFileNames(dir).map((name) => readYaml(dir, name));
	const parseErrors = [meta, ...files].flatMap((f) => f.errors);
	if (parseErrors.length) return { bank: null, errors: parseErrors, unpublished: [] };

	const result = validateBank(
		meta.input,
		files.map((f) => f.input)
	);
	if (!result.bank) return { bank: null, errors: result.errors, unpublished: [] };

	const { vanished, unpublished } = checkPublishedIds(result.bank, readPublishedIds(dir));
	const errors: BankError[] = vanished.map((id) => ({
		file: relative(process.cwd(), join(dir, PUBLISHED_FILE)),
		id,
		field: 'id',
		message: `published id is gone from the bank: restore the item or list the id under retired in ${META_FILE}`
	}));
	const fileOf = new Map<string, string>();
	for (const { input } of files) {
		if (!Array.isArray(input.data)) continue;
		for (const raw of input.data as { id?: unknown }[]) {
			if (typeof raw?.id === 'string') fileOf.set(raw.id, input.file);
		}
	}
	errors.push(...giveAwayErrors(result.bank, fileOf));
	// Own words: a bank folder with the article's hashed windows is held to them; the real
	// bank must have them (a fixture bank need not).
	const windows = readWindows(dir);
	if (windows) {
		const located = result.bank.items.map((item) => ({ file: fileOf.get(item.id) ?? '', item }));
		errors.push(...ownWordsErrors(located, windows));
	} else if (dir === QUESTIONS_DIR) {
		errors.push({
			file: relative(process.cwd(), join(dir, WINDOWS_FILE)),
			id: '(bank)',
			field: '(file)',
			message:
				'missing: run npm run bank:article-hashes to hash the article for the own-words check'
		});
	}
	return errors.length
		? { bank: null, errors, unpublished }
		: { bank: result.bank, errors: [], unpublished };
}

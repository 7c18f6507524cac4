/**
 * The own-words rule, checked by a machine: no text of an item may share a run of
 * `WINDOW` (10) or more consecutive words with the article, ignoring case, accents and
 * punctuation. The article's text never enters the repository: `npm run bank:article-hashes`
 * reads ../shared/source/article.md and writes questions/article-windows.json, the salted
 * SHA-256 hashes of every run of 10 consecutive words of each paragraph. `bank:check` hashes
 * the items' runs the same way and compares. A short quotation (fewer than 10 words, inside
 * double quotes) that the item attributes is left out of the comparison, as the editors'
 * guide allows. Node only (node:crypto).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BankError, Item } from '../src/lib/domain/bank.ts';
import { normalizeText } from '../src/lib/domain/text.ts';

export const WINDOW = 10;
export const WINDOWS_FILE = 'article-windows.json';
export const ARTICLE = join(import.meta.dirname, '..', '..', 'shared', 'source', 'article.md');

/** questions/article-windows.json: the salt, and per paragraph the hashes of its windows. */
export interface ArticleWindows {
	salt: string;
	window: number;
	paragraphs: Record<string, string[]>;
}

const words = (text: string) => normalizeText(text).split(' ').filter(Boolean);

function hashWindow(salt: string, run: readonly string[]): string {
	return createHash('sha256')
		.update(`${salt}\n${run.join(' ')}`)
		.digest('hex')
		.slice(0, 16);
}

/** Every run of `WINDOW` consecutive words of `list`, hashed with `salt`. */
function windowHashes(salt: string, list: readonly string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i + WINDOW <= list.length; i++)
		out.push(hashWindow(salt, list.slice(i, i + WINDOW)));
	return out;
}

/** The paragraphs of the article file: lines `pN. text`. */
export function articleParagraphs(markdown: string): Map<string, string> {
	const paragraphs = new Map<string, string>();
	for (const line of markdown.split('\n')) {
		const m = /^(p\d+)\.\s+(.*)$/.exec(line.trim());
		if (m) paragraphs.set(m[1], m[2]);
	}
	return paragraphs;
}

/** The hash file for an article, keeping `salt` when one is given (so reruns change nothing). */
export function makeWindows(
	markdown: string,
	salt = randomBytes(16).toString('hex')
): ArticleWindows {
	const paragraphs: Record<string, string[]> = {};
	for (const [id, text] of articleParagraphs(markdown)) {
		paragraphs[id] = [...new Set(windowHashes(salt, words(text)))].sort();
	}
	return { salt, window: WINDOW, paragraphs };
}

/**
 * The parts of a text to compare: the text with every short quotation (fewer than `WINDOW`
 * words between double quotes) taken out, each remaining stretch on its own, so no run
 * spans a quotation. A long quotation stays in, and is compared.
 */
export function comparableParts(text: string): string[] {
	const parts: string[] = [];
	let rest = text;
	const quote = /["“”]([^"“”]*)["“”]/;
	for (let m = quote.exec(rest); m; m = quote.exec(rest)) {
		parts.push(rest.slice(0, m.index));
		if (words(m[1]).length >= WINDOW) parts.push(m[1]);
		rest = rest.slice(m.index + m[0].length);
	}
	parts.push(rest);
	return parts.filter((p) => words(p).length >= WINDOW);
}

/** Each text field of an item, named as bank errors name fields. */
export function itemTexts(item: Item): { field: string; text: string }[] {
	const out = [
		{ field: 'prompt', text: item.prompt },
		{ field: 'explanation', text: item.explanation }
	];
	const list = (field: string, values: readonly string[]) =>
		values.forEach((text, i) => out.push({ field: `${field}.${i}`, text }));
	switch (item.kind) {
		case 'single':
		case 'multi':
			list('options', item.options);
			break;
		case 'typed':
			list('answer', [item.answer]);
			list('accept', item.accept ?? []);
			break;
		case 'ordering':
			list('sequence', item.sequence);
			break;
		case 'matching':
			item.pairs.forEach((p, i) => {
				out.push({ field: `pairs.${i}.left`, text: p.left });
				out.push({ field: `pairs.${i}.right`, text: p.right });
			});
			break;
		case 'truefalse':
		case 'numeric':
			break;
	}
	return out;
}

/**
 * The items' runs of 10 or more words shared with the article, one error per field, with
 * the longest run's length and the paragraph it is in (no article text is quoted).
 */
export function ownWordsErrors(
	items: readonly { file: string; item: Item }[],
	windows: ArticleWindows
): BankError[] {
	const where = new Map<string, string>();
	for (const [paragraph, hashes] of Object.entries(windows.paragraphs)) {
		for (const h of hashes) where.set(h, paragraph);
	}
	const errors: BankError[] = [];
	for (const { file, item } of items) {
		for (const { field, text } of itemTexts(item)) {
			let longest = 0;
			let paragraph = '';
			for (const part of comparableParts(text)) {
				const hits = windowHashes(windows.salt, words(part)).map((h) => where.get(h));
				let run = 0;
				hits.forEach((p) => {
					run = p ? run + 1 : 0;
					if (p && run + WINDOW - 1 > longest) {
						longest = run + WINDOW - 1;
						paragraph = p;
					}
				});
			}
			if (longest > 0) {
				errors.push({
					file,
					id: item.id,
					field,
					message: `shares ${longest} consecutive words with the article (${paragraph}); write it in our own words, or quote and attribute a short phrase`
				});
			}
		}
	}
	return errors;
}

/** The hash file of a bank folder, or null when it has none. */
export function readWindows(dir: string): ArticleWindows | null {
	const path = join(dir, WINDOWS_FILE);
	return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ArticleWindows) : null;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
	const { QUESTIONS_DIR } = await import('./bank-load.ts');
	const at = process.argv.indexOf('--article');
	const article = at >= 0 ? process.argv[at + 1] : ARTICLE;
	const previous = readWindows(QUESTIONS_DIR);
	const data = makeWindows(readFileSync(article, 'utf8'), previous?.salt);
	const count = Object.values(data.paragraphs).reduce((n, h) => n + h.length, 0);
	if (Object.keys(data.paragraphs).length === 0) {
		console.error(`bank:article-hashes: no paragraphs (lines "pN. text") in ${article}.`);
		process.exit(1);
	}
	writeFileSync(join(QUESTIONS_DIR, WINDOWS_FILE), `${JSON.stringify(data, null, '\t')}\n`);
	console.log(
		`bank:article-hashes: ${count} hashed ${WINDOW}-word windows of ${Object.keys(data.paragraphs).length} paragraphs written to questions/${WINDOWS_FILE}.`
	);
}

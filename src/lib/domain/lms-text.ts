/**
 * What every LMS export writes around a question, in the same words: the general feedback
 * (explanation, cited paragraphs, whose claim it is) and the unit hint of a number question.
 * Pure.
 */
import type { Item, ItemOf } from './bank.ts';
import { citeParagraphs } from './export-formats.ts';

/** Said of a claim the article could not verify (as the quiz player says it). */
export const NOT_VERIFIED_TEXT = 'The article says this could not be independently verified.';

/**
 * The feedback shown after a question in another tool: "Explanation. (Article paragraph 3)",
 * then "Claim by X, reported by Y." and whether it was verified, when the item says so.
 */
export function generalFeedback(item: Item): string {
	const parts = [`${item.explanation} (${citeParagraphs(item.paragraphs)})`];
	const a = item.attribution;
	if (a) {
		parts.push(`Claim by ${a.claimant}${a.via ? `, reported by ${a.via}` : ''}.`);
		if (a.verification === 'not-verified') parts.push(NOT_VERIFIED_TEXT);
	}
	return parts.join(' ');
}

/** What a number is counted in, for the question text: "(Answer in people.)". */
export function unitHint(item: ItemOf<'numeric'>): string {
	return item.unit === 'year' ? '(Answer with a year.)' : `(Answer in ${item.unit}.)`;
}

/** The question text an export shows: the prompt, with the unit hint for numbers. */
export function promptText(item: Item): string {
	return item.kind === 'numeric' ? `${item.prompt} ${unitHint(item)}` : item.prompt;
}

/** A set's title as a file name part: "Week 3: the talks" → "week-3-the-talks". */
export function fileSlug(title: string): string {
	return (
		title
			.normalize('NFD')
			.replace(/\p{M}+/gu, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 60)
			.replace(/-$/, '') || 'set'
	);
}

/** Thrown for a set that cannot be exported; `message` is a sentence for the teacher. */
export class ExportError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ExportError';
	}
}

/** The sentence for a set with no questions (checked before anything is built). */
export const EMPTY_SET_MESSAGE =
	'This set has no questions this app still has, so there is nothing to export. Edit the set and add questions first.';

/** Refuses an empty item list with `EMPTY_SET_MESSAGE`. */
export function requireItems(items: readonly Item[]): void {
	if (items.length === 0) throw new ExportError(EMPTY_SET_MESSAGE);
}

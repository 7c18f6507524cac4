/**
 * What every LMS export writes around a question, in the same words: the general feedback
 * (explanation, cited paragraphs, whose claim it is) and the unit hint of a number question.
 * Pure.
 */
import type { Item, ItemOf } from './bank.ts';
import { NOT_VERIFIED, citeParagraphs, claimLine } from './wording.ts';

/**
 * The feedback shown after a question in another tool: "Explanation. (Article paragraph 3)",
 * then "Claim by X, reported by Y." and whether it was verified, when the item says so.
 */
export function generalFeedback(item: Item): string {
	const parts = [`${item.explanation} (${citeParagraphs(item.paragraphs)})`];
	const a = item.attribution;
	if (a) {
		parts.push(claimLine(a));
		if (a.verification === 'not-verified') parts.push(NOT_VERIFIED);
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

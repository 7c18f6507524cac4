/**
 * The words the quiz player shows around a question: the hint for each kind, the source
 * line, the attribution line and the verdict. Plain functions, so the components stay short
 * and the wording is tested in one place.
 */
import type { Attribution, Item } from '$lib/domain/bank';
import type { CheckResult } from '$lib/domain/check-answer';

/** How to answer, by kind: "Choose one", "Type a number (people)". */
export function hintFor(item: Item): string {
	switch (item.kind) {
		case 'single':
			return 'Choose one';
		case 'multi':
			return 'Choose all that apply';
		case 'truefalse':
			return 'True or false?';
		case 'typed':
			return 'Type your answer';
		case 'numeric':
			return item.unit === 'year' ? 'Type a year' : `Type a number (${item.unit})`;
		case 'ordering':
			// The prompt already says which order; the hint only says how.
			return 'Use the arrows to move items';
		case 'matching':
			return 'Pick the match for each item';
	}
}

/** The text field's label: "Your answer", "Your answer, in people". */
export function answerLabel(unit?: string): string {
	if (!unit) return 'Your answer';
	return unit === 'year' ? 'Your answer (a year)' : `Your answer, in ${unit}`;
}

/** Joins words as a person writes a list: "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[]): string {
	if (words.length <= 1) return words.join('');
	return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "Source: paragraph 3", "Source: paragraphs 6 and 10" (numbers in article order). */
export function sourceLine(paragraphs: readonly string[]): string {
	const numbers = [...new Set(paragraphs.map((p) => Number(p.replace(/^p/, ''))))]
		.filter((n) => Number.isInteger(n) && n > 0)
		.sort((a, b) => a - b)
		.map(String);
	if (numbers.length === 0) return '';
	const noun = numbers.length === 1 ? 'paragraph' : 'paragraphs';
	return `Source: ${noun} ${listWords(numbers)}`;
}

/** "Claim by X, reported by Y." or "Claim by X." */
export function claimLine(attribution: Attribution): string {
	const via = attribution.via ? `, reported by ${attribution.via}` : '';
	return `Claim by ${attribution.claimant}${via}.`;
}

export const NOT_VERIFIED = 'The article says this could not be independently verified.';

export type Tone = 'right' | 'partial' | 'wrong';

/** The verdict in words: "Right", "Not quite", or for part credit "3 of 4 pairs right". */
export function verdictOf(result: CheckResult): { tone: Tone; text: string } {
	if (result.correct) return { tone: 'right', text: 'Right' };
	const details = result.details;
	if (details.kind === 'matching') {
		const right = details.pairs.filter((p) => p.correct).length;
		if (right > 0) {
			return { tone: 'partial', text: `${right} of ${details.pairs.length} pairs right` };
		}
	}
	return { tone: 'wrong', text: 'Not quite' };
}

/**
 * The person's answer as they gave it, for single, true/false, multi, typed and numeric;
 * null for ordering and matching, whose feedback lists show it entry by entry.
 */
export function givenText(result: CheckResult, typed: string): string | null {
	const details = result.details;
	switch (details.kind) {
		case 'single':
			return details.choice ?? '';
		case 'truefalse':
			return details.value === null ? '' : details.value ? 'True' : 'False';
		case 'multi':
			return details.options
				.filter((o) => o.picked)
				.map((o) => o.option)
				.join('; ');
		case 'typed':
			return details.given.trim();
		case 'numeric':
			return typed.trim();
		case 'ordering':
		case 'matching':
			return null;
	}
}

/** What a tap on "Check answer" says while there is nothing to check yet, by kind. */
export function missingAnswerText(item: Item): string {
	switch (item.kind) {
		case 'single':
		case 'truefalse':
			return 'Choose an answer first.';
		case 'multi':
			return 'Tick at least one option first.';
		case 'typed':
		case 'numeric':
			return 'Type your answer first.';
		case 'ordering':
			return 'Put the entries in order first.';
		case 'matching':
			return 'Choose a match for every item first.';
	}
}

/** What "Save and exit" keeps: the answers so far, or nothing before the first answer. */
export function keptNote(answered: number): string {
	if (answered === 0) return 'Nothing is answered yet: leaving now keeps no quiz.';
	const answers = answered === 1 ? '1 answer is' : `${answered} answers are`;
	return `${answers} saved. Resume this quiz from the home page, or discard it there.`;
}

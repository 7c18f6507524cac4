/**
 * The wording and lettering a paper worksheet and its answer key share: which questions, in
 * which order, options and entries in a fixed order with their letters, and each right answer
 * in words. Pure, so the worksheet and the key can never disagree about a letter.
 *
 * The bank stores each item's answer among its options (often first), and a paper sheet has
 * no seed to shuffle with, so everything a student chooses from is listed alphabetically: the
 * order then says nothing about the answer. An ordering's entries, or a matching's right-hand
 * column, that would come out in the answer's own order are listed reversed instead (the
 * rule lives in domain/listing-order.ts, which the exports share).
 */
import { setItems } from '$lib/domain/assignment';
import type { Item, ItemOf } from '$lib/domain/bank';
import { formatNumber } from '$lib/domain/answer-match';
import { numericExpected } from '$lib/domain/check-answer';
import { alphabetical, notInAnswerOrder } from '$lib/domain/listing-order';

/** The letter of the option at `index` (0-based): A, B, …, Z, then AA, AB, …. */
export function letterOf(index: number): string {
	let n = index + 1;
	let letters = '';
	while (n > 0) {
		const rest = (n - 1) % 26;
		letters = String.fromCharCode(65 + rest) + letters;
		n = (n - 1 - rest) / 26;
	}
	return letters;
}

/**
 * The set's questions in the teacher's order: each id of `itemIds` once, skipping ids that
 * `items` does not hold (so `items` may be the whole bank).
 */
export function worksheetItems(itemIds: readonly string[], items: readonly Item[]): Item[] {
	const byId = new Map(items.map((item) => [item.id, item]));
	return setItems(itemIds, (id) => byId.get(id)).items;
}

export interface LetteredOption {
	letter: string;
	text: string;
}

/** A single or multi item's options as printed: alphabetical, lettered A, B, C…. */
export function letteredOptions(item: ItemOf<'single'> | ItemOf<'multi'>): LetteredOption[] {
	return alphabetical(item.options).map((text, i) => ({ letter: letterOf(i), text }));
}

/** An ordering item's entries as printed: never in the right order. */
export function orderingEntries(item: ItemOf<'ordering'>): string[] {
	return notInAnswerOrder(item.sequence, item.sequence);
}

/** A matching item's right-hand column as printed, lettered; the left column stays in order. */
export function letteredRights(item: ItemOf<'matching'>): LetteredOption[] {
	const rights = item.pairs.map((p) => p.right);
	return notInAnswerOrder(rights, rights).map((text, i) => ({ letter: letterOf(i), text }));
}

/** The right answer as the key shows it. */
export type PaperAnswer =
	| { kind: 'choices'; choices: LetteredOption[] }
	| { kind: 'text'; text: string; also: string[] }
	| { kind: 'ordering'; order: string[]; boxes: number[] }
	| {
			kind: 'matching';
			pairs: { number: number; left: string; letter: string; right: string }[];
	  };

/** Rounds away binary-fraction noise: 6.5 - 0.1 is 6.4, not 6.3999999999999995. */
function tidy(value: number, like: number[]): number {
	const decimals = Math.max(...like.map((n) => (String(n).split('.')[1] ?? '').length));
	return Number(value.toFixed(Math.min(decimals, 12)));
}

/** "200 people", or with a tolerance "6.5 km (accept 6.4 to 6.6)". */
export function numericAnswerText(item: ItemOf<'numeric'>): string {
	const expected = numericExpected(item);
	if (item.tolerance <= 0) return expected;
	const like = [item.answer, item.tolerance];
	const low = formatNumber(tidy(item.answer - item.tolerance, like), item.unit);
	const high = formatNumber(tidy(item.answer + item.tolerance, like), item.unit);
	return `${expected} (accept ${low} to ${high})`;
}

/** The right answer of `item`, in the worksheet's letters and numbers. */
export function paperAnswer(item: Item): PaperAnswer {
	switch (item.kind) {
		case 'single':
			return {
				kind: 'choices',
				choices: letteredOptions(item).filter((o) => o.text === item.answer)
			};
		case 'multi':
			return {
				kind: 'choices',
				choices: letteredOptions(item).filter((o) => item.answers.includes(o.text))
			};
		case 'truefalse':
			return { kind: 'text', text: item.answer ? 'True' : 'False', also: [] };
		case 'typed':
			return { kind: 'text', text: item.answer, also: [...(item.accept ?? [])] };
		case 'numeric':
			return { kind: 'text', text: numericAnswerText(item), also: [] };
		case 'ordering': {
			const listed = orderingEntries(item);
			return {
				kind: 'ordering',
				order: [...item.sequence],
				boxes: listed.map((entry) => item.sequence.indexOf(entry) + 1)
			};
		}
		case 'matching': {
			const rights = letteredRights(item);
			return {
				kind: 'matching',
				pairs: item.pairs.map((pair, i) => ({
					number: i + 1,
					left: pair.left,
					letter: rights.find((r) => r.text === pair.right)?.letter ?? '?',
					right: pair.right
				}))
			};
		}
	}
}

/** How to answer on paper, by kind: "Tick one box.", "Write a number (people).". */
export function paperHint(item: Item): string {
	switch (item.kind) {
		case 'single':
			return 'Tick one box.';
		case 'multi':
			return 'Tick all that apply.';
		case 'truefalse':
			return 'Tick True or False.';
		case 'typed':
			return 'Write your answer on the line.';
		case 'numeric':
			return item.unit === 'year' ? 'Write a year.' : `Write a number (${item.unit}).`;
		case 'ordering':
			return `Write 1 to ${item.sequence.length} in the boxes, 1 first.`;
		case 'matching':
			return 'Write the letter of the match next to each numbered entry.';
	}
}

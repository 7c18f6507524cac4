/**
 * What each kind of input shows of a stored `AnswerResponse`: read with `readResponse`
 * (which returns null when the response does not fit), then narrowed to what the question
 * on screen offers.
 */
import type { AnswerResponse } from '$lib/domain/check-answer';
import { readResponse } from '$lib/domain/responses';

/** The options picked (single: the one choice, multi: every choice) that are among `options`. */
export function pickedOf(
	response: AnswerResponse | null | undefined,
	options: readonly string[]
): string[] {
	const single = readResponse('single', response);
	const given = single ? [single.choice] : (readResponse('multi', response)?.choices ?? []);
	return options.filter((o) => given.includes(o));
}

/** The true/false value given, or null. */
export function valueOf(response: AnswerResponse | null | undefined): boolean | null {
	return readResponse('truefalse', response)?.value ?? null;
}

/** The text typed, or '' (typed and numeric). */
export function textOf(response: AnswerResponse | null | undefined): string {
	return readResponse('typed', response)?.text ?? '';
}

/** The order given, when it holds exactly the entries of `sequence`; otherwise null. */
export function orderOf(
	response: AnswerResponse | null | undefined,
	sequence: readonly string[]
): string[] | null {
	const order = readResponse('ordering', response)?.order;
	if (!order || order.length !== sequence.length) return null;
	const rest = [...sequence];
	for (const entry of order) {
		const at = rest.indexOf(entry);
		if (at === -1) return null;
		rest.splice(at, 1);
	}
	return order;
}

/** The pairs given, keeping only known left entries paired with known right entries. */
export function pairsOf(
	response: AnswerResponse | null | undefined,
	lefts: readonly string[],
	rights: readonly string[]
): Record<string, string> {
	const pairs = readResponse('matching', response)?.pairs;
	const out: Record<string, string> = {};
	if (!pairs) return out;
	for (const left of lefts) {
		if (!Object.hasOwn(pairs, left)) continue;
		const right = pairs[left];
		if (rights.includes(right)) out[left] = right;
	}
	return out;
}

/**
 * The left entries other than `left` that were given `right` as their match, in the order
 * of `lefts`: a choice already used elsewhere is shown as used before the answer is checked.
 */
export function usedFor(
	pairs: Readonly<Record<string, string>>,
	lefts: readonly string[],
	left: string,
	right: string
): string[] {
	return lefts.filter((l) => l !== left && pairs[l] === right);
}

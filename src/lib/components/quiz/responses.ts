/**
 * Reading a stored `AnswerResponse` back for one kind of input. The union has no kind tag,
 * and a response restored from storage (or left over from another question) may not fit
 * the question shown, so each reader checks the shape and returns null when it does not fit.
 */
import type { AnswerResponse } from '$lib/domain/check-answer';

function field(response: AnswerResponse | null | undefined, name: string): unknown {
	return response ? (response as unknown as Record<string, unknown>)[name] : undefined;
}

/** The options picked (single: the one choice, multi: every choice) that are among `options`. */
export function pickedOf(
	response: AnswerResponse | null | undefined,
	options: readonly string[]
): string[] {
	const choice = field(response, 'choice');
	const choices = field(response, 'choices');
	const given = typeof choice === 'string' ? [choice] : Array.isArray(choices) ? choices : [];
	return options.filter((o) => given.includes(o));
}

/** The true/false value given, or null. */
export function valueOf(response: AnswerResponse | null | undefined): boolean | null {
	const value = field(response, 'value');
	return typeof value === 'boolean' ? value : null;
}

/** The text typed, or '' (typed and numeric). */
export function textOf(response: AnswerResponse | null | undefined): string {
	const text = field(response, 'text');
	return typeof text === 'string' ? text : '';
}

/** The order given, when it holds exactly the entries of `sequence`; otherwise null. */
export function orderOf(
	response: AnswerResponse | null | undefined,
	sequence: readonly string[]
): string[] | null {
	const order = field(response, 'order');
	if (!Array.isArray(order) || order.length !== sequence.length) return null;
	const rest = [...sequence];
	for (const entry of order) {
		const at = rest.indexOf(entry);
		if (at === -1) return null;
		rest.splice(at, 1);
	}
	return order as string[];
}

/** The pairs given, keeping only known left entries paired with known right entries. */
export function pairsOf(
	response: AnswerResponse | null | undefined,
	lefts: readonly string[],
	rights: readonly string[]
): Record<string, string> {
	const pairs = field(response, 'pairs');
	const out: Record<string, string> = {};
	if (typeof pairs !== 'object' || pairs === null) return out;
	for (const left of lefts) {
		if (!Object.hasOwn(pairs, left)) continue;
		const right = (pairs as Record<string, unknown>)[left];
		if (typeof right === 'string' && rights.includes(right)) out[left] = right;
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

/**
 * Answer checking: is a person's response to an item right, how much credit does it earn,
 * and what should the feedback show. Pure, and every result is JSON-safe plain data. A
 * malformed or empty response is simply wrong; checking never throws.
 */
import type { Item, ItemOf } from './bank.ts';
import { formatNumber, matchTyped, readNumber } from './answer-match.ts';

/** The single choice picked. */
export interface SingleResponse {
	choice: string;
}
/** Every option ticked. */
export interface MultiResponse {
	choices: string[];
}
export interface TrueFalseResponse {
	value: boolean;
}
/** What was typed, for typed and numeric items. */
export interface TextResponse {
	text: string;
}
/** The entries in the order the person put them. */
export interface OrderingResponse {
	order: string[];
}
/** For each left-hand entry, the right-hand entry chosen. */
export interface MatchingResponse {
	pairs: Record<string, string>;
}

/** A response of any kind, as stored in an attempt. */
export type AnswerResponse =
	| SingleResponse
	| MultiResponse
	| TrueFalseResponse
	| TextResponse
	| OrderingResponse
	| MatchingResponse;

/** The response each kind takes. */
export interface ResponseByKind {
	single: SingleResponse;
	multi: MultiResponse;
	truefalse: TrueFalseResponse;
	typed: TextResponse;
	numeric: TextResponse;
	ordering: OrderingResponse;
	matching: MatchingResponse;
}

export interface CheckContext {
	/**
	 * Other names and terms of the bank (see `bankVocabulary`): a typo is not forgiven when
	 * it is as close to one of these as to the right answer.
	 */
	vocabulary?: readonly string[];
}

/** Feedback details, by kind. Absent values are `null` so results survive JSON unchanged. */
export type CheckDetails =
	| { kind: 'single'; choice: string | null; answer: string }
	| { kind: 'truefalse'; value: boolean | null; answer: boolean }
	| { kind: 'multi'; options: { option: string; picked: boolean; right: boolean }[] }
	| { kind: 'typed'; given: string; matched: string | null; typo: boolean }
	| { kind: 'numeric'; given: number | null; answer: number; tolerance: number; unit: string }
	| { kind: 'ordering'; order: string[]; correctOrder: string[]; positions: boolean[] }
	| {
			kind: 'matching';
			pairs: { left: string; right: string; chosen: string | null; correct: boolean }[];
	  };

export interface CheckResult {
	correct: boolean;
	/** Credit from 0 to 1: part credit only for matching (per pair); otherwise 0 or 1. */
	score: number;
	/** The right answer as a person reads it: "Yevlakh", "200 people", "A → 1; B → 2". */
	expected: string;
	/** A word for the person: "Accepted: the spelling is Yevlakh", "Type a number.". */
	note?: string;
	details: CheckDetails;
}

const ARROW = ' → ';

function field(response: unknown, name: string): unknown {
	return typeof response === 'object' && response !== null
		? (response as Record<string, unknown>)[name]
		: undefined;
}

function stringList(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function result(correct: boolean, expected: string, details: CheckDetails, note?: string) {
	const out: CheckResult = { correct, score: correct ? 1 : 0, expected, details };
	if (note) out.note = note;
	return out;
}

/** The right answer of a numeric item as a person reads it: "200 people", "1994". */
export function numericExpected(item: ItemOf<'numeric'>): string {
	const number = formatNumber(item.answer, item.unit);
	if (item.unit === 'year') return number;
	const unit = Math.abs(item.answer) === 1 ? item.unit.replace(/s$/, '') : item.unit;
	return `${number} ${unit}`;
}

function checkMulti(item: ItemOf<'multi'>, response: unknown): CheckResult {
	const picked = new Set(stringList(field(response, 'choices')));
	const right = new Set(item.answers);
	const options = item.options.map((option) => ({
		option,
		picked: picked.has(option),
		right: right.has(option)
	}));
	// A pick that is not among the options (a stale or tampered response) is a wrong pick.
	const unknownPick = [...picked].some((p) => !item.options.includes(p));
	const correct = !unknownPick && options.every((o) => o.picked === o.right);
	return result(correct, item.answers.join('; '), { kind: 'multi', options });
}

function checkTyped(item: ItemOf<'typed'>, response: unknown, context: CheckContext) {
	const raw = field(response, 'text');
	const given = typeof raw === 'string' ? raw : '';
	const match = matchTyped(given, [item.answer, ...(item.accept ?? [])], context.vocabulary);
	const details = (matched: string | null, typo: boolean): CheckDetails => ({
		kind: 'typed',
		given,
		matched,
		typo
	});
	switch (match.status) {
		case 'exact':
			return result(true, item.answer, details(match.form, false));
		case 'typo':
			return result(
				true,
				item.answer,
				details(match.form, true),
				`Accepted: the spelling is ${item.answer}`
			);
		case 'empty':
			return result(false, item.answer, details(null, false), 'Type an answer.');
		case 'wrong':
			return result(false, item.answer, details(null, false));
	}
}

function checkNumeric(item: ItemOf<'numeric'>, response: unknown): CheckResult {
	const raw = field(response, 'text');
	const reading = readNumber(typeof raw === 'string' ? raw : '');
	const expected = numericExpected(item);
	const given = reading.status === 'number' ? reading.value : null;
	const details: CheckDetails = {
		kind: 'numeric',
		given,
		answer: item.answer,
		tolerance: item.tolerance,
		unit: item.unit
	};
	if (reading.status === 'none') return result(false, expected, details, 'Type a number.');
	if (reading.status === 'several') return result(false, expected, details, 'Type one number.');
	// A hair of slack so that 6.4 against 6.5 ± 0.1 is not lost to binary fractions.
	const slack = 1e-9 * Math.max(1, Math.abs(item.answer));
	const correct = Math.abs(reading.value - item.answer) <= item.tolerance + slack;
	return result(correct, expected, details);
}

function checkOrdering(item: ItemOf<'ordering'>, response: unknown): CheckResult {
	const order = stringList(field(response, 'order'));
	const positions = item.sequence.map((entry, i) => order[i] === entry);
	const correct = order.length === item.sequence.length && positions.every(Boolean);
	return result(correct, item.sequence.join(ARROW), {
		kind: 'ordering',
		order,
		correctOrder: [...item.sequence],
		positions
	});
}

function checkMatching(item: ItemOf<'matching'>, response: unknown): CheckResult {
	const chosenPairs = field(response, 'pairs');
	const chosenOf = (left: string): string | null => {
		if (typeof chosenPairs !== 'object' || chosenPairs === null) return null;
		if (!Object.hasOwn(chosenPairs, left)) return null;
		const chosen = (chosenPairs as Record<string, unknown>)[left];
		return typeof chosen === 'string' ? chosen : null;
	};
	const pairs = item.pairs.map(({ left, right }) => {
		const chosen = chosenOf(left);
		return { left, right, chosen, correct: chosen === right };
	});
	const rightCount = pairs.filter((p) => p.correct).length;
	const correct = pairs.length > 0 && rightCount === pairs.length;
	return {
		correct,
		score: pairs.length ? rightCount / pairs.length : 0,
		expected: item.pairs.map((p) => `${p.left}${ARROW}${p.right}`).join('; '),
		details: { kind: 'matching', pairs }
	};
}

/**
 * Checks a response against an item. Rules by kind:
 * - single, truefalse: exact.
 * - multi: right only for exactly the set of answers; details say, option by option,
 *   whether it was picked and whether it is right.
 * - typed: case, accents, punctuation, spacing, hyphens, a leading "the"/"a"/"an" and a
 *   leading title ("President", "Mr.", see `TITLES`) are ignored; the answer and every
 *   `accept` variant count. Small typos are forgiven (see `typoAllowance` and `matchTyped`
 *   in answer-match.ts), with a note giving the spelling, unless the typo is another
 *   English word or another term of the bank.
 * - numeric: the number is read as `readNumber` does (digits, or a number word up to
 *   twenty); right within the item's tolerance.
 * - ordering: right only when every entry is in place; details say which positions were.
 * - matching: credit per pair; right only when every pair is.
 */
export function checkAnswer(
	item: Item,
	response: AnswerResponse | null | undefined,
	context: CheckContext = {}
): CheckResult {
	switch (item.kind) {
		case 'single': {
			const choice = field(response, 'choice');
			const given = typeof choice === 'string' ? choice : null;
			return result(given === item.answer, item.answer, {
				kind: 'single',
				choice: given,
				answer: item.answer
			});
		}
		case 'truefalse': {
			const value = field(response, 'value');
			const given = typeof value === 'boolean' ? value : null;
			return result(given === item.answer, item.answer ? 'True' : 'False', {
				kind: 'truefalse',
				value: given,
				answer: item.answer
			});
		}
		case 'multi':
			return checkMulti(item, response);
		case 'typed':
			return checkTyped(item, response, context);
		case 'numeric':
			return checkNumeric(item, response);
		case 'ordering':
			return checkOrdering(item, response);
		case 'matching':
			return checkMatching(item, response);
	}
}

/**
 * Every name and term the bank uses (options, answers, accepted variants, sequence entries
 * and both sides of matching pairs), each once: the `vocabulary` for `checkAnswer`.
 */
export function bankVocabulary(items: readonly Item[]): string[] {
	const words = new Set<string>();
	for (const item of items) {
		switch (item.kind) {
			case 'single':
			case 'multi':
				item.options.forEach((o) => words.add(o));
				break;
			case 'typed':
				words.add(item.answer);
				item.accept?.forEach((a) => words.add(a));
				break;
			case 'ordering':
				item.sequence.forEach((s) => words.add(s));
				break;
			case 'matching':
				item.pairs.forEach((p) => {
					words.add(p.left);
					words.add(p.right);
				});
				break;
			case 'truefalse':
			case 'numeric':
				break;
		}
	}
	return [...words];
}

/** An item's right answer as one line of text (what feedback shows as "the answer"). */
export function expectedAnswer(item: Item): string {
	return checkAnswer(item, null).expected;
}

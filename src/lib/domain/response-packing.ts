/**
 * One answer of a result, packed in the fewest bytes that give it back exactly: an option by
 * its index in the item, a set of choices as a bitmask, an order as the rank of its
 * permutation (Lehmer code), matching pairs as digits, a typed answer that is one of the
 * item's own answers by which one. The result payload (result-code.ts) is a list of these.
 * Pure.
 *
 * Each answer, format 2 (its item's position is packed with the others', before the
 * answers: see result-code.ts):
 *
 *   time       varint   whole seconds (rounded; a negative time counts as 0)
 *   head       varint   code × 5 + grade (0 none, 1 again, 2 hard, 3 good, 4 easy)
 *   data       by code:
 *     0 none          (no response)
 *     1 single        varint: the choice's index in item.options (15 or more; see 11-25)
 *     2 multi         varint: bitmask over item.options (choices in the item's order)
 *     3 multi, list   varint count, then each choice's index (choices in another order)
 *     4 false, 5 true (nothing)
 *     6 text          text (typed and numeric), cut to LIMITS.answerChars code points
 *     7 ordering      varint: the permutation's rank (Lehmer code) over item.sequence
 *     8 matching      varint: for each left entry in the item's order, the chosen
 *                     right's index in item.pairs + 1 (0 = none), as base (rights + 1)
 *                     digits, the first left the most significant
 *     9 raw           text: the response as JSON, for a response that does not fit its
 *                     item (an option the item no longer has, say), so nothing is lost
 *    10 text form     varint: form × 4 + case, for a text that is one of the item's answer
 *                     forms (typed: its answer, then each accepted one; numeric: the
 *                     answer as JavaScript writes the number) as is (case 0), in lower
 *                     case (1), in upper case (2), or with only its first letter upper (3)
 *    11 to 25 single (nothing): the choice's index is code - 11 (0 to 14)
 *
 * Format 1 (read only): each answer starts with its item's position (varint), its time is in
 * tenths of a second, and codes 10 to 25 do not occur.
 *
 * A response that fits no known shape is a programming error (the encoder throws); what the
 * decoder reads is checked against its item (`interpret`), so a code that names option 7 of
 * 4 is refused, never read as something else.
 */
import { LIMITS, type ResultAnswer } from './assignment.ts';
import type { Item } from './bank.ts';
import { cutText, toWellFormed, type ByteReader, type ByteWriter } from './binary.ts';
import type { AnswerResponse } from './check-answer.ts';
import type { CodeFormat } from './code-envelope.ts';
import { GRADES, type Grade } from './records.ts';

/** Longest JSON kept for a response that does not fit its item (tag 9). */
export const RAW_RESPONSE_CHARS = 1000;

const TAG = {
	none: 0,
	single: 1,
	multiMask: 2,
	multiList: 3,
	false: 4,
	true: 5,
	text: 6,
	ordering: 7,
	matching: 8,
	raw: 9,
	form: 10
} as const;
type Tag = (typeof TAG)[keyof typeof TAG];

/** Format 2: codes 11 to 25 are a single choice, index 0 to 14, with no data. */
const SINGLE_INLINE = 11;
const SINGLE_INLINE_COUNT = 15;
const LAST_CODE = SINGLE_INLINE + SINGLE_INLINE_COUNT - 1;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' &&
	v !== null &&
	!Array.isArray(v) &&
	[Object.prototype, null].includes(Object.getPrototypeOf(v));

const isStringList = (v: unknown): v is string[] =>
	Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The response's single field, when it has the shape of one of the AnswerResponse kinds. */
function responseField(response: unknown): [string, unknown] | null {
	if (!isPlainObject(response)) return null;
	const keys = Object.keys(response);
	if (keys.length !== 1) return null;
	const [key] = keys;
	const value = response[key];
	const fits =
		(key === 'choice' && typeof value === 'string') ||
		(key === 'text' && typeof value === 'string') ||
		(key === 'value' && typeof value === 'boolean') ||
		((key === 'choices' || key === 'order') && isStringList(value)) ||
		(key === 'pairs' &&
			isPlainObject(value) &&
			Object.values(value).every((s) => typeof s === 'string'));
	return fits ? [key, value] : null;
}

/** The rank of a permutation of 0..n-1 (Lehmer code, most significant first). */
function permutationRank(perm: number[]): number {
	const used = new Array<boolean>(perm.length).fill(false);
	let rank = 0;
	perm.forEach((p, i) => {
		let smaller = 0;
		for (let q = 0; q < p; q++) if (!used[q]) smaller++;
		used[p] = true;
		rank = rank * (perm.length - i) + smaller;
	});
	return rank;
}

function permutationOfRank(rank: number, n: number): number[] {
	const digits = new Array<number>(n);
	let rest = rank;
	for (let i = n - 1; i >= 0; i--) {
		digits[i] = rest % (n - i);
		rest = Math.floor(rest / (n - i));
	}
	const left = Array.from({ length: n }, (_, i) => i);
	return digits.map((d) => left.splice(d, 1)[0]);
}

const factorial = (n: number) => {
	let f = 1;
	for (let i = 2; i <= n; i++) f *= i;
	return f;
};

/** Whether the numbers are distinct. */
const distinct = (xs: number[]) => new Set(xs).size === xs.length;

/** The forms a typed or numeric item's answer is written in (see the header, code 10). */
function answerForms(item: Item | undefined): string[] {
	if (item?.kind === 'typed') return [item.answer, ...(item.accept ?? [])];
	if (item?.kind === 'numeric') return [String(item.answer)];
	return [];
}

/** The cases a text form is matched in, as the header numbers them. */
const CASES: readonly ((text: string) => string)[] = [
	(text) => text,
	(text) => text.toLowerCase(),
	(text) => text.toUpperCase(),
	(text) => {
		const [first = '', ...rest] = [...text];
		return first.toUpperCase() + rest.join('').toLowerCase();
	}
];

/** form × 4 + case for `text`, when it is one of `item`'s answer forms in one of the cases. */
function formOf(item: Item | undefined, text: string): number | null {
	const forms = answerForms(item);
	for (const [k, form] of forms.entries()) {
		const c = CASES.findIndex((cased) => cased(form) === text);
		if (c >= 0) return k * CASES.length + c;
	}
	return null;
}

/** Writes `response` for `item` in the most compact form that gives it back exactly. */
function writeResponse(
	w: ByteWriter,
	grade: number,
	response: AnswerResponse | null,
	item: Item | undefined,
	textCut: number
): void {
	const head = (tag: Tag) => w.varint(tag * 5 + grade);
	if (response === null) {
		head(TAG.none);
		return;
	}
	const field = responseField(response);
	if (!field) throw new Error(`encryptResult: not an answer response: ${JSON.stringify(response)}`);
	const [key, value] = field;
	switch (item?.kind) {
		case 'single': {
			const index = key === 'choice' ? item.options.indexOf(value as string) : -1;
			if (index >= 0 && index < SINGLE_INLINE_COUNT) {
				w.varint((SINGLE_INLINE + index) * 5 + grade);
				return;
			}
			if (index >= 0) {
				head(TAG.single).varint(index);
				return;
			}
			break;
		}
		case 'multi': {
			if (key !== 'choices' || item.options.length > 52) break;
			const indexes = (value as string[]).map((c) => item.options.indexOf(c));
			if (indexes.includes(-1) || !distinct(indexes)) break;
			if (indexes.every((x, i) => i === 0 || indexes[i - 1] < x)) {
				head(TAG.multiMask).varint(indexes.reduce((mask, x) => mask + 2 ** x, 0));
			} else {
				head(TAG.multiList).varint(indexes.length);
				for (const x of indexes) w.varint(x);
			}
			return;
		}
		case 'truefalse':
			if (key === 'value') {
				head(value ? TAG.true : TAG.false);
				return;
			}
			break;
		case 'typed':
		case 'numeric':
			if (key === 'text') {
				const text = cutText(toWellFormed(value as string), textCut);
				const form = formOf(item, text);
				if (form === null) head(TAG.text).string(text, LIMITS.answerChars);
				else head(TAG.form).varint(form);
				return;
			}
			break;
		case 'ordering': {
			if (key !== 'order' || item.sequence.length > 18) break;
			const order = value as string[];
			const perm = order.map((entry) => item.sequence.indexOf(entry));
			if (perm.length !== item.sequence.length || perm.includes(-1) || !distinct(perm)) break;
			head(TAG.ordering).varint(permutationRank(perm));
			return;
		}
		case 'matching': {
			if (key !== 'pairs') break;
			const pairs = value as Record<string, string>;
			const lefts = item.pairs.map((p) => p.left);
			const rights = item.pairs.map((p) => p.right);
			if ((rights.length + 1) ** lefts.length > Number.MAX_SAFE_INTEGER) break;
			if (Object.keys(pairs).some((left) => !lefts.includes(left))) break;
			const digits = lefts.map((left) =>
				Object.hasOwn(pairs, left) ? rights.indexOf(pairs[left]) + 1 : 0
			);
			if (digits.some((d, i) => Object.hasOwn(pairs, lefts[i]) && d === 0)) break;
			head(TAG.matching).varint(digits.reduce((n, d) => n * (rights.length + 1) + d, 0));
			return;
		}
	}
	const raw = JSON.stringify(response);
	if (raw.length > RAW_RESPONSE_CHARS) {
		throw new Error(`encryptResult: a response that fits no item is too long to keep: ${raw}`);
	}
	head(TAG.raw).string(raw, RAW_RESPONSE_CHARS);
}

/**
 * Writes one answer as format 2 does: the time, then the response (or grade). Its item's
 * position goes elsewhere (result-code.ts packs them all together).
 * @throws Error for an answer no app makes (a bad time, a response of no known shape).
 */
export function writeAnswer(
	w: ByteWriter,
	answer: ResultAnswer,
	item: Item | undefined,
	textCut: number
): void {
	if (Number.isNaN(answer.ms) || typeof answer.ms !== 'number') {
		throw new Error(`encryptResult: bad time ${answer.ms}`);
	}
	w.varint(Math.round(Math.min(Math.max(0, answer.ms), 1e12) / 1000));
	const grade = answer.grade === null ? 0 : GRADES.indexOf(answer.grade) + 1;
	writeResponse(w, grade, answer.response, item, textCut);
}

/** An answer as read, before its item is known. */
export interface RawAnswer {
	index: number;
	ms: number;
	tag: Tag;
	grade: Grade | null;
	data: number | number[] | string | null;
}

/** The head and the data after it (the same in both formats, format 1 has fewer codes). */
function readResponse(
	r: ByteReader,
	format: CodeFormat
): Pick<RawAnswer, 'tag' | 'grade' | 'data'> {
	const head = r.varint((format === 2 ? LAST_CODE : TAG.raw) * 5 + 4);
	const code = Math.floor(head / 5);
	const grade = head % 5 === 0 ? null : GRADES[(head % 5) - 1];
	if (code >= SINGLE_INLINE) return { tag: TAG.single, grade, data: code - SINGLE_INLINE };
	const tag = code as Tag;
	let data: RawAnswer['data'] = null;
	switch (tag) {
		case TAG.single:
		case TAG.multiMask:
		case TAG.ordering:
		case TAG.matching:
		case TAG.form:
			data = r.varint();
			break;
		case TAG.multiList: {
			const count = r.varint(64);
			data = [];
			for (let i = 0; i < count; i++) data.push(r.varint(64));
			break;
		}
		case TAG.text:
			data = r.string(LIMITS.answerChars);
			break;
		case TAG.raw:
			data = r.string(RAW_RESPONSE_CHARS);
			break;
		case TAG.none:
		case TAG.false:
		case TAG.true:
			break;
	}
	return { tag, grade, data };
}

/** Reads one answer as `writeAnswer` wrote it, for the item at `index`; see `interpret`. */
export function readAnswer(r: ByteReader, index: number): RawAnswer {
	const ms = r.varint(Math.floor(Number.MAX_SAFE_INTEGER / 1000)) * 1000;
	return { index, ms, ...readResponse(r, 2) };
}

/** Reads one answer of a format 1 payload: its item's position, time and response. */
export function readFormatOneAnswer(r: ByteReader): RawAnswer {
	const index = r.varint();
	const ms = r.varint(Math.floor(Number.MAX_SAFE_INTEGER / 100)) * 100;
	return { index, ms, ...readResponse(r, 1) };
}

/** The response an answer's data stands for, or a string saying why it cannot be one. */
export function interpret(a: RawAnswer, item: Item | undefined): AnswerResponse | null | string {
	const n = a.data as number;
	const bad = `${a.tag} does not fit item ${item?.id} (${item?.kind})`;
	switch (a.tag) {
		case TAG.none:
			return null;
		case TAG.raw: {
			let value: unknown;
			try {
				value = JSON.parse(a.data as string);
			} catch {
				return 'raw response is not JSON';
			}
			return responseField(value) ? (value as AnswerResponse) : 'raw response has no known shape';
		}
		case TAG.single:
			if (item?.kind !== 'single' || n >= item.options.length) return bad;
			return { choice: item.options[n] };
		case TAG.multiMask: {
			if (item?.kind !== 'multi' || n >= 2 ** item.options.length) return bad;
			return { choices: item.options.filter((_, i) => Math.floor(n / 2 ** i) % 2 === 1) };
		}
		case TAG.multiList: {
			const xs = a.data as number[];
			if (item?.kind !== 'multi' || !distinct(xs) || xs.some((x) => x >= item.options.length)) {
				return bad;
			}
			return { choices: xs.map((x) => item.options[x]) };
		}
		case TAG.false:
		case TAG.true:
			return item?.kind === 'truefalse' ? { value: a.tag === TAG.true } : bad;
		case TAG.text:
			return item?.kind === 'typed' || item?.kind === 'numeric' ? { text: a.data as string } : bad;
		case TAG.form: {
			const form = answerForms(item)[Math.floor(n / CASES.length)];
			return form === undefined ? bad : { text: CASES[n % CASES.length](form) };
		}
		case TAG.ordering: {
			if (item?.kind !== 'ordering' || n >= factorial(item.sequence.length)) return bad;
			return { order: permutationOfRank(n, item.sequence.length).map((i) => item.sequence[i]) };
		}
		case TAG.matching: {
			if (item?.kind !== 'matching') return bad;
			const base = item.pairs.length + 1;
			if (n >= base ** item.pairs.length) return bad;
			const entries: [string, string][] = [];
			let rest = n;
			for (let i = item.pairs.length - 1; i >= 0; i--) {
				const d = rest % base;
				rest = Math.floor(rest / base);
				if (d > 0) entries.unshift([item.pairs[i].left, item.pairs[d - 1].right]);
			}
			// fromEntries makes own properties, even for a left entry named "__proto__".
			return { pairs: Object.fromEntries(entries) };
		}
	}
}

/** Whether reading an answer needs its item (every response but none and raw). */
export const needsItem = (tag: Tag) => tag !== TAG.none && tag !== TAG.raw;

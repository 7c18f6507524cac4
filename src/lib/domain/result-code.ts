/**
 * Result codes: what a student sends back, encrypted so that only the teacher's device that
 * shared the assignment can read it. There is no server: the code travels in the fragment of
 * a link (…#FDKr…), by chat, mail or QR code.
 *
 * The keys and the encryption (ECIES: ephemeral ECDH P-256, HKDF-SHA-256, AES-GCM-256) are
 * in teacher-keys.ts; the envelope (magic, version, length, CRC) is in code-envelope.ts.
 *
 * Code layout, format version 1 (the envelope is the one in code-envelope.ts):
 *
 *   magic        3 bytes  "FDKr" in base64url
 *   version      1 byte   1
 *   rest         varint   bytes after this field, CRC included
 *   fingerprint  4 bytes  of the teacher key (see `keyFingerprint`)   } clear header = AAD
 *   ephemeral    33 bytes compressed P-256 point
 *   iv           12 bytes
 *   ciphertext   …        AES-GCM, tag (16 bytes) included
 *   crc          4 bytes  CRC-32 of everything before it: a typo or a cut is reported as
 *                         such before any cryptography
 *
 * Payload (the plaintext), version 1:
 *
 *   bankVersion  varint   the student's bank: a teacher with an older bank is told to update
 *   assignmentId 8 bytes
 *   revision     varint
 *   studentName  text     varint byte length, then UTF-8
 *   studentId    8 bytes
 *   tryNumber    varint   1 or more
 *   startedAt    varint   whole seconds since 1970 (rounded)
 *   duration     varint   whole seconds from startedAt to finishedAt (each rounded first;
 *                         a clock set back mid-way gives 0)
 *   score        varint   score × 100, rounded
 *   count        varint   1 to LIMITS.maxItems answers, then each answer:
 *     item       varint   position in `BankIndex.published`
 *     time       varint   tenths of a second (rounded; a negative time counts as 0)
 *     head       varint   tag × 5 + grade (0 none, 1 again, 2 hard, 3 good, 4 easy)
 *     data       by tag:
 *       0 none          (no response)
 *       1 single        varint: the choice's index in item.options
 *       2 multi         varint: bitmask over item.options (choices in the item's order)
 *       3 multi, list   varint count, then each choice's index (choices in another order)
 *       4 false, 5 true (nothing)
 *       6 text          text (typed and numeric), cut to LIMITS.answerChars code points
 *       7 ordering      varint: the permutation's rank (Lehmer code) over item.sequence
 *       8 matching      varint: for each left entry in the item's order, the chosen
 *                       right's index in item.pairs + 1 (0 = none), as base (rights + 1)
 *                       digits, the first left the most significant
 *       9 raw           text: the response as JSON, for a response that does not fit its
 *                       item (an option the item no longer has, say), so nothing is lost
 *
 * Round trip: decoding gives back exactly the result encoded, except that times are rounded
 * as above, texts are cut as above, and matching pairs come back in the item's left order.
 * When a code would be longer than LIMITS.linkChars (only many long typed answers can do
 * that), text answers are cut shorter, step by step, until it fits.
 */
import {
	LIMITS,
	type AssignmentResult,
	type BankIndex,
	type Decoded,
	type DecodeProblem,
	type ResultAnswer
} from './assignment.ts';
import {
	codeHeader,
	isHexId,
	isWhole,
	openCode,
	publishedPositions,
	refuse,
	sealCode,
	textFault,
	type Refusal
} from './code-envelope.ts';
import type { Item } from './bank.ts';
import {
	ByteReader,
	ByteWriter,
	cutText,
	FormatError,
	fromHex,
	toBase64url,
	toHex,
	type Bytes
} from './binary.ts';
import type { AnswerResponse } from './check-answer.ts';
import type { Grade } from './records.ts';
import {
	COMPRESSED_POINT_BYTES,
	decompressPoint,
	decryptFrom,
	encryptTo,
	FINGERPRINT_BYTES,
	importTeacherKeys,
	IV_BYTES,
	publicKeyBytes,
	TAG_BYTES,
	type TeacherKeys
} from './teacher-keys.ts';

/** Looks up a bank item by id (undefined when this bank does not have it). */
export type ItemLookup = (id: string) => Item | undefined;

/** Longest JSON kept for a response that does not fit its item (tag 9). */
export const RAW_RESPONSE_CHARS = 1000;

const GRADES: readonly Grade[] = ['again', 'hard', 'good', 'easy'];
/** Latest time a JavaScript Date can hold, in seconds. */
const MAX_SECONDS = 8_640_000_000_000;
/** Shorter and shorter cuts for text answers, tried in turn when a code is too long. */
const TEXT_CUTS = [LIMITS.answerChars, 60, 30, 15, 8];

// ---- responses ---------------------------------------------------------------------------

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
	raw: 9
} as const;
type Tag = (typeof TAG)[keyof typeof TAG];

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

/** Replaces unpaired surrogates with U+FFFD (what UTF-8 would do anyway). */
const wellFormed = (text: string) =>
	text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

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
				head(TAG.text).string(cutText(wellFormed(value as string), textCut), LIMITS.answerChars);
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

/** An answer as read, before its item is known. */
interface RawAnswer {
	index: number;
	ms: number;
	tag: Tag;
	grade: Grade | null;
	data: number | number[] | string | null;
}

function readAnswer(r: ByteReader): RawAnswer {
	const index = r.varint();
	const ms = r.varint(Math.floor(Number.MAX_SAFE_INTEGER / 100)) * 100;
	const head = r.varint(TAG.raw * 5 + 4);
	const tag = Math.floor(head / 5) as Tag;
	const grade = head % 5 === 0 ? null : GRADES[(head % 5) - 1];
	let data: RawAnswer['data'] = null;
	switch (tag) {
		case TAG.single:
		case TAG.multiMask:
		case TAG.ordering:
		case TAG.matching:
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
	return { index, ms, tag, grade, data };
}

/** The response an answer's data stands for, or a string saying why it cannot be one. */
function interpret(a: RawAnswer, item: Item | undefined): AnswerResponse | null | string {
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

const needsItem = (tag: Tag) => tag !== TAG.none && tag !== TAG.raw;

// ---- the payload -------------------------------------------------------------------------

/** The first thing wrong with a result's plain fields, or null (encoder and decoder share it). */
function resultFault(result: AssignmentResult): string | null {
	if (!isHexId(result.assignmentId)) return 'assignmentId is not 16 lowercase hex digits';
	if (!isHexId(result.studentId)) return 'studentId is not 16 lowercase hex digits';
	if (!isWhole(result.revision)) return 'revision is not a whole number';
	if (!isWhole(result.tryNumber, 1)) return 'tryNumber is not a whole number from 1';
	const name = textFault('studentName', result.studentName, {
		max: LIMITS.studentNameChars,
		required: true
	});
	if (name) return name;
	if (!Array.isArray(result.answers)) return 'answers is not a list';
	const count = result.answers.length;
	if (count < LIMITS.minItems || count > LIMITS.maxItems) {
		return `${count} answers, not ${LIMITS.minItems} to ${LIMITS.maxItems}`;
	}
	if (new Set(result.answers.map((a) => a.itemId)).size !== count) return 'an item appears twice';
	if (!(result.score >= 0 && Math.round(result.score * 100) <= count * 100)) {
		return `score ${result.score} is not from 0 to ${count}`;
	}
	for (const a of result.answers) {
		if (a.grade !== null && !GRADES.includes(a.grade)) return `unknown grade ${a.grade}`;
	}
	return null;
}

/**
 * The payload (plaintext) for `result`, text answers cut to `textCut`.
 * @throws Error for a result no app can produce (see `encryptResult`).
 */
export function encodeResultPayload(
	result: AssignmentResult,
	bank: BankIndex,
	lookup: ItemLookup,
	textCut: number = LIMITS.answerChars
): Bytes {
	const fault = resultFault(result);
	if (fault) throw new Error(`encryptResult: ${fault}`);
	const positions = publishedPositions(bank);
	const seconds = (ms: number, name: string) => {
		if (!(ms >= 0 && ms <= MAX_SECONDS * 1000)) throw new Error(`encryptResult: bad ${name} ${ms}`);
		return Math.round(ms / 1000);
	};
	const started = seconds(result.startedAt, 'startedAt');
	const finished = seconds(result.finishedAt, 'finishedAt');
	const w = new ByteWriter()
		.varint(bank.version)
		.bytes(fromHex(result.assignmentId)!)
		.varint(result.revision)
		.string(result.studentName, LIMITS.studentNameChars)
		.bytes(fromHex(result.studentId)!)
		.varint(result.tryNumber)
		.varint(started)
		.varint(Math.max(0, finished - started))
		.varint(Math.round(result.score * 100))
		.varint(result.answers.length);
	for (const a of result.answers) {
		const index = positions.get(a.itemId);
		if (index === undefined) throw new Error(`encryptResult: ${a.itemId} is not published`);
		if (Number.isNaN(a.ms) || typeof a.ms !== 'number') {
			throw new Error(`encryptResult: bad time ${a.ms}`);
		}
		w.varint(index).varint(Math.round(Math.min(Math.max(0, a.ms), 1e12) / 100));
		const grade = a.grade === null ? 0 : GRADES.indexOf(a.grade) + 1;
		writeResponse(w, grade, a.response, lookup(a.itemId), textCut);
	}
	return w.finish();
}

/** What a teacher sees when a pasted result code is refused, by problem. */
export const RESULT_MESSAGES: Record<DecodeProblem, string> = {
	empty: 'There is nothing to open here. Paste the whole result link a student sent you.',
	'too-large':
		'This is far longer than any result link. Check that you copied only the link the student sent.',
	'not-factdeck':
		'This is not a Factdeck result link. Check that you copied the link the student sent you.',
	'wrong-kind':
		'This is an assignment link, not a result: students open it to do the assignment. A result comes back as another link, which the student sends you when they finish.',
	truncated:
		'This result link is incomplete: its end is missing. Copy the whole link again, or ask the student to send it again.',
	altered:
		'This result link was changed after the student made it: a character is wrong, missing or extra. Copy it again, or ask the student to send it again.',
	'newer-format':
		'This result was made by a newer Factdeck. Open the app while online so it updates, then try again.',
	'newer-bank':
		'This result uses newer questions than your app has. Open the app while online so it updates, then try again.',
	'unknown-items':
		'This result names questions that your app does not have. Open the app while online so it updates, then try again.',
	invalid:
		'This result link is damaged or was not made by Factdeck: something in it is not possible. Ask the student to send it again.',
	'other-teacher':
		"This result was made for another teacher's device: only the device that shared the assignment can open it. Open it there, or check which assignment link the student used."
};

/**
 * Reads a payload. Checks, in order: newer bank, unknown items (not published, or not in
 * this bank when the response needs the item), invalid. Never throws.
 */
export function decodeResultPayload(
	payload: Uint8Array,
	bank: BankIndex,
	lookup: ItemLookup
): Decoded<AssignmentResult> {
	const no = (problem: DecodeProblem, detail: string) => refuse(RESULT_MESSAGES, problem, detail);
	try {
		const r = new ByteReader(payload);
		const bankVersion = r.varint();
		if (bankVersion > bank.version) {
			return no('newer-bank', `bank version ${bankVersion}, this app has ${bank.version}`);
		}
		if (bankVersion < 1) return no('invalid', 'bank version 0');
		const assignmentId = toHex(r.bytes(8));
		const revision = r.varint();
		const studentName = r.string(LIMITS.studentNameChars);
		const studentId = toHex(r.bytes(8));
		const tryNumber = r.varint();
		const started = r.varint(MAX_SECONDS);
		const finished = started + r.varint(MAX_SECONDS - started);
		const score = r.varint() / 100;
		const count = r.varint(LIMITS.maxItems);
		const raws: RawAnswer[] = [];
		for (let i = 0; i < count; i++) raws.push(readAnswer(r));
		r.done();
		const ids = raws.map((a) => bank.published[a.index]);
		for (const [i, a] of raws.entries()) {
			if (a.index >= bank.published.length) {
				return no('unknown-items', `item ${a.index}, this app knows ${bank.published.length}`);
			}
			if (needsItem(a.tag) && !lookup(ids[i])) {
				return no('unknown-items', `${ids[i]} is not in this bank`);
			}
		}
		const answers: ResultAnswer[] = [];
		for (const [i, a] of raws.entries()) {
			const response = interpret(a, needsItem(a.tag) ? lookup(ids[i]) : undefined);
			if (typeof response === 'string') return no('invalid', response);
			answers.push({ itemId: ids[i], response, grade: a.grade, ms: a.ms });
		}
		const result: AssignmentResult = {
			assignmentId,
			revision,
			studentName,
			studentId,
			tryNumber,
			startedAt: started * 1000,
			finishedAt: finished * 1000,
			score,
			answers
		};
		const fault = resultFault(result);
		if (fault) return no('invalid', fault);
		return { ok: true, value: result };
	} catch (e) {
		return no('invalid', e instanceof Error ? e.message : String(e));
	}
}

// ---- the code ----------------------------------------------------------------------------

const codeChars = (plaintext: number) => {
	// magic, version, rest (at most 3 bytes here), fingerprint, ephemeral, iv, tag, crc
	const bytes = 4 + 3 + FINGERPRINT_BYTES + COMPRESSED_POINT_BYTES + IV_BYTES + TAG_BYTES + 4;
	return Math.ceil(((bytes + plaintext) * 4) / 3);
};

/**
 * Encrypts `result` for the teacher whose public key is `teacherPublicKey` (from the link),
 * and returns the code: base64url, to put after '#' in a link. `bank` and `lookup` are the
 * student's bank: items are named by their published position, options by their index.
 * @throws Error for a result no app can produce (an unpublished item, a name too long, a
 * response of no known shape) or a bad teacher key: programming errors, not a student's.
 */
export async function encryptResult(
	result: AssignmentResult,
	teacherPublicKey: string,
	bank: BankIndex,
	lookup: ItemLookup
): Promise<string> {
	publicKeyBytes(teacherPublicKey); // a bad key throws before any work
	let plaintext = encodeResultPayload(result, bank, lookup);
	for (const cut of TEXT_CUTS.slice(1)) {
		if (codeChars(plaintext.length) <= LIMITS.linkChars) break;
		plaintext = encodeResultPayload(result, bank, lookup, cut);
	}
	if (codeChars(plaintext.length) > LIMITS.linkChars) {
		throw new Error('encryptResult: the result does not fit in a link');
	}
	return encryptPayload(plaintext, teacherPublicKey);
}

/**
 * Encrypts any payload for a teacher key and seals it as a result code: the cryptography of
 * `encryptResult` without the result encoding (for tests and tools).
 * @throws Error when `teacherPublicKey` is not a compressed P-256 key.
 */
export async function encryptPayload(
	plaintext: Uint8Array,
	teacherPublicKey: string
): Promise<string> {
	const bodyLength =
		FINGERPRINT_BYTES + COMPRESSED_POINT_BYTES + IV_BYTES + plaintext.length + TAG_BYTES;
	// The clear header (magic, version, length, fingerprint) is authenticated as well.
	const { fingerprint, ephemeral, iv, ciphertext } = await encryptTo(
		teacherPublicKey,
		plaintext,
		(fingerprint) =>
			new ByteWriter().bytes(codeHeader('result', bodyLength)).bytes(fingerprint).finish()
	);
	const body = new ByteWriter()
		.bytes(fingerprint)
		.bytes(ephemeral)
		.bytes(iv)
		.bytes(ciphertext)
		.finish();
	return toBase64url(sealCode('result', body));
}

/**
 * Decrypts a result code (a whole link or the bare code) with this device's teacher keys.
 * Checks, in order: empty, too large, not Factdeck, wrong kind (an assignment link),
 * truncated, altered (CRC), newer format, other teacher (the fingerprint is not ours),
 * altered (authentication failed), then the payload: newer bank, unknown items, invalid.
 * Never rejects; a refusal's `message` is a sentence for the teacher.
 */
export async function decryptResult(
	input: string,
	keys: TeacherKeys,
	bank: BankIndex,
	lookup: ItemLookup
): Promise<Decoded<AssignmentResult>> {
	const no = (problem: DecodeProblem, detail: string): Refusal =>
		refuse(RESULT_MESSAGES, problem, detail);
	try {
		const opened = openCode(input, 'result', RESULT_MESSAGES);
		if (!opened.ok) return opened;
		const { bytes, bodyStart, bodyEnd } = opened;
		const r = new ByteReader(bytes, bodyStart, bodyEnd);
		let ours: Bytes;
		let privateKey: CryptoKey;
		try {
			({ fingerprint: ours, privateKey } = await importTeacherKeys(keys));
		} catch (e) {
			return no('invalid', `this device's teacher keys are unusable: ${String(e)}`);
		}
		let plaintext: Uint8Array;
		try {
			const fingerprint = r.bytes(FINGERPRINT_BYTES);
			if (toHex(fingerprint) !== toHex(ours)) return no('other-teacher', 'fingerprint differs');
			const header = bytes.subarray(0, r.offset);
			const ephemeral = r.bytes(COMPRESSED_POINT_BYTES).slice();
			const iv = r.bytes(IV_BYTES).slice();
			if (r.remaining < TAG_BYTES) return no('altered', 'no room for the tag');
			const ciphertext = r.bytes(r.remaining).slice();
			const point = decompressPoint(ephemeral);
			if (!point) return no('altered', 'the ephemeral key is not on the curve');
			plaintext = await decryptFrom(privateKey, ephemeral, point, iv, ciphertext, header.slice());
		} catch (e) {
			if (e instanceof FormatError) return no('altered', e.message);
			return no('altered', `decryption failed: ${String(e)}`);
		}
		return decodeResultPayload(plaintext, bank, lookup);
	} catch (e) {
		return no('invalid', e instanceof Error ? e.message : String(e));
	}
}

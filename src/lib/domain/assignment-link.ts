/**
 * Assignment links: a teacher's set, packed into the fragment of a link (…/join#FDKa…) that
 * students open. No server ever sees it. Also the envelope every Factdeck code shares, which
 * result-code.ts uses too.
 *
 * Envelope (all codes, every format version; later versions may change only the body):
 *
 *   magic        3 bytes  0x14 0x32 0x9a (assignment) or 0x14 0x32 0xab (result): in
 *                         base64url the code always starts "FDKa" or "FDKr"
 *   version      1 byte   format version, 1
 *   rest         varint   how many bytes follow this field, the CRC included: a cut link is
 *                         told apart from a mistyped one
 *   body         …
 *   crc          4 bytes  CRC-32 (big-endian) of every byte before it
 *
 * Assignment body, version 1:
 *
 *   id           8 bytes  the set id (16 hex digits)
 *   revision     varint
 *   bankVersion  varint   1 or more
 *   flags        1 byte   bits 0-1 mode (0 practice, 1 test, 2 flashcards), bit 2 shuffle,
 *                         bit 3 showAnswers; other bits 0
 *   tries        varint   0 (no limit) to LIMITS.maxTries
 *   due          varint   0 for none, else days from 2020-01-01 plus 1
 *   title        text     varint byte length, then UTF-8
 *   instructions text
 *   teacherName  text
 *   teacherKey   33 bytes compressed P-256 point
 *   count        varint   LIMITS.minItems to LIMITS.maxItems
 *   items        varints  each item's position in `BankIndex.published`
 *
 * Text lengths are counted in code points (`[...text].length`), as the composer counts them.
 * Text may not hold control characters (Unicode Cc), but for line breaks in instructions.
 * Every value has exactly one encoding (shortest varints, no spare bits), so a link that
 * decodes is always the very link `encodeAssignmentLink` makes for what it decodes to.
 */
import {
	ASSIGNMENT_MODES,
	LIMITS,
	type AssignmentLink,
	type BankIndex,
	type Decoded,
	type DecodeProblem
} from './assignment.ts';
import {
	ByteReader,
	ByteWriter,
	codePoints,
	COMPRESSED_POINT_BYTES,
	crc32,
	decompressPoint,
	FormatError,
	fromBase64url,
	fromHex,
	isBase64url,
	isWellFormed,
	readBase64url,
	toBase64url,
	toHex,
	type Bytes
} from './binary.ts';

// ---- the envelope ------------------------------------------------------------------------

export type CodeKind = 'assignment' | 'result';

/** The format version this app writes, and the newest it reads. */
export const CODE_FORMAT_VERSION = 1;

/** Every code starts with one of these (3 bytes, so exactly these 4 base64url characters). */
export const CODE_PREFIX: Record<CodeKind, string> = { assignment: 'FDKa', result: 'FDKr' };
const FAMILY_PREFIX = 'FDK';
const MAGIC: Record<CodeKind, Bytes> = {
	assignment: fromBase64url(CODE_PREFIX.assignment)!,
	result: fromBase64url(CODE_PREFIX.result)!
};
const CRC_BYTES = 4;

/** A refusal: which problem, and for developers and tests, which check failed. */
export type Refusal = Extract<Decoded<never>, { ok: false }>;

/** Refuses with the sentence for `problem` from `messages`. */
export function refuse(
	messages: Record<DecodeProblem, string>,
	problem: DecodeProblem,
	detail: string
): Refusal {
	return { ok: false, problem, message: messages[problem], detail };
}

/**
 * The code in what a person pasted: everything after the first '#' (or all of it when there
 * is none), with every space and line break taken out (a long link often comes back wrapped
 * from an email or a chat).
 */
export function codeText(input: string): string {
	const text = String(input);
	const hash = text.indexOf('#');
	return (hash === -1 ? text : text.slice(hash + 1)).replace(/\s+/g, '');
}

/**
 * Which kind of code a pasted link or code holds, from its first characters only, so the
 * app can send it to the right screen; null for anything else. Decoding may still refuse it.
 */
export function peekKind(input: string): CodeKind | null {
	const text = codeText(input);
	if (!isBase64url(text)) return null;
	if (text.startsWith(CODE_PREFIX.assignment)) return 'assignment';
	if (text.startsWith(CODE_PREFIX.result)) return 'result';
	return null;
}

/** The start of a code: magic, format version, and the length of what follows. */
export function codeHeader(kind: CodeKind, bodyLength: number): Bytes {
	return new ByteWriter()
		.bytes(MAGIC[kind])
		.byte(CODE_FORMAT_VERSION)
		.varint(bodyLength + CRC_BYTES)
		.finish();
}

/** The whole code for `body`: header, body, CRC. */
export function sealCode(kind: CodeKind, body: Uint8Array): Bytes {
	const writer = new ByteWriter().bytes(codeHeader(kind, body.length)).bytes(body);
	return writer.uint32(crc32(writer.finish())).finish();
}

/** An opened envelope: the whole code, and where its body lies. */
export interface OpenedCode {
	ok: true;
	bytes: Bytes;
	/** Where the body starts (just after the `rest` field). */
	bodyStart: number;
	/** Where the body ends (where the CRC starts). */
	bodyEnd: number;
}

/**
 * Checks the envelope of a pasted code, in order: empty, too large, not Factdeck, wrong
 * kind, truncated, altered (the CRC, before any deeper check, so a typo is called a typo),
 * newer format.
 */
export function openCode(
	input: string,
	kind: CodeKind,
	messages: Record<DecodeProblem, string>
): OpenedCode | Refusal {
	const no = (problem: DecodeProblem, detail: string) => refuse(messages, problem, detail);
	const text = codeText(input);
	if (text === '') return no('empty', 'nothing after the #');
	if (text.length > LIMITS.linkChars) {
		return no('too-large', `${text.length} characters, more than ${LIMITS.linkChars}`);
	}
	const read = readBase64url(text);
	if (!read) return no('not-factdeck', 'a character outside base64url');
	if (text.length < CODE_PREFIX[kind].length) {
		return CODE_PREFIX[kind].startsWith(text)
			? no('truncated', 'shorter than the magic')
			: no('not-factdeck', 'too short and no magic');
	}
	const other: CodeKind = kind === 'assignment' ? 'result' : 'assignment';
	if (text.startsWith(CODE_PREFIX[other])) return no('wrong-kind', `${other} code`);
	if (!text.startsWith(CODE_PREFIX[kind])) {
		return text.startsWith(FAMILY_PREFIX)
			? no('newer-format', 'a kind of code this version does not know')
			: no('not-factdeck', 'no Factdeck magic');
	}
	const { bytes, canonical } = read;
	const reader = new ByteReader(bytes, MAGIC[kind].length);
	let version: number;
	let rest: number;
	try {
		version = reader.byte();
		rest = reader.varint();
	} catch (e) {
		if (e instanceof FormatError && e.reason === 'truncated') {
			return no('truncated', 'ends inside the header');
		}
		return no('altered', 'the length field is malformed');
	}
	if (reader.remaining < rest) {
		return no('truncated', `${rest - reader.remaining} bytes missing`);
	}
	if (reader.remaining > rest) return no('altered', `${reader.remaining - rest} bytes too many`);
	if (!canonical) return no('altered', 'leftover bits in the last character');
	if (rest < CRC_BYTES) return no('altered', 'no room for the CRC');
	const bodyEnd = bytes.length - CRC_BYTES;
	const stored = new ByteReader(bytes, bodyEnd).uint32();
	if (stored !== crc32(bytes, 0, bodyEnd)) return no('altered', 'CRC mismatch');
	if (version > CODE_FORMAT_VERSION) return no('newer-format', `format version ${version}`);
	if (version < 1) return no('invalid', `format version ${version}`);
	return { ok: true, bytes, bodyStart: reader.offset, bodyEnd };
}

// ---- shared checks -----------------------------------------------------------------------

/** The first fault of a text field, or null: length, blankness, control characters. */
export function textFault(
	name: string,
	text: unknown,
	rules: { max: number; required?: boolean; newlines?: boolean }
): string | null {
	if (typeof text !== 'string') return `${name} is not text`;
	if (codePoints(text) > rules.max) return `${name} is longer than ${rules.max} characters`;
	if (rules.required && text.trim() === '') return `${name} is empty`;
	if (!isWellFormed(text)) return `${name} has an unpaired surrogate`;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x0a && rules.newlines) continue;
		// C0 and C1 controls (Unicode Cc).
		if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
			return `${name} has a control character (U+${c.toString(16).padStart(4, '0')})`;
		}
	}
	return null;
}

const HEX_ID = /^[0-9a-f]{16}$/;

/** Whether `id` is 16 lowercase hex digits (a set or student id). */
export function isHexId(id: unknown): id is string {
	return typeof id === 'string' && HEX_ID.test(id);
}

/** Whether `n` is a whole number from `min` to `max`. */
export function isWhole(n: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): n is number {
	return typeof n === 'number' && Number.isSafeInteger(n) && n >= min && n <= max;
}

const positions = new WeakMap<readonly string[], Map<string, number>>();

/** Each published id's position (cached per `published` array). */
export function publishedPositions(bank: BankIndex): Map<string, number> {
	let map = positions.get(bank.published);
	if (!map) {
		map = new Map();
		bank.published.forEach((id, i) => {
			if (!map!.has(id)) map!.set(id, i);
		});
		positions.set(bank.published, map);
	}
	return map;
}

/** A teacher key's compressed point, or null unless it is a valid P-256 public key. */
export function teacherKeyBytes(key: unknown): Bytes | null {
	if (typeof key !== 'string') return null;
	const bytes = fromBase64url(key);
	return bytes && decompressPoint(bytes) ? bytes : null;
}

// ---- due dates ---------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const DUE_EPOCH = Date.UTC(2020, 0, 1);
/** 9999-12-31, the last date with a four-digit year. */
const LAST_DUE_DAY = (Date.UTC(9999, 11, 31) - DUE_EPOCH) / DAY_MS;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from 2020-01-01 to a 'YYYY-MM-DD' date, or null when it is not a real date in range. */
function dueDay(date: string): number | null {
	const m = DATE_PATTERN.exec(date);
	if (!m) return null;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const at = Date.UTC(year, month - 1, day);
	const back = new Date(at);
	if (
		back.getUTCFullYear() !== year ||
		back.getUTCMonth() !== month - 1 ||
		back.getUTCDate() !== day
	) {
		return null;
	}
	const n = (at - DUE_EPOCH) / DAY_MS;
	return n >= 0 && n <= LAST_DUE_DAY ? n : null;
}

function dueDate(day: number): string {
	return new Date(DUE_EPOCH + day * DAY_MS).toISOString().slice(0, 10);
}

// ---- assignment links --------------------------------------------------------------------

/** What a student sees when a pasted assignment link is refused, by problem. */
export const LINK_MESSAGES: Record<DecodeProblem, string> = {
	empty:
		'There is nothing to open here. Paste the whole link your teacher shared, or scan its QR code.',
	'too-large':
		'This is far longer than any assignment link. Check that you copied only the link your teacher shared.',
	'not-factdeck':
		'This is not a Factdeck assignment link. Check that you copied the link your teacher shared, or scan its QR code.',
	'wrong-kind':
		"This is a result link, not an assignment: it is for a teacher. Open it on the teacher's device, in the Factdeck that shared the assignment.",
	truncated:
		'This link is incomplete: its end is missing. Copy the whole link again, or scan its QR code.',
	altered:
		'This link was changed after it was made: a character is wrong, missing or extra. Copy it again from where your teacher shared it, or scan its QR code.',
	'newer-format':
		'This link was made by a newer Factdeck. Open the app while online so it updates, then try again.',
	'newer-bank':
		'This assignment uses newer questions than your app has. Open the app while online so it updates, then try again.',
	'unknown-items':
		'This assignment names questions that Factdeck does not have. Ask your teacher to share the assignment again.',
	invalid:
		'This link is damaged or was not made by Factdeck: something in it is not possible. Ask your teacher to share the assignment again.',
	'other-teacher':
		"This link was made for another teacher's device. Ask your teacher to share the assignment again."
};

const FLAG_SHUFFLE = 0b100;
const FLAG_SHOW_ANSWERS = 0b1000;
const FLAG_MODE = 0b11;

type LinkFault = { problem: 'unknown-items' | 'invalid'; detail: string };

/** The first thing wrong with a link, or null. Encoder and decoder share these rules. */
function linkFault(link: AssignmentLink, bank: BankIndex): LinkFault | null {
	const bad = (detail: string): LinkFault => ({ problem: 'invalid', detail });
	const s = link.settings;
	if (!isHexId(link.id)) return bad('id is not 16 lowercase hex digits');
	if (!isWhole(link.revision)) return bad('revision is not a whole number');
	if (!isWhole(link.bankVersion, 1)) return bad('bankVersion is not a whole number from 1');
	if (!teacherKeyBytes(link.teacherKey)) return bad('teacherKey is not a P-256 public key');
	const text =
		textFault('teacherName', link.teacherName, { max: LIMITS.teacherNameChars }) ??
		textFault('title', s.title, { max: LIMITS.titleChars, required: true }) ??
		textFault('instructions', s.instructions, {
			max: LIMITS.instructionsChars,
			newlines: true
		});
	if (text) return bad(text);
	if (!ASSIGNMENT_MODES.includes(s.mode)) return bad(`unknown mode ${s.mode}`);
	if (typeof s.shuffle !== 'boolean') return bad('shuffle is not true or false');
	if (typeof s.showAnswers !== 'boolean') return bad('showAnswers is not true or false');
	if (!isWhole(s.tries, 0, LIMITS.maxTries)) return bad(`tries is not 0 to ${LIMITS.maxTries}`);
	if (s.dueDate !== null && (typeof s.dueDate !== 'string' || dueDay(s.dueDate) === null)) {
		return bad(`dueDate ${s.dueDate} is not a date from 2020-01-01`);
	}
	if (!Array.isArray(s.itemIds)) return bad('itemIds is not a list');
	if (s.itemIds.length < LIMITS.minItems || s.itemIds.length > LIMITS.maxItems) {
		return bad(`${s.itemIds.length} items, not ${LIMITS.minItems} to ${LIMITS.maxItems}`);
	}
	if (new Set(s.itemIds).size !== s.itemIds.length) return bad('an item appears twice');
	const known = publishedPositions(bank);
	const unknown = s.itemIds.find((id) => !known.has(id));
	if (unknown !== undefined) return { problem: 'unknown-items', detail: `${unknown} unpublished` };
	return null;
}

/**
 * What would stop `encodeAssignmentLink` (in developer's words), or null: for a composer that
 * wants to check a set before sharing it. Unpublished items count as faults here.
 */
export function assignmentLinkFault(link: AssignmentLink, bank: BankIndex): string | null {
	return linkFault(link, bank)?.detail ?? null;
}

/**
 * The fragment payload (base64url, no '#') for `link`: the caller puts it after its origin,
 * as in `https://…/join#` + payload.
 * @throws Error when the link breaks a rule (unpublished item, a limit exceeded, a bad
 * date or key): the composer validates first, so this is a programming error.
 */
export function encodeAssignmentLink(link: AssignmentLink, bank: BankIndex): string {
	const fault = linkFault(link, bank);
	if (fault) throw new Error(`encodeAssignmentLink: ${fault.detail}`);
	const s = link.settings;
	const known = publishedPositions(bank);
	const due = s.dueDate === null ? 0 : dueDay(s.dueDate)! + 1;
	const flags =
		ASSIGNMENT_MODES.indexOf(s.mode) |
		(s.shuffle ? FLAG_SHUFFLE : 0) |
		(s.showAnswers ? FLAG_SHOW_ANSWERS : 0);
	const body = new ByteWriter()
		.bytes(fromHex(link.id)!)
		.varint(link.revision)
		.varint(link.bankVersion)
		.byte(flags)
		.varint(s.tries)
		.varint(due)
		.string(s.title, LIMITS.titleChars)
		.string(s.instructions, LIMITS.instructionsChars)
		.string(link.teacherName, LIMITS.teacherNameChars)
		.bytes(teacherKeyBytes(link.teacherKey)!)
		.varint(s.itemIds.length);
	for (const id of s.itemIds) body.varint(known.get(id)!);
	const text = toBase64url(sealCode('assignment', body.finish()));
	if (text.length > LIMITS.linkChars) {
		throw new Error(`encodeAssignmentLink: ${text.length} characters, over ${LIMITS.linkChars}`);
	}
	return text;
}

/**
 * Reads an assignment link: a whole URL (everything up to the first '#' is ignored) or the
 * bare payload, spaces and line breaks anywhere ignored. Checks, in order: empty, too large
 * (over LIMITS.linkChars characters after the '#'), not Factdeck, wrong kind (a result
 * link), truncated, altered (CRC), newer format, newer bank, unknown items, invalid. Never
 * throws; a refusal's `message` is a sentence for the student.
 */
export function decodeAssignmentLink(input: string, bank: BankIndex): Decoded<AssignmentLink> {
	const no = (problem: DecodeProblem, detail: string) => refuse(LINK_MESSAGES, problem, detail);
	try {
		const opened = openCode(input, 'assignment', LINK_MESSAGES);
		if (!opened.ok) return opened;
		const r = new ByteReader(opened.bytes, opened.bodyStart, opened.bodyEnd);
		const id = toHex(r.bytes(8));
		const revision = r.varint();
		const bankVersion = r.varint();
		if (bankVersion > bank.version) {
			return no('newer-bank', `bank version ${bankVersion}, this app has ${bank.version}`);
		}
		const flags = r.byte();
		// Reported after unknown items, as every invalid value is.
		let flagFault: string | null = null;
		if (flags & ~(FLAG_MODE | FLAG_SHUFFLE | FLAG_SHOW_ANSWERS)) flagFault = 'unknown flags';
		const mode = ASSIGNMENT_MODES[flags & FLAG_MODE];
		if (mode === undefined) flagFault = 'unknown mode';
		const tries = r.varint(LIMITS.maxTries);
		const due = r.varint(LAST_DUE_DAY + 1);
		const title = r.string(LIMITS.titleChars);
		const instructions = r.string(LIMITS.instructionsChars);
		const teacherName = r.string(LIMITS.teacherNameChars);
		const teacherKey = toBase64url(r.bytes(COMPRESSED_POINT_BYTES));
		const count = r.varint(LIMITS.maxItems);
		const indexes: number[] = [];
		for (let i = 0; i < count; i++) indexes.push(r.varint());
		r.done();
		const unknown = indexes.find((i) => i >= bank.published.length);
		if (unknown !== undefined) {
			return no('unknown-items', `item ${unknown}, this app knows ${bank.published.length}`);
		}
		if (flagFault) return no('invalid', flagFault);
		const link: AssignmentLink = {
			id,
			revision,
			bankVersion,
			teacherName,
			teacherKey,
			settings: {
				title,
				instructions,
				itemIds: indexes.map((i) => bank.published[i]),
				mode,
				shuffle: (flags & FLAG_SHUFFLE) !== 0,
				dueDate: due === 0 ? null : dueDate(due - 1),
				showAnswers: (flags & FLAG_SHOW_ANSWERS) !== 0,
				tries
			}
		};
		const fault = linkFault(link, bank);
		if (fault) return no(fault.problem, fault.detail);
		return { ok: true, value: link };
	} catch (e) {
		// Past the CRC, running out of bytes means the writer was not Factdeck: invalid.
		return no('invalid', e instanceof Error ? e.message : String(e));
	}
}

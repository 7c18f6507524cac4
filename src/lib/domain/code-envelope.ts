/**
 * The envelope every Factdeck code shares (assignment links and result codes), and the checks
 * both codecs make of the fields inside. A code travels in the fragment of a link (…#FDKa…),
 * so no server ever sees it.
 *
 * Envelope (all codes, every format version; later versions may change only the body):
 *
 *   magic        3 bytes  0x14 0x32 0x9a (assignment) or 0x14 0x32 0xab (result): in
 *                         base64url the code always starts "FDKa" or "FDKr"
 *   version      1 byte   format version, 1
 *   rest         varint   how many bytes follow this field, the CRC included: a cut link is
 *                         told apart from a mistyped one
 *   body         …        assignment-link.ts and result-code.ts say what is inside
 *   crc          4 bytes  CRC-32 (big-endian) of every byte before it
 *
 * `openCode` checks all of it before a decoder reads the body, in an order that gives a
 * person the most useful sentence: empty, too large, not Factdeck, wrong kind, truncated,
 * altered (the CRC), newer format.
 */
import { LIMITS, type BankIndex, type Decoded, type DecodeProblem } from './assignment.ts';
import {
	ByteReader,
	ByteWriter,
	codePoints,
	crc32,
	FormatError,
	fromBase64url,
	isBase64url,
	isWellFormed,
	readBase64url,
	type Bytes
} from './binary.ts';

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

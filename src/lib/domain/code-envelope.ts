/**
 * The envelope every Factdeck code shares (assignment links and result codes), and the checks
 * both codecs make of the fields inside. A code travels in the fragment of a link
 * (…/join#FDKA…), so no server ever sees it.
 *
 * Format 2, the one this app writes (and the first to read):
 *
 *   "FDK"        3 characters, then one for the kind and format: "A" an assignment, "R" a
 *                result, both format 2
 *   then, in base32 (RFC 4648: A-Z and 2-7, no padding):
 *     rest       varint   how many bytes follow this field, the CRC included: a cut link is
 *                         told apart from a mistyped one
 *     body       …        assignment-link.ts and result-code.ts say what is inside
 *     crc        4 bytes  CRC-32 (big-endian) of the 4 prefix characters (as ASCII) and
 *                         every byte before it
 *
 * Uppercase letters and digits only: a QR code holds the whole code in its alphanumeric
 * mode (5.5 bits a character, where the lowercase of base64url takes 8 in byte mode), the
 * address before it in byte mode, and the link is an ordinary https URL a camera opens.
 *
 * Format 1, which links made before it use (read, never written):
 *
 *   magic        3 bytes  0x14 0x32 0x9a (assignment) or 0x14 0x32 0xab (result): in
 *                         base64url the code always starts "FDKa" or "FDKr"
 *   version      1 byte   1
 *   rest         varint   as above
 *   body         …
 *   crc          4 bytes  CRC-32 of every byte before it
 *   all in base64url (RFC 4648 §5, no padding).
 *
 * A code starting "FDK" and another character is a kind or format this version does not
 * know: a newer app made it. `openCode` checks all of the envelope before a decoder reads
 * the body, in an order that gives a person the most useful sentence: empty, too large, not
 * Factdeck, wrong kind, truncated, altered (the CRC), newer format.
 */
import { LIMITS, type BankIndex, type Decoded, type DecodeProblem } from './assignment.ts';
import {
	ByteReader,
	ByteWriter,
	codePoints,
	crc32,
	FormatError,
	isBase64url,
	isWellFormed,
	readBase32,
	readBase64url,
	toBase32,
	utf8,
	type Bytes
} from './binary.ts';

export type CodeKind = 'assignment' | 'result';

/** The code formats this app reads: 2 it writes, 1 is what links made before it use. */
export type CodeFormat = 1 | 2;

/** How each code starts, by format and kind (format 1: the base64url of its 3-byte magic). */
export const CODE_PREFIX: Record<CodeFormat, Record<CodeKind, string>> = {
	1: { assignment: 'FDKa', result: 'FDKr' },
	2: { assignment: 'FDKA', result: 'FDKR' }
};
const FAMILY_PREFIX = 'FDK';
const PREFIX_CHARS = 4;
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

// ---- writing (format 2) --------------------------------------------------------------------

/**
 * What a code's bytes start with, as its CRC and a result's authentication see them: the 4
 * prefix characters as ASCII, then `rest`, the length of what follows.
 */
export function codeHeader(kind: CodeKind, bodyLength: number): Bytes {
	return new ByteWriter()
		.bytes(utf8(CODE_PREFIX[2][kind]))
		.varint(bodyLength + CRC_BYTES)
		.finish();
}

/** The whole code for `body`, as text: prefix, then base32 of the length, body and CRC. */
export function sealCode(kind: CodeKind, body: Uint8Array): string {
	const writer = new ByteWriter().bytes(codeHeader(kind, body.length)).bytes(body);
	const sealed = writer.uint32(crc32(writer.finish())).finish();
	return CODE_PREFIX[2][kind] + toBase32(sealed.subarray(PREFIX_CHARS));
}

// ---- reading (both formats) ----------------------------------------------------------------

/** An opened envelope: the code's bytes, and where its body lies. */
export interface OpenedCode {
	ok: true;
	format: CodeFormat;
	/**
	 * Every byte the CRC covers and the CRC: for format 2 the prefix characters as ASCII
	 * first, then what the base32 holds; for format 1 what the base64url holds.
	 */
	bytes: Bytes;
	/** Where the body starts (just after the `rest` field). */
	bodyStart: number;
	/** Where the body ends (where the CRC starts). */
	bodyEnd: number;
}

/**
 * Checks the envelope of a pasted code, in order: empty, too large, not Factdeck, wrong
 * kind, truncated, altered (the CRC, before any deeper check, so a typo is called a typo),
 * newer format. Either format; the caller reads the body by `format`.
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
	// base64url's alphabet holds base32's, so this refuses what neither format can be.
	if (!isBase64url(text)) return no('not-factdeck', 'a character outside base64url');
	const ours = [CODE_PREFIX[2][kind], CODE_PREFIX[1][kind]];
	if (text.length < PREFIX_CHARS) {
		return ours.some((prefix) => prefix.startsWith(text))
			? no('truncated', 'shorter than the prefix')
			: no('not-factdeck', 'too short and no prefix');
	}
	const other: CodeKind = kind === 'assignment' ? 'result' : 'assignment';
	if (text.startsWith(CODE_PREFIX[2][other]) || text.startsWith(CODE_PREFIX[1][other])) {
		return no('wrong-kind', `${other} code`);
	}
	if (text.startsWith(CODE_PREFIX[2][kind])) return openFormat2(text, no);
	if (text.startsWith(CODE_PREFIX[1][kind])) return openFormat1(text, no);
	return text.startsWith(FAMILY_PREFIX)
		? no('newer-format', 'a kind of code this version does not know')
		: no('not-factdeck', 'no Factdeck prefix');
}

type Refuse = (problem: DecodeProblem, detail: string) => Refusal;

/** `rest`, then the CRC: what both formats check once the bytes are read. */
function checkLength(
	bytes: Bytes,
	lengthAt: number,
	canonical: boolean,
	no: Refuse
): { bodyStart: number; bodyEnd: number } | Refusal {
	const reader = new ByteReader(bytes, lengthAt);
	let rest: number;
	try {
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
	return { bodyStart: reader.offset, bodyEnd };
}

function openFormat2(text: string, no: Refuse): OpenedCode | Refusal {
	const read = readBase32(text.slice(PREFIX_CHARS));
	// Past the prefix, anything but base32 is a changed character (a lowercase letter, a 0).
	if (!read) return no('altered', 'a character outside base32');
	const bytes = new Uint8Array(PREFIX_CHARS + read.bytes.length);
	bytes.set(utf8(text.slice(0, PREFIX_CHARS)));
	bytes.set(read.bytes, PREFIX_CHARS);
	const at = checkLength(bytes, PREFIX_CHARS, read.canonical, no);
	if (!('bodyStart' in at)) return at;
	return { ok: true, format: 2, bytes, ...at };
}

function openFormat1(text: string, no: Refuse): OpenedCode | Refusal {
	const { bytes, canonical } = readBase64url(text)!;
	// The magic is 3 bytes; the version follows it.
	if (bytes.length < 4) return no('truncated', 'ends inside the header');
	const at = checkLength(bytes, 4, canonical, no);
	if (!('bodyStart' in at)) return at;
	const version = bytes[3];
	if (version > 1) return no('newer-format', `format version ${version}`);
	if (version < 1) return no('invalid', `format version ${version}`);
	return { ok: true, format: 1, bytes, ...at };
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

/** Most bits an item position takes in format 2 (positions up to 65,535). */
const MAX_POSITION_BITS = 16;

/** The fewest bits that hold every one of `positions` (1 at least). */
function positionBits(positions: readonly number[]): number {
	let bits = 1;
	for (const p of positions) while (p >= 2 ** bits) bits++;
	return bits;
}

/**
 * Item positions (in `BankIndex.published`) as format 2 packs them: one byte, the width in
 * bits (the fewest that hold the largest position, 1 to 16), then each position in that many
 * bits, most significant bit first, the last byte filled up with 0 bits. Twenty positions
 * under 256 take 21 bytes, where varints take up to 40.
 */
export function writePositions(w: ByteWriter, positions: readonly number[]): void {
	const bits = positionBits(positions);
	if (bits > MAX_POSITION_BITS) throw new Error(`item position over 2^${MAX_POSITION_BITS}`);
	w.byte(bits);
	let buffer = 0;
	let filled = 0;
	for (const p of positions) {
		buffer = (buffer << bits) | p;
		filled += bits;
		while (filled >= 8) {
			filled -= 8;
			w.byte((buffer >>> filled) & 0xff);
		}
		buffer &= (1 << filled) - 1;
	}
	if (filled > 0) w.byte((buffer << (8 - filled)) & 0xff);
}

/**
 * `count` positions as `writePositions` packs them. Only the one packing is accepted: the
 * width must be the fewest bits for the largest, and the fill bits 0.
 * @throws FormatError when the bytes run out or the packing is not the one the writer makes.
 */
export function readPositions(r: ByteReader, count: number): number[] {
	const bits = r.byte();
	if (bits < 1 || bits > MAX_POSITION_BITS) {
		throw new FormatError('invalid', `item positions of ${bits} bits`);
	}
	const data = r.bytes(Math.ceil((count * bits) / 8));
	const positions: number[] = [];
	let buffer = 0;
	let filled = 0;
	let k = 0;
	for (let i = 0; i < count; i++) {
		while (filled < bits) {
			buffer = ((buffer << 8) | data[k++]) & 0xffffff;
			filled += 8;
		}
		filled -= bits;
		positions.push((buffer >>> filled) & ((1 << bits) - 1));
	}
	if ((buffer & ((1 << filled) - 1)) !== 0) throw new FormatError('invalid', 'fill bits set');
	if (positionBits(positions) !== bits) {
		throw new FormatError('invalid', `item positions in ${bits} bits, not the fewest`);
	}
	return positions;
}

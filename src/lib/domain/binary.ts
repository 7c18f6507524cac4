/**
 * Bytes for links and codes: a writer and a reader (unsigned LEB128 varints, fixed bytes,
 * length-prefixed UTF-8 text), base64url, base32, CRC-32 and hex. Pure and dependency-free, the
 * same in browsers and Node. (P-256 point compression lives with the keys, in
 * teacher-keys.ts.)
 *
 * Writing is done by the app's own encoders, so a bad value there is a programming error
 * and throws a plain Error. Reading is done on whatever a person pasted, so every fault
 * throws `FormatError`, which the decoders catch and turn into a problem they report: no
 * decoder lets it reach its caller.
 */

/** Bytes backed by a plain ArrayBuffer, which Web Crypto accepts as a BufferSource. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** Why reading stopped: the bytes ran out, or a value is impossible. */
export class FormatError extends Error {
	readonly reason: 'truncated' | 'invalid';
	constructor(reason: 'truncated' | 'invalid', message: string) {
		super(message);
		this.name = 'FormatError';
		this.reason = reason;
	}
}

const invalid = (message: string) => new FormatError('invalid', message);

// ---- text --------------------------------------------------------------------------------

const encoder = new TextEncoder();
// fatal: malformed UTF-8 is refused rather than patched with U+FFFD; ignoreBOM: a leading
// U+FEFF is kept as a character, so decoding never drops bytes silently.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** Whether `text` has no unpaired surrogate, so it survives UTF-8 unchanged. */
export function isWellFormed(text: string): boolean {
	return !LONE_SURROGATE.test(text);
}

/** `text` with each unpaired surrogate replaced by U+FFFD (what UTF-8 would do anyway). */
export function toWellFormed(text: string): string {
	return text.replace(LONE_SURROGATES, '\uFFFD');
}

/** UTF-8 bytes of `text` (unpaired surrogates become U+FFFD, as TextEncoder does). */
export function utf8(text: string): Bytes {
	return encoder.encode(text) as Bytes;
}

/** How many code points `text` has (a surrogate pair counts once, as `[...text]` does). */
export function codePoints(text: string): number {
	let n = text.length;
	for (let i = 0; i < text.length - 1; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdbff) {
			const d = text.charCodeAt(i + 1);
			if (d >= 0xdc00 && d <= 0xdfff) {
				n--;
				i++;
			}
		}
	}
	return n;
}

/** `text` cut to at most `max` code points. */
export function cutText(text: string, max: number): string {
	return text.length <= max ? text : [...text].slice(0, max).join('');
}

// ---- writing -----------------------------------------------------------------------------

/** Appends bytes to a growing buffer. Throws a plain Error on values no encoder should pass. */
export class ByteWriter {
	private buffer: Bytes = new Uint8Array(256);
	private size = 0;

	get length(): number {
		return this.size;
	}

	private room(n: number): void {
		if (this.size + n <= this.buffer.length) return;
		const next = new Uint8Array(Math.max(this.buffer.length * 2, this.size + n));
		next.set(this.buffer.subarray(0, this.size));
		this.buffer = next;
	}

	byte(value: number): this {
		if (!Number.isInteger(value) || value < 0 || value > 0xff) {
			throw new Error(`byte out of range: ${value}`);
		}
		this.room(1);
		this.buffer[this.size++] = value;
		return this;
	}

	/** Unsigned LEB128: 7 bits a byte, low bits first, high bit set on all but the last. */
	varint(value: number): this {
		if (!Number.isSafeInteger(value) || value < 0) {
			throw new Error(`varint must be a whole number from 0 to 2^53 - 1, not ${value}`);
		}
		let rest = value;
		while (rest >= 0x80) {
			this.byte((rest % 0x80) | 0x80);
			rest = Math.floor(rest / 0x80);
		}
		return this.byte(rest);
	}

	bytes(values: Uint8Array): this {
		this.room(values.length);
		this.buffer.set(values, this.size);
		this.size += values.length;
		return this;
	}

	/** Big-endian 32-bit unsigned integer (the CRC). */
	uint32(value: number): this {
		if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff) {
			throw new Error(`uint32 out of range: ${value}`);
		}
		return this.byte(value >>> 24)
			.byte((value >>> 16) & 0xff)
			.byte((value >>> 8) & 0xff)
			.byte(value & 0xff);
	}

	/** The byte length as a varint, then the UTF-8 bytes; at most `maxChars` code points. */
	string(text: string, maxChars: number): this {
		if (codePoints(text) > maxChars) throw new Error(`text longer than ${maxChars}: "${text}"`);
		if (!isWellFormed(text)) throw new Error('text has an unpaired surrogate');
		const data = utf8(text);
		return this.varint(data.length).bytes(data);
	}

	/** A copy of the bytes written so far. */
	finish(): Bytes {
		return this.buffer.slice(0, this.size);
	}
}

// ---- reading -----------------------------------------------------------------------------

/** Reads bytes front to back; every fault throws `FormatError`. */
export class ByteReader {
	private readonly data: Uint8Array;
	private position: number;
	private readonly end: number;

	constructor(data: Uint8Array, start = 0, end = data.length) {
		this.data = data;
		this.position = start;
		this.end = end;
	}

	get offset(): number {
		return this.position;
	}

	get remaining(): number {
		return this.end - this.position;
	}

	byte(): number {
		if (this.position >= this.end) throw new FormatError('truncated', 'ran out of bytes');
		return this.data[this.position++];
	}

	/**
	 * An unsigned LEB128 value up to `max` (at most 2^53 - 1). Only the shortest form is
	 * accepted (no trailing 0x80 … 0x00 padding), so each value has exactly one encoding.
	 */
	varint(max = Number.MAX_SAFE_INTEGER): number {
		let value = 0;
		let scale = 1;
		for (let i = 0; ; i++) {
			const b = this.byte();
			if (i > 0 && b === 0) throw invalid('varint not in its shortest form');
			value += (b & 0x7f) * scale;
			if (value > max) throw invalid(`number too large (over ${max})`);
			if ((b & 0x80) === 0) return value;
			scale *= 0x80;
			if (i >= 7) throw invalid('varint too long');
		}
	}

	bytes(n: number): Uint8Array {
		if (n > this.remaining) throw new FormatError('truncated', 'ran out of bytes');
		const out = this.data.subarray(this.position, this.position + n);
		this.position += n;
		return out;
	}

	uint32(): number {
		const [a, b, c, d] = this.bytes(4);
		return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
	}

	/** Text written by `ByteWriter.string`: valid UTF-8 of at most `maxChars` code points. */
	string(maxChars: number): string {
		const length = this.varint(maxChars * 4);
		const raw = this.bytes(length);
		let text: string;
		try {
			text = decoder.decode(raw);
		} catch {
			throw invalid('text is not valid UTF-8');
		}
		if (codePoints(text) > maxChars) throw invalid(`text longer than ${maxChars} characters`);
		return text;
	}

	/** Throws unless every byte was read. */
	done(): void {
		if (this.position !== this.end) throw invalid(`${this.remaining} unexpected bytes at the end`);
	}
}

// ---- base64url ---------------------------------------------------------------------------

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Whether every character of `text` is in the base64url alphabet (no padding). */
export function isBase64url(text: string): boolean {
	return BASE64URL.test(text);
}

/** base64url without padding (RFC 4648 §5). */
export function toBase64url(bytes: Uint8Array): string {
	let out = '';
	let i = 0;
	for (; i + 3 <= bytes.length; i += 3) {
		const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
		out +=
			ALPHABET[n >>> 18] + ALPHABET[(n >>> 12) & 63] + ALPHABET[(n >>> 6) & 63] + ALPHABET[n & 63];
	}
	if (bytes.length - i === 1) {
		const n = bytes[i] << 16;
		out += ALPHABET[n >>> 18] + ALPHABET[(n >>> 12) & 63];
	} else if (bytes.length - i === 2) {
		const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
		out += ALPHABET[n >>> 18] + ALPHABET[(n >>> 12) & 63] + ALPHABET[(n >>> 6) & 63];
	}
	return out;
}

/**
 * Decodes base64url leniently enough to diagnose a damaged code: a final lone character
 * (which can only come from a cut) is ignored, and so are leftover bits. `canonical` says
 * whether the text is exactly what `toBase64url` gives for the bytes. Null when a character
 * is not in the alphabet (padding '=' included).
 */
export function readBase64url(text: string): { bytes: Bytes; canonical: boolean } | null {
	if (!isBase64url(text)) return null;
	const usable = text.length % 4 === 1 ? text.length - 1 : text.length;
	const bytes = new Uint8Array(Math.floor((usable * 6) / 8));
	let bits = 0;
	let buffer = 0;
	let k = 0;
	for (let i = 0; i < usable; i++) {
		buffer = ((buffer << 6) | VALUES[text.charCodeAt(i)]) & 0xffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			bytes[k++] = (buffer >>> bits) & 0xff;
		}
	}
	const leftover = buffer & ((1 << bits) - 1);
	return { bytes, canonical: usable === text.length && leftover === 0 };
}

/** Strict base64url: null unless `text` is exactly the encoding of some bytes. */
export function fromBase64url(text: string): Bytes | null {
	const read = readBase64url(text);
	return read && read.canonical ? read.bytes : null;
}

// ---- base32 ------------------------------------------------------------------------------

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE32_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE32.length; i++) BASE32_VALUES[BASE32.charCodeAt(i)] = i;

/**
 * Base32 (RFC 4648 §6) without padding: uppercase letters and the digits 2 to 7 only, so a
 * QR code holds it in its alphanumeric mode (5 bits in 5.5) and a URL fragment carries it
 * as it is.
 */
export function toBase32(bytes: Uint8Array): string {
	let out = '';
	let buffer = 0;
	let bits = 0;
	for (const b of bytes) {
		buffer = ((buffer << 8) | b) & 0xfff;
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			out += BASE32[(buffer >>> bits) & 31];
		}
	}
	if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
	return out;
}

/**
 * Decodes base32 leniently enough to diagnose a damaged code, as `readBase64url` does: a
 * final run of characters that no whole byte can end with (1, 3 or 6 past a multiple of 8,
 * which only a cut makes) is ignored, and so are leftover bits; `canonical` says whether
 * `text` is exactly what `toBase32` gives for the bytes. Null when a character is not in the
 * alphabet (lowercase and padding included).
 */
export function readBase32(text: string): { bytes: Bytes; canonical: boolean } | null {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 128 || BASE32_VALUES[c] < 0) return null;
	}
	const rest = text.length % 8;
	const drop = rest === 1 || rest === 3 || rest === 6 ? 1 : 0;
	const usable = text.length - drop;
	const bytes = new Uint8Array(Math.floor((usable * 5) / 8));
	let buffer = 0;
	let bits = 0;
	let k = 0;
	for (let i = 0; i < usable; i++) {
		buffer = ((buffer << 5) | BASE32_VALUES[text.charCodeAt(i)]) & 0xfff;
		bits += 5;
		if (bits >= 8) {
			bits -= 8;
			bytes[k++] = (buffer >>> bits) & 0xff;
		}
	}
	const leftover = buffer & ((1 << bits) - 1);
	return { bytes, canonical: drop === 0 && leftover === 0 };
}

// ---- CRC-32 ------------------------------------------------------------------------------

const CRC_TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	CRC_TABLE[n] = c >>> 0;
}

/** CRC-32 (IEEE 802.3, as zip and PNG use) of `bytes[start, end)`. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
	let c = 0xffff_ffff;
	for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffff_ffff) >>> 0;
}

// ---- hex ---------------------------------------------------------------------------------

/** Lowercase hex. */
export function toHex(bytes: Uint8Array): string {
	let out = '';
	for (const b of bytes) out += b.toString(16).padStart(2, '0');
	return out;
}

/** Bytes of lowercase or uppercase hex; null unless `text` is an even run of hex digits. */
export function fromHex(text: string): Bytes | null {
	if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return null;
	const out = new Uint8Array(text.length / 2);
	for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
	return out;
}

/**
 * Codes as bytes, for tests that damage them: a code's bytes as its CRC sees them (format
 * 2: the 4 prefix characters as ASCII, then what the base32 holds; format 1: what the
 * base64url holds), and back to text.
 */
import {
	crc32,
	fromBase64url,
	readBase32,
	toBase32,
	toBase64url,
	utf8
} from '../../../src/lib/domain/binary.ts';

export type Format = 1 | 2;

/** The format of a code, from its fourth character (lowercase: format 1). */
export const formatOf = (code: string): Format => (/^FDK[a-z]/.test(code) ? 1 : 2);

/** The code's bytes, the CRC's view of them. */
export function bytesOf(code: string): Uint8Array {
	if (formatOf(code) === 1) return fromBase64url(code)!;
	return new Uint8Array([...utf8(code.slice(0, 4)), ...readBase32(code.slice(4))!.bytes]);
}

/** Bytes back to a code of `format` (format 2: a changed prefix byte stays a character). */
export function textOf(bytes: Uint8Array, format: Format): string {
	if (format === 1) return toBase64url(bytes);
	return String.fromCharCode(...bytes.subarray(0, 4)) + toBase32(bytes.subarray(4));
}

/** The bytes with their last 4 replaced by a fresh CRC of the rest. */
export function withCrc(bytes: Uint8Array): Uint8Array {
	const out = bytes.slice();
	new DataView(out.buffer).setUint32(out.length - 4, crc32(out, 0, out.length - 4));
	return out;
}

/** A character of the code's own alphabet, from 6 bits. */
export function charOf(format: Format, bits: number): string {
	return format === 1
		? toBase64url(new Uint8Array([bits << 2]))[0]
		: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[bits % 32];
}

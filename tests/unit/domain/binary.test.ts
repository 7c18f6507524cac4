import fc from 'fast-check';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	ByteReader,
	ByteWriter,
	codePoints,
	crc32,
	cutText,
	FormatError,
	isWellFormed,
	fromBase64url,
	fromHex,
	readBase32,
	readBase64url,
	toBase32,
	toBase64url,
	toHex,
	toWellFormed,
	utf8
} from '../../../src/lib/domain/binary.ts';
import { runs } from '../property-runs';

const RUNS = { numRuns: runs(2000), seed: 20_231_001 };

/** The FormatError `read` throws, or a failure when it does not throw one. */
function formatError(read: () => unknown): FormatError {
	try {
		read();
	} catch (e) {
		if (e instanceof FormatError) return e;
		throw e;
	}
	throw new Error('expected a FormatError');
}

const reader = (...bytes: number[]) => new ByteReader(new Uint8Array(bytes));

describe('varints', () => {
	it('round-trips every safe whole number, in the fewest bytes', () => {
		fc.assert(
			fc.property(fc.maxSafeNat(), (n) => {
				const bytes = new ByteWriter().varint(n).finish();
				expect(bytes.length).toBe(Math.max(1, Math.ceil(Math.log2(n + 1) / 7)));
				const r = new ByteReader(bytes);
				expect(r.varint()).toBe(n);
				r.done();
			}),
			RUNS
		);
	});

	it('writes the LEB128 forms', () => {
		expect([...new ByteWriter().varint(0).finish()]).toEqual([0]);
		expect([...new ByteWriter().varint(127).finish()]).toEqual([0x7f]);
		expect([...new ByteWriter().varint(128).finish()]).toEqual([0x80, 0x01]);
		expect([...new ByteWriter().varint(300).finish()]).toEqual([0xac, 0x02]);
	});

	it('refuses padded forms, values over the maximum, and running out', () => {
		expect(formatError(() => reader(0x80, 0x00).varint()).reason).toBe('invalid');
		expect(formatError(() => reader(0xff, 0x80, 0x00).varint()).reason).toBe('invalid');
		expect(formatError(() => reader(0xac, 0x02).varint(299)).reason).toBe('invalid');
		expect(formatError(() => reader(...Array(8).fill(0xff), 0x7f).varint()).reason).toBe('invalid');
		expect(formatError(() => reader(0x80).varint()).reason).toBe('truncated');
		expect(formatError(() => reader().byte()).reason).toBe('truncated');
		expect(formatError(() => reader(1, 2).bytes(3)).reason).toBe('truncated');
	});

	it('refuses to write what is not a safe whole number', () => {
		for (const bad of [-1, 1.5, NaN, Infinity, 2 ** 53]) {
			expect(() => new ByteWriter().varint(bad)).toThrow(/varint/);
		}
		expect(() => new ByteWriter().byte(256)).toThrow(/byte/);
	});
});

describe('text', () => {
	it('round-trips any well-formed text within its limit', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (text) => {
				const r = new ByteReader(new ByteWriter().string(text, 50).finish());
				expect(r.string(50)).toBe(text);
				r.done();
			}),
			RUNS
		);
	});

	it('counts code points, as [...text] does', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
				expect(codePoints(text)).toBe([...text].length);
				expect(cutText(text, 10)).toBe([...text].slice(0, 10).join(''));
			}),
			RUNS
		);
		expect(codePoints('\uD83D\uDE00a')).toBe(2);
		expect(codePoints('\uD83Da')).toBe(2);
	});

	it('makes text well formed as UTF-8 would, replacing each unpaired surrogate', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
				const fixed = toWellFormed(text);
				expect(isWellFormed(fixed)).toBe(true);
				expect(fixed).toBe(new TextDecoder().decode(new TextEncoder().encode(text)));
			}),
			RUNS
		);
		expect(toWellFormed('a\uD800b\uDC00\uD83D\uDE00')).toBe('a\uFFFDb\uFFFD\uD83D\uDE00');
	});

	it('keeps a leading byte-order mark', () => {
		const r = new ByteReader(new ByteWriter().string('\uFEFFhi', 5).finish());
		expect(r.string(5)).toBe('\uFEFFhi');
	});

	it('refuses malformed UTF-8, text over the limit, and unpaired surrogates', () => {
		expect(formatError(() => reader(2, 0xc3, 0x28).string(5)).reason).toBe('invalid');
		expect(formatError(() => reader(2, 0xc0, 0x80).string(5)).reason).toBe('invalid');
		expect(formatError(() => reader(3, 0xed, 0xa0, 0x80).string(5)).reason).toBe('invalid');
		expect(formatError(() => reader(3, 0x61, 0x62, 0x63).string(2)).reason).toBe('invalid');
		expect(formatError(() => reader(3, 0x61).string(5)).reason).toBe('truncated');
		expect(() => new ByteWriter().string('abc', 2)).toThrow(/longer/);
		expect(() => new ByteWriter().string('a\uD800', 5)).toThrow(/surrogate/);
	});

	it('says when bytes are left over', () => {
		const r = reader(1, 2);
		r.byte();
		expect(formatError(() => r.done()).reason).toBe('invalid');
	});
});

describe('base64url', () => {
	it('matches Node for any bytes, and reads back', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
				const text = toBase64url(bytes);
				expect(text).toBe(Buffer.from(bytes).toString('base64url'));
				expect(fromBase64url(text)).toEqual(new Uint8Array(bytes));
			}),
			RUNS
		);
	});

	it('refuses padding, the standard alphabet and any other character', () => {
		for (const bad of ['AA==', 'A+B/', 'AB C', 'ABé', 'AB.']) expect(fromBase64url(bad)).toBeNull();
		expect(readBase64url('AB=')).toBeNull();
	});

	it('refuses text that is not exactly the encoding of some bytes', () => {
		expect(fromBase64url('A')).toBeNull(); // a lone last character
		expect(fromBase64url('AB')).toBeNull(); // leftover bits set
		expect(fromBase64url('AQ')).toEqual(new Uint8Array([1]));
		expect(readBase64url('AB')).toEqual({ bytes: new Uint8Array([0]), canonical: false });
		expect(readBase64url('AQB')).toEqual({ bytes: new Uint8Array([1, 0]), canonical: false });
		expect(readBase64url('AQ')?.canonical).toBe(true);
	});
});

describe('base32', () => {
	it('gives the test vectors of RFC 4648, and reads them back', () => {
		const vectors = ['', 'MY', 'MZXQ', 'MZXW6', 'MZXW6YQ', 'MZXW6YTB', 'MZXW6YTBOI'];
		vectors.forEach((encoded, n) => {
			const bytes = new TextEncoder().encode('foobar'.slice(0, n));
			expect(toBase32(bytes)).toBe(encoded);
			expect(readBase32(encoded)).toEqual({ bytes, canonical: true });
		});
	});

	it('round-trips any bytes in uppercase letters and 2 to 7 only', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
				const text = toBase32(bytes);
				expect(text).toMatch(/^[A-Z2-7]*$/);
				expect(text.length).toBe(Math.ceil((bytes.length * 8) / 5));
				expect(readBase32(text)).toEqual({ bytes, canonical: true });
			}),
			RUNS
		);
	});

	it('refuses other characters, and marks cut or padded-with-bits text as not canonical', () => {
		for (const text of ['MZXW6===', 'mzxw6', 'MZXW1', 'MZXW8', 'MZ-W6', 'MZ W6']) {
			expect(readBase32(text)).toBeNull();
		}
		// A cut: 1, 3 or 6 characters past a multiple of 8 cannot end a byte.
		expect(readBase32('MZXW6YTBO')).toEqual({ bytes: utf8('fooba'), canonical: false });
		expect(readBase32('MZX')).toEqual({ bytes: utf8('f'), canonical: false });
		// "MZ" is "f"; "M3" has a bit set past the byte.
		expect(readBase32('M3')).toEqual({ bytes: utf8('f'), canonical: false });
	});
});

describe('CRC-32', () => {
	it('gives the check value of the standard', () => {
		expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
		expect(crc32(new Uint8Array())).toBe(0);
	});

	it('matches zlib, on whole arrays and ranges', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(), (bytes, cut) => {
				expect(crc32(bytes)).toBe(zlibCrc32(bytes));
				const end = bytes.length ? cut % bytes.length : 0;
				expect(crc32(bytes, 0, end)).toBe(zlibCrc32(bytes.subarray(0, end)));
			}),
			RUNS
		);
	});

	it('round-trips as a big-endian uint32', () => {
		const bytes = new ByteWriter().uint32(0xcbf43926).finish();
		expect([...bytes]).toEqual([0xcb, 0xf4, 0x39, 0x26]);
		expect(new ByteReader(bytes).uint32()).toBe(0xcbf43926);
	});
});

describe('hex', () => {
	it('round-trips', () => {
		expect(toHex(new Uint8Array([0, 15, 255]))).toBe('000fff');
		expect(fromHex('000fFF')).toEqual(new Uint8Array([0, 15, 255]));
		expect(fromHex('abc')).toBeNull();
		expect(fromHex('zz')).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { fromBase64url, fromHex, toBase64url } from '../../../src/lib/domain/binary.ts';
import {
	compressPoint,
	decompressPoint,
	generateTeacherKeys,
	keyFingerprint
} from '../../../src/lib/domain/teacher-keys.ts';

describe('teacher keys', () => {
	it('are P-256 key pairs whose public half is the compressed point, 33 bytes', async () => {
		const keys = await generateTeacherKeys();
		const compressed = fromBase64url(keys.publicKey)!;
		expect(compressed.length).toBe(33);
		expect(keys.publicKey.length).toBe(44);
		expect(keys.privateKey).toMatchObject({ kty: 'EC', crv: 'P-256', ext: true });
		expect(keys.privateKey.d).toBeTypeOf('string');
		// The JWK's own x and y are those of the decompressed point.
		const point = decompressPoint(compressed)!;
		expect(toBase64url(point.subarray(1, 33))).toBe(keys.privateKey.x);
		expect(toBase64url(point.subarray(33))).toBe(keys.privateKey.y);
	});

	it('have a fingerprint: the first 4 bytes of SHA-256 of the compressed key, in hex', async () => {
		const keys = await generateTeacherKeys();
		const digest = new Uint8Array(
			await crypto.subtle.digest('SHA-256', fromBase64url(keys.publicKey)!)
		);
		expect(await keyFingerprint(keys.publicKey)).toBe(
			Buffer.from(digest.slice(0, 4)).toString('hex')
		);
		await expect(keyFingerprint('not a key')).rejects.toThrow(/P-256/);
	});
});

describe('P-256 point compression', () => {
	const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

	it("round-trips with Web Crypto's own raw export, and Web Crypto imports the result", async () => {
		for (let i = 0; i < 40; i++) {
			const pair = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
			const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
			const compressed = compressPoint(raw);
			expect(compressed.length).toBe(33);
			expect(compressed[0]).toBe(0x02 | (raw[64] & 1));
			const back = decompressPoint(compressed)!;
			expect(back).toEqual(raw);
			const imported = await crypto.subtle.importKey('raw', back, ECDH, true, []);
			expect(new Uint8Array(await crypto.subtle.exportKey('raw', imported))).toEqual(raw);
		}
	});

	it('refuses bytes that are not a point on the curve', async () => {
		const pair = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
		const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
		const good = compressPoint(raw);
		expect(decompressPoint(good.subarray(0, 32))).toBeNull();
		expect(decompressPoint(new Uint8Array([0x04, ...good.subarray(1)]))).toBeNull();
		// x = p is outside the field.
		const p = fromHex('ffffffff00000001000000000000000000000000ffffffffffffffffffffffff')!;
		expect(decompressPoint(new Uint8Array([0x02, ...p]))).toBeNull();
		// About half of all x have no point on the curve; Web Crypto agrees on each.
		let refused = 0;
		for (let x = 0; x < 20; x++) {
			const bytes = new Uint8Array(33);
			bytes[0] = 0x02;
			bytes[32] = x;
			const point = decompressPoint(bytes);
			if (!point) {
				refused++;
				await expect(
					crypto.subtle.importKey(
						'raw',
						new Uint8Array([0x04, ...bytes.subarray(1), ...new Uint8Array(32)]),
						ECDH,
						true,
						[]
					)
				).rejects.toThrow();
			} else {
				await expect(crypto.subtle.importKey('raw', point, ECDH, true, [])).resolves.toBeDefined();
			}
		}
		expect(refused).toBeGreaterThan(3);
		expect(() => compressPoint(good)).toThrow(/uncompressed/);
	});
});

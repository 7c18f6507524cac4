/**
 * The teacher's keys, and the encryption that makes a result readable only on the teacher's
 * device that shared the assignment. Pure Web Crypto and bigint arithmetic, the same in
 * browsers and Node.
 *
 * Keys. The teacher's device makes an ECDH P-256 key pair once (`generateTeacherKeys`); the
 * public half travels in every assignment link as a compressed point (33 bytes, base64url).
 * A key's fingerprint (`keyFingerprint`) is the first 4 bytes of SHA-256 of that point.
 *
 * Encryption (ECIES), format 2: the student's app makes a fresh ephemeral P-256 key pair and
 * agrees a secret with the teacher's key (ECDH: the x coordinate of the shared point). HKDF-
 * SHA-256 (salt: the ephemeral key's x; info: 'factdeck-result-v2') turns it into 44 bytes:
 * an AES-256-GCM key and its 12-byte IV. The payload is encrypted with a 12-byte tag,
 * authenticating what the caller gives as additional data (the result code's clear header).
 * Only the ephemeral key's x travels (32 bytes): ECDH gives the same secret for either point
 * with that x, so its y is read as the even one. The IV need not travel either: the key is
 * new for every code (the ephemeral key is), so an IV derived with it is never reused under
 * one key, which is all AES-GCM asks.
 *
 * Format 1 (read only): the whole compressed ephemeral key (33 bytes) travels and salts HKDF
 * (info 'factdeck-result-v1'), which gives only the AES key; the IV is random and travels
 * (12 bytes); the tag is 16 bytes.
 *
 * `encryptTo` is the student's half; `importTeacherKeys` and `decryptFrom` are the
 * teacher's. Where the pieces go in a code is result-code.ts's business.
 */
import { fromBase64url, toBase64url, toHex, utf8, type Bytes } from './binary.ts';
import type { CodeFormat } from './code-envelope.ts';

/** A teacher's key pair as the teacher's device stores it (settings store, backups). */
export interface TeacherKeys {
	/** Compressed P-256 point (33 bytes), base64url: what assignment links carry. */
	publicKey: string;
	privateKey: JsonWebKey;
	/** When this device made (or was given) the pair; the newest is the one links carry. */
	createdAt?: number;
}

/** Bytes of a key's fingerprint, which result codes carry in clear. */
export const FINGERPRINT_BYTES = 4;
/** Bytes of a P-256 coordinate: what format 2 carries of an ephemeral key. */
export const COORDINATE_BYTES = 32;
/** Bytes of the AES-GCM authentication tag at the end of a ciphertext, by format. */
export const TAG_BYTES: Record<CodeFormat, number> = { 1: 16, 2: 12 };
/** Bytes of the AES-GCM IV (format 1 carries it; format 2 derives it). */
export const IV_BYTES = 12;

const HKDF_INFO: Record<CodeFormat, Bytes> = {
	1: utf8('factdeck-result-v1'),
	2: utf8('factdeck-result-v2')
};
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

const subtle = () => globalThis.crypto.subtle;

// ---- P-256 points ------------------------------------------------------------------------

// NIST P-256 (secp256r1): y² = x³ - 3x + b over the prime field p. p ≡ 3 (mod 4), so a
// square root of a is a^((p+1)/4) whenever a is a square.
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;
const SQRT_EXPONENT = (P + 1n) / 4n;

/** Length of a compressed P-256 public key (0x02 or 0x03, then x). */
export const COMPRESSED_POINT_BYTES = 33;
/** Length of an uncompressed one (0x04, then x, then y): Web Crypto's 'raw' format. */
export const UNCOMPRESSED_POINT_BYTES = 65;

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
	let result = 1n;
	let b = base % modulus;
	let e = exponent;
	while (e > 0n) {
		if (e & 1n) result = (result * b) % modulus;
		b = (b * b) % modulus;
		e >>= 1n;
	}
	return result;
}

function bigFromBytes(bytes: Uint8Array): bigint {
	let n = 0n;
	for (const b of bytes) n = (n << 8n) | BigInt(b);
	return n;
}

function bytesFromBig(n: bigint, length: number): Bytes {
	const out = new Uint8Array(length);
	let rest = n;
	for (let i = length - 1; i >= 0; i--) {
		out[i] = Number(rest & 0xffn);
		rest >>= 8n;
	}
	return out;
}

const curveRight = (x: bigint) => (((x * x * x - 3n * x + B) % P) + P) % P;

/**
 * The compressed form of an uncompressed P-256 point (65 bytes, as Web Crypto exports it).
 * Throws a plain Error when the input is not such a point (a programming error).
 */
export function compressPoint(raw: Uint8Array): Bytes {
	if (raw.length !== UNCOMPRESSED_POINT_BYTES || raw[0] !== 0x04) {
		throw new Error('not an uncompressed P-256 point');
	}
	const out = new Uint8Array(COMPRESSED_POINT_BYTES);
	out[0] = 0x02 | (raw[64] & 1);
	out.set(raw.subarray(1, 33), 1);
	return out;
}

/**
 * The uncompressed point (65 bytes) for a compressed one, or null when the bytes are not a
 * point on the curve (wrong length or prefix, x out of the field, or no y for that x).
 */
export function decompressPoint(compressed: Uint8Array): Bytes | null {
	if (compressed.length !== COMPRESSED_POINT_BYTES) return null;
	const prefix = compressed[0];
	if (prefix !== 0x02 && prefix !== 0x03) return null;
	const x = bigFromBytes(compressed.subarray(1));
	if (x >= P) return null;
	const right = curveRight(x);
	let y = modPow(right, SQRT_EXPONENT, P);
	if ((y * y) % P !== right) return null;
	if ((y & 1n) !== BigInt(prefix & 1)) y = P - y;
	const out = new Uint8Array(UNCOMPRESSED_POINT_BYTES);
	out[0] = 0x04;
	out.set(compressed.subarray(1), 1);
	out.set(bytesFromBig(y, 32), 33);
	return out;
}

/** A teacher key's compressed point, or null unless it is a valid P-256 public key. */
export function teacherKeyBytes(key: unknown): Bytes | null {
	if (typeof key !== 'string') return null;
	const bytes = fromBase64url(key);
	return bytes && decompressPoint(bytes) ? bytes : null;
}

/** The compressed point of a public key, or a plain Error when it is not a P-256 key. */
export function publicKeyBytes(publicKey: string): Bytes {
	const bytes = teacherKeyBytes(publicKey);
	if (!bytes) throw new Error('not a compressed P-256 public key');
	return bytes;
}

// ---- keys --------------------------------------------------------------------------------

/** A new ECDH P-256 key pair for a teacher's device (extractable, so backups can keep it). */
export async function generateTeacherKeys(): Promise<TeacherKeys> {
	const pair = await subtle().generateKey(ECDH, true, ['deriveBits']);
	const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
	return {
		publicKey: toBase64url(compressPoint(raw)),
		privateKey: await subtle().exportKey('jwk', pair.privateKey)
	};
}

async function fingerprintBytes(compressed: Bytes): Promise<Bytes> {
	const digest = new Uint8Array(await subtle().digest('SHA-256', compressed));
	return digest.slice(0, FINGERPRINT_BYTES);
}

/**
 * The first 4 bytes of SHA-256 of the compressed key, as 8 hex digits: what result codes
 * carry in clear to say which teacher they are for (and a short name to show for a key).
 * @throws Error when `publicKey` is not a compressed P-256 key.
 */
export async function keyFingerprint(publicKey: string): Promise<string> {
	return toHex(await fingerprintBytes(publicKeyBytes(publicKey)));
}

/** The secret ECDH agrees between our private key and the other side's public point. */
async function sharedSecret(privateKey: CryptoKey, publicPoint: Bytes): Promise<ArrayBuffer> {
	const publicKey = await subtle().importKey('raw', publicPoint, ECDH, false, []);
	return subtle().deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
}

/** Format 2's AES-GCM key and IV for one code, from the secret and the ephemeral key's x. */
async function keyAndIv(
	secret: ArrayBuffer,
	ephemeralX: Bytes,
	usage: 'encrypt' | 'decrypt'
): Promise<{ key: CryptoKey; iv: Bytes }> {
	const hkdf = await subtle().importKey('raw', secret, 'HKDF', false, ['deriveBits']);
	const bits = new Uint8Array(
		await subtle().deriveBits(
			{ name: 'HKDF', hash: 'SHA-256', salt: ephemeralX, info: HKDF_INFO[2] },
			hkdf,
			(32 + IV_BYTES) * 8
		)
	);
	const key = await subtle().importKey('raw', bits.slice(0, 32), 'AES-GCM', false, [usage]);
	return { key, iv: bits.slice(32) };
}

/** Format 1's AES-GCM key for one code, from the secret and the compressed ephemeral key. */
async function formatOneKey(secret: ArrayBuffer, ephemeral: Bytes): Promise<CryptoKey> {
	const hkdf = await subtle().importKey('raw', secret, 'HKDF', false, ['deriveKey']);
	return subtle().deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: ephemeral, info: HKDF_INFO[1] },
		hkdf,
		{ name: 'AES-GCM', length: 256 },
		false,
		['decrypt']
	);
}

// ---- the student's half: encrypting -----------------------------------------------------

/** What encrypting gives: the pieces a format 2 code carries. */
export interface Encrypted {
	/** Of the teacher key (FINGERPRINT_BYTES). */
	fingerprint: Bytes;
	/** The ephemeral public key's x (COORDINATE_BYTES). */
	ephemeral: Bytes;
	/** AES-GCM output, the tag (TAG_BYTES[2]) at its end. */
	ciphertext: Bytes;
}

/**
 * Encrypts `plaintext` for the teacher whose public key is `teacherPublicKey` (ECIES, format
 * 2, as the header says), authenticating `additionalData(fingerprint)` with it.
 * @throws Error when `teacherPublicKey` is not a compressed P-256 key.
 */
export async function encryptTo(
	teacherPublicKey: string,
	plaintext: Uint8Array,
	additionalData: (fingerprint: Bytes) => Bytes
): Promise<Encrypted> {
	const teacherBytes = publicKeyBytes(teacherPublicKey);
	const pair = await subtle().generateKey(ECDH, false, ['deriveBits']);
	const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
	const ephemeral = raw.slice(1, 1 + COORDINATE_BYTES);
	const secret = await sharedSecret(pair.privateKey, decompressPoint(teacherBytes)!);
	const { key, iv } = await keyAndIv(secret, ephemeral, 'encrypt');
	const fingerprint = await fingerprintBytes(teacherBytes);
	const ciphertext = new Uint8Array(
		await subtle().encrypt(
			{
				name: 'AES-GCM',
				iv,
				additionalData: additionalData(fingerprint),
				tagLength: TAG_BYTES[2] * 8
			},
			key,
			plaintext.slice()
		)
	);
	return { fingerprint, ephemeral, ciphertext };
}

// ---- the teacher's half: decrypting -----------------------------------------------------

/** A teacher's keys, ready for Web Crypto. */
export interface ImportedKeys {
	fingerprint: Bytes;
	privateKey: CryptoKey;
}

/** Imported keys, by the keys object: a teacher pasting 30 codes imports once. */
const imported = new WeakMap<TeacherKeys, Promise<ImportedKeys>>();

/**
 * The keys imported into Web Crypto (once per keys object).
 * @throws (rejects) when the stored keys are unusable.
 */
export function importTeacherKeys(keys: TeacherKeys): Promise<ImportedKeys> {
	let found = imported.get(keys);
	if (!found) {
		found = (async () => ({
			fingerprint: await fingerprintBytes(publicKeyBytes(keys.publicKey)),
			privateKey: await subtle().importKey('jwk', keys.privateKey, ECDH, false, ['deriveBits'])
		}))();
		imported.set(keys, found);
	}
	return found;
}

/** What a code carries for decrypting it, by format. */
export type Sealed =
	| { format: 2; ephemeral: Bytes; ciphertext: Bytes; additionalData: Bytes }
	| { format: 1; ephemeral: Bytes; iv: Bytes; ciphertext: Bytes; additionalData: Bytes };

/**
 * The plaintext of a code made for our key, or null when its ephemeral key is no point on
 * the curve (`ephemeral`: format 2 its x, format 1 the compressed point).
 * @throws (rejects) when authentication fails: a changed byte, or another key.
 */
export async function decryptFrom(privateKey: CryptoKey, sealed: Sealed): Promise<Bytes | null> {
	const compressed =
		sealed.format === 2 ? new Uint8Array([0x02, ...sealed.ephemeral]) : sealed.ephemeral;
	const point = decompressPoint(compressed);
	if (!point) return null;
	const secret = await sharedSecret(privateKey, point);
	const { key, iv } =
		sealed.format === 2
			? await keyAndIv(secret, sealed.ephemeral, 'decrypt')
			: { key: await formatOneKey(secret, sealed.ephemeral), iv: sealed.iv };
	return new Uint8Array(
		await subtle().decrypt(
			{
				name: 'AES-GCM',
				iv,
				additionalData: sealed.additionalData,
				tagLength: TAG_BYTES[sealed.format] * 8
			},
			key,
			sealed.ciphertext
		)
	);
}

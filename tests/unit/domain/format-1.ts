/**
 * Factdeck's code format 1 (base64url, "FDKa…" and "FDKr…"), as the encoders of format 1
 * wrote it, frozen here so the tests can keep making such codes: the app writes format 2
 * now, and must go on opening the links people made before. Never change this file to
 * follow the app; it is the old writer, byte for byte (taken from the encoders at commit
 * 4b0a0fc).
 */
import type {
	AssignmentLink,
	AssignmentResult,
	BankIndex,
	ResultAnswer
} from '../../../src/lib/domain/assignment.ts';
import { LIMITS } from '../../../src/lib/domain/assignment.ts';
import { assignmentLinkFault } from '../../../src/lib/domain/assignment-link.ts';
import type { Item } from '../../../src/lib/domain/bank.ts';
import {
	ByteWriter,
	crc32,
	cutText,
	fromBase64url,
	fromHex,
	toBase64url,
	toWellFormed,
	utf8,
	type Bytes
} from '../../../src/lib/domain/binary.ts';
import type { AnswerResponse } from '../../../src/lib/domain/check-answer.ts';
import { GRADES } from '../../../src/lib/domain/records.ts';
import { compressPoint, decompressPoint } from '../../../src/lib/domain/teacher-keys.ts';

// ---- the envelope ------------------------------------------------------------------------

const MAGIC = { assignment: [0x14, 0x32, 0x9a], result: [0x14, 0x32, 0xab] } as const;
const CRC_BYTES = 4;

/** Magic, format version 1, and the length of what follows (CRC included). */
export function headerV1(kind: 'assignment' | 'result', bodyLength: number): Bytes {
	return new ByteWriter()
		.bytes(new Uint8Array(MAGIC[kind]))
		.byte(1)
		.varint(bodyLength + CRC_BYTES)
		.finish();
}

/** The whole format 1 code for `body`, as bytes: header, body, CRC. */
export function sealV1(kind: 'assignment' | 'result', body: Uint8Array): Bytes {
	const writer = new ByteWriter().bytes(headerV1(kind, body.length)).bytes(body);
	return writer.uint32(crc32(writer.finish())).finish();
}

// ---- assignment links ----------------------------------------------------------------------

const DUE_EPOCH = Date.UTC(2020, 0, 1);

/** The format 1 code (base64url, "FDKa…") of a link. */
export function encodeAssignmentLinkV1(link: AssignmentLink, bank: BankIndex): string {
	const fault = assignmentLinkFault(link, bank);
	if (fault) throw new Error(`encodeAssignmentLink: ${fault}`);
	const s = link.settings;
	const positions = new Map(bank.published.map((id, i) => [id, i]).reverse() as [string, number][]);
	const due =
		s.dueDate === null ? 0 : (Date.parse(`${s.dueDate}T00:00:00Z`) - DUE_EPOCH) / 86_400_000 + 1;
	const flags =
		['practice', 'test', 'flashcards'].indexOf(s.mode) |
		(s.shuffle ? 0b100 : 0) |
		(s.showAnswers ? 0b1000 : 0);
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
		.bytes(fromBase64url(link.teacherKey)!)
		.varint(s.itemIds.length);
	for (const id of s.itemIds) body.varint(positions.get(id)!);
	return toBase64url(sealV1('assignment', body.finish()));
}

// ---- result payloads -----------------------------------------------------------------------

/** Longest JSON kept for a response that does not fit its item (tag 9). */
const RAW_RESPONSE_CHARS = 1000;

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

/** Whether the numbers are distinct. */
const distinct = (xs: number[]) => new Set(xs).size === xs.length;

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
				head(TAG.text).string(cutText(toWellFormed(value as string), textCut), LIMITS.answerChars);
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

/** The format 1 payload (plaintext) of a result, text answers cut to `textCut`. */
export function encodeResultPayloadV1(
	result: AssignmentResult,
	bank: BankIndex,
	lookup: (id: string) => Item | undefined,
	textCut: number = LIMITS.answerChars
): Bytes {
	const positions = new Map(bank.published.map((id, i) => [id, i]).reverse() as [string, number][]);
	const started = Math.round(result.startedAt / 1000);
	const finished = Math.round(result.finishedAt / 1000);
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
	for (const a of result.answers as ResultAnswer[]) {
		w.varint(positions.get(a.itemId)!).varint(Math.round(Math.min(Math.max(0, a.ms), 1e12) / 100));
		const grade = a.grade === null ? 0 : GRADES.indexOf(a.grade) + 1;
		writeResponse(w, grade, a.response, lookup(a.itemId), textCut);
	}
	return w.finish();
}

// ---- result codes --------------------------------------------------------------------------

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const subtle = () => globalThis.crypto.subtle;

/** Any payload encrypted for a teacher key and sealed as a format 1 result code ("FDKr…"). */
export async function encryptPayloadV1(
	plaintext: Uint8Array,
	teacherPublicKey: string
): Promise<string> {
	const teacherBytes = fromBase64url(teacherPublicKey)!;
	const ephemeral = await subtle().generateKey(ECDH, false, ['deriveBits']);
	const ephemeralPoint = compressPoint(
		new Uint8Array(await subtle().exportKey('raw', ephemeral.publicKey))
	);
	const publicKey = await subtle().importKey(
		'raw',
		decompressPoint(teacherBytes)!,
		ECDH,
		false,
		[]
	);
	const secret = await subtle().deriveBits(
		{ name: 'ECDH', public: publicKey },
		ephemeral.privateKey,
		256
	);
	const hkdf = await subtle().importKey('raw', secret, 'HKDF', false, ['deriveKey']);
	const key = await subtle().deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: ephemeralPoint, info: utf8('factdeck-result-v1') },
		hkdf,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt']
	);
	const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
	const digest = new Uint8Array(await subtle().digest('SHA-256', teacherBytes));
	const fingerprint = digest.slice(0, 4);
	const bodyLength = 4 + 33 + 12 + plaintext.length + 16;
	const header = new ByteWriter().bytes(headerV1('result', bodyLength)).bytes(fingerprint).finish();
	const ciphertext = new Uint8Array(
		await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: header }, key, plaintext.slice())
	);
	const body = new ByteWriter()
		.bytes(fingerprint)
		.bytes(ephemeralPoint)
		.bytes(iv)
		.bytes(ciphertext)
		.finish();
	return toBase64url(sealV1('result', body));
}

/** A result encrypted as format 1 wrote it: the payload, then the code. */
export async function encryptResultV1(
	result: AssignmentResult,
	teacherPublicKey: string,
	bank: BankIndex,
	lookup: (id: string) => Item | undefined
): Promise<string> {
	return encryptPayloadV1(encodeResultPayloadV1(result, bank, lookup), teacherPublicKey);
}

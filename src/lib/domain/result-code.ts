/**
 * Result codes: what a student sends back, encrypted so that only the teacher's device that
 * shared the assignment can read it. There is no server: the code travels in the fragment of
 * a link (…/collect#FDKR…), by chat, mail or QR code. This app writes format 2 and reads
 * both 2 and 1, so results made before format 2 keep opening.
 *
 * The keys and the encryption (ECIES: ephemeral ECDH P-256, HKDF-SHA-256, AES-256-GCM) are
 * in teacher-keys.ts; the envelope (prefix, length, CRC, base32) is in code-envelope.ts.
 *
 * Code body, format 2:
 *
 *   fingerprint  4 bytes  of the teacher key (see `keyFingerprint`); the prefix, `rest` and
 *                         this are the clear header, authenticated with the ciphertext
 *   ephemeral    32 bytes the x of the ephemeral P-256 public key
 *   ciphertext   …        AES-GCM, its 12-byte tag included (key and IV from HKDF)
 *   (then the envelope's CRC: a typo or a cut is reported as such before any cryptography)
 *
 * Format 1's body: fingerprint (4), the compressed ephemeral key (33), the IV (12), the
 * ciphertext with a 16-byte tag; its clear header is the magic, version, `rest` and the
 * fingerprint.
 *
 * Payload (the plaintext), format 2:
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
 *   count        varint   1 to LIMITS.maxItems answers
 *   items        packed   each answer's item, its position in `BankIndex.published`, as
 *                         `writePositions` packs them (code-envelope.ts)
 *   answers      …        each answer as response-packing.ts writes it (time, grade, response)
 *
 * Format 1's payload is the same up to `count`; then each answer is its item's position
 * (varint) and the rest as response-packing.ts reads format 1 (times in tenths).
 *
 * Round trip: decoding gives back exactly the result encoded, except that times are rounded
 * as above (answers to whole seconds), texts are cut as above, and matching pairs come back
 * in the item's left order. When a code would be longer than LIMITS.linkChars (only many
 * long typed answers can do that), text answers are cut shorter, step by step, until it fits.
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
	readPositions,
	refuse,
	sealCode,
	textFault,
	writePositions,
	type CodeFormat,
	type Refusal
} from './code-envelope.ts';
import type { Item } from './bank.ts';
import { ByteReader, ByteWriter, FormatError, fromHex, toHex, type Bytes } from './binary.ts';
import {
	interpret,
	needsItem,
	readAnswer,
	readFormatOneAnswer,
	writeAnswer,
	type RawAnswer
} from './response-packing.ts';
import { GRADES } from './records.ts';
import {
	COMPRESSED_POINT_BYTES,
	COORDINATE_BYTES,
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

/** Latest time a JavaScript Date can hold, in seconds. */
const MAX_SECONDS = 8_640_000_000_000;
/** Shorter and shorter cuts for text answers, tried in turn when a code is too long. */
const TEXT_CUTS = [LIMITS.answerChars, 60, 30, 15, 8];

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
 * The payload (plaintext, format 2) for `result`, text answers cut to `textCut`.
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
	writePositions(
		w,
		result.answers.map((a) => {
			const index = positions.get(a.itemId);
			if (index === undefined) throw new Error(`encryptResult: ${a.itemId} is not published`);
			return index;
		})
	);
	for (const a of result.answers) writeAnswer(w, a, lookup(a.itemId), textCut);
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
 * Reads a payload of either format. Checks, in order: newer bank, unknown items (not
 * published, or not in this bank when the response needs the item), invalid. Never throws.
 */
export function decodeResultPayload(
	payload: Uint8Array,
	bank: BankIndex,
	lookup: ItemLookup,
	format: CodeFormat = 2
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
		if (format === 2) {
			for (const index of readPositions(r, count)) raws.push(readAnswer(r, index));
		} else {
			for (let i = 0; i < count; i++) raws.push(readFormatOneAnswer(r));
		}
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

/** The ECIES fields around a payload, format 2: fingerprint, ephemeral x, tag. */
const SEAL_BYTES = FINGERPRINT_BYTES + COORDINATE_BYTES + TAG_BYTES[2];

const codeChars = (plaintext: number) => {
	// rest (at most 3 bytes here), the sealed payload and the CRC, in base32 after the prefix
	const bytes = 3 + SEAL_BYTES + plaintext + 4;
	return 4 + Math.ceil((bytes * 8) / 5);
};

/**
 * Encrypts `result` for the teacher whose public key is `teacherPublicKey` (from the link),
 * and returns the code (format 2), to put after '#' in a link. `bank` and `lookup` are the
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
	const bodyLength = SEAL_BYTES + plaintext.length;
	// The clear header (prefix, length, fingerprint) is authenticated as well.
	const { fingerprint, ephemeral, ciphertext } = await encryptTo(
		teacherPublicKey,
		plaintext,
		(fingerprint) =>
			new ByteWriter().bytes(codeHeader('result', bodyLength)).bytes(fingerprint).finish()
	);
	const body = new ByteWriter().bytes(fingerprint).bytes(ephemeral).bytes(ciphertext).finish();
	return sealCode('result', body);
}

/**
 * Decrypts a result code of either format (a whole link or the bare code) with this
 * device's teacher keys. Checks, in order: empty, too large, not Factdeck, wrong kind (an
 * assignment link), truncated, altered (CRC), newer format, other teacher (the fingerprint
 * is not ours), altered (authentication failed), then the payload: newer bank, unknown
 * items, invalid. Never rejects; a refusal's `message` is a sentence for the teacher.
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
		const { bytes, bodyStart, bodyEnd, format } = opened;
		const r = new ByteReader(bytes, bodyStart, bodyEnd);
		let ours: Bytes;
		let privateKey: CryptoKey;
		try {
			({ fingerprint: ours, privateKey } = await importTeacherKeys(keys));
		} catch (e) {
			return no('invalid', `this device's teacher keys are unusable: ${String(e)}`);
		}
		let plaintext: Uint8Array | null;
		try {
			const fingerprint = r.bytes(FINGERPRINT_BYTES);
			if (toHex(fingerprint) !== toHex(ours)) return no('other-teacher', 'fingerprint differs');
			const additionalData = bytes.slice(0, r.offset);
			const ephemeral = r.bytes(format === 2 ? COORDINATE_BYTES : COMPRESSED_POINT_BYTES).slice();
			const iv = format === 1 ? r.bytes(IV_BYTES).slice() : null;
			if (r.remaining < TAG_BYTES[format]) return no('altered', 'no room for the tag');
			const ciphertext = r.bytes(r.remaining).slice();
			plaintext = await decryptFrom(
				privateKey,
				iv === null
					? { format: 2, ephemeral, ciphertext, additionalData }
					: { format: 1, ephemeral, iv, ciphertext, additionalData }
			);
		} catch (e) {
			if (e instanceof FormatError) return no('altered', e.message);
			return no('altered', `decryption failed: ${String(e)}`);
		}
		if (!plaintext) return no('altered', 'the ephemeral key is not on the curve');
		return decodeResultPayload(plaintext, bank, lookup, format);
	} catch (e) {
		return no('invalid', e instanceof Error ? e.message : String(e));
	}
}

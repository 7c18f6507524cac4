/**
 * Assignment links: a teacher's set, packed into the fragment of a link (…/join#FDKA…) that
 * students open. No server ever sees it. The envelope around the body (prefix, length, CRC,
 * base32) is the one every code shares: see code-envelope.ts. This app writes format 2 and
 * reads both 2 and 1, so links made before format 2 keep opening.
 *
 * Assignment body, format 2:
 *
 *   id           8 bytes  the set id (16 hex digits)
 *   revision     varint
 *   bankVersion  varint   1 or more
 *   flags        1 byte   bits 0-1 mode (0 practice, 1 test, 2 flashcards), bit 2 shuffle,
 *                         bit 3 showAnswers, bit 4 the teacher key's y parity (its
 *                         compressed form starts 0x02 + this bit); other bits 0
 *   tries        varint   0 (no limit) to LIMITS.maxTries
 *   due          varint   0 for none, else days from 2020-01-01 plus 1
 *   title        text     varint byte length, then UTF-8
 *   instructions text
 *   teacherName  text
 *   teacherKey   32 bytes the x of the teacher's P-256 public key
 *   count        varint   LIMITS.minItems to LIMITS.maxItems
 *   items        packed   each item's position in `BankIndex.published`, as
 *                         `writePositions` packs them (a width byte, then that many bits each)
 *
 * Format 1 is the same but for three fields: flags has no parity bit, teacherKey is the whole
 * compressed point (33 bytes), and the items are one varint each.
 *
 * Text lengths are counted in code points (`[...text].length`), as the composer counts them.
 * Text may not hold control characters (Unicode Cc), but for line breaks in instructions.
 * Every value has exactly one encoding (shortest varints, fewest bits, no spare bits), so a
 * link that decodes is always the very link `encodeAssignmentLink` makes for what it
 * decodes to.
 */
import {
	ASSIGNMENT_MODES,
	LIMITS,
	type AssignmentLink,
	type BankIndex,
	type Decoded,
	type DecodeProblem
} from './assignment.ts';
import { ByteReader, ByteWriter, fromHex, toBase64url, toHex, type Bytes } from './binary.ts';
import { dayOfIso, isoDate } from './calendar.ts';
import {
	isHexId,
	isWhole,
	openCode,
	publishedPositions,
	readPositions,
	refuse,
	sealCode,
	textFault,
	writePositions,
	type CodeFormat
} from './code-envelope.ts';
import { COMPRESSED_POINT_BYTES, COORDINATE_BYTES, teacherKeyBytes } from './teacher-keys.ts';

// ---- due dates ---------------------------------------------------------------------------

const DUE_EPOCH = dayOfIso('2020-01-01');
/** 9999-12-31, the last date with a four-digit year. */
const LAST_DUE_DAY = dayOfIso('9999-12-31') - DUE_EPOCH;

/** Days from 2020-01-01 to a 'YYYY-MM-DD' date, or null when it is not a real date in range. */
function dueDay(date: string): number | null {
	const day = dayOfIso(date);
	// The round trip refuses dates Date.UTC would roll over (2026-02-30) or remap (0099-…).
	if (Number.isNaN(day) || isoDate(day) !== date) return null;
	const n = day - DUE_EPOCH;
	return n >= 0 && n <= LAST_DUE_DAY ? n : null;
}

function dueDate(day: number): string {
	return isoDate(DUE_EPOCH + day);
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

const FLAG_MODE = 0b11;
const FLAG_SHUFFLE = 0b100;
const FLAG_SHOW_ANSWERS = 0b1000;
/** Format 2: the teacher key's y parity. */
const FLAG_KEY_ODD = 0b10000;
const FLAGS: Record<CodeFormat, number> = {
	1: FLAG_MODE | FLAG_SHUFFLE | FLAG_SHOW_ANSWERS,
	2: FLAG_MODE | FLAG_SHUFFLE | FLAG_SHOW_ANSWERS | FLAG_KEY_ODD
};

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
 * The fragment payload (format 2, no '#') for `link`: the caller puts it after its origin,
 * as in `https://…/join#` + payload.
 * @throws Error when the link breaks a rule (unpublished item, a limit exceeded, a bad
 * date or key): the composer validates first, so this is a programming error.
 */
export function encodeAssignmentLink(link: AssignmentLink, bank: BankIndex): string {
	const fault = linkFault(link, bank);
	if (fault) throw new Error(`encodeAssignmentLink: ${fault.detail}`);
	const s = link.settings;
	const known = publishedPositions(bank);
	const key = teacherKeyBytes(link.teacherKey)!;
	const due = s.dueDate === null ? 0 : dueDay(s.dueDate)! + 1;
	const flags =
		ASSIGNMENT_MODES.indexOf(s.mode) |
		(s.shuffle ? FLAG_SHUFFLE : 0) |
		(s.showAnswers ? FLAG_SHOW_ANSWERS : 0) |
		(key[0] === 0x03 ? FLAG_KEY_ODD : 0);
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
		.bytes(key.subarray(1))
		.varint(s.itemIds.length);
	writePositions(
		body,
		s.itemIds.map((id) => known.get(id)!)
	);
	const text = sealCode('assignment', body.finish());
	if (text.length > LIMITS.linkChars) {
		throw new Error(`encodeAssignmentLink: ${text.length} characters, over ${LIMITS.linkChars}`);
	}
	return text;
}

/** The teacher key as the link carries it, by format (read from `r`). */
function readTeacherKey(r: ByteReader, format: CodeFormat, flags: number): string {
	if (format === 1) return toBase64url(r.bytes(COMPRESSED_POINT_BYTES));
	const key: Bytes = new Uint8Array(COMPRESSED_POINT_BYTES);
	key[0] = flags & FLAG_KEY_ODD ? 0x03 : 0x02;
	key.set(r.bytes(COORDINATE_BYTES), 1);
	return toBase64url(key);
}

/** The items' positions as the link carries them, by format (read from `r`). */
function readItems(r: ByteReader, format: CodeFormat): number[] {
	const count = r.varint(LIMITS.maxItems);
	if (format === 2) return readPositions(r, count);
	const indexes: number[] = [];
	for (let i = 0; i < count; i++) indexes.push(r.varint());
	return indexes;
}

/**
 * Reads an assignment link, of either format: a whole URL (everything up to the first '#'
 * is ignored) or the bare payload, spaces and line breaks anywhere ignored. Checks, in
 * order: empty, too large (over LIMITS.linkChars characters after the '#'), not Factdeck,
 * wrong kind (a result link), truncated, altered (CRC), newer format, newer bank, unknown
 * items, invalid. Never throws; a refusal's `message` is a sentence for the student.
 */
export function decodeAssignmentLink(input: string, bank: BankIndex): Decoded<AssignmentLink> {
	const no = (problem: DecodeProblem, detail: string) => refuse(LINK_MESSAGES, problem, detail);
	try {
		const opened = openCode(input, 'assignment', LINK_MESSAGES);
		if (!opened.ok) return opened;
		const { format } = opened;
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
		if (flags & ~FLAGS[format]) flagFault = 'unknown flags';
		const mode = ASSIGNMENT_MODES[flags & FLAG_MODE];
		if (mode === undefined) flagFault = 'unknown mode';
		const tries = r.varint(LIMITS.maxTries);
		const due = r.varint(LAST_DUE_DAY + 1);
		const title = r.string(LIMITS.titleChars);
		const instructions = r.string(LIMITS.instructionsChars);
		const teacherName = r.string(LIMITS.teacherNameChars);
		const teacherKey = readTeacherKey(r, format, flags);
		const indexes = readItems(r, format);
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

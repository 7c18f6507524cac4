import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	ASSIGNMENT_MODES,
	LIMITS,
	type AssignmentLink,
	type BankIndex,
	type Decoded,
	type DecodeProblem
} from '../../../src/lib/domain/assignment.ts';
import {
	assignmentLinkFault,
	decodeAssignmentLink,
	encodeAssignmentLink,
	LINK_MESSAGES
} from '../../../src/lib/domain/assignment-link.ts';
import {
	ByteWriter,
	fromBase64url,
	fromHex,
	toBase32,
	toBase64url,
	utf8
} from '../../../src/lib/domain/binary.ts';
import { CODE_PREFIX, sealCode, writePositions } from '../../../src/lib/domain/code-envelope.ts';
import { encryptResult } from '../../../src/lib/domain/result-code.ts';
import { decompressPoint, generateTeacherKeys } from '../../../src/lib/domain/teacher-keys.ts';
import { runs } from '../property-runs';
import { bytesOf, charOf, formatOf, textOf, withCrc, type Format } from './code-bytes.ts';
import { encodeAssignmentLinkV1, sealV1 } from './format-1.ts';

/** Every decoder property runs this many times (fixed seeds: failures replay). */
const RUNS = runs(10_000);
const TIMEOUT = 120_000;

// A bank of 300 published ids, so positions past 127 (two-byte varints) come up.
const bank: BankIndex = {
	version: 3,
	published: Array.from({ length: 300 }, (_, i) => `p${(i % 32) + 1}-item-${i}`)
};

let keys: string[] = [];
beforeAll(async () => {
	keys = await Promise.all(
		Array.from({ length: 8 }, async () => (await generateTeacherKeys()).publicKey)
	);
});

const example = (): AssignmentLink => ({
	id: '0123456789abcdef',
	revision: 2,
	bankVersion: 3,
	teacherName: 'Ms Aliyeva',
	teacherKey: keys[0],
	settings: {
		title: 'The September 2023 offensive: first facts',
		instructions: 'Read paragraphs 1 to 8 first.\nThen answer every question on your own.',
		itemIds: [bank.published[0], bank.published[200], bank.published[17]],
		mode: 'test',
		shuffle: true,
		dueDate: '2026-12-01',
		showAnswers: false,
		tries: 2
	}
});

// ---- arbitraries -------------------------------------------------------------------------

const CONTROL = /\p{Cc}/gu;
const CONTROL_BUT_NEWLINE = /[^\P{Cc}\n]/gu;
const DUE_EPOCH = Date.UTC(2020, 0, 1);
const LAST_DUE_DAY = (Date.UTC(9999, 11, 31) - DUE_EPOCH) / 86_400_000;

/** Text as people type it: mostly ASCII, sometimes any code point at all. */
const textArb = (max: number, options: { required?: boolean; newlines?: boolean } = {}) => {
	const unit = options.newlines
		? fc.oneof(
				{ arbitrary: fc.constant('\n'), weight: 1 },
				{ arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 8 },
				{ arbitrary: fc.string({ minLength: 1, maxLength: 1 }), weight: 16 }
			)
		: fc.oneof(
				{ arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 1 },
				{ arbitrary: fc.string({ minLength: 1, maxLength: 1 }), weight: 2 }
			);
	return fc
		.string({ unit, minLength: options.required ? 1 : 0, maxLength: max })
		.map((s) => s.replace(options.newlines ? CONTROL_BUT_NEWLINE : CONTROL, ''))
		.filter((s) => !options.required || s.trim() !== '');
};

const hexId = fc
	.uint8Array({ minLength: 8, maxLength: 8 })
	.map((b) => Buffer.from(b).toString('hex'));

const linkArb: fc.Arbitrary<AssignmentLink> = fc.record(
	{
		id: hexId,
		revision: fc.oneof(fc.nat({ max: 20 }), fc.maxSafeNat()),
		bankVersion: fc.integer({ min: 1, max: bank.version }),
		teacherName: textArb(LIMITS.teacherNameChars),
		teacherKey: fc.nat({ max: 7 }).map((i) => keys[i]),
		settings: fc.record(
			{
				title: textArb(LIMITS.titleChars, { required: true }),
				instructions: textArb(LIMITS.instructionsChars, { newlines: true }),
				itemIds: fc.shuffledSubarray([...bank.published], {
					minLength: LIMITS.minItems,
					maxLength: LIMITS.maxItems
				}),
				mode: fc.constantFrom(...ASSIGNMENT_MODES),
				shuffle: fc.boolean(),
				dueDate: fc.option(
					fc
						.integer({ min: 0, max: LAST_DUE_DAY })
						.map((d) => new Date(DUE_EPOCH + d * 86_400_000).toISOString().slice(0, 10))
				),
				showAnswers: fc.boolean(),
				tries: fc.integer({ min: 0, max: LIMITS.maxTries })
			},
			{ noNullPrototype: true }
		)
	},
	{ noNullPrototype: true }
);

/** A number in [0, 1), spread evenly (fast-check's doubles crowd near 0, the magic). */
const fraction = fc.noBias(fc.integer({ min: 0, max: 2 ** 30 - 1 })).map((n) => n / 2 ** 30);

/** A valid link's code, and a position and change for damaging it. */
const damageArb = fc.record({
	link: linkArb,
	at: fraction,
	delta: fc.noBias(fc.integer({ min: 1, max: 255 }))
});

// ---- helpers -----------------------------------------------------------------------------

const decode = (input: string) => decodeAssignmentLink(input, bank);

function refused(decoded: Decoded<AssignmentLink>): DecodeProblem {
	if (decoded.ok) throw new Error(`expected a refusal, got ${JSON.stringify(decoded.value)}`);
	expect(decoded.message).toBe(LINK_MESSAGES[decoded.problem]);
	return decoded.problem;
}

interface Body {
	id: Uint8Array;
	revision: number;
	bankVersion: number;
	flags: number;
	tries: number;
	due: number;
	title: Uint8Array;
	instructions: Uint8Array;
	teacherName: Uint8Array;
	key: Uint8Array;
	items: number[];
	count?: number;
	/** Format 2: the packed positions as bytes, in place of `items` packed by the writer. */
	packed?: number[];
	extra?: number[];
}

/** A compressed point whose x has no y on the curve. */
function offCurve(): Uint8Array {
	for (let x = 1; ; x++) {
		const bytes = new Uint8Array(33).fill(x);
		bytes[0] = 2;
		if (!decompressPoint(bytes)) return bytes;
	}
}

/** A code written byte by byte, bypassing the encoder's checks (format 2 unless asked). */
function craft(changes: Partial<Body> = {}, format: Format = 2): string {
	const key = fromBase64url(keys[0])!;
	const b: Body = {
		id: fromHex('0123456789abcdef')!,
		revision: 1,
		bankVersion: 1,
		flags: 0,
		tries: 0,
		due: 0,
		title: utf8('A title'),
		instructions: utf8(''),
		teacherName: utf8(''),
		// Format 2 carries x, with the y parity in the flags.
		key: format === 2 ? key.subarray(1) : key,
		items: [0, 1],
		...changes
	};
	if (format === 2 && key[0] === 3 && changes.flags === undefined) b.flags |= 0x10;
	const w = new ByteWriter()
		.bytes(b.id)
		.varint(b.revision)
		.varint(b.bankVersion)
		.byte(b.flags)
		.varint(b.tries)
		.varint(b.due);
	for (const text of [b.title, b.instructions, b.teacherName]) w.varint(text.length).bytes(text);
	w.bytes(b.key).varint(b.count ?? b.items.length);
	if (format === 1) for (const i of b.items) w.varint(i);
	else if (b.packed) w.bytes(new Uint8Array(b.packed));
	else writePositions(w, b.items);
	for (const x of b.extra ?? []) w.byte(x);
	return format === 2
		? sealCode('assignment', w.finish())
		: toBase64url(sealV1('assignment', w.finish()));
}

// ---- tests -------------------------------------------------------------------------------

describe('encodeAssignmentLink and decodeAssignmentLink', () => {
	it('round-trip a link, bare or inside a URL, with spaces and line breaks around', () => {
		const link = example();
		const code = encodeAssignmentLink(link, bank);
		expect(code.startsWith(CODE_PREFIX[2].assignment)).toBe(true);
		expect(code).toMatch(/^FDKA[A-Z2-7]+$/);
		for (const input of [
			code,
			`https://factdeck.example.org/join#${code}`,
			`  https://factdeck.example.org/join#${code}\n`,
			`#${code.slice(0, 40)}\n${code.slice(40)}`
		]) {
			expect(decode(input)).toStrictEqual({ ok: true, value: link });
		}
	});

	it('keeps a short link short: 3 items, a title, two lines of instructions', () => {
		const link = example();
		const code = encodeAssignmentLink(link, bank);
		const { title, instructions } = link.settings;
		const texts = 3 + title.length + instructions.length + link.teacherName.length;
		// length, id, revision, bank version, flags, tries, due date (2 bytes from 2020-05-14
		// on), texts, key's x, count, items (a width byte, 8 bits each: 0, 200 and 17), CRC
		const expected = 2 + 8 + 1 + 1 + 1 + 1 + 2 + texts + 32 + 1 + (1 + 3) + 4;
		expect(bytesOf(code).length).toBe(4 + expected);
		expect(code.length).toBe(4 + Math.ceil((expected * 8) / 5));
	});

	it('writes no due date as 0 and the first day as 1', () => {
		const none = example();
		none.settings.dueDate = null;
		const first = example();
		first.settings.dueDate = '2020-01-01';
		expect(decode(encodeAssignmentLink(none, bank))).toStrictEqual({ ok: true, value: none });
		expect(decode(encodeAssignmentLink(first, bank))).toStrictEqual({ ok: true, value: first });
	});

	it('throws on links the composer should have refused', () => {
		const cases: [string, (l: AssignmentLink) => void][] = [
			['unpublished', (l) => (l.settings.itemIds = ['no-such-item'])],
			['items', (l) => (l.settings.itemIds = [])],
			['items', (l) => (l.settings.itemIds = bank.published.slice(0, 61))],
			['twice', (l) => (l.settings.itemIds = [bank.published[1], bank.published[1]])],
			['title is empty', (l) => (l.settings.title = '  ')],
			['title is longer', (l) => (l.settings.title = 'x'.repeat(81))],
			['control', (l) => (l.settings.title = 'Tab\there')],
			['control', (l) => (l.settings.instructions = 'Line\r\nbreak')],
			['control', (l) => (l.teacherName = 'Ms\nX')],
			['tries', (l) => (l.settings.tries = 10)],
			['dueDate', (l) => (l.settings.dueDate = '2026-02-30')],
			['dueDate', (l) => (l.settings.dueDate = '2019-12-31')],
			['mode', (l) => (l.settings.mode = 'exam' as never)],
			['id', (l) => (l.id = '0123456789ABCDEF')],
			['teacherKey', (l) => (l.teacherKey = 'A'.repeat(44))],
			['surrogate', (l) => (l.settings.title = 'a\uD800')]
		];
		for (const [message, change] of cases) {
			const link = example();
			change(link);
			expect(assignmentLinkFault(link, bank)).toMatch(message);
			expect(() => encodeAssignmentLink(link, bank)).toThrow(message);
		}
		expect(assignmentLinkFault(example(), bank)).toBeNull();
	});

	it('counts text limits in code points, as the composer does', () => {
		const link = example();
		link.settings.title = '😀'.repeat(LIMITS.titleChars);
		link.teacherName = '𝒜'.repeat(LIMITS.teacherNameChars);
		expect(decode(encodeAssignmentLink(link, bank))).toStrictEqual({ ok: true, value: link });
	});

	it('fits the longest link the limits allow under LIMITS.linkChars', () => {
		const link = example();
		link.settings.title = '😀'.repeat(LIMITS.titleChars);
		link.settings.instructions = '😀'.repeat(LIMITS.instructionsChars);
		link.teacherName = '😀'.repeat(LIMITS.teacherNameChars);
		link.settings.itemIds = bank.published.slice(-LIMITS.maxItems);
		const code = encodeAssignmentLink(link, bank);
		// 60 items past 127, and every text at its limit in 4-byte characters: 3,019 characters.
		expect(code.length).toBeLessThanOrEqual(LIMITS.linkChars);
		expect(decode(code)).toStrictEqual({ ok: true, value: link });
	});
});

describe('every problem, with its message', () => {
	const problem = (input: string) => refused(decode(input));

	it('empty: nothing, only spaces, or a URL with nothing after the #', () => {
		for (const input of ['', '   \n', 'https://factdeck.example.org/join#', '#  ']) {
			expect(problem(input)).toBe('empty');
		}
		expect(LINK_MESSAGES.empty).toMatch(/Paste the whole link your teacher shared/);
	});

	it('too-large: over LIMITS.linkChars characters after the #', () => {
		expect(problem('A'.repeat(LIMITS.linkChars + 1))).toBe('too-large');
		expect(problem(`https://x.org/join#${'FDKa'.repeat(LIMITS.linkChars)}`)).toBe('too-large');
		expect(LINK_MESSAGES['too-large']).toMatch(/far longer than any assignment link/);
	});

	it('not-factdeck: other characters, padding, other data', () => {
		const code = encodeAssignmentLink(example(), bank);
		for (const input of [
			'hello world!',
			`${code}=`,
			`${code.slice(0, 10)}+${code.slice(11)}`,
			`https://example.org/page#section-2`,
			'https://factdeck.example.org/join',
			toBase64url(utf8('{"title":"A quiz"}')),
			'AB'
		]) {
			expect(problem(input)).toBe('not-factdeck');
		}
		expect(LINK_MESSAGES['not-factdeck']).toMatch(/not a Factdeck assignment link/);
	});

	it('wrong-kind: a result link', async () => {
		const result = await encryptResult(
			{
				assignmentId: '0123456789abcdef',
				revision: 1,
				studentName: 'Ana',
				studentId: 'fedcba9876543210',
				tryNumber: 1,
				startedAt: 1_780_000_000_000,
				finishedAt: 1_780_000_100_000,
				score: 0,
				answers: [{ itemId: bank.published[3], response: null, grade: null, ms: 1000 }]
			},
			keys[0],
			bank,
			() => undefined
		);
		expect(problem(`https://factdeck.example.org/collect#${result}`)).toBe('wrong-kind');
		expect(LINK_MESSAGES['wrong-kind']).toMatch(/result link.*teacher's device/);
	});

	it('truncated: a cut anywhere, even inside the first characters', () => {
		const code = encodeAssignmentLink(example(), bank);
		for (const length of [1, 2, 3, 4, 5, 6, 7, 20, code.length - 2, code.length - 1]) {
			expect(problem(code.slice(0, length))).toBe('truncated');
		}
		expect(LINK_MESSAGES.truncated).toMatch(/incomplete/);
	});

	it('altered: a changed, extra or swapped character, or one outside base32', () => {
		const code = encodeAssignmentLink(example(), bank);
		const swap = (i: number) => code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
		const changed = (i: number, c = 'X') =>
			code.slice(0, i) + (code[i] === c ? 'Y' : c) + code.slice(i + 1);
		for (const input of [
			changed(60),
			changed(code.length - 1),
			`${code}AAAA`,
			swap(100),
			changed(30, 'x'),
			changed(30, '0')
		]) {
			expect(problem(input)).toBe('altered');
		}
		expect(LINK_MESSAGES.altered).toMatch(/changed after it was made/);
	});

	it('newer-format: a higher format version, or a kind this version does not know', () => {
		const bytes = bytesOf(encodeAssignmentLinkV1(example(), bank));
		bytes[3] = 2;
		expect(problem(toBase64url(withCrc(bytes)))).toBe('newer-format');
		expect(problem(`FDKz${'A'.repeat(40)}`)).toBe('newer-format');
		expect(problem(`FDKB${'A'.repeat(40)}`)).toBe('newer-format');
		expect(LINK_MESSAGES['newer-format']).toMatch(/newer Factdeck.*online so it updates/);
	});

	it('newer-bank: made with a newer bank than this app has', () => {
		const code = encodeAssignmentLink(example(), bank);
		expect(refused(decodeAssignmentLink(code, { ...bank, version: 2 }))).toBe('newer-bank');
		expect(LINK_MESSAGES['newer-bank']).toMatch(/newer questions.*online so it updates/);
	});

	it('unknown-items: a position past the published list', () => {
		const code = encodeAssignmentLink(example(), bank);
		const shorter = { version: 3, published: bank.published.slice(0, 200) };
		expect(refused(decodeAssignmentLink(code, shorter))).toBe('unknown-items');
		expect(LINK_MESSAGES['unknown-items']).toMatch(/questions that Factdeck does not have/);
	});

	it('invalid: every value out of its limits, with a CRC that matches', () => {
		const control = (s: string) => utf8(s);
		const cases: [Partial<Body>, RegExp][] = [
			[{ items: [] }, /0 items/],
			[{ items: [4, 4] }, /twice/],
			[{ items: Array.from({ length: 61 }, (_, i) => i) }, /too large/],
			[{ tries: 10 }, /too large/],
			[{ due: LAST_DUE_DAY + 2 }, /too large/],
			[{ flags: 3 }, /unknown mode/],
			[{ flags: 0x20 }, /unknown flags/],
			[{ title: utf8('') }, /title is empty/],
			[{ title: utf8(' \u00a0') }, /title is empty/],
			[{ title: utf8('x'.repeat(81)) }, /too large|longer/],
			[{ title: control('Tab\there') }, /control/],
			[{ instructions: control('a\u0085b') }, /control/],
			[{ instructions: control('CR\r\nLF') }, /control/],
			[{ teacherName: control('\u0000') }, /control/],
			[{ title: new Uint8Array([0xff]) }, /UTF-8/],
			[{ bankVersion: 0 }, /bankVersion/],
			[{ key: offCurve().subarray(1) }, /teacherKey/],
			[{ key: new Uint8Array(32).fill(0xff) }, /teacherKey/],
			[{ extra: [0] }, /unexpected bytes/],
			[{ count: 9 }, /ran out/],
			// Positions in more bits than the largest needs, fill bits set, no width, too wide.
			[{ packed: [2, 0b0001_0000] }, /not the fewest/],
			[{ packed: [1, 0b0100_0001] }, /fill bits/],
			[{ packed: [0] }, /0 bits/],
			[{ packed: [17, 0, 0, 0, 0, 0] }, /17 bits/]
		];
		for (const [changes, detail] of cases) {
			const decoded = decode(craft(changes));
			expect(refused(decoded)).toBe('invalid');
			expect(decoded.ok ? '' : decoded.detail).toMatch(detail);
		}
		expect(decode(craft())).toMatchObject({ ok: true });
		// Format 1 had its own layout, and a version byte that cannot be 0.
		const old: [Partial<Body>, RegExp][] = [
			[{ flags: 0x10 }, /unknown flags/],
			[{ key: new Uint8Array([4, ...new Uint8Array(32)]) }, /teacherKey/],
			[{ count: 3 }, /ran out/]
		];
		for (const [changes, detail] of old) {
			const decoded = decode(craft(changes, 1));
			expect(refused(decoded)).toBe('invalid');
			expect(decoded.ok ? '' : decoded.detail).toMatch(detail);
		}
		expect(decode(craft({}, 1))).toMatchObject({ ok: true });
		const bytes = fromBase64url(craft({}, 1))!;
		bytes[3] = 0;
		expect(refused(decode(toBase64url(withCrc(bytes))))).toBe('invalid');
		expect(LINK_MESSAGES.invalid).toMatch(/damaged or was not made by Factdeck/);
	});

	it('reports the problems in order: newer bank before unknown items before invalid', () => {
		const both = craft({ bankVersion: 9, items: [999], flags: 3 });
		expect(refused(decode(both))).toBe('newer-bank');
		expect(refused(decode(craft({ items: [999], flags: 3 })))).toBe('unknown-items');
	});
});

describe('links made before format 2 (format 1, base64url)', () => {
	// A link the app made before format 2, with the key it carried: it opens, to the very link.
	const GOLDEN_KEY = 'A8BZPeDIeWHhVzQWzCi3mYIWol-XZDvDQhYlUkQo0gZ2';
	const GOLDEN =
		'FDKaAbMBASNFZ4mrze8CAwUC3xMpVGhlIFNlcHRlbWJlciAyMDIzIG9mZmVuc2l2ZTogZmlyc3QgZmFjdHNFUmVhZCBwYXJhZ3JhcGhzIDEgdG8gOCBmaXJzdC4KVGhlbiBhbnN3ZXIgZXZlcnkgcXVlc3Rpb24gb24geW91ciBvd24uCk1zIEFsaXlldmEDwFk94Mh5YeFXNBbMKLeZghaiX5dkO8NCFiVSRCjSBnYDAMgBEUwxwEg';

	it('open, to the very link they were made from', () => {
		const link = { ...example(), teacherKey: GOLDEN_KEY };
		expect(decode(`https://factdeck.example.org/join#${GOLDEN}`)).toStrictEqual({
			ok: true,
			value: link
		});
		// The frozen format 1 writer the tests use makes exactly that link.
		expect(encodeAssignmentLinkV1(link, bank)).toBe(GOLDEN);
		// And format 2 carries the same link, in another code.
		const code = encodeAssignmentLink(link, bank);
		expect(code).not.toBe(GOLDEN);
		expect(decode(code)).toStrictEqual({ ok: true, value: link });
	});

	it('are refused with the same problems as before', () => {
		const code = encodeAssignmentLinkV1(example(), bank);
		for (const length of [1, 3, 4, 5, 7, 20, code.length - 1]) {
			expect(problem(code.slice(0, length))).toBe('truncated');
		}
		const typo = code.slice(0, 60) + (code[60] === 'x' ? 'y' : 'x') + code.slice(61);
		expect(problem(typo)).toBe('altered');
		expect(problem(`${code}=`)).toBe('not-factdeck');
		expect(refused(decodeAssignmentLink(code, { ...bank, version: 2 }))).toBe('newer-bank');
	});

	const problem = (input: string) => refused(decode(input));
});

/** Each format's writer: the app's (format 2), and the frozen one of format 1. */
const WRITERS: [Format, (link: AssignmentLink) => string][] = [
	[2, (link) => encodeAssignmentLink(link, bank)],
	[1, (link) => encodeAssignmentLinkV1(link, bank)]
];

describe.each(WRITERS)('properties of format %i (10,000 runs each)', (format, encode) => {
	const seed = (n: number) => n + (format === 1 ? 1000 : 0);

	it(
		'encode then decode gives back the same link',
		() => {
			fc.assert(
				fc.property(linkArb, fc.boolean(), (link, asUrl) => {
					const code = encode(link);
					expect(formatOf(code)).toBe(format);
					expect(code.length).toBeLessThanOrEqual(LIMITS.linkChars);
					const input = asUrl ? `https://factdeck.example.org/join#${code}\n` : code;
					expect(decode(input)).toStrictEqual({ ok: true, value: link });
				}),
				{ numRuns: RUNS, seed: seed(101) }
			);
		},
		TIMEOUT
	);

	it(
		'every cut of a valid link is reported as truncated',
		() => {
			fc.assert(
				fc.property(damageArb, ({ link, at }) => {
					const code = encode(link);
					const length = 1 + Math.floor(at * (code.length - 1));
					expect(refused(decode(code.slice(0, length)))).toBe('truncated');
				}),
				{ numRuns: RUNS, seed: seed(104) }
			);
		},
		TIMEOUT
	);

	it(
		'a changed byte, or a changed, dropped or extra character, is refused',
		() => {
			fc.assert(
				fc.property(
					damageArb,
					fc.noBias(fc.nat({ max: 63 })),
					fc.noBias(fc.nat({ max: 3 })),
					(d, char, how) => {
						const code = encode(d.link);
						const bytes = bytesOf(code);
						const at = Math.floor(d.at * bytes.length);
						bytes[at] ^= d.delta;
						refused(decode(textOf(bytes, format)));
						const i = Math.floor(d.at * code.length);
						const c = charOf(format, char);
						const damaged = [
							code.slice(0, i) + (c === code[i] ? (c === 'A' ? 'B' : 'A') : c) + code.slice(i + 1),
							code.slice(0, i) + code.slice(i + 1),
							code.slice(0, i) + c + code.slice(i),
							code.slice(0, i) + c + c + c + c + code.slice(i)
						][how];
						refused(decode(damaged));
					}
				),
				{ numRuns: RUNS, seed: seed(105) }
			);
		},
		TIMEOUT
	);

	it(
		'a changed byte with the CRC made to match is refused, or is exactly another valid link',
		() => {
			const seen = new Map<string, number>();
			fc.assert(
				fc.property(damageArb, ({ link, at, delta }) => {
					const bytes = bytesOf(encode(link));
					// Past the prefix: a changed prefix is another kind of code, or none.
					const first = format === 2 ? 4 : 0;
					const i = first + Math.floor(at * (bytes.length - 4 - first));
					bytes[i] ^= delta;
					const code = textOf(withCrc(bytes), format);
					const decoded = decode(code);
					const outcome = decoded.ok ? 'another link' : refused(decoded);
					seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
					// No CRC protects against a deliberate change: what decodes must be exactly the
					// link its fields describe (one encoding per link), and pass every check.
					if (decoded.ok) expect(encode(decoded.value)).toBe(code);
				}),
				{ numRuns: RUNS, seed: seed(106) }
			);
			console.log(`format ${format}, changed byte, CRC made to match:`, Object.fromEntries(seen));
			// The deeper checks were reached.
			for (const p of ['invalid', 'unknown-items', 'newer-bank', 'truncated', 'altered']) {
				expect(seen.get(p), p).toBeGreaterThan(0);
			}
		},
		TIMEOUT
	);

	it(
		'random bytes inside a valid envelope are refused, or are exactly a valid link',
		() => {
			fc.assert(
				fc.property(fc.uint8Array({ minLength: 40, maxLength: 300 }), (body) => {
					const code =
						format === 2 ? sealCode('assignment', body) : toBase64url(sealV1('assignment', body));
					const decoded = decode(code);
					if (decoded.ok) expect(encode(decoded.value)).toBe(code);
					else refused(decoded);
				}),
				{ numRuns: RUNS, seed: seed(107) }
			);
		},
		TIMEOUT
	);
});

describe('random input (10,000 runs each)', () => {
	it(
		'random text is refused, never thrown on',
		() => {
			const base64 = fc.string({
				unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')
			});
			const base32 = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567') });
			fc.assert(
				fc.property(
					fc.oneof(
						fc.string({ unit: 'binary', maxLength: 300 }),
						fc.string({ maxLength: 300 }),
						base64,
						base64.map((s) => `FDKa${s}`),
						base64.map((s) => `https://factdeck.example.org/join#FDKaA${s}`),
						base32.map((s) => `FDKA${s}`),
						base32.map((s) => `https://factdeck.example.org/join#FDKA${s}`)
					),
					(text) => {
						refused(decode(text));
					}
				),
				{ numRuns: RUNS, seed: 102 }
			);
		},
		TIMEOUT
	);

	it(
		'random bytes in either alphabet are refused, with or without a prefix in front',
		() => {
			fc.assert(
				fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat({ max: 3 }), (bytes, how) => {
					const text = [
						toBase64url(bytes),
						toBase64url(new Uint8Array([0x14, 0x32, 0x9a, 0x01, ...bytes])),
						toBase32(bytes),
						`FDKA${toBase32(bytes)}`
					][how];
					refused(decode(text));
				}),
				{ numRuns: RUNS, seed: 103 }
			);
		},
		TIMEOUT
	);
});

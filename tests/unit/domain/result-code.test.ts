import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	LIMITS,
	type AssignmentResult,
	type BankIndex,
	type Decoded,
	type DecodeProblem,
	type ResultAnswer
} from '../../../src/lib/domain/assignment.ts';
import { encodeAssignmentLink } from '../../../src/lib/domain/assignment-link.ts';
import type { Item } from '../../../src/lib/domain/bank.ts';
import {
	ByteWriter,
	fromHex,
	toBase32,
	toBase64url,
	utf8
} from '../../../src/lib/domain/binary.ts';
import { sealCode, writePositions } from '../../../src/lib/domain/code-envelope.ts';
import type { AnswerResponse } from '../../../src/lib/domain/check-answer.ts';
import {
	decodeResultPayload,
	decryptResult,
	encodeResultPayload,
	encryptPayload,
	encryptResult,
	RESULT_MESSAGES
} from '../../../src/lib/domain/result-code.ts';
import type { Grade } from '../../../src/lib/domain/records.ts';
import {
	generateTeacherKeys,
	keyFingerprint,
	type TeacherKeys
} from '../../../src/lib/domain/teacher-keys.ts';
import { runs } from '../property-runs';
import { bytesOf, charOf, formatOf, textOf, withCrc, type Format } from './code-bytes.ts';
import { encodeResultPayloadV1, encryptPayloadV1, encryptResultV1, sealV1 } from './format-1.ts';

/** The decryptResult properties run this many times each (fixed seeds: failures replay). */
const RUNS = runs(10_000);
const TIMEOUT = 120_000;
/** The round trip encrypts every run: about 25 s on an idle machine, 45 s on a busy one. */
const ROUND_TRIP_TIMEOUT = 240_000;

// ---- a bank with every kind --------------------------------------------------------------

const base = {
	topic: 'places',
	difficulty: 1 as const,
	paragraphs: ['p3'],
	prompt: 'A question?',
	explanation: 'Because paragraph 3 says so.'
};

const items: Item[] = [
	{
		...base,
		id: 'p3-talks-city',
		kind: 'single',
		options: ['Yevlakh', 'Stepanakert', 'Shusha', 'Yerevan'],
		answer: 'Yevlakh'
	},
	{
		...base,
		id: 'p5-who-called',
		kind: 'multi',
		options: ['Russia', 'France', 'the United States', 'Iran', 'Türkiye', 'Georgia'],
		answers: ['Russia', 'France']
	},
	{ ...base, id: 'p2-held-wednesday', kind: 'truefalse', answer: false },
	{ ...base, id: 'p4-ombudsman', kind: 'typed', answer: 'Gegham Stepanyan', accept: ['Stepanyan'] },
	{ ...base, id: 'p8-killed', kind: 'numeric', answer: 200, tolerance: 0, unit: 'people' },
	{ ...base, id: 'p9-order', kind: 'ordering', sequence: ['Offensive', 'Cease-fire', 'Talks'] },
	{
		...base,
		id: 'p10-order-long',
		kind: 'ordering',
		sequence: ['1991', '1994', '2016', '2020', '2023', 'later']
	},
	{
		...base,
		id: 'p11-match',
		kind: 'matching',
		pairs: [
			{ left: 'Ilham Aliyev', right: 'Azerbaijan' },
			{ left: 'Nikol Pashinyan', right: 'Armenia' },
			{ left: 'Vladimir Putin', right: 'Russia' }
		]
	},
	{
		...base,
		id: 'p12-match-odd',
		kind: 'matching',
		pairs: [
			{ left: '__proto__', right: 'constructor' },
			{ left: 'toString', right: 'hasOwnProperty' },
			{ left: 'a', right: '😀' },
			{ left: 'b', right: 'β' },
			{ left: 'c', right: 'ç' },
			{ left: 'd', right: 'δ' }
		]
	}
];
const byId = new Map(items.map((i) => [i.id, i]));
const lookup = (id: string) => byId.get(id);

// 150 other ids first, so the fixture's positions take two bytes; one published id
// ('p99-gone') is not in the bank any more.
const bank: BankIndex = {
	version: 4,
	published: [
		...Array.from({ length: 150 }, (_, i) => `p1-other-${i}`),
		...items.map((i) => i.id),
		'p99-gone'
	]
};

let teacher: TeacherKeys;
let other: TeacherKeys;
beforeAll(async () => {
	[teacher, other] = await Promise.all([generateTeacherKeys(), generateTeacherKeys()]);
});

const answer = (itemId: string, response: AnswerResponse | null, ms = 4000): ResultAnswer => ({
	itemId,
	response,
	grade: null,
	ms
});

const example = (answers?: ResultAnswer[]): AssignmentResult => ({
	assignmentId: '0123456789abcdef',
	revision: 2,
	studentName: 'Ana Petrosyan',
	studentId: 'fedcba9876543210',
	tryNumber: 1,
	startedAt: 1_780_000_000_000,
	finishedAt: 1_780_000_642_000,
	score: 4.67,
	answers: answers ?? [
		answer('p3-talks-city', { choice: 'Shusha' }),
		answer('p5-who-called', { choices: ['Türkiye', 'Russia'] }),
		answer('p2-held-wednesday', { value: false }),
		answer('p4-ombudsman', { text: 'Gegham Stepanian' }),
		answer('p8-killed', { text: 'about 200' }),
		answer('p9-order', { order: ['Talks', 'Offensive', 'Cease-fire'] }),
		answer('p10-order-long', null),
		answer('p11-match', {
			pairs: { 'Vladimir Putin': 'Russia', 'Ilham Aliyev': 'Armenia', 'Nikol Pashinyan': 'Armenia' }
		})
	]
});

// ---- arbitraries -------------------------------------------------------------------------

const CONTROL = /\p{Cc}/gu;

/** A number in [0, 1), spread evenly (fast-check's doubles crowd near 0). */
const fraction = fc.noBias(fc.integer({ min: 0, max: 2 ** 30 - 1 })).map((n) => n / 2 ** 30);

const typedText = fc.oneof(
	fc.string({ minLength: 1, maxLength: LIMITS.answerChars }),
	fc.string({ unit: 'binary', minLength: 1, maxLength: LIMITS.answerChars })
);

/** A response the app's inputs can give for the item, or one left over from elsewhere. */
function responseArb(it: Item): fc.Arbitrary<AnswerResponse | null> {
	const stale = fc.oneof(
		fc.string({ maxLength: 30 }).map((choice) => ({ choice })),
		fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }).map((order) => ({ order })),
		fc.boolean().map((value) => ({ value })),
		fc.string({ maxLength: 30 }).map((text) => ({ text })),
		fc
			.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 })
			.map((pairs) => ({ pairs: { ...pairs } }))
	);
	const fits = ((): fc.Arbitrary<AnswerResponse> => {
		switch (it.kind) {
			case 'single':
				return fc.constantFrom(...it.options).map((choice) => ({ choice }));
			case 'multi':
				// Choices come in the order shown, which the quiz shuffles.
				return fc.shuffledSubarray(it.options, { minLength: 1 }).map((choices) => ({ choices }));
			case 'truefalse':
				return fc.boolean().map((value) => ({ value }));
			case 'typed':
			case 'numeric': {
				// Often one of the item's own answers, as typed in some case (format 2 packs those).
				const forms = it.kind === 'typed' ? [it.answer, ...(it.accept ?? [])] : [String(it.answer)];
				const cased = fc
					.tuple(fc.constantFrom(...forms), fc.nat({ max: 3 }))
					.map(
						([form, c]) =>
							[
								form,
								form.toLowerCase(),
								form.toUpperCase(),
								form[0].toUpperCase() + form.slice(1).toLowerCase()
							][c]
					);
				return fc.oneof(typedText, cased).map((text) => ({ text }));
			}
			case 'ordering':
				return fc
					.shuffledSubarray(it.sequence, {
						minLength: it.sequence.length,
						maxLength: it.sequence.length
					})
					.map((order) => ({ order }));
			case 'matching': {
				const rights = it.pairs.map((p) => p.right);
				return fc
					.shuffledSubarray(
						it.pairs.map((p) => p.left),
						{ minLength: 0 }
					)
					.chain((lefts) =>
						fc.tuple(...lefts.map(() => fc.constantFrom(...rights))).map((chosen) => ({
							pairs: Object.fromEntries(lefts.map((left, i) => [left, chosen[i]]))
						}))
					);
			}
		}
	})();
	return fc.oneof(
		{ arbitrary: fits, weight: 8 },
		{ arbitrary: fc.constant(null), weight: 1 },
		{ arbitrary: stale, weight: 1 }
	);
}

const hexId = fc
	.uint8Array({ minLength: 8, maxLength: 8 })
	.map((b) => Buffer.from(b).toString('hex'));

const GRADES: Grade[] = ['again', 'hard', 'good', 'easy'];

/**
 * Results as the app makes them: times already rounded (format 2 keeps whole seconds per
 * answer, format 1 tenths), score to 2 decimals.
 */
const resultArbOf = (format: Format): fc.Arbitrary<AssignmentResult> =>
	fc
		.record({
			assignmentId: hexId,
			revision: fc.oneof(fc.nat({ max: 20 }), fc.maxSafeNat()),
			studentName: fc
				.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }))
				.map((s) => s.replace(CONTROL, ''))
				.filter((s) => s.trim() !== ''),
			studentId: hexId,
			tryNumber: fc.integer({ min: 1, max: 30 }),
			started: fc.integer({ min: 1_500_000_000, max: 2_500_000_000 }),
			seconds: fc.oneof(fc.nat({ max: 3600 }), fc.nat({ max: 40 * 86_400 })),
			flashcards: fc.boolean(),
			picked: fc.shuffledSubarray(items, { minLength: 1 }),
			scoreShare: fraction
		})
		.chain((r) =>
			fc
				.tuple(
					...r.picked.map((it) =>
						fc.record({
							response: r.flashcards ? fc.constant(null) : responseArb(it),
							grade: r.flashcards ? fc.constantFrom(...GRADES) : fc.constant(null),
							units: fc.oneof(fc.nat({ max: 600 }), fc.nat({ max: 10_000_000 }))
						})
					)
				)
				.map((answers): AssignmentResult => ({
					assignmentId: r.assignmentId,
					revision: r.revision,
					studentName: r.studentName,
					studentId: r.studentId,
					tryNumber: r.tryNumber,
					startedAt: r.started * 1000,
					finishedAt: (r.started + r.seconds) * 1000,
					score: Math.floor(r.scoreShare * r.picked.length * 100) / 100,
					answers: answers.map((a, i) => ({
						itemId: r.picked[i].id,
						response: a.response,
						grade: a.grade,
						ms: a.units * (format === 2 ? 1000 : 100)
					}))
				}))
		);

// ---- helpers -----------------------------------------------------------------------------

const decrypt = (input: string, keys = teacher, index = bank) =>
	decryptResult(input, keys, index, lookup);

function refused(decoded: Decoded<AssignmentResult>): DecodeProblem {
	if (decoded.ok) throw new Error(`expected a refusal, got ${JSON.stringify(decoded.value)}`);
	expect(decoded.message).toBe(RESULT_MESSAGES[decoded.problem]);
	return decoded.problem;
}

/**
 * A payload written field by field, bypassing the encoder's checks. Each answer is its item's
 * position, its time (format 2 seconds, format 1 tenths), head and data.
 */
function payload(
	changes: Partial<{
		format: Format;
		bankVersion: number;
		name: Uint8Array;
		tryNumber: number;
		score: number;
		count: number;
		answers: number[][];
		extra: number[];
	}> = {}
): Uint8Array {
	const p = {
		format: 2,
		bankVersion: 4,
		name: utf8('Ana'),
		tryNumber: 1,
		score: 100,
		answers: [[152, 42, 5 * 5]], // p2-held-wednesday, 4.2 s, true
		extra: [],
		...changes
	};
	const w = new ByteWriter()
		.varint(p.bankVersion)
		.bytes(fromHex('0123456789abcdef')!)
		.varint(1)
		.varint(p.name.length)
		.bytes(p.name)
		.bytes(fromHex('fedcba9876543210')!)
		.varint(p.tryNumber)
		.varint(1_780_000_000)
		.varint(60)
		.varint(p.score)
		.varint(p.count ?? p.answers.length);
	if (p.format === 2) {
		writePositions(
			w,
			p.answers.map((a) => a[0])
		);
		for (const a of p.answers) for (const b of a.slice(1)) w.varint(b);
	} else {
		for (const a of p.answers) for (const b of a) w.varint(b);
	}
	for (const b of p.extra) w.byte(b);
	return w.finish();
}

// ---- tests -------------------------------------------------------------------------------

describe('encryptResult and decryptResult', () => {
	it('round-trip a result with every kind of answer', async () => {
		const result = example();
		const code = await encryptResult(result, teacher.publicKey, bank, lookup);
		expect(code).toMatch(/^FDKR[A-Z2-7]+$/);
		expect(await decrypt(code)).toStrictEqual({ ok: true, value: result });
		expect(await decrypt(` https://factdeck.example.org/collect#${code}\n`)).toStrictEqual({
			ok: true,
			value: result
		});
	});

	it('keep a result short: the structured forms take a byte or two', () => {
		const bytes = encodeResultPayload(example(), bank, lookup);
		// bank version 1, ids 16, revision 1, name 14, try 1, times 5 + 2, score 2, count 1;
		// the items: a width byte, 8 bits each; per answer: time 1, head 1 (which holds a
		// single choice), a choice list 1 + 2, texts 1 + length, the other forms 1
		const header = 1 + 16 + 1 + 14 + 1 + 7 + 2 + 1;
		const items = 1 + 8;
		const answers = 8 * 2 + 0 + (1 + 2) + 0 + (1 + 16) + (1 + 9) + 1 + 0 + 1;
		expect(bytes.length).toBe(header + items + answers);
		// Format 1: the item (2 bytes each, past 127) and a tenths time in each answer.
		expect(encodeResultPayloadV1(example(), bank, lookup).length).toBe(
			header + 8 * 4 + 1 + (1 + 2) + 0 + (1 + 16) + (1 + 9) + 1 + 0 + 1
		);
	});

	it("keep a typed answer that is one of the item's answers as which one, in its case", () => {
		const typed = (text: string) => ({
			...example([answer('p4-ombudsman', { text })]),
			score: 1
		});
		const size = (text: string) => encodeResultPayload(typed(text), bank, lookup).length;
		// Head 1 and form 1, whatever the answer's length.
		for (const text of ['Gegham Stepanyan', 'gegham stepanyan', 'STEPANYAN', 'Stepanyan']) {
			expect(size(text)).toBe(size(''));
		}
		for (const text of [
			'Gegham Stepanyan',
			'gegham stepanyan',
			'GEGHAM STEPANYAN',
			'Gegham stepanyan',
			'stepanyan ',
			'Gegham Stepanian'
		]) {
			expect(
				decodeResultPayload(encodeResultPayload(typed(text), bank, lookup), bank, lookup)
			).toStrictEqual({ ok: true, value: typed(text) });
		}
		expect(size('Gegham Stepanian')).toBe(size('') + 16);
	});

	it('keep answers that do not fit their item as JSON, so nothing is lost', async () => {
		const result = example([
			answer('p3-talks-city', { choice: 'Baku' }),
			answer('p5-who-called', { choices: ['Russia', 'Russia'] }),
			answer('p2-held-wednesday', { text: 'no' }),
			answer('p9-order', { order: ['Talks', 'Offensive'] }),
			answer('p11-match', { pairs: { 'Vladimir Putin': 'Moscow' } }),
			answer('p12-match-odd', { pairs: JSON.parse('{"__proto__":"constructor","e":"δ"}') })
		]);
		result.score = 0;
		expect(
			await decrypt(await encryptResult(result, teacher.publicKey, bank, lookup))
		).toStrictEqual({ ok: true, value: result });
	});

	it('round trip matching answers whose entries are named like Object properties', async () => {
		const pairs = JSON.parse('{"__proto__":"😀","toString":"constructor","d":"δ"}');
		const result = example([answer('p12-match-odd', { pairs })]);
		result.score = 0.33;
		const back = await decrypt(await encryptResult(result, teacher.publicKey, bank, lookup));
		expect(back).toStrictEqual({ ok: true, value: result });
		expect(
			back.ok && Object.hasOwn((back.value.answers[0].response as never)['pairs'], '__proto__')
		).toBe(true);
	});

	it('round flashcard grades and times as documented, and cut long text', async () => {
		const result = example([
			{ itemId: 'p3-talks-city', response: null, grade: 'easy', ms: 1249 },
			{ itemId: 'p99-gone', response: null, grade: 'again', ms: -5 },
			answer('p4-ombudsman', { text: `${'😀'.repeat(LIMITS.answerChars)}more` }),
			answer('p8-killed', { text: 'broken \uD800 surrogate' })
		]);
		result.startedAt = 1_780_000_000_499;
		result.finishedAt = 1_779_999_999_000; // a clock set back mid-way
		result.score = 1;
		const back = await decrypt(await encryptResult(result, teacher.publicKey, bank, lookup));
		expect(back.ok && back.value).toStrictEqual({
			...result,
			startedAt: 1_780_000_000_000,
			finishedAt: 1_780_000_000_000,
			answers: [
				{ ...result.answers[0], ms: 1000 },
				{ ...result.answers[1], ms: 0 },
				answer('p4-ombudsman', { text: '😀'.repeat(LIMITS.answerChars) }),
				answer('p8-killed', { text: 'broken \uFFFD surrogate' })
			]
		});
	});

	it('cut text answers shorter when a result would not fit in a link', async () => {
		const many = Array.from({ length: 60 }, (_, i) => `p1-other-${i}`);
		const typed: Item[] = many.map((id) => ({ ...base, id, kind: 'typed', answer: 'x' }));
		const find = (id: string) => typed.find((t) => t.id === id) ?? lookup(id);
		const result = example(many.map((id) => answer(id, { text: 'long answer '.repeat(10) })));
		const code = await encryptResult(result, teacher.publicKey, bank, find);
		expect(code.length).toBeLessThanOrEqual(LIMITS.linkChars);
		const back = await decryptResult(code, teacher, bank, find);
		const texts = back.ok
			? back.value.answers.map((a) => (a.response as { text: string }).text)
			: [];
		expect(texts[0]).toBe('long answer long answer long a'); // cut to 30
	});

	it('throw on results no app makes', async () => {
		const bad: [string, (r: AssignmentResult) => void][] = [
			['not published', (r) => (r.answers[0].itemId = 'p0-never')],
			['twice', (r) => (r.answers[1].itemId = r.answers[0].itemId)],
			['studentName is empty', (r) => (r.studentName = ' ')],
			['studentName is longer', (r) => (r.studentName = 'x'.repeat(41))],
			['control', (r) => (r.studentName = 'Ana\tP')],
			['studentId', (r) => (r.studentId = 'x')],
			['tryNumber', (r) => (r.tryNumber = 0)],
			['score', (r) => (r.score = 8.01)],
			['score', (r) => (r.score = NaN)],
			['answers', (r) => (r.answers = [])],
			['grade', (r) => (r.answers[0].grade = 'perfect' as never)],
			['not an answer response', (r) => (r.answers[0].response = { colour: 'red' } as never)],
			['startedAt', (r) => (r.startedAt = -1)]
		];
		for (const [message, change] of bad) {
			const result = example();
			change(result);
			await expect(encryptResult(result, teacher.publicKey, bank, lookup)).rejects.toThrow(message);
		}
		await expect(encryptResult(example(), 'AAAA', bank, lookup)).rejects.toThrow(/P-256/);
	});
});

describe('every problem, with its message', () => {
	let code: string;
	beforeAll(async () => {
		code = await encryptResult(example(), teacher.publicKey, bank, lookup);
	});

	it('empty', async () => {
		for (const input of ['', ' \n ', 'https://factdeck.example.org/collect#']) {
			expect(refused(await decrypt(input))).toBe('empty');
		}
		expect(RESULT_MESSAGES.empty).toMatch(/result link a student sent you/);
	});

	it('too-large', async () => {
		expect(refused(await decrypt('FDKr'.repeat(1001)))).toBe('too-large');
		expect(RESULT_MESSAGES['too-large']).toMatch(/far longer than any result link/);
	});

	it('not-factdeck', async () => {
		for (const input of ['hello', `${code}==`, 'https://example.org/#top', 'QUJD']) {
			expect(refused(await decrypt(input))).toBe('not-factdeck');
		}
		expect(RESULT_MESSAGES['not-factdeck']).toMatch(/not a Factdeck result link/);
	});

	it('wrong-kind: an assignment link', async () => {
		const link = encodeAssignmentLink(
			{
				id: '0123456789abcdef',
				revision: 1,
				bankVersion: 4,
				teacherName: '',
				teacherKey: teacher.publicKey,
				settings: {
					title: 'Quiz',
					instructions: '',
					itemIds: ['p3-talks-city'],
					mode: 'test',
					shuffle: false,
					dueDate: null,
					showAnswers: true,
					tries: 0
				}
			},
			bank
		);
		expect(refused(await decrypt(`https://factdeck.example.org/join#${link}`))).toBe('wrong-kind');
		expect(RESULT_MESSAGES['wrong-kind']).toMatch(/assignment link, not a result/);
	});

	it('truncated', async () => {
		for (const length of [1, 3, 4, 5, 30, code.length - 1]) {
			expect(refused(await decrypt(code.slice(0, length)))).toBe('truncated');
		}
		expect(RESULT_MESSAGES.truncated).toMatch(/incomplete/);
	});

	it('altered: a typo (CRC), or a change the CRC was fixed up for (AES-GCM)', async () => {
		const typo = code.slice(0, 80) + (code[80] === 'A' ? 'B' : 'A') + code.slice(81);
		expect(refused(await decrypt(typo))).toBe('altered');
		const decodedTypo = await decrypt(typo);
		expect(!decodedTypo.ok && decodedTypo.detail).toMatch(/CRC/);
		const bytes = bytesOf(code);
		bytes[bytes.length - 10] ^= 1;
		const forged = await decrypt(textOf(withCrc(bytes), 2));
		expect(refused(forged)).toBe('altered');
		expect(!forged.ok && forged.detail).toMatch(/decryption failed/);
		expect(RESULT_MESSAGES.altered).toMatch(/changed after the student made it/);
	});

	it('newer-format', async () => {
		const bytes = bytesOf(await encryptResultV1(example(), teacher.publicKey, bank, lookup));
		bytes[3] = 2;
		expect(refused(await decrypt(toBase64url(withCrc(bytes))))).toBe('newer-format');
		expect(refused(await decrypt(`FDKS${code.slice(4)}`))).toBe('newer-format');
		expect(RESULT_MESSAGES['newer-format']).toMatch(/newer Factdeck.*online so it updates/);
	});

	it("other-teacher: made for another teacher's key", async () => {
		const decoded = await decrypt(code, other);
		expect(refused(decoded)).toBe('other-teacher');
		expect(RESULT_MESSAGES['other-teacher']).toMatch(/another teacher's device/);
	});

	it("altered: another teacher's fingerprint forged onto a code", async () => {
		const fingerprint = fromHex(await keyFingerprint(other.publicKey))!;
		const old = await encryptResultV1(example(), teacher.publicKey, bank, lookup);
		for (const original of [code, old]) {
			const bytes = bytesOf(original);
			// Format 2: prefix 4, length 2; format 1: magic 3, version 1, length 2.
			bytes.set(fingerprint, 6);
			const decoded = await decrypt(textOf(withCrc(bytes), formatOf(original)), other);
			expect(refused(decoded)).toBe('altered');
		}
	});

	it('newer-bank: the student had a newer bank', async () => {
		expect(refused(await decrypt(code, teacher, { ...bank, version: 3 }))).toBe('newer-bank');
		expect(RESULT_MESSAGES['newer-bank']).toMatch(/newer questions.*online so it updates/);
	});

	it('unknown-items: past the published list, or an item this bank does not have', async () => {
		const shorter = { ...bank, published: bank.published.slice(0, 152) };
		expect(refused(await decrypt(code, teacher, shorter))).toBe('unknown-items');
		const without = await decryptResult(code, teacher, bank, (id) =>
			id === 'p9-order' ? undefined : lookup(id)
		);
		expect(refused(without)).toBe('unknown-items');
		expect(RESULT_MESSAGES['unknown-items']).toMatch(/questions that your app does not have/);
	});

	it('invalid: every value out of its limits, inside a genuine encryption', async () => {
		for (const format of [2, 1] as const) {
			const raw = (json: string) => [
				159,
				42,
				9 * 5,
				...new ByteWriter().string(json, 1000).finish()
			];
			const cases: [Parameters<typeof payload>[0], RegExp][] = [
				[{ answers: [[151, 42, 5 * 5]] }, /does not fit/], // true for a multi
				[{ answers: [] }, /0 answers/],
				[
					{
						answers: [
							[152, 1, 0],
							[152, 1, 0]
						]
					},
					/twice/
				],
				[{ answers: [[150, 1, 1 * 5, 4]] }, /does not fit/], // single: option 5 of 4
				[{ answers: [[151, 1, 2 * 5, 64]] }, /does not fit/], // multi: 7th of 6
				[{ answers: [[151, 1, 3 * 5, 2, 1, 1]] }, /does not fit/], // twice in a list
				[{ answers: [[155, 1, 7 * 5, 6]] }, /does not fit/], // 3! = 6 orders
				[{ answers: [[157, 1, 8 * 5, 64]] }, /does not fit/], // 4^3 = 64
				[{ answers: [[152, 1, (format === 2 ? 26 : 10) * 5]] }, /too large/], // no such code
				[{ answers: [raw('{"choice":')] }, /not JSON/],
				[{ answers: [raw('{"colour":"red"}')] }, /no known shape/],
				[{ answers: [raw('{"choice":"a","text":"b"}')] }, /no known shape/],
				[{ answers: [raw('[1]')] }, /no known shape/],
				[{ name: utf8('') }, /studentName is empty/],
				[{ name: utf8('A\u0007') }, /control/],
				[{ name: new Uint8Array([0xc3]) }, /UTF-8/],
				[{ tryNumber: 0 }, /tryNumber/],
				[{ score: 101, answers: [[152, 1, 0]] }, /score/],
				[{ bankVersion: 0 }, /bank version 0/],
				[{ extra: [0] }, /unexpected bytes/],
				[{ count: 2, answers: [[152, 1, 0]] }, /ran out/]
			];
			if (format === 2) {
				cases.push(
					[{ answers: [[152, 1, 11 * 5]] }, /does not fit/], // a choice, for a true or false
					[{ answers: [[152, 1, 10 * 5, 0]] }, /does not fit/], // a typed form, likewise
					[{ answers: [[153, 1, 10 * 5, 2 * 4]] }, /does not fit/] // the third of 2 forms
				);
			}
			const encrypt = format === 2 ? encryptPayload : encryptPayloadV1;
			for (const [changes, detail] of cases) {
				const decoded = await decrypt(
					await encrypt(payload({ ...changes, format }), teacher.publicKey)
				);
				expect(refused(decoded), `format ${format}: ${detail}`).toBe('invalid');
				expect(!decoded.ok && decoded.detail).toMatch(detail);
			}
			expect(await decrypt(await encrypt(payload({ format }), teacher.publicKey))).toMatchObject({
				ok: true
			});
		}
		expect(RESULT_MESSAGES.invalid).toMatch(/damaged or was not made by Factdeck/);
	});

	it("invalid: this device's keys are unusable", async () => {
		const broken = { ...teacher, privateKey: { kty: 'EC' } };
		const decoded = await decrypt(code, broken);
		expect(refused(decoded)).toBe('invalid');
		expect(!decoded.ok && decoded.detail).toMatch(/keys are unusable/);
	});
});

describe('results made before format 2 (format 1, base64url)', () => {
	// A result made before format 2, for the key pair below: it opens, to the very result.
	const GOLDEN_KEYS: TeacherKeys = {
		publicKey: 'A8BZPeDIeWHhVzQWzCi3mYIWol-XZDvDQhYlUkQo0gZ2',
		privateKey: {
			key_ops: ['deriveBits'],
			ext: true,
			kty: 'EC',
			x: 'wFk94Mh5YeFXNBbMKLeZghaiX5dkO8NCFiVSRCjSBnY',
			y: 'Rg8OeqAlEHB4W8dfblOpzJxaMw0oZ4hTISWHuUyMzck',
			crv: 'P-256',
			d: 'edQuqD4OeGeHMysOJdeTGieTk2e8LBNzxSkhJDpRbiA'
		}
	};
	const GOLDEN =
		'FDKrAbEBdzWs9wPOjw6egn_d64GAsuj5GxU5-_EJsj3GNnKANJHtNK4rIBQrOINWs2yhWq3w2Obk4_fCOxppgAJTp8YShei19mu19U8jboPo9ysOxJLDYjbP0WM37sL5mhA92B6JmrX1F5aLe1POoQDKfo7VfpBcc1KxF5UFxR54xztj-e-lQoB0hdM8ysp1r-f8FCM1ENXph8IYxWIB5Jp7pDxVHYzPKU-UvPKyw0ck31AYhVZL';

	// It was made when the example's answers took 4.2 s each (format 1 keeps tenths).
	const made = (): AssignmentResult => ({
		...example(),
		answers: example().answers.map((a) => ({ ...a, ms: 4200 }))
	});

	it('open, to the very result they were made from', async () => {
		expect(
			await decrypt(`https://factdeck.example.org/collect#${GOLDEN}`, GOLDEN_KEYS)
		).toStrictEqual({
			ok: true,
			value: made()
		});
		expect(refused(await decrypt(GOLDEN, teacher))).toBe('other-teacher');
		expect(refused(await decrypt(GOLDEN.slice(0, -3), GOLDEN_KEYS))).toBe('truncated');
	});

	it('and the frozen format 1 writer the tests use still writes that payload', async () => {
		const code = await encryptResultV1(made(), GOLDEN_KEYS.publicKey, bank, lookup);
		expect(formatOf(code)).toBe(1);
		expect(await decrypt(code, GOLDEN_KEYS)).toStrictEqual({ ok: true, value: made() });
	});
});

/** Each format's payload writer and code writer: the app's, and the frozen format 1. */
const FORMATS: [
	Format,
	(result: AssignmentResult) => Uint8Array,
	(result: AssignmentResult) => Promise<string>
][] = [
	[
		2,
		(result) => encodeResultPayload(result, bank, lookup),
		(result) => encryptResult(result, teacher.publicKey, bank, lookup)
	],
	[
		1,
		(result) => encodeResultPayloadV1(result, bank, lookup),
		(result) => encryptResultV1(result, teacher.publicKey, bank, lookup)
	]
];

describe.each(FORMATS)('format %i, the payload alone (no cryptography)', (format, encode) => {
	const seed = (n: number) => n + (format === 1 ? 1000 : 0);
	const arb = resultArbOf(format);

	it(
		'round-trips any result the app makes',
		() => {
			fc.assert(
				fc.property(arb, (result) => {
					const bytes = encode(result);
					expect(decodeResultPayload(bytes, bank, lookup, format)).toStrictEqual({
						ok: true,
						value: result
					});
				}),
				{ numRuns: RUNS, seed: seed(201) }
			);
		},
		TIMEOUT
	);

	it(
		'never throws on random bytes, nor on a valid payload with one byte changed',
		() => {
			fc.assert(
				fc.property(
					fc.uint8Array({ maxLength: 300 }),
					arb,
					fraction,
					fc.noBias(fc.integer({ min: 1, max: 255 })),
					(random, result, at, delta) => {
						const a = decodeResultPayload(random, bank, lookup, format);
						expect(a.ok ? 'ok' : a.problem).toBeTypeOf('string');
						const bytes = encode(result);
						bytes[Math.floor(at * bytes.length)] ^= delta;
						const b = decodeResultPayload(bytes, bank, lookup, format);
						expect(b.ok ? 'ok' : b.problem).toBeTypeOf('string');
					}
				),
				{ numRuns: RUNS, seed: seed(202) }
			);
		},
		TIMEOUT
	);
});

describe.each(FORMATS)(
	'format %i, decryptResult properties (10,000 runs each)',
	(format, _, encrypt) => {
		const seed = (n: number) => n + (format === 1 ? 1000 : 0);
		const arb = resultArbOf(format);
		/** Valid codes made once, to damage (encrypting is the slow part). */
		let codes: string[] = [];
		beforeAll(async () => {
			const results = fc.sample(arb, { numRuns: runs(50), seed: seed(300) });
			codes = await Promise.all(results.map(encrypt));
		});
		const pick = fc.noBias(fc.nat({ max: runs(50) - 1 }));

		it(
			'encrypt then decrypt gives back the same result',
			async () => {
				const started = performance.now();
				await fc.assert(
					fc.asyncProperty(arb, fc.boolean(), async (result, asUrl) => {
						const code = await encrypt(result);
						expect(formatOf(code)).toBe(format);
						expect(code.length).toBeLessThanOrEqual(LIMITS.linkChars);
						const input = asUrl ? `https://factdeck.example.org/collect#${code}` : code;
						expect(await decrypt(input)).toStrictEqual({ ok: true, value: result });
					}),
					{ numRuns: RUNS, seed: seed(301) }
				);
				console.log(`format ${format}, round trip: ${Math.round(performance.now() - started)} ms`);
			},
			ROUND_TRIP_TIMEOUT
		);

		it(
			'random bytes in a valid envelope, with our fingerprint, fail authentication',
			async () => {
				const ours = fromHex(await keyFingerprint(teacher.publicKey))!;
				const started = performance.now();
				await fc.assert(
					fc.asyncProperty(fc.uint8Array({ minLength: 40, maxLength: 400 }), async (rest) => {
						const body = new Uint8Array([...ours, ...rest]);
						const code =
							format === 2 ? sealCode('result', body) : toBase64url(sealV1('result', body));
						expect(refused(await decrypt(code))).toBe('altered');
					}),
					{ numRuns: RUNS, seed: seed(303) }
				);
				console.log(
					`format ${format}, random envelopes: ${Math.round(performance.now() - started)} ms`
				);
			},
			TIMEOUT
		);

		it(
			'every cut of a valid code is reported as truncated',
			async () => {
				await fc.assert(
					fc.asyncProperty(pick, fraction, async (i, at) => {
						const code = codes[i];
						const length = 1 + Math.floor(at * (code.length - 1));
						expect(refused(await decrypt(code.slice(0, length)))).toBe('truncated');
					}),
					{ numRuns: RUNS, seed: seed(304) }
				);
			},
			TIMEOUT
		);

		it(
			'a changed byte, or a changed character, is refused',
			async () => {
				await fc.assert(
					fc.asyncProperty(
						pick,
						fraction,
						fc.noBias(fc.integer({ min: 1, max: 255 })),
						async (i, at, delta) => {
							const bytes = bytesOf(codes[i]);
							bytes[Math.floor(at * bytes.length)] ^= delta;
							refused(await decrypt(textOf(bytes, format)));
							const code = codes[i];
							const k = Math.floor(at * code.length);
							const c = charOf(format, delta >> 2);
							const typo =
								code.slice(0, k) +
								(c === code[k] ? (c === 'A' ? 'B' : 'A') : c) +
								code.slice(k + 1);
							refused(await decrypt(typo));
						}
					),
					{ numRuns: RUNS, seed: seed(305) }
				);
			},
			TIMEOUT
		);

		it(
			'a changed byte with the CRC made to match is refused: AES-GCM is reached and says no',
			async () => {
				const seen = new Map<string, number>();
				const started = performance.now();
				await fc.assert(
					fc.asyncProperty(
						pick,
						fraction,
						fc.noBias(fc.integer({ min: 1, max: 255 })),
						async (i, at, delta) => {
							const bytes = bytesOf(codes[i]);
							// Past the prefix: a changed prefix is another kind of code, or none.
							const first = format === 2 ? 4 : 0;
							bytes[first + Math.floor(at * (bytes.length - 4 - first))] ^= delta;
							const decoded = await decrypt(textOf(withCrc(bytes), format));
							const problem = refused(decoded);
							const detail = decoded.ok ? '' : (decoded.detail ?? '');
							const short =
								problem === 'altered'
									? `altered: ${detail.replace(/decryption failed.*/, 'decryption failed').replace(/\d+/g, 'N')}`
									: problem;
							seen.set(short, (seen.get(short) ?? 0) + 1);
						}
					),
					{ numRuns: RUNS, seed: seed(306) }
				);
				console.log(
					`format ${format}, changed byte, CRC made to match (${Math.round(performance.now() - started)} ms):`,
					Object.fromEntries(seen)
				);
				expect(seen.get('altered: decryption failed')).toBeGreaterThan(RUNS * 0.8);
				expect(seen.get('other-teacher')).toBeGreaterThan(0);
			},
			TIMEOUT
		);
	}
);

describe('random input (10,000 runs)', () => {
	it(
		'random text and random bytes are refused, never thrown on',
		async () => {
			const base64 = fc.string({
				unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')
			});
			const base32 = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567') });
			await fc.assert(
				fc.asyncProperty(
					fc.oneof(
						fc.string({ unit: 'binary', maxLength: 300 }),
						base64.map((s) => `FDKr${s}`),
						base32.map((s) => `FDKR${s}`),
						fc.uint8Array({ maxLength: 400 }).map(toBase64url),
						fc.uint8Array({ maxLength: 400 }).map((b) => `FDKR${toBase32(b)}`),
						fc
							.uint8Array({ maxLength: 400 })
							.map((b) => toBase64url(new Uint8Array([0x14, 0x32, 0xab, 1, ...b])))
					),
					async (text) => {
						refused(await decrypt(text));
					}
				),
				{ numRuns: RUNS, seed: 302 }
			);
		},
		TIMEOUT
	);
});

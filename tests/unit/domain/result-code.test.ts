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
	crc32,
	fromBase64url,
	fromHex,
	toBase64url,
	utf8
} from '../../../src/lib/domain/binary.ts';
import { peekKind, sealCode } from '../../../src/lib/domain/code-envelope.ts';
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

const answer = (itemId: string, response: AnswerResponse | null, ms = 4200): ResultAnswer => ({
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
			case 'numeric':
				return typedText.map((text) => ({ text }));
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

/** Results as the app makes them: times already rounded, score to 2 decimals. */
const resultArb: fc.Arbitrary<AssignmentResult> = fc
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
						tenths: fc.oneof(fc.nat({ max: 600 }), fc.nat({ max: 10_000_000 }))
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
					ms: a.tenths * 100
				}))
			}))
	);

// ---- helpers -----------------------------------------------------------------------------

function withCrc(bytes: Uint8Array): Uint8Array {
	const out = bytes.slice();
	new DataView(out.buffer).setUint32(out.length - 4, crc32(out, 0, out.length - 4));
	return out;
}

const decrypt = (input: string, keys = teacher, index = bank) =>
	decryptResult(input, keys, index, lookup);

function refused(decoded: Decoded<AssignmentResult>): DecodeProblem {
	if (decoded.ok) throw new Error(`expected a refusal, got ${JSON.stringify(decoded.value)}`);
	expect(decoded.message).toBe(RESULT_MESSAGES[decoded.problem]);
	return decoded.problem;
}

/** A payload written field by field, bypassing the encoder's checks. */
function payload(
	changes: Partial<{
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
	for (const a of p.answers) for (const b of a) w.varint(b);
	for (const b of p.extra) w.byte(b);
	return w.finish();
}

// ---- tests -------------------------------------------------------------------------------

describe('encryptResult and decryptResult', () => {
	it('round-trip a result with every kind of answer', async () => {
		const result = example();
		const code = await encryptResult(result, teacher.publicKey, bank, lookup);
		expect(code.startsWith('FDKr')).toBe(true);
		expect(peekKind(code)).toBe('result');
		expect(await decrypt(code)).toStrictEqual({ ok: true, value: result });
		expect(await decrypt(` https://factdeck.example.org/collect#${code}\n`)).toStrictEqual({
			ok: true,
			value: result
		});
	});

	it('keep a result short: the structured forms take a byte or two', () => {
		const bytes = encodeResultPayload(example(), bank, lookup);
		// bank version 1, ids 16, revision 1, name 14, try 1, times 5 + 2, score 2, count 1;
		// per answer: item 2, time 1, head 1, and 1 for the choice forms; texts 1 + length
		const header = 1 + 16 + 1 + 14 + 1 + 7 + 2 + 1;
		const answers = 8 * 4 + 1 + (1 + 2) + 0 + (1 + 16) + (1 + 9) + 1 + 0 + 1;
		expect(bytes.length).toBe(header + answers);
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
				{ ...result.answers[0], ms: 1200 },
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
		const typo = code.slice(0, 80) + (code[80] === 'a' ? 'b' : 'a') + code.slice(81);
		expect(refused(await decrypt(typo))).toBe('altered');
		const bytes = fromBase64url(code)!;
		bytes[bytes.length - 10] ^= 1;
		const forged = await decrypt(toBase64url(withCrc(bytes)));
		expect(refused(forged)).toBe('altered');
		expect(!forged.ok && forged.detail).toMatch(/decryption failed/);
		expect(RESULT_MESSAGES.altered).toMatch(/changed after the student made it/);
	});

	it('newer-format', async () => {
		const bytes = fromBase64url(code)!;
		bytes[3] = 2;
		expect(refused(await decrypt(toBase64url(withCrc(bytes))))).toBe('newer-format');
		expect(RESULT_MESSAGES['newer-format']).toMatch(/newer Factdeck.*online so it updates/);
	});

	it("other-teacher: made for another teacher's key", async () => {
		const decoded = await decrypt(code, other);
		expect(refused(decoded)).toBe('other-teacher');
		expect(RESULT_MESSAGES['other-teacher']).toMatch(/another teacher's device/);
	});

	it("altered: another teacher's fingerprint forged onto a code", async () => {
		const bytes = fromBase64url(code)!;
		const fingerprint = fromHex(await keyFingerprint(other.publicKey))!;
		bytes.set(fingerprint, 6); // magic 3, version 1, length 2
		const decoded = await decrypt(toBase64url(withCrc(bytes)), other);
		expect(refused(decoded)).toBe('altered');
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
		const raw = (json: string) => [159, 42, 9 * 5, ...new ByteWriter().string(json, 1000).finish()];
		const cases: [Uint8Array, RegExp][] = [
			[payload({ answers: [[151, 42, 5 * 5]] }), /does not fit/], // true for a multi
			[payload({ answers: [] }), /0 answers/],
			[
				payload({
					answers: [
						[152, 1, 0],
						[152, 1, 0]
					]
				}),
				/twice/
			],
			[payload({ answers: [[150, 1, 1 * 5, 4]] }), /does not fit/], // single: option 5 of 4
			[payload({ answers: [[151, 1, 2 * 5, 64]] }), /does not fit/], // multi: 7th of 6
			[payload({ answers: [[151, 1, 3 * 5, 2, 1, 1]] }), /does not fit/], // twice in a list
			[payload({ answers: [[155, 1, 7 * 5, 6]] }), /does not fit/], // 3! = 6 orders
			[payload({ answers: [[157, 1, 8 * 5, 64]] }), /does not fit/], // 4^3 = 64
			[payload({ answers: [[152, 1, 10 * 5]] }), /too large/], // no tag 10
			[payload({ answers: [raw('{"choice":')] }), /not JSON/],
			[payload({ answers: [raw('{"colour":"red"}')] }), /no known shape/],
			[payload({ answers: [raw('{"choice":"a","text":"b"}')] }), /no known shape/],
			[payload({ answers: [raw('[1]')] }), /no known shape/],
			[payload({ name: utf8('') }), /studentName is empty/],
			[payload({ name: utf8('A\u0007') }), /control/],
			[payload({ name: new Uint8Array([0xc3]) }), /UTF-8/],
			[payload({ tryNumber: 0 }), /tryNumber/],
			[payload({ score: 101, answers: [[152, 1, 0]] }), /score/],
			[payload({ bankVersion: 0 }), /bank version 0/],
			[payload({ extra: [0] }), /unexpected bytes/],
			[payload({ count: 2, answers: [[152, 1, 0]] }), /ran out/]
		];
		for (const [plain, detail] of cases) {
			const decoded = await decrypt(await encryptPayload(plain, teacher.publicKey));
			expect(refused(decoded)).toBe('invalid');
			expect(!decoded.ok && decoded.detail).toMatch(detail);
		}
		expect(await decrypt(await encryptPayload(payload(), teacher.publicKey))).toMatchObject({
			ok: true
		});
		expect(RESULT_MESSAGES.invalid).toMatch(/damaged or was not made by Factdeck/);
	});

	it("invalid: this device's keys are unusable", async () => {
		const broken = { ...teacher, privateKey: { kty: 'EC' } };
		const decoded = await decrypt(code, broken);
		expect(refused(decoded)).toBe('invalid');
		expect(!decoded.ok && decoded.detail).toMatch(/keys are unusable/);
	});
});

describe('the payload alone (no cryptography)', () => {
	it(
		'round-trips any result the app makes',
		() => {
			fc.assert(
				fc.property(resultArb, (result) => {
					const bytes = encodeResultPayload(result, bank, lookup);
					expect(decodeResultPayload(bytes, bank, lookup)).toStrictEqual({
						ok: true,
						value: result
					});
				}),
				{ numRuns: RUNS, seed: 201 }
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
					resultArb,
					fraction,
					fc.noBias(fc.integer({ min: 1, max: 255 })),
					(random, result, at, delta) => {
						const a = decodeResultPayload(random, bank, lookup);
						expect(a.ok ? 'ok' : a.problem).toBeTypeOf('string');
						const bytes = encodeResultPayload(result, bank, lookup);
						bytes[Math.floor(at * bytes.length)] ^= delta;
						const b = decodeResultPayload(bytes, bank, lookup);
						expect(b.ok ? 'ok' : b.problem).toBeTypeOf('string');
					}
				),
				{ numRuns: RUNS, seed: 202 }
			);
		},
		TIMEOUT
	);
});

describe('decryptResult properties (10,000 runs each)', () => {
	/** Valid codes made once, to damage (encrypting is the slow part). */
	let codes: string[] = [];
	beforeAll(async () => {
		const results = fc.sample(resultArb, { numRuns: runs(50), seed: 300 });
		codes = await Promise.all(
			results.map((r) => encryptResult(r, teacher.publicKey, bank, lookup))
		);
	});
	const pick = fc.noBias(fc.nat({ max: 49 }));

	it(
		'encrypt then decrypt gives back the same result',
		async () => {
			const started = performance.now();
			await fc.assert(
				fc.asyncProperty(resultArb, fc.boolean(), async (result, asUrl) => {
					const code = await encryptResult(result, teacher.publicKey, bank, lookup);
					expect(code.length).toBeLessThanOrEqual(LIMITS.linkChars);
					const input = asUrl ? `https://factdeck.example.org/collect#${code}` : code;
					expect(await decrypt(input)).toStrictEqual({ ok: true, value: result });
				}),
				{ numRuns: RUNS, seed: 301 }
			);
			console.log(`round trip: ${Math.round(performance.now() - started)} ms`);
		},
		ROUND_TRIP_TIMEOUT
	);

	it(
		'random text and random bytes are refused, never thrown on',
		async () => {
			const base64 = fc.string({
				unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')
			});
			await fc.assert(
				fc.asyncProperty(
					fc.oneof(
						fc.string({ unit: 'binary', maxLength: 300 }),
						base64.map((s) => `FDKr${s}`),
						fc.uint8Array({ maxLength: 400 }).map(toBase64url),
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

	it(
		'random bytes in a valid envelope, with our fingerprint, fail authentication',
		async () => {
			const ours = fromHex(await keyFingerprint(teacher.publicKey))!;
			const started = performance.now();
			await fc.assert(
				fc.asyncProperty(fc.uint8Array({ minLength: 40, maxLength: 400 }), async (rest) => {
					const code = toBase64url(sealCode('result', new Uint8Array([...ours, ...rest])));
					expect(refused(await decrypt(code))).toBe('altered');
				}),
				{ numRuns: RUNS, seed: 303 }
			);
			console.log(`random envelopes: ${Math.round(performance.now() - started)} ms`);
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
				{ numRuns: RUNS, seed: 304 }
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
						const bytes = fromBase64url(codes[i])!;
						bytes[Math.floor(at * bytes.length)] ^= delta;
						refused(await decrypt(toBase64url(bytes)));
						const code = codes[i];
						const k = Math.floor(at * code.length);
						const c = toBase64url(new Uint8Array([delta]))[0];
						const typo =
							code.slice(0, k) + (c === code[k] ? (c === 'A' ? 'B' : 'A') : c) + code.slice(k + 1);
						refused(await decrypt(typo));
					}
				),
				{ numRuns: RUNS, seed: 305 }
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
						const bytes = fromBase64url(codes[i])!;
						bytes[Math.floor(at * (bytes.length - 4))] ^= delta;
						const decoded = await decrypt(toBase64url(withCrc(bytes)));
						const problem = refused(decoded);
						const detail = decoded.ok ? '' : (decoded.detail ?? '');
						const short =
							problem === 'altered'
								? `altered: ${detail.replace(/decryption failed.*/, 'decryption failed').replace(/\d+/g, 'N')}`
								: problem;
						seen.set(short, (seen.get(short) ?? 0) + 1);
					}
				),
				{ numRuns: RUNS, seed: 306 }
			);
			console.log(
				`changed byte, CRC made to match (${Math.round(performance.now() - started)} ms):`,
				Object.fromEntries(seen)
			);
			expect(seen.get('altered: decryption failed')).toBeGreaterThan(RUNS * 0.8);
			expect(seen.get('other-teacher')).toBeGreaterThan(0);
		},
		TIMEOUT
	);
});

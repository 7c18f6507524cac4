import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultAnswer, TeacherSet } from '../../../src/lib/domain/assignment.ts';
import type { Item, ItemOf } from '../../../src/lib/domain/bank.ts';
import { bankVocabulary, type AnswerResponse } from '../../../src/lib/domain/check-answer.ts';
import {
	COUNTING_RULE,
	buildClassReport,
	dueEndOf,
	mostMissed,
	type ReceivedResult
} from '../../../src/lib/domain/class-report.ts';
import { BOM, gradebookCsv, shortPrompt } from '../../../src/lib/domain/gradebook-csv.ts';
import type { Grade } from '../../../src/lib/domain/records.ts';
import Papa from 'papaparse';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'bank-valid');
const items: Item[] = parse(readFileSync(join(fixtures, 'items.yaml'), 'utf8'));
const byId = new Map(items.map((i) => [i.id, i]));
const lookup = (id: string) => byId.get(id);
const vocabulary = bankVocabulary(items);
const PARIS = { timeZone: 'Europe/Paris' };

const SET_ID = '0123456789abcdef';
const T0 = Date.UTC(2026, 2, 9, 9, 0, 0); // Monday 9 March 2026, 10:00 in Paris
const MIN = 60_000;
const ID_A = 'aaaaaaaaaaaaaaaa';
const ID_B = 'bbbbbbbbbbbbbbbb';
const ID_C = 'cccccccccccccccc';

/** The fixture bank's seven items, in file order, plus one the bank no longer holds. */
const ALL_IDS = items.map((i) => i.id);

function teacherSet(over: Partial<TeacherSet> = {}): TeacherSet {
	return {
		id: SET_ID,
		revision: 1,
		sharedRevision: 1,
		createdAt: T0 - 86_400_000,
		updatedAt: T0 - 86_400_000,
		title: 'Week 3',
		instructions: '',
		itemIds: ALL_IDS,
		mode: 'test',
		shuffle: true,
		dueDate: '2026-03-10',
		showAnswers: false,
		tries: 0,
		...over
	};
}

const answer = (
	itemId: string,
	response: AnswerResponse | null,
	grade: Grade | null = null
): ResultAnswer => ({ itemId, response, grade, ms: 4000 });

let serial = 0;
function result(over: Partial<ReceivedResult> = {}): ReceivedResult {
	serial++;
	return {
		id: `r${serial}`,
		receivedAt: T0 + 3_600_000 + serial,
		assignmentId: SET_ID,
		revision: 1,
		studentName: 'Ana',
		studentId: ID_A,
		tryNumber: 1,
		startedAt: T0,
		finishedAt: T0 + 5 * MIN,
		score: 0,
		answers: [],
		...over
	};
}

const RIGHT: Record<string, AnswerResponse> = {
	'p3-talks-city': { choice: 'Yevlakh' },
	'p10-wars': { choices: ['2020', '1994'] },
	'p8-unverified': { value: false },
	'p3-talks-city-typed': { text: 'Yevlakh' },
	'p8-killed': { text: '200' },
	'p10-order': { order: ['The first war ends', 'The six-week war', 'The offensive'] },
	'p13-who-said': {
		pairs: {
			'Emmanuel Macron': 'France',
			'John Kirby': 'United States',
			'Vladimir Putin': 'Russia'
		}
	}
};
const allRight = () => ALL_IDS.map((id) => answer(id, RIGHT[id]));
/** Right on the first `k` items of the set, wrong (a wrong choice or value) on the rest. */
function rightOn(k: number, ids = ALL_IDS): ResultAnswer[] {
	return ids.map((id, i) => answer(id, i < k ? RIGHT[id] : { choice: 'Shusha' }));
}

describe('buildClassReport: scoring', () => {
	it('re-scores every kind, with part credit for matching and accepted forms for typed', () => {
		const answers = [
			answer('p3-talks-city', { choice: 'Yevlakh' }),
			answer('p10-wars', { choices: ['1994'] }),
			answer('p8-unverified', { value: false }),
			answer('p3-talks-city-typed', { text: 'evlakh' }),
			answer('p8-killed', { text: '201' }),
			answer('p10-order', { order: ['The six-week war', 'The first war ends', 'The offensive'] }),
			answer('p13-who-said', {
				pairs: {
					'Emmanuel Macron': 'France',
					'John Kirby': 'United States',
					'Vladimir Putin': 'France'
				}
			})
		];
		const report = buildClassReport(
			teacherSet(),
			[result({ answers, score: 3.67 })],
			lookup,
			vocabulary,
			PARIS
		);
		expect(report.outOf).toBe(7);
		expect(report.roster).toHaveLength(1);
		expect(report.roster[0]).toMatchObject({
			studentId: ID_A,
			name: 'Ana',
			score: 3.67,
			outOf: 7,
			percent: 52,
			ms: 5 * MIN,
			credits: [1, 0, 1, 1, 0, 0, 0.67],
			scoreMismatch: false,
			resultsSent: 1,
			countedTry: 1
		});
	});

	it('gives full marks for all right, whatever the order the answers come in', () => {
		const report = buildClassReport(
			teacherSet(),
			[result({ answers: allRight().reverse(), score: 7 })],
			lookup,
			vocabulary,
			PARIS
		);
		expect(report.roster[0]).toMatchObject({ score: 7, percent: 100, scoreMismatch: false });
	});

	it('counts an unanswered or missing question as wrong', () => {
		const answers = [answer('p3-talks-city', null), answer('p8-killed', { text: '  ' })];
		const report = buildClassReport(teacherSet(), [result({ answers })], lookup, vocabulary, PARIS);
		expect(report.roster[0].score).toBe(0);
		expect(report.questions.every((q) => q.answered === 0 && q.correct === 0)).toBe(true);
	});

	it('in flashcard mode, counts any grade but again as right and ignores responses', () => {
		const set = teacherSet({ mode: 'flashcards', itemIds: ALL_IDS.slice(0, 5) });
		const answers = [
			answer('p3-talks-city', null, 'good'),
			answer('p10-wars', null, 'hard'),
			answer('p8-unverified', null, 'again'),
			answer('p3-talks-city-typed', RIGHT['p3-talks-city-typed'], null),
			answer('p8-killed', null, 'bogus' as Grade)
		];
		const report = buildClassReport(set, [result({ answers, score: 2 })], lookup, vocabulary);
		expect(report.roster[0]).toMatchObject({
			score: 2,
			credits: [1, 1, 0, 0, 0],
			scoreMismatch: false
		});
		const q = new Map(report.questions.map((row) => [row.itemId, row]));
		expect(q.get('p8-unverified')).toMatchObject({
			answered: 1,
			correct: 0,
			commonWrong: { text: 'Again', count: 1 }
		});
		expect(q.get('p3-talks-city-typed')).toMatchObject({ answered: 0, commonWrong: null });
	});

	it('in quiz modes, ignores grades: only the response is checked', () => {
		const answers = [answer('p3-talks-city', null, 'easy')];
		const report = buildClassReport(
			teacherSet(),
			[result({ answers, score: 1 })],
			lookup,
			vocabulary,
			PARIS
		);
		expect(report.roster[0]).toMatchObject({ score: 0, scoreMismatch: true, claimedScore: 1 });
	});

	it('flags a claimed score that differs from the re-scored one', () => {
		const report = buildClassReport(
			teacherSet(),
			[
				result({ studentId: ID_A, answers: rightOn(2), score: 7 }),
				result({ studentId: ID_B, studentName: 'Ben', answers: rightOn(2), score: 2 }),
				result({ studentId: ID_C, studentName: 'Cy', answers: rightOn(2), score: 2.004 })
			],
			lookup,
			vocabulary,
			PARIS
		);
		expect(report.roster.map((r) => [r.name, r.score, r.scoreMismatch])).toEqual([
			['Ana', 2, true],
			['Ben', 2, false],
			['Cy', 2, false]
		]);
	});

	it('skips items no longer in the bank and answers to items not in the set', () => {
		const set = teacherSet({ itemIds: ['p3-talks-city', 'gone-item', 'p8-killed', 'gone-too'] });
		const answers = [
			answer('p3-talks-city', RIGHT['p3-talks-city']),
			answer('gone-item', { choice: 'x' }),
			answer('p10-wars', RIGHT['p10-wars'])
		];
		const report = buildClassReport(set, [result({ answers, score: 1 })], lookup, vocabulary);
		expect(report).toMatchObject({
			itemIds: ['p3-talks-city', 'p8-killed'],
			outOf: 2,
			skippedItems: 2,
			skippedItemIds: ['gone-item', 'gone-too']
		});
		expect(report.roster[0]).toMatchObject({ score: 1, percent: 50, credits: [1, 0] });
		expect(report.questions.map((q) => q.itemId)).toEqual(['p8-killed', 'p3-talks-city']);
	});

	it('leaves out results for another set and counts a result received twice once', () => {
		const twice = result({ answers: rightOn(3) });
		const report = buildClassReport(
			teacherSet(),
			[twice, { ...twice }, result({ assignmentId: 'ffffffffffffffff', studentId: ID_B })],
			lookup,
			vocabulary,
			PARIS
		);
		expect(report).toMatchObject({ resultsReceived: 1, otherSetResults: 1 });
		expect(report.roster).toHaveLength(1);
		expect(report.roster[0].resultsSent).toBe(1);
	});

	it('handles a set nobody answered', () => {
		const report = buildClassReport(teacherSet(), [], lookup, vocabulary, PARIS);
		expect(report.roster).toEqual([]);
		expect(report.questions).toHaveLength(7);
		expect(report.questions.every((q) => q.shareCorrect === 0)).toBe(true);
		expect(report.distribution).toMatchObject({ mean: null, median: null });
		expect(mostMissed(report)).toEqual([]);
	});
});

describe('buildClassReport: counting rule', () => {
	it('says the rule in one sentence', () => {
		expect(COUNTING_RULE).toMatch(/^[^.]+\.$/);
		expect(COUNTING_RULE).toContain('highest score');
		expect(COUNTING_RULE).toContain('earliest finished');
	});

	it('counts the best re-scored result, not the best claimed one', () => {
		const report = buildClassReport(
			teacherSet(),
			[
				result({ tryNumber: 1, answers: rightOn(3), finishedAt: T0 + 5 * MIN, score: 7 }),
				result({ tryNumber: 2, answers: rightOn(5), finishedAt: T0 + 15 * MIN, score: 5 }),
				result({ tryNumber: 3, answers: rightOn(4), finishedAt: T0 + 25 * MIN, score: 4 })
			],
			lookup,
			vocabulary,
			PARIS
		);
		expect(report.roster).toHaveLength(1);
		expect(report.roster[0]).toMatchObject({
			score: 5,
			resultsSent: 3,
			countedTry: 2,
			finishedAt: T0 + 15 * MIN,
			scoreMismatch: false
		});
	});

	it('on a tie, counts the earliest finished, and takes the name from the counted result', () => {
		const report = buildClassReport(
			teacherSet(),
			[
				result({ tryNumber: 1, answers: rightOn(2), finishedAt: T0 + 5 * MIN }),
				result({
					tryNumber: 2,
					studentName: 'Ana B.',
					answers: rightOn(6),
					startedAt: T0 + 30 * MIN,
					finishedAt: T0 + 42 * MIN
				}),
				result({
					tryNumber: 3,
					studentName: 'Ana Late',
					answers: rightOn(6),
					startedAt: T0 + 50 * MIN,
					finishedAt: T0 + 55 * MIN
				})
			],
			lookup,
			vocabulary,
			PARIS
		);
		expect(report.roster[0]).toMatchObject({
			name: 'Ana B.',
			score: 6,
			countedTry: 2,
			resultsSent: 3,
			ms: 12 * MIN
		});
	});

	it('keeps students apart by student id, sorted by name then id', () => {
		const report = buildClassReport(
			teacherSet(),
			[
				result({ studentId: 'd'.repeat(16), studentName: 'Émile' }),
				result({ studentId: ID_C, studentName: 'ben' }),
				result({ studentId: ID_B, studentName: 'Ana' }),
				result({ studentId: ID_A, studentName: 'Ana' })
			],
			lookup,
			vocabulary,
			PARIS
		);
		expect(report.roster.map((r) => [r.name, r.studentId])).toEqual([
			['Ana', ID_A],
			['Ana', ID_B],
			['ben', ID_C],
			['Émile', 'd'.repeat(16)]
		]);
	});
});

describe('late results', () => {
	it('ends the due date at local midnight of the teacher zone, DST included', () => {
		expect(dueEndOf('2026-03-10', 'Europe/Paris')).toBe(Date.UTC(2026, 2, 10, 23));
		// Paris moves to summer time on Sunday 29 March 2026.
		expect(dueEndOf('2026-03-28', 'Europe/Paris')).toBe(Date.UTC(2026, 2, 28, 23));
		expect(dueEndOf('2026-03-29', 'Europe/Paris')).toBe(Date.UTC(2026, 2, 29, 22));
		expect(dueEndOf('2026-03-10', 'UTC')).toBe(Date.UTC(2026, 2, 11));
		expect(dueEndOf('2026-03-10', 'Pacific/Kiritimati')).toBe(Date.UTC(2026, 2, 10, 10));
		expect(dueEndOf('2026-03-10', 'Pacific/Pago_Pago')).toBe(Date.UTC(2026, 2, 11, 11));
		expect(dueEndOf('2026-03-10', 'America/New_York')).toBe(Date.UTC(2026, 2, 11, 4));
	});

	it('has no end without a due date or with a malformed one', () => {
		expect(dueEndOf(null, 'Europe/Paris')).toBeNull();
		expect(dueEndOf('2026-02-30', 'Europe/Paris')).toBeNull();
		expect(dueEndOf('soon', 'Europe/Paris')).toBeNull();
	});

	it('marks a result late when it finished after the due date ended', () => {
		const end = Date.UTC(2026, 2, 10, 23);
		const report = buildClassReport(
			teacherSet(),
			[
				result({ studentId: ID_A, studentName: 'Ana', finishedAt: end - 1000 }),
				result({ studentId: ID_B, studentName: 'Ben', finishedAt: end }),
				result({ studentId: ID_C, studentName: 'Cy', finishedAt: end + 5 * 86_400_000 })
			],
			lookup,
			vocabulary,
			PARIS
		);
		expect(report.dueEnd).toBe(end);
		expect(report.roster.map((r) => r.late)).toEqual([false, true, true]);
		const inUtc = buildClassReport(
			teacherSet(),
			[result({ finishedAt: end })],
			lookup,
			vocabulary,
			{
				timeZone: 'UTC'
			}
		);
		expect(inUtc.roster[0].late).toBe(false);
	});

	it('never marks late without a due date', () => {
		const report = buildClassReport(
			teacherSet({ dueDate: null }),
			[result({ finishedAt: Date.UTC(2030, 0, 1) })],
			lookup,
			vocabulary,
			PARIS
		);
		expect(report.dueEnd).toBeNull();
		expect(report.roster[0].late).toBe(false);
	});
});

describe('per-question figures', () => {
	it('lists the most missed first, with the most common wrong answer', () => {
		const ids = ['p3-talks-city', 'p8-unverified', 'p8-killed', 'p13-who-said'];
		const set = teacherSet({ itemIds: ids });
		const matchPart = {
			pairs: {
				'Emmanuel Macron': 'France',
				'John Kirby': 'Russia',
				'Vladimir Putin': 'United States'
			}
		};
		const results = [
			result({
				studentId: ID_A,
				studentName: 'Ana',
				answers: [
					answer('p3-talks-city', { choice: 'Shusha' }),
					answer('p8-unverified', { value: false }),
					answer('p8-killed', { text: '200' }),
					answer('p13-who-said', matchPart)
				]
			}),
			result({
				studentId: ID_B,
				studentName: 'Ben',
				answers: [
					answer('p3-talks-city', { choice: 'Stepanakert' }),
					answer('p8-unverified', { value: true }),
					answer('p8-killed', { text: '200' }),
					answer('p13-who-said', RIGHT['p13-who-said'])
				]
			}),
			result({
				studentId: ID_C,
				studentName: 'Cy',
				answers: [
					answer('p3-talks-city', { choice: 'Shusha' }),
					answer('p8-unverified', { value: false })
				]
			}),
			// Not counted: Ana's worse second try.
			result({
				studentId: ID_A,
				tryNumber: 2,
				finishedAt: T0 + 60 * MIN,
				answers: ids.map((id) => answer(id, { choice: 'Nope' }))
			})
		];
		const report = buildClassReport(set, results, lookup, vocabulary, PARIS);
		expect(
			report.questions.map((q) => [q.itemId, q.position, q.answered, q.correct, q.shareCorrect])
		).toEqual([
			['p3-talks-city', 1, 3, 0, 0],
			['p13-who-said', 4, 2, 1, 1 / 3],
			['p8-unverified', 2, 3, 2, 2 / 3],
			['p8-killed', 3, 2, 2, 2 / 3]
		]);
		expect(report.questions[0]).toMatchObject({
			prompt: 'In which city were the talks held?',
			kind: 'single',
			commonWrong: { text: 'Shusha', count: 2 }
		});
		expect(report.questions[1].commonWrong).toEqual({
			text: 'Emmanuel Macron → France; John Kirby → Russia; Vladimir Putin → United States',
			count: 1
		});
		expect(report.questions[2].commonWrong).toEqual({ text: 'True', count: 1 });
		expect(report.questions[3].commonWrong).toBeNull();
		expect(report.roster.map((r) => [r.name, r.countedTry, r.resultsSent])).toEqual([
			['Ana', 1, 2],
			['Ben', 1, 1],
			['Cy', 1, 1]
		]);
	});

	it('breaks a tie between wrong answers alphabetically, whatever the order received', () => {
		const set = teacherSet({ itemIds: ['p3-talks-city'] });
		const picks = ['Yerevan', 'Shusha', 'Stepanakert'];
		const make = (order: string[]) =>
			order.map((choice) =>
				result({
					studentId: choice.padEnd(16, '0'),
					answers: [answer('p3-talks-city', { choice })]
				})
			);
		for (const order of [picks, [...picks].reverse()]) {
			const report = buildClassReport(set, make(order), lookup, vocabulary, PARIS);
			expect(report.questions[0].commonWrong).toEqual({ text: 'Shusha', count: 1 });
		}
	});

	it('tells the most common wrong answer among several', () => {
		const set = teacherSet({ itemIds: ['p3-talks-city'] });
		const picks = ['Stepanakert', 'Shusha', 'Shusha', 'Yevlakh', 'Yerevan'];
		const results = picks.map((choice, i) =>
			result({
				studentId: String(i).repeat(16),
				answers: [answer('p3-talks-city', { choice })]
			})
		);
		const report = buildClassReport(set, results, lookup, vocabulary, PARIS);
		expect(report.questions[0]).toMatchObject({
			answered: 5,
			correct: 1,
			shareCorrect: 0.2,
			commonWrong: { text: 'Shusha', count: 2 }
		});
	});

	it('gives the most-missed ids for a review quiz', () => {
		const report = buildClassReport(
			teacherSet(),
			[
				result({ studentId: ID_A, answers: rightOn(4) }),
				result({ studentId: ID_B, answers: rightOn(2) })
			],
			lookup,
			vocabulary,
			PARIS
		);
		expect(mostMissed(report)).toEqual([
			ALL_IDS[4],
			ALL_IDS[5],
			ALL_IDS[6],
			ALL_IDS[2],
			ALL_IDS[3]
		]);
		expect(mostMissed(report, 2)).toEqual([ALL_IDS[4], ALL_IDS[5]]);
		expect(mostMissed(report, 10)).not.toContain(ALL_IDS[0]);
		expect(mostMissed(report, 0)).toEqual([]);
	});
});

describe('score distribution', () => {
	// Ten single-choice items: each right answer is ten percent.
	const tens: ItemOf<'single'>[] = Array.from({ length: 10 }, (_, i) => ({
		id: `q${i}`,
		kind: 'single',
		topic: 'places',
		difficulty: 1,
		paragraphs: ['p1'],
		prompt: `Question ${i}?`,
		explanation: 'Because.',
		options: ['Right', 'Wrong', 'Other', 'Else'],
		answer: 'Right'
	}));
	const tensById = new Map(tens.map((i) => [i.id, i]));
	const set = teacherSet({ itemIds: tens.map((i) => i.id) });
	const student = (n: number, rights: number) =>
		result({
			studentId: n.toString(16).padStart(16, '0'),
			studentName: `S${n}`,
			answers: tens.map((item, i) => answer(item.id, { choice: i < rights ? 'Right' : 'Wrong' }))
		});
	const report = (rights: number[]) =>
		buildClassReport(
			set,
			rights.map((r, n) => student(n, r)),
			(id) => tensById.get(id),
			[],
			PARIS
		);

	it('counts percentages in ten bands, the last one 90 to 100', () => {
		const { distribution } = report([0, 3, 3, 9, 10]);
		expect(distribution.bands.map((b) => [b.from, b.to])).toEqual([
			[0, 9],
			[10, 19],
			[20, 29],
			[30, 39],
			[40, 49],
			[50, 59],
			[60, 69],
			[70, 79],
			[80, 89],
			[90, 100]
		]);
		expect(distribution.bands.map((b) => b.count)).toEqual([1, 0, 0, 2, 0, 0, 0, 0, 0, 2]);
		expect(distribution.mean).toBe(50);
		expect(distribution.median).toBe(30);
	});

	it('takes the median of an even count as the middle two averaged', () => {
		const { distribution } = report([0, 3, 3, 4, 9, 10]);
		expect(distribution.median).toBe(35);
		expect(distribution.mean).toBe(48.3);
	});
});

/** The CSV as a spreadsheet reads it: papaparse, every cell as text. */
function readCsv(text: string): string[][] {
	expect(text.startsWith(BOM)).toBe(true);
	const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true });
	expect(parsed.errors).toEqual([]);
	return parsed.data;
}

describe('gradebookCsv', () => {
	const set = teacherSet({ itemIds: ['p3-talks-city', 'gone-item', 'p13-who-said'] });
	const end = Date.UTC(2026, 2, 10, 23);
	const names = [
		'Smith, "Jo"',
		'=HYPERLINK("http://x")',
		'+1',
		'-2',
		'@SUM(A1)',
		'\tTab',
		'Line\nbreak',
		'Zoë'
	];
	const results = names.map((studentName, i) =>
		result({
			studentId: String(i).repeat(16),
			studentName,
			startedAt: i === 0 ? end + 1 - 30_000 : T0,
			finishedAt: i === 0 ? end + 1 : T0 + 90_000 + i * 6_000,
			tryNumber: 2,
			score: i === 7 ? 1 : 1.67,
			answers: [
				answer('p3-talks-city', i === 1 ? { choice: '=1+1' } : RIGHT['p3-talks-city']),
				answer('p13-who-said', {
					pairs: { 'Emmanuel Macron': 'France', 'John Kirby': 'United States' }
				})
			]
		})
	);
	const report = buildClassReport(set, results, lookup, vocabulary, PARIS);
	const prompt = (id: string) => byId.get(id)?.prompt ?? id;
	const csv = gradebookCsv(report, prompt);
	const rows = readCsv(csv);

	it('starts with a BOM, uses CRLF line ends, one header row, then one row per student', () => {
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv.replaceAll('\r\n', '').includes('\r')).toBe(false);
		expect(rows).toHaveLength(1 + report.roster.length);
		expect(rows[0].slice(0, 10)).toEqual([
			'Student',
			'Try',
			'Results sent',
			'Score',
			'Out of',
			'Percent',
			'Time (s)',
			'Finished (UTC)',
			'Late',
			'Altered'
		]);
		expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
	});

	it('names each question by its id and a short prompt', () => {
		expect(rows[0].slice(10)).toEqual([
			`Q1 answer (p3-talks-city: ${shortPrompt(prompt('p3-talks-city'))})`,
			'Q1 right (p3-talks-city)',
			`Q2 answer (p13-who-said: ${shortPrompt(prompt('p13-who-said'))})`,
			'Q2 right (p13-who-said)'
		]);
		for (const cell of rows[0]) expect([...cell].length).toBeLessThan(80);
	});

	it('writes each student’s counted result: try, time in seconds, answers, right or wrong', () => {
		report.roster.forEach((r, i) => {
			const row = rows[i + 1];
			expect(row.slice(1)).toEqual([
				'2',
				'1',
				String(r.score),
				'2',
				String(r.percent),
				String(Math.round(r.ms / 1000)),
				new Date(r.finishedAt).toISOString(),
				r.late ? 'yes' : 'no',
				r.scoreMismatch ? 'yes' : 'no',
				r.answers[0].startsWith('=') ? `'${r.answers[0]}` : r.answers[0],
				r.right[0] ? 'right' : 'wrong',
				'Emmanuel Macron → France; John Kirby → United States; Vladimir Putin → ?',
				'wrong'
			]);
		});
		const jo = rows.find((r) => r[0] === 'Smith, "Jo"')!;
		expect(jo.slice(3, 10)).toEqual([
			'1.67',
			'2',
			'84',
			'30',
			'2026-03-10T23:00:00.001Z',
			'yes',
			'no'
		]);
		expect(jo.slice(10, 12)).toEqual(['Yevlakh', 'right']);
		const zoe = rows.find((r) => r[0] === 'Zoë')!;
		expect(zoe[6]).toBe('132');
		expect(zoe[8]).toBe('no');
		expect(zoe[9]).toBe('yes');
		const formula = rows.find((r) => r[0] === `'=HYPERLINK("http://x")`)!;
		expect(formula.slice(10, 12)).toEqual(["'=1+1", 'wrong']);
	});

	it('quotes commas, quotes and newlines, and guards against formulas', () => {
		expect(rows.slice(1).map((r) => r[0])).toEqual(
			report.roster.map((r) => (/^[=+\-@\t\r]/.test(r.name) ? `'${r.name}` : r.name))
		);
		expect(csv).toContain('"Smith, ""Jo"""');
		expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
		expect(csv).toContain("\r\n'+1,");
		expect(csv).toContain("\r\n'-2,");
		expect(csv).toContain("\r\n'@SUM(A1),");
		expect(csv).toContain("\r\n'\tTab,");
		expect(csv).toContain('"Line\nbreak"');
		expect(csv).toContain('\r\nZoë,');
	});

	it('has only the header for an empty class', () => {
		const empty = buildClassReport(set, [], lookup, vocabulary, PARIS);
		expect(readCsv(gradebookCsv(empty, prompt))).toEqual([rows[0]]);
	});
});

describe('shortPrompt', () => {
	it('keeps short prompts whole and cuts long ones at a word, with an ellipsis', () => {
		expect(shortPrompt('Where  were\nthe talks?')).toBe('Where were the talks?');
		const cut = shortPrompt(
			'How many people had fled to Armenia by the end of September, by the count?'
		);
		expect(cut).toBe('How many people had fled to Armenia by…');
		expect([...cut].length).toBeLessThanOrEqual(40);
	});
});

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Item, ItemOf } from '../../../src/lib/domain/bank.ts';
import {
	cmiTimespan,
	correctPattern,
	finishedStatus,
	interactionValues,
	studentResponse
} from '../../../src/lib/domain/scorm-cmi.ts';
import {
	decodeProgress,
	encodeProgress,
	newProgress,
	packageQuestions,
	percentOf,
	scoreOf
} from '../../../src/lib/domain/scorm-session.ts';
import { packageData } from '../../../src/lib/domain/scorm-package.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'bank-valid');
const items: Item[] = parse(readFileSync(join(fixtures, 'items.yaml'), 'utf8'));
const byId = new Map(items.map((i) => [i.id, i]));
const fixture = <K extends Item['kind']>(id: string) => byId.get(id) as ItemOf<K>;

/** SCORM 1.2's CMITimespan, as scorm-again checks it. */
const TIMESPAN = /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/;

describe('cmiTimespan', () => {
	it('writes HH:MM:SS.SS, hours up to 9999', () => {
		expect(cmiTimespan(0)).toBe('00:00:00.00');
		expect(cmiTimespan(5_234)).toBe('00:00:05.23');
		expect(cmiTimespan(3_723_450)).toBe('01:02:03.45');
		expect(cmiTimespan(59_999)).toBe('00:01:00.00');
		expect(cmiTimespan(1e12)).toMatch(/^9999:/);
		for (const ms of [0, 999, 59_999, 3_600_000, 1e12, -5])
			expect(cmiTimespan(ms)).toMatch(TIMESPAN);
	});
});

describe('finishedStatus', () => {
	it('passed or failed against the mastery score, completed without one', () => {
		expect(finishedStatus(75, 75)).toBe('passed');
		expect(finishedStatus(74, 75)).toBe('failed');
		expect(finishedStatus(0, null)).toBe('completed');
	});
});

describe('student responses in SCORM 1.2 formats', () => {
	it('choice options by letter in the item order, true-false t/f', () => {
		const single = fixture<'single'>('p3-talks-city');
		expect(studentResponse(single, { choice: 'Shusha' })).toBe('c');
		expect(correctPattern(single)).toBe('a');
		const multi = fixture<'multi'>('p10-wars');
		expect(studentResponse(multi, { choices: ['2008', '1994'] })).toBe('a,d');
		expect(correctPattern(multi)).toBe('a,b');
		const tf = fixture<'truefalse'>('p8-unverified');
		expect(studentResponse(tf, { value: true })).toBe('t');
		expect(correctPattern(tf)).toBe('f');
	});

	it('fill-in the text typed, numeric the number read', () => {
		const typed = fixture<'typed'>('p3-talks-city-typed');
		expect(studentResponse(typed, { text: '  Yev   lakh ' })).toBe('Yev lakh');
		expect(studentResponse(typed, { text: 'x'.repeat(400) })).toHaveLength(255);
		const numeric = fixture<'numeric'>('p8-killed');
		expect(studentResponse(numeric, { text: 'about 2,000 people' })).toBe('2000');
		expect(studentResponse(numeric, { text: 'many' })).toBe('');
		expect(correctPattern(numeric)).toBe('200');
	});

	it('sequencing by letters in the order given, matching as left.right pairs', () => {
		const ordering = fixture<'ordering'>('p10-order');
		const [a, b, c] = ordering.sequence;
		expect(studentResponse(ordering, { order: [c, a, b] })).toBe('c,a,b');
		expect(correctPattern(ordering)).toBe('a,b,c');
		const matching = fixture<'matching'>('p13-who-said');
		const [p1, p2, p3] = matching.pairs;
		expect(
			studentResponse(matching, {
				pairs: { [p1.left]: p2.right, [p2.left]: p1.right, [p3.left]: p3.right }
			})
		).toBe('1.b,2.a,3.c');
		expect(correctPattern(matching)).toBe('1.a,2.b,3.c');
	});

	it('an unanswered or malformed response is empty', () => {
		for (const item of items) expect(studentResponse(item, null)).toBe('');
	});

	it('an interaction carries id, type, response, result, latency and the right pattern', () => {
		const single = fixture<'single'>('p3-talks-city');
		expect(
			interactionValues(
				single,
				{ choice: 'Yevlakh' },
				{ correct: true },
				4_200,
				Date.UTC(2026, 0, 1)
			)
		).toMatchObject({
			id: single.id,
			type: 'choice',
			student_response: 'a',
			result: 'correct',
			latency: '00:00:04.20',
			'correct_responses.0.pattern': 'a',
			weighting: '1'
		});
	});
});

describe('suspend data', () => {
	const set = packageData(
		{
			id: '0123456789abcdef',
			revision: 1,
			title: 'T',
			instructions: '',
			itemIds: [],
			mode: 'test',
			shuffle: true,
			dueDate: null,
			showAnswers: true,
			tries: 0
		},
		items,
		{ masteryScore: null, teacherName: '' },
		[]
	);

	it('round-trips, and the same seed gives the same questions', () => {
		const p = newProgress(42, 1, items.length);
		p.answers[0] = { r: { choice: 'Yevlakh' }, s: 1, ms: 1200 };
		p.answers[1] = { r: { choices: ['1994'] }, s: 0, ms: 800 };
		p.at = 2;
		expect(decodeProgress(encodeProgress(p), set)).toEqual(p);
		expect(packageQuestions(set, 42)).toEqual(packageQuestions(set, 42));
		expect(scoreOf(p)).toBe(1);
		expect(percentOf(p)).toBe(Math.round(100 / items.length));
	});

	it('refuses what does not fit the package, so the student starts afresh', () => {
		expect(decodeProgress('', set)).toBeNull();
		expect(decodeProgress('{not json', set)).toBeNull();
		expect(decodeProgress(encodeProgress(newProgress(1, 1, items.length + 1)), set)).toBeNull();
		const p = newProgress(1, 1, items.length);
		expect(decodeProgress(JSON.stringify({ ...p, at: items.length + 1 }), set)).toBeNull();
		expect(decodeProgress(JSON.stringify({ ...p, v: 2 }), set)).toBeNull();
	});

	it('stays within 4096 characters by dropping the earliest long responses, keeping credit', () => {
		const p = newProgress(1, 1, 60);
		p.answers = p.answers.map(() => ({ r: { text: 'x'.repeat(120) }, s: 1, ms: 1000 }));
		const encoded = encodeProgress(p);
		expect(encoded.length).toBeLessThanOrEqual(4096);
		const back = JSON.parse(encoded);
		expect(back.answers.every((a: { s: number }) => a.s === 1)).toBe(true);
		expect(back.answers[0].r).toBeNull();
		expect(back.answers[59].r).toEqual({ text: 'x'.repeat(120) });
	});
});

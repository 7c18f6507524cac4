import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { loadBank } from '../../../scripts/bank-load.ts';
import type { Item, ItemOf } from '../../../src/lib/domain/bank.ts';
import { toMoodleXml } from '../../../src/lib/domain/export-moodle.ts';
import { EMPTY_SET_MESSAGE, ExportError } from '../../../src/lib/domain/lms-text.ts';
import { child, children, parseXml, textOf } from './xml-parse.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'bank-valid');
const items: Item[] = parse(readFileSync(join(fixtures, 'items.yaml'), 'utf8'));
const byId = new Map(items.map((i) => [i.id, i]));
const fixture = <K extends Item['kind']>(id: string) => byId.get(id) as ItemOf<K>;

/** The questions of a Moodle XML file, by name, as Moodle's importer reads them. */
function read(xml: string) {
	const quiz = parseXml(xml).documentElement!;
	expect(quiz.localName).toBe('quiz');
	const questions = children(quiz, 'question');
	const byName = new Map<string, Element>();
	for (const q of questions) {
		if (q.getAttribute('type') === 'category') continue;
		byName.set(textOf(q, 'name'), q);
	}
	return { questions, byName };
}

/** Each answer's text and fraction (a number, percent). */
const answers = (q: Element) =>
	children(q, 'answer').map((a) => ({
		text: textOf(a, 'text'),
		fraction: Number(a.getAttribute('fraction'))
	}));

describe('toMoodleXml', () => {
	const xml = toMoodleXml(items, 'Week 3/talks');
	const { questions, byName } = read(xml);

	it('writes a category, then one question of the right type per item', () => {
		expect(questions[0].getAttribute('type')).toBe('category');
		expect(textOf(child(questions[0], 'category'), 'text')).toBe('$course$/top/Week 3-talks');
		expect([...byName.keys()]).toEqual(items.map((i) => i.id));
		const types = Object.fromEntries([...byName].map(([id, q]) => [id, q.getAttribute('type')]));
		expect(types).toEqual({
			'p3-talks-city': 'multichoice',
			'p10-wars': 'multichoice',
			'p8-unverified': 'truefalse',
			'p3-talks-city-typed': 'shortanswer',
			'p8-killed': 'numerical',
			'p10-order': 'ordering',
			'p13-who-said': 'matching'
		});
	});

	it('gives every question plain-text wording, the explanation and source as general feedback', () => {
		for (const item of items) {
			const q = byName.get(item.id)!;
			expect(child(q, 'questiontext').getAttribute('format')).toBe('plain_text');
			expect(textOf(q, 'questiontext').startsWith(item.prompt)).toBe(true);
			const feedback = textOf(q, 'generalfeedback');
			expect(feedback.startsWith(item.explanation)).toBe(true);
			expect(feedback).toMatch(/\(Article paragraphs? [\d, and]+\)/);
		}
		expect(textOf(byName.get('p10-order')!, 'generalfeedback')).toContain(
			'(Article paragraphs 6 and 10)'
		);
		expect(textOf(byName.get('p8-killed')!, 'generalfeedback')).toBe(
			'Paragraph 8 gives at least 200. (Article paragraph 8) Claim by Gegham Stepanyan. ' +
				'The article says this could not be independently verified.'
		);
		expect(textOf(byName.get('p8-killed')!, 'questiontext')).toBe(
			'At least how many people were killed, according to the ombudsman? (Answer in people.)'
		);
	});

	it('single choice: one answer at 100%, the others at 0%', () => {
		const q = byName.get('p3-talks-city')!;
		expect(textOf(q, 'single')).toBe('true');
		const list = answers(q);
		expect(list.map((a) => a.text).sort()).toEqual(
			[...fixture<'single'>('p3-talks-city').options].sort()
		);
		expect(list.filter((a) => a.fraction === 100).map((a) => a.text)).toEqual(['Yevlakh']);
		expect(list.filter((a) => a.fraction === 0)).toHaveLength(3);
	});

	it('multiple select: right shares sum to 100%, wrong shares to -100%', () => {
		const q = byName.get('p10-wars')!;
		expect(textOf(q, 'single')).toBe('false');
		const list = answers(q);
		const right = list.filter((a) => a.fraction > 0);
		const wrong = list.filter((a) => a.fraction < 0);
		expect(right.map((a) => a.text).sort()).toEqual(['1994', '2020']);
		expect(right.map((a) => a.fraction)).toEqual([50, 50]);
		expect(wrong.map((a) => a.text).sort()).toEqual(['1991', '2008', '2016']);
		const sum = (xs: { fraction: number }[]) => xs.reduce((s, a) => s + a.fraction, 0);
		expect(sum(right)).toBe(100);
		// Moodle's grades are 7-decimal fractions: 3 × 33.33333% is 99.99999%.
		expect(sum(wrong)).toBeCloseTo(-100, 4);
	});

	it('true/false: the right value at 100%', () => {
		expect(answers(byName.get('p8-unverified')!)).toEqual([
			{ text: 'true', fraction: 0 },
			{ text: 'false', fraction: 100 }
		]);
	});

	it('short answer: the answer and every accepted variant at 100%, case ignored', () => {
		const q = byName.get('p3-talks-city-typed')!;
		expect(textOf(q, 'usecase')).toBe('0');
		expect(answers(q)).toEqual(
			['Yevlakh', 'Evlakh', 'Yevlax'].map((text) => ({ text, fraction: 100 }))
		);
	});

	it('numerical: the answer with its tolerance', () => {
		const item = { ...fixture<'numeric'>('p8-killed'), answer: 6.5, tolerance: 0.25 };
		const q = read(toMoodleXml([item])).byName.get('p8-killed')!;
		const [a] = children(q, 'answer');
		expect(textOf(a, 'text')).toBe('6.5');
		expect(Number(a.getAttribute('fraction'))).toBe(100);
		expect(Number(textOf(a, 'tolerance'))).toBe(0.25);
	});

	it('matching: every pair as a subquestion and its answer', () => {
		const q = byName.get('p13-who-said')!;
		const pairs = children(q, 'subquestion').map((s) => ({
			left: textOf(s, 'text'),
			right: textOf(child(s, 'answer'), 'text')
		}));
		expect(pairs).toEqual(fixture<'matching'>('p13-who-said').pairs);
	});

	it('ordering: the entries in order, each fraction its position, graded by position', () => {
		const q = byName.get('p10-order')!;
		expect(textOf(q, 'gradingtype')).toBe('ABSOLUTE_POSITION');
		expect(textOf(q, 'selecttype')).toBe('ALL');
		expect(answers(q)).toEqual(
			fixture<'ordering'>('p10-order').sequence.map((text, i) => ({ text, fraction: i + 1 }))
		);
	});

	it('keeps markup, ampersands, quotes and stars as text, and drops characters XML cannot hold', () => {
		const nasty = '<script>alert(1)</script> & "quotes" \'apos\' ]]> *\u0007';
		const item: Item = {
			...fixture<'typed'>('p3-talks-city-typed'),
			prompt: nasty,
			explanation: nasty,
			answer: 'A*B',
			accept: ['<b>x</b>']
		};
		const written = toMoodleXml([item], nasty);
		expect(written).not.toContain('<script>');
		const { questions, byName } = read(written);
		expect(textOf(child(questions[0], 'category'), 'text')).toBe(
			// A '/' nests categories in Moodle, so the title's slash becomes '-'.
			`$course$/top/${nasty.replace('\u0007', '').replace('/', '-')}`
		);
		const q = byName.get(item.id)!;
		expect(textOf(q, 'questiontext')).toBe(nasty.replace('\u0007', ''));
		expect(answers(q).map((a) => a.text)).toEqual(['A\\*B', '<b>x</b>']);
	});

	it('refuses an empty set with a sentence', () => {
		expect(() => toMoodleXml([])).toThrow(ExportError);
		expect(() => toMoodleXml([])).toThrow(EMPTY_SET_MESSAGE);
	});

	it('exports the whole bank: one question per item, every one parses, multi shares sum right', () => {
		const { bank } = loadBank();
		expect(bank).not.toBeNull();
		const all = read(toMoodleXml(bank!.items, 'Bank'));
		expect(all.byName.size).toBe(bank!.items.length);
		for (const item of bank!.items) {
			if (item.kind !== 'multi') continue;
			const list = answers(all.byName.get(item.id)!);
			const positive = list.filter((a) => a.fraction > 0).reduce((s, a) => s + a.fraction, 0);
			expect(positive).toBeGreaterThanOrEqual(99.99999 - 1e-9);
			expect(positive).toBeLessThanOrEqual(100 + 1e-9);
		}
	});
});

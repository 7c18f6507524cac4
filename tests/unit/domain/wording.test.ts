import { describe, expect, it } from 'vitest';
import type { AssignmentSettings } from '../../../src/lib/domain/assignment.ts';
import { formatInterval } from '../../../src/lib/domain/scheduler.ts';
import {
	GRADE_NAMES,
	KIND_NAMES,
	MODE_NAMES,
	capitalised,
	citeParagraphs,
	describeSet,
	formatDate,
	formatDuration,
	formatRate,
	gradeName,
	keptNote,
	listWords,
	missingAnswerText,
	plural,
	shortInterval,
	slugify,
	spellInterval,
	triesAllowed,
	triesLeftText
} from '../../../src/lib/domain/wording.ts';
import { matching, multi, single } from '../components/quiz/items';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('plural', () => {
	it('puts the count before the noun, singular only for exactly one', () => {
		expect(plural(0, 'question')).toBe('0 questions');
		expect(plural(1, 'question')).toBe('1 question');
		expect(plural(2, 'question')).toBe('2 questions');
		expect(plural(1.5, 'month')).toBe('1.5 months');
	});

	it('takes an irregular plural, or a noun with its verb', () => {
		expect(plural(1, 'try', 'tries')).toBe('1 try');
		expect(plural(3, 'try', 'tries')).toBe('3 tries');
		expect(plural(1, 'card comes', 'cards come')).toBe('1 card comes');
		expect(plural(4, 'card comes', 'cards come')).toBe('4 cards come');
	});
});

describe('listWords', () => {
	it('joins as a person writes a list', () => {
		expect(listWords([])).toBe('');
		expect(listWords(['a'])).toBe('a');
		expect(listWords(['a', 'b'])).toBe('a and b');
		expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
	});
});

describe('citeParagraphs', () => {
	it('names the paragraphs in order', () => {
		expect(citeParagraphs(['p3'])).toBe('Article paragraph 3');
		expect(citeParagraphs(['p10', 'p6'])).toBe('Article paragraphs 6 and 10');
		expect(citeParagraphs(['p14', 'p12', 'p13'])).toBe('Article paragraphs 12, 13 and 14');
	});

	it('takes the words before the paragraphs, names each once and says nothing for none', () => {
		expect(citeParagraphs(['p6', 'p10', 'p6'], 'Source:')).toBe('Source: paragraphs 6 and 10');
		expect(citeParagraphs([], 'Source:')).toBe('');
		expect(citeParagraphs(['intro'])).toBe('');
	});
});

describe('names', () => {
	it('names every kind, mode and grade', () => {
		expect(KIND_NAMES.truefalse).toBe('True or false');
		expect(MODE_NAMES.test).toBe('quiz in test mode (no answers until the end)');
		expect(Object.values(GRADE_NAMES)).toEqual(['Again', 'Hard', 'Good', 'Easy']);
		expect(capitalised(MODE_NAMES.flashcards)).toBe('Flashcard deck');
		expect(capitalised('')).toBe('');
	});
});

describe('formatDate', () => {
	it('writes a calendar date in full, whatever the time zone', () => {
		// ICU versions differ on the comma after the weekday.
		expect(formatDate('2026-12-04')).toMatch(/^Friday,? 4 December 2026$/);
		expect(formatDate('2026-03-23')).toMatch(/^Monday,? 23 March 2026$/);
		expect(formatDate('not a date')).toBe('not a date');
	});
});

const settings = (over: Partial<AssignmentSettings> = {}): AssignmentSettings => ({
	title: 'Week 3',
	instructions: '',
	itemIds: ['a', 'b', 'c'],
	mode: 'test',
	shuffle: true,
	dueDate: null,
	showAnswers: false,
	tries: 2,
	...over
});

describe('describeSet', () => {
	it('says the size and the mode, and the due date when there is one', () => {
		expect(describeSet(settings())).toBe(
			'3 questions, quiz in test mode (no answers until the end)'
		);
		expect(describeSet(settings({ itemIds: ['a'], dueDate: '2026-12-04' }))).toMatch(
			/^1 question, quiz in test mode \(no answers until the end\) · due Friday,? 4 December 2026$/
		);
		expect(describeSet(settings({ dueDate: '2026-12-04' }), { due: false })).toBe(
			'3 questions, quiz in test mode (no answers until the end)'
		);
	});

	it('counts a deck in flashcards, and never gives it tries', () => {
		expect(
			describeSet(settings({ mode: 'flashcards', itemIds: ['a', 'b'] }), { tries: true })
		).toBe('2 flashcards, flashcard deck');
	});

	it('says the tries a quiz allows when asked, and "no limit" for 0', () => {
		expect(describeSet(settings(), { tries: true })).toBe(
			'3 questions, quiz in test mode (no answers until the end) · 2 tries'
		);
		expect(describeSet(settings({ tries: 1 }), { tries: true })).toMatch(/· 1 try$/);
		expect(describeSet(settings({ tries: 0 }), { tries: true })).toMatch(/· no limit on tries$/);
		expect(triesAllowed(0)).toBe('No limit');
		expect(triesAllowed(3)).toBe('3');
		expect(triesLeftText(Infinity)).toBe('no limit');
		expect(triesLeftText(2)).toBe('2');
	});

	it('leaves the mode out and names the teacher when asked', () => {
		expect(
			describeSet(settings({ dueDate: '2026-12-04' }), { mode: false, from: 'Ms Aliyeva' })
		).toMatch(/^3 questions · from Ms Aliyeva · due Friday,? 4 December 2026$/);
		expect(describeSet(settings(), { mode: false, from: '' })).toBe('3 questions');
	});
});

describe('formatDuration', () => {
	it.each([
		[0, '0 s'],
		[44_600, '45 s'],
		[245_000, '4 min 05 s']
	])('%d ms is %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('formatRate', () => {
	it('rounds to a whole percentage, and says when there is nothing to count', () => {
		expect(formatRate(0.746)).toBe('75%');
		expect(formatRate(0)).toBe('0%');
		expect(formatRate(1)).toBe('100%');
		expect(formatRate(null)).toBe('no answers');
	});
});

describe('intervals', () => {
	it.each([
		[30_000, '<1m', 'less than 1 minute'],
		[MINUTE, '1m', '1 minute'],
		[10 * MINUTE, '10m', '10 minutes'],
		[5 * 60 * MINUTE, '5h', '5 hours'],
		[DAY, '1d', '1 day'],
		[3 * DAY, '3d', '3 days'],
		[60 * DAY, '2mo', '2 months'],
		[45 * DAY, '1.5mo', '1.5 months'],
		[365 * DAY, '1y', '1 year'],
		[2.3 * 365 * DAY, '2.3y', '2.3 years']
	])('%d ms reads %s, spelt "%s"', (ms, short, spelt) => {
		expect(shortInterval(formatInterval(ms))).toBe(short);
		expect(spellInterval(formatInterval(ms))).toBe(spelt);
	});

	it('names a grade button with its interval', () => {
		expect(gradeName('again', formatInterval(MINUTE))).toBe('Again, next in 1 minute');
		expect(gradeName('easy', formatInterval(3 * DAY))).toBe('Easy, next in 3 days');
	});
});

describe('slugify', () => {
	it('keeps ASCII letters and digits, accents folded, joined by hyphens', () => {
		expect(slugify('Week 3: the talks')).toBe('week-3-the-talks');
		expect(slugify('  Ağdam & Şuşa!  ')).toBe('agdam-susa');
		expect(slugify('Ana', 'learner')).toBe('ana');
	});

	it('gives the fallback when nothing is left, and cuts long text at a hyphen boundary', () => {
		expect(slugify('???')).toBe('set');
		expect(slugify('əə', 'learner')).toBe('learner');
		const slug = slugify(`${'a'.repeat(59)} b`);
		expect(slug).toBe('a'.repeat(59));
		expect(slugify('x'.repeat(80))).toHaveLength(60);
	});
});

describe('keptNote', () => {
	it('says nothing is kept before the first answer, and how many answers are after it', () => {
		expect(keptNote(0)).toBe('Nothing is answered yet: leaving now keeps no quiz.');
		expect(keptNote(1)).toMatch(/^1 answer is saved\. Resume this quiz from the home page/);
		expect(keptNote(4)).toMatch(/^4 answers are saved\./);
	});
});

describe('missingAnswerText', () => {
	it('says what is missing for the kind of question', () => {
		expect(missingAnswerText(single)).toBe('Choose an answer first.');
		expect(missingAnswerText(multi)).toBe('Tick at least one option first.');
		expect(missingAnswerText(matching)).toBe('Choose a match for every item first.');
	});
});

/**
 * What the app says to people, in one place: counts with their nouns, set summaries,
 * dates, durations, rates, card intervals, lists, paragraph citations, file-name slugs, and
 * the names of question kinds, set modes and grades. Pure, and in the domain so that every
 * layer says a thing the same way: the screens, the paper worksheet, the LMS exports and the
 * backup file namer.
 */
import type { AssignmentMode, AssignmentSettings } from './assignment.ts';
import type { Attribution, Item, ItemKind } from './bank.ts';
import type { CheckResult } from './check-answer.ts';
import type { Grade } from './records.ts';
import type { Interval, IntervalUnit } from './scheduler.ts';
import { foldAccents } from './text.ts';

/** A count with its noun: "1 question", "3 questions"; `many` for an irregular plural. */
export function plural(n: number, word: string, many = `${word}s`): string {
	return `${n} ${n === 1 ? word : many}`;
}

/** Joins words as a person writes a list: "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[]): string {
	if (words.length <= 1) return words.join('');
	return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * The article paragraphs an item cites, after `lead`: "Article paragraph 3", "Source:
 * paragraphs 6 and 10" (each once, in article order); '' when it cites none.
 */
export function citeParagraphs(paragraphs: readonly string[], lead = 'Article'): string {
	const numbers = [...new Set(paragraphs.map((p) => Number(p.replace(/^p/, ''))))]
		.filter((n) => Number.isInteger(n) && n > 0)
		.sort((a, b) => a - b)
		.map(String);
	if (numbers.length === 0) return '';
	return `${lead} ${numbers.length === 1 ? 'paragraph' : 'paragraphs'} ${listWords(numbers)}`;
}

/** The text with its first letter in capitals: "Quiz in practice mode …". */
export function capitalised(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How each kind of question is named to a person. */
export const KIND_NAMES: Record<ItemKind, string> = {
	single: 'Single choice',
	multi: 'Multiple select',
	truefalse: 'True or false',
	typed: 'Typed answer',
	numeric: 'Number',
	ordering: 'Put in order',
	matching: 'Match the pairs'
};

/** Each set mode as a student and a teacher read it, after "3 questions, ". */
export const MODE_NAMES: Record<AssignmentMode, string> = {
	practice: 'quiz in practice mode (answers shown as you go)',
	test: 'quiz in test mode (no answers until the end)',
	flashcards: 'flashcard deck'
};

/** The four flashcard grades' words, on their buttons. */
export const GRADE_NAMES: Record<Grade, string> = {
	again: 'Again',
	hard: 'Hard',
	good: 'Good',
	easy: 'Easy'
};

let longDate: Intl.DateTimeFormat | undefined;

/**
 * A calendar date ('YYYY-MM-DD') in full, as due dates and the weeks of the accuracy table
 * read: "Friday 4 December 2026" (British English order, the same on every device; formatted
 * in UTC, as the date is already local). Anything else comes back as it is.
 */
export function formatDate(date: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) return date;
	longDate ??= new Intl.DateTimeFormat('en-GB', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
	return longDate.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** How many tries a set allows, as a value beside "Tries": "2", or "No limit" for 0. */
export function triesAllowed(tries: number): string {
	return tries === 0 ? 'No limit' : String(tries);
}

/** How many tries are left, after "Tries left: ": "2", or "no limit". */
export function triesLeftText(left: number): string {
	return left === Infinity ? 'no limit' : String(left);
}

/** What `describeSet` says besides the size of the set. */
export interface SetSummaryParts {
	/** Say the mode: "3 questions, quiz in test mode". Default true. */
	mode?: boolean;
	/** The teacher's name, for "· from Ms Aliyeva" (nothing when empty or absent). */
	from?: string;
	/** Say the due date, when there is one. Default true. */
	due?: boolean;
	/** Say how many tries a quiz allows. Default false. */
	tries?: boolean;
}

/**
 * A set in one line, as its lists and pages show it: "3 questions, quiz in test mode · due
 * Friday 4 December 2026 · 2 tries", "12 flashcards, flashcard deck", "5 questions · from Ms
 * Aliyeva". A deck counts flashcards, a quiz questions; a deck never says tries (it is taken
 * once), and a quiz without a limit says "no limit on tries".
 */
export function describeSet(
	settings: Pick<AssignmentSettings, 'itemIds' | 'mode' | 'dueDate' | 'tries'>,
	{ mode = true, from = '', due = true, tries = false }: SetSummaryParts = {}
): string {
	const deck = settings.mode === 'flashcards';
	let text = plural(settings.itemIds.length, deck ? 'flashcard' : 'question');
	if (mode) text += `, ${MODE_NAMES[settings.mode]}`;
	if (from) text += ` · from ${from}`;
	if (due && settings.dueDate) text += ` · due ${formatDate(settings.dueDate)}`;
	if (tries && !deck) {
		text += ` · ${settings.tries === 0 ? 'no limit on tries' : plural(settings.tries, 'try', 'tries')}`;
	}
	return text;
}

/** A time taken: "45 s", "4 min 05 s". */
export function formatDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** A rate as a whole percentage: "75%", or "no answers" for none. */
export function formatRate(rate: number | null): string {
	return rate === null ? 'no answers' : `${Math.round(rate * 100)}%`;
}

const SHORT_UNITS: Record<IntervalUnit, string> = {
	minute: 'm',
	hour: 'h',
	day: 'd',
	month: 'mo',
	year: 'y'
};

/** A card interval as the grade buttons show it: "<1m", "10m", "3d", "1.5mo", "2y". */
export function shortInterval(interval: Interval): string {
	return `${interval.lessThan ? '<' : ''}${interval.amount}${SHORT_UNITS[interval.unit]}`;
}

/** A card interval in words, for screen readers: "1 minute", "1.5 months", "less than 1 minute". */
export function spellInterval(interval: Interval): string {
	const spelt = plural(interval.amount, interval.unit);
	return interval.lessThan ? `less than ${spelt}` : spelt;
}

/** A grade button's accessible name: "Again, next in 1 minute". */
export function gradeName(grade: Grade, interval: Interval): string {
	return `${GRADE_NAMES[grade]}, next in ${spellInterval(interval)}`;
}

/**
 * Text as a file name part: ASCII letters and digits joined by '-', accents dropped, at
 * most 60 characters: "Week 3: Ağdam" → "week-3-agdam"; `fallback` when nothing is left.
 */
export function slugify(text: string, fallback = 'set'): string {
	return (
		foldAccents(text)
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 60)
			.replace(/-$/, '') || fallback
	);
}

// ---------------------------------------------------------------------------------------
// The quiz player's words around a question

/** How to answer, by kind: "Choose one", "Type a number (people)". */
export function hintFor(item: Item): string {
	switch (item.kind) {
		case 'single':
			return 'Choose one';
		case 'multi':
			return 'Choose all that apply';
		case 'truefalse':
			return 'True or false?';
		case 'typed':
			return 'Type your answer';
		case 'numeric':
			return item.unit === 'year' ? 'Type a year' : `Type a number (${item.unit})`;
		case 'ordering':
			// The prompt already says which order; the hint only says how.
			return 'Use the arrows to move items';
		case 'matching':
			return 'Pick the match for each item';
	}
}

/** The text field's label: "Your answer", "Your answer, in people". */
export function answerLabel(unit?: string): string {
	if (!unit) return 'Your answer';
	return unit === 'year' ? 'Your answer (a year)' : `Your answer, in ${unit}`;
}

/** "Claim by X, reported by Y." or "Claim by X." */
export function claimLine(attribution: Attribution): string {
	const via = attribution.via ? `, reported by ${attribution.via}` : '';
	return `Claim by ${attribution.claimant}${via}.`;
}

/** Said of a claim the article could not verify, wherever the claim is shown. */
export const NOT_VERIFIED = 'The article says this could not be independently verified.';

export type Tone = 'right' | 'partial' | 'wrong';

/** The verdict in words: "Right", "Not quite", or for part credit "3 of 4 pairs right". */
export function verdictOf(result: CheckResult): { tone: Tone; text: string } {
	if (result.correct) return { tone: 'right', text: 'Right' };
	const details = result.details;
	if (details.kind === 'matching') {
		const right = details.pairs.filter((p) => p.correct).length;
		if (right > 0) {
			return { tone: 'partial', text: `${right} of ${details.pairs.length} pairs right` };
		}
	}
	return { tone: 'wrong', text: 'Not quite' };
}

/**
 * The person's answer as they gave it, for single, true/false, multi, typed and numeric;
 * null for ordering and matching, whose feedback lists show it entry by entry.
 */
export function givenText(result: CheckResult, typed: string): string | null {
	const details = result.details;
	switch (details.kind) {
		case 'single':
			return details.choice ?? '';
		case 'truefalse':
			return details.value === null ? '' : details.value ? 'True' : 'False';
		case 'multi':
			return details.options
				.filter((o) => o.picked)
				.map((o) => o.option)
				.join('; ');
		case 'typed':
			return details.given.trim();
		case 'numeric':
			return typed.trim();
		case 'ordering':
		case 'matching':
			return null;
	}
}

/** What a tap on "Check answer" says while there is nothing to check yet, by kind. */
export function missingAnswerText(item: Item): string {
	switch (item.kind) {
		case 'single':
		case 'truefalse':
			return 'Choose an answer first.';
		case 'multi':
			return 'Tick at least one option first.';
		case 'typed':
		case 'numeric':
			return 'Type your answer first.';
		case 'ordering':
			return 'Put the entries in order first.';
		case 'matching':
			return 'Choose a match for every item first.';
	}
}

/** What "Save and exit" keeps: the answers so far, or nothing before the first answer. */
export function keptNote(answered: number): string {
	if (answered === 0) return 'Nothing is answered yet: leaving now keeps no quiz.';
	const answers = plural(answered, 'answer is', 'answers are');
	return `${answers} saved. Resume this quiz from the home page, or discard it there.`;
}

/**
 * The class report: every result a teacher received for one set, re-scored on the teacher's
 * side and summed up as a roster, per-question figures and a score distribution (the CSV for
 * gradebooks is gradebook-csv.ts). Pure: the caller reads the stored results and the bank.
 *
 * Scoring never trusts a result. Each answer is checked again with `checkAnswer` against the
 * teacher's bank; the score the student's app claimed is kept only to flag a mismatch (a
 * tampered code, or a student whose bank differed). In flashcard mode an answer is right when
 * its grade is anything but 'again'. An unanswered question is wrong.
 *
 * The questions are the set's items as the teacher's set holds them now, in set order; items
 * no longer in the bank are left out (counted in `skippedItems`), and answers to items that
 * are not in the set (a result of an older revision) are ignored.
 */
import {
	setItems,
	type AssignmentResult,
	type ResultAnswer,
	type TeacherSet
} from './assignment.ts';
import type { Item, ItemKind } from './bank.ts';
import { DAY_MS, HOUR_MS, LocalCalendar, dayOfIso, isoDate, todayBounds } from './calendar.ts';
import { checkAnswer } from './check-answer.ts';
import { formatResponse } from './quiz-results.ts';
import { GRADES } from './records.ts';
import { isBlankResponse } from './responses.ts';

/** A result as the teacher's device stores it. */
export interface ReceivedResult extends AssignmentResult {
	/** A hash of the result code, given by the caller: the same code received twice is one result. */
	id: string;
	/** Epoch ms when the teacher's device took the code in. */
	receivedAt: number;
}

/** Which of a student's results counts, as one sentence for the report screen. */
export const COUNTING_RULE =
	'When a student sent several results, the one with the highest score counts; on a tie, the earliest finished.';

export interface ClassReportOptions {
	/**
	 * The IANA time zone the set's due date is read in (the teacher's), such as Europe/Paris.
	 * Defaults to the zone of the device running the code. An unknown zone throws
	 * InvalidTimeZoneError (calendar.ts).
	 */
	timeZone?: string;
}

/** One student: their counted result, re-scored. */
export interface RosterRow {
	studentId: string;
	/** The name on the counted result. */
	name: string;
	/** Credits summed (matching gives part credit), 2 decimals. */
	score: number;
	outOf: number;
	/** `score` over `outOf`, as a rounded whole percentage (0 when there are no questions). */
	percent: number;
	/** Time taken: finishedAt − startedAt, in ms (never below 0). */
	ms: number;
	startedAt: number;
	finishedAt: number;
	/** Finished at or after the end of the due date (see `dueEndOf`). */
	late: boolean;
	/** How many results this student sent for the set. */
	resultsSent: number;
	/** The try number of the counted result. */
	countedTry: number;
	/** The set revision the counted result was taken from. */
	revision: number;
	/** The score the student's app claimed differs from the re-scored one. */
	scoreMismatch: boolean;
	claimedScore: number;
	/** The stored id of the counted result. */
	resultId: string;
	/** Credit per question (0 to 1), in `ClassReport.itemIds` order. */
	credits: number[];
	/** Fully right per question, in `ClassReport.itemIds` order. */
	right: boolean[];
	/**
	 * The answer per question as text (`formatResponse`; a flashcard's grade such as 'Good';
	 * '' when unanswered), in `ClassReport.itemIds` order.
	 */
	answers: string[];
}

/** One question, over the counted results. */
export interface QuestionRow {
	itemId: string;
	/** 1-based place in the set order: the Q number of the CSV. */
	position: number;
	prompt: string;
	kind: ItemKind;
	/** Counted results that answered it. */
	answered: number;
	/** Counted results that got it fully right. */
	correct: number;
	/** `correct` over the number of counted results (0 when there are none). */
	shareCorrect: number;
	/**
	 * The wrong answer given most often (as `formatResponse` writes it; 'Again' for a
	 * flashcard) and how often; ties go to the alphabetically first; null when none.
	 */
	commonWrong: { text: string; count: number } | null;
}

export interface ScoreBand {
	/** Percent range, inclusive: 0–9, 10–19, …, 90–100. */
	from: number;
	to: number;
	count: number;
}

export interface ScoreDistribution {
	/** Ten bands of the roster's percentages. */
	bands: ScoreBand[];
	/** Of the roster's percentages, 1 decimal; null when there is no result. */
	mean: number | null;
	median: number | null;
}

export interface ClassReport {
	setId: string;
	/** The set's items still in the bank, in set order: the report's questions. */
	itemIds: string[];
	/** Questions per student (one credit each). */
	outOf: number;
	/** How many of the set's items are no longer in the bank, and which. */
	skippedItems: number;
	skippedItemIds: string[];
	/** Distinct results for this set. */
	resultsReceived: number;
	/** Results given for another set, left out. */
	otherSetResults: number;
	/** The first instant after the due date, epoch ms; null without a due date. */
	dueEnd: number | null;
	/** One row per student, by name (then student id). */
	roster: RosterRow[];
	/** Most missed first: lowest share correct, then set order. */
	questions: QuestionRow[];
	distribution: ScoreDistribution;
}

const GRADES_RIGHT = new Set(['hard', 'good', 'easy']);
const GRADE_WORDS = new Set<string>(GRADES);

/** Two decimals, as scores are kept in results. */
function round2(n: number): number {
	return Math.round(n * 100) / 100;
}

/**
 * The first instant after the local calendar date `dueDate` ('YYYY-MM-DD') in `timeZone`,
 * epoch ms: a result finished at or after it is late. Midnight is found on the zone's own
 * calendar, so days of 23 or 25 hours come out right. Null for no date or a malformed one.
 * @throws InvalidTimeZoneError for a zone Intl does not know.
 */
export function dueEndOf(dueDate: string | null, timeZone: string): number | null {
	if (dueDate === null) return null;
	const day = dayOfIso(dueDate);
	if (Number.isNaN(day) || isoDate(day) !== dueDate) return null;
	const calendar = new LocalCalendar(timeZone);
	// Noon UTC falls on the date itself or a neighbour in every zone (offsets are -12 h to +14 h).
	let t = day * DAY_MS + 12 * HOUR_MS;
	t += (day - calendar.dayOf(t)) * DAY_MS;
	return todayBounds(t, timeZone).end;
}

interface Mark {
	answered: boolean;
	correct: boolean;
	credit: number;
	/** The answer as text when it was answered and wrong. */
	wrong: string | null;
	/** The answer as text, '' when unanswered. */
	text: string;
}

function mark(
	item: Item,
	answer: ResultAnswer | undefined,
	flashcards: boolean,
	vocabulary: readonly string[]
): Mark {
	if (flashcards) {
		const grade = answer?.grade;
		const answered = typeof grade === 'string' && GRADE_WORDS.has(grade);
		const correct = typeof grade === 'string' && GRADES_RIGHT.has(grade);
		return {
			answered,
			correct,
			credit: correct ? 1 : 0,
			wrong: answered && !correct ? 'Again' : null,
			text: answered ? grade[0].toUpperCase() + grade.slice(1) : ''
		};
	}
	const response = answer?.response ?? null;
	const check = checkAnswer(item, response, { vocabulary });
	const answered = !isBlankResponse(item.kind, response);
	const credit = Number.isFinite(check.score) ? Math.min(1, Math.max(0, check.score)) : 0;
	const text = answered ? formatResponse(item, response) : '';
	return {
		answered,
		correct: check.correct,
		credit,
		wrong: answered && !check.correct ? text : null,
		text
	};
}

interface Scored {
	result: ReceivedResult;
	marks: Mark[];
	score: number;
}

function scoreResult(
	result: ReceivedResult,
	items: readonly Item[],
	flashcards: boolean,
	vocabulary: readonly string[]
): Scored {
	const answers = new Map<string, ResultAnswer>();
	for (const answer of Array.isArray(result.answers) ? result.answers : []) {
		if (answer && !answers.has(answer.itemId)) answers.set(answer.itemId, answer);
	}
	const marks = items.map((item) => mark(item, answers.get(item.id), flashcards, vocabulary));
	return { result, marks, score: round2(marks.reduce((sum, m) => sum + m.credit, 0)) };
}

/** Best first: highest score, then earliest finished (then lowest try, first received, id). */
function countedFirst(a: Scored, b: Scored): number {
	return (
		b.score - a.score ||
		a.result.finishedAt - b.result.finishedAt ||
		a.result.tryNumber - b.result.tryNumber ||
		a.result.receivedAt - b.result.receivedAt ||
		(a.result.id < b.result.id ? -1 : a.result.id > b.result.id ? 1 : 0)
	);
}

function median(sorted: readonly number[]): number {
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function distribution(percents: readonly number[]): ScoreDistribution {
	const bands: ScoreBand[] = Array.from({ length: 10 }, (_, i) => ({
		from: i * 10,
		to: i === 9 ? 100 : i * 10 + 9,
		count: 0
	}));
	for (const p of percents) bands[Math.max(0, Math.min(9, Math.floor(p / 10)))].count++;
	if (!percents.length) return { bands, mean: null, median: null };
	const sorted = [...percents].sort((a, b) => a - b);
	const mean = sorted.reduce((s, p) => s + p, 0) / sorted.length;
	return { bands, mean: Math.round(mean * 10) / 10, median: Math.round(median(sorted) * 10) / 10 };
}

/**
 * Re-scores every result received for `set` and sums them up. Results for another set are
 * left out; the same result id twice counts once. Of a student's several results (same
 * studentId), one counts: see COUNTING_RULE. `lookup` finds an item in the teacher's bank;
 * `vocabulary` is the bank's (`bankVocabulary`), so typed answers are judged as in the app.
 */
export function buildClassReport(
	set: TeacherSet,
	results: readonly ReceivedResult[],
	lookup: (id: string) => Item | undefined,
	vocabulary: readonly string[],
	options: ClassReportOptions = {}
): ClassReport {
	const { items, missing: skippedItemIds } = setItems(set.itemIds, lookup);
	const flashcards = set.mode === 'flashcards';
	const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
	const dueEnd = dueEndOf(set.dueDate, timeZone);

	const seen = new Set<string>();
	const byStudent = new Map<string, Scored[]>();
	let otherSetResults = 0;
	for (const result of results) {
		if (result.assignmentId !== set.id) {
			otherSetResults++;
			continue;
		}
		if (seen.has(result.id)) continue;
		seen.add(result.id);
		const scored = scoreResult(result, items, flashcards, vocabulary);
		const mine = byStudent.get(result.studentId);
		if (mine) mine.push(scored);
		else byStudent.set(result.studentId, [scored]);
	}

	const outOf = items.length;
	const counted: Scored[] = [];
	const roster: RosterRow[] = [];
	for (const [studentId, sent] of byStudent) {
		const best = [...sent].sort(countedFirst)[0];
		counted.push(best);
		const { result } = best;
		const claimed = result.score;
		roster.push({
			studentId,
			name: result.studentName,
			score: best.score,
			outOf,
			percent: outOf ? Math.round((best.score / outOf) * 100) : 0,
			ms: Math.max(0, result.finishedAt - result.startedAt),
			startedAt: result.startedAt,
			finishedAt: result.finishedAt,
			late: dueEnd !== null && result.finishedAt >= dueEnd,
			resultsSent: sent.length,
			countedTry: result.tryNumber,
			revision: result.revision,
			scoreMismatch: !(typeof claimed === 'number' && Math.abs(claimed - best.score) < 0.005),
			claimedScore: claimed,
			resultId: result.id,
			credits: best.marks.map((m) => round2(m.credit)),
			right: best.marks.map((m) => m.correct),
			answers: best.marks.map((m) => m.text)
		});
	}
	roster.sort(
		(a, b) =>
			a.name.localeCompare(b.name) ||
			(a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : 0)
	);

	const questions: QuestionRow[] = items.map((item, index) => {
		const marks = counted.map((c) => c.marks[index]);
		const correct = marks.filter((m) => m.correct).length;
		const wrongs = new Map<string, number>();
		for (const m of marks)
			if (m.wrong !== null) wrongs.set(m.wrong, (wrongs.get(m.wrong) ?? 0) + 1);
		let commonWrong: QuestionRow['commonWrong'] = null;
		for (const [text, count] of wrongs) {
			// Ties go to the alphabetically first text, so the input order never matters.
			if (
				!commonWrong ||
				count > commonWrong.count ||
				(count === commonWrong.count && text < commonWrong.text)
			) {
				commonWrong = { text, count };
			}
		}
		return {
			itemId: item.id,
			position: index + 1,
			prompt: item.prompt,
			kind: item.kind,
			answered: marks.filter((m) => m.answered).length,
			correct,
			shareCorrect: marks.length ? correct / marks.length : 0,
			commonWrong
		};
	});
	questions.sort((a, b) => a.shareCorrect - b.shareCorrect || a.position - b.position);

	return {
		setId: set.id,
		itemIds: items.map((i) => i.id),
		outOf,
		skippedItems: skippedItemIds.length,
		skippedItemIds,
		resultsReceived: seen.size,
		otherSetResults,
		dueEnd,
		roster,
		questions,
		distribution: distribution(roster.map((r) => r.percent))
	};
}

/**
 * The `n` most-missed questions (share correct below 1), most missed first: the items for a
 * review quiz. Empty when no result counted.
 */
export function mostMissed(report: ClassReport, n = 5): string[] {
	if (!report.roster.length || n <= 0) return [];
	return report.questions
		.filter((q) => q.shareCorrect < 1)
		.slice(0, n)
		.map((q) => q.itemId);
}

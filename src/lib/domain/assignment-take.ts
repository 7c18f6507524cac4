/**
 * A student taking an assignment: the questions each student sees, how many tries are left,
 * whether it is late, and the result sent back (from a quiz attempt or from flashcard
 * grades). Pure; the caller passes clocks, ids and records.
 */
import type {
	AssignmentLink,
	AssignmentResult,
	AssignmentSettings,
	ResultAnswer
} from './assignment.ts';
import { LIMITS } from './assignment.ts';
import type { Item } from './bank.ts';
import type { AnswerResponse } from './check-answer.ts';
import type { QuizQuestion } from './quiz.ts';
import { gradedSince } from './decks.ts';
import { presentItem } from './quiz.ts';
import { createRng, seedFromString, shuffle } from './random.ts';
import type { AnswerEvent, Attempt } from './records.ts';

export function assignmentConfig(attempt: Pick<Attempt, 'kind' | 'config'>) {
	if (attempt.kind !== 'assignment') return null;
	// Stored data: a record from a backup may lack it.
	return 'assignment' in attempt.config ? (attempt.config.assignment ?? null) : null;
}

/**
 * The seed of one student's questions: with `shuffle`, their own order and option order
 * (from the learner and the try); without, the same for every student (from the set), so
 * the screen matches the paper worksheet's numbering.
 */
export function assignmentSeed(
	setId: string,
	shuffleEach: boolean,
	learnerId: string,
	tryNumber: number
): number {
	return seedFromString(shuffleEach ? `${setId}:${learnerId}:${tryNumber}` : setId);
}

/**
 * The questions of an assignment, in the teacher's order unless it is shuffled per student.
 * Items this bank no longer has (retired) are left out; `lookup` finds items by id.
 */
export function assignmentQuestions(
	settings: Pick<AssignmentSettings, 'itemIds' | 'shuffle'>,
	lookup: (id: string) => Item | undefined,
	seed: number
): QuizQuestion[] {
	const rng = createRng(seed);
	const items = settings.itemIds.map(lookup).filter((item): item is Item => item !== undefined);
	const ordered = settings.shuffle ? shuffle(rng, items) : items;
	return ordered.map((item) => presentItem(rng, item));
}

/** Tries left after `used` finished ones; Infinity when the set allows any number. */
export function triesLeft(settings: Pick<AssignmentSettings, 'tries'>, used: number): number {
	return settings.tries === 0 ? Infinity : Math.max(0, settings.tries - used);
}

/** The end of the due date (local midnight after it), from a calendar's start-of-day function. */
export function dueEnd(
	dueDate: string | null,
	startOfDay: (date: string) => number
): number | null {
	if (!dueDate) return null;
	const next = new Date(`${dueDate}T00:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	return startOfDay(next.toISOString().slice(0, 10));
}

function cutText(response: AnswerResponse): AnswerResponse {
	if ('text' in response && response.text.length > LIMITS.answerChars) {
		return { text: [...response.text].slice(0, LIMITS.answerChars).join('') };
	}
	return response;
}

/** Rounds to what a result code keeps: whole seconds, tenths of a second per answer. */
const seconds = (ms: number) => Math.round(ms / 1000) * 1000;
const tenths = (ms: number) => Math.round(ms / 100) * 100;

/** The result of a finished quiz-mode attempt, in the order the student answered. */
export function resultFromAttempt(
	attempt: Attempt,
	link: Pick<AssignmentLink, 'id' | 'revision'>,
	student: { name: string; id: string },
	tryNumber: number
): AssignmentResult {
	const answers: ResultAnswer[] = attempt.answers.map((a) => ({
		itemId: a.itemId,
		response: a.response ? cutText(a.response as AnswerResponse) : null,
		grade: null,
		ms: tenths(a.ms)
	}));
	const score = attempt.answers.reduce((sum, a) => sum + a.score, 0);
	return {
		assignmentId: link.id,
		revision: link.revision,
		studentName: student.name,
		studentId: student.id,
		tryNumber,
		startedAt: seconds(attempt.startedAt),
		finishedAt: seconds(attempt.finishedAt ?? attempt.updatedAt),
		score: Math.round(score * 100) / 100,
		answers
	};
}

/**
 * Flashcard mode: each card's first grade since the assignment was received. Returns null
 * until every card of the set has been graded once.
 */
export function resultFromGrades(
	cardIds: readonly string[],
	events: readonly AnswerEvent[],
	receivedAt: number,
	link: Pick<AssignmentLink, 'id' | 'revision'>,
	student: { name: string; id: string }
): AssignmentResult | null {
	const first = new Map<string, AnswerEvent>();
	const sorted = events
		.filter((e) => e.source === 'flashcard' && e.grade && e.at >= receivedAt)
		.sort((a, b) => a.at - b.at);
	for (const event of sorted) if (!first.has(event.itemId)) first.set(event.itemId, event);
	if (!cardIds.length || cardIds.some((id) => !first.has(id))) return null;
	const answers: ResultAnswer[] = cardIds.map((id) => {
		const event = first.get(id)!;
		return { itemId: id, response: null, grade: event.grade!, ms: tenths(event.ms) };
	});
	const times = cardIds.map((id) => first.get(id)!.at);
	return {
		assignmentId: link.id,
		revision: link.revision,
		studentName: student.name,
		studentId: student.id,
		tryNumber: 1,
		startedAt: seconds(Math.min(...times)),
		finishedAt: seconds(Math.max(...times)),
		score: answers.filter((a) => a.grade !== 'again').length,
		answers
	};
}

/** Flashcard mode: how many of the set's cards have a grade since it was received. */
export function cardsGraded(
	cardIds: readonly string[],
	events: readonly AnswerEvent[],
	receivedAt: number
): number {
	return gradedSince(cardIds, events, receivedAt).size;
}

/**
 * The id a learner's results for one set carry: 16 hex digits that stay the same across
 * tries (so the teacher's report can tell a second result from a second student) and do
 * not reveal the learner's own id.
 */
export function studentIdFor(learnerId: string, setId: string): string {
	const half = (salt: string) =>
		seedFromString(`${salt}:${learnerId}:${setId}`).toString(16).padStart(8, '0');
	return half('a') + half('b');
}

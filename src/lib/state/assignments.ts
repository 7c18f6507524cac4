/**
 * The student's side of assignments: taking one (quiz modes reuse the quiz player through an
 * attempt of kind 'assignment') and making the result link for the teacher. Opening a link
 * and accepting it are in ./join.ts.
 */
import { resolve } from '$app/paths';
import { bankIndex, getItem } from '$lib/bank';
import { setItems, type AssignmentResult, type ReceivedAssignment } from '$lib/domain/assignment';
import {
	assignmentConfig,
	assignmentQuestions,
	assignmentSeed,
	cardsGraded,
	resultFromAttempt,
	resultFromGrades,
	studentIdFor,
	triesLeft
} from '$lib/domain/assignment-take';
import { plural } from '$lib/domain/wording';
import type { AssignmentAttemptConfig, Attempt } from '$lib/domain/records';
import { encryptResult } from '$lib/domain/result-code';
import { addResultCode, getReceived } from '$lib/storage/assignments';
import { listAttempts, listEvents, saveAttempt } from '$lib/storage/progress';

/** One accepted assignment with the learner's tries at it, as /assignment shows it. */
export interface AssignmentView {
	/** Null when the learner has no such assignment. */
	received: ReceivedAssignment | null;
	/** Their attempts at it, oldest first (quiz modes). */
	attempts: Attempt[];
	/** How many of its cards they graded since accepting it (flashcard mode). */
	graded: number;
}

export async function loadAssignment(learnerId: string, id: string): Promise<AssignmentView> {
	const received = id ? ((await getReceived(learnerId, id)) ?? null) : null;
	if (!received) return { received: null, attempts: [], graded: 0 };
	const attempts = await assignmentAttempts(learnerId, received.id);
	let graded = 0;
	if (received.assignment.settings.mode === 'flashcards') {
		const events = await listEvents(learnerId, received.receivedAt);
		graded = cardsGraded(deckCardIds(received), events, received.receivedAt);
	}
	return { received, attempts, graded };
}

/** The learner's attempts at one assignment, oldest first. */
export async function assignmentAttempts(learnerId: string, id: string): Promise<Attempt[]> {
	const all = await listAttempts(learnerId);
	return all
		.filter((a) => assignmentConfig(a)?.id === id)
		.sort((a, b) => a.startedAt - b.startedAt);
}

export type StartOutcome = { ok: true; attemptId: string } | { ok: false; reason: string };

/** Resumes the unfinished try, or starts the next one when the set allows another. */
export async function startAssignment(
	received: ReceivedAssignment,
	now = Date.now()
): Promise<StartOutcome> {
	const { settings } = received.assignment;
	if (settings.mode === 'flashcards') return { ok: false, reason: 'This set is a flashcard deck.' };
	const attempts = await assignmentAttempts(received.learnerId, received.id);
	const open = attempts.find((a) => a.status === 'in-progress');
	if (open) return { ok: true, attemptId: open.id };
	const finished = attempts.length;
	if (triesLeft(settings, finished) === 0) {
		return {
			ok: false,
			reason: `You have used all ${plural(settings.tries, 'try', 'tries')} this set allows.`
		};
	}
	const tryNumber = finished + 1;
	const seed = assignmentSeed(received.id, settings.shuffle, received.learnerId, tryNumber);
	const questions = assignmentQuestions(settings, getItem, seed);
	if (!questions.length) {
		return {
			ok: false,
			reason:
				'None of the questions of this set are in this version of the app. Ask your teacher for a new link.'
		};
	}
	const config: AssignmentAttemptConfig = {
		options: {
			length: 'all',
			mode: settings.mode,
			seed,
			topics: [],
			difficulties: [],
			kinds: [],
			itemIds: settings.itemIds
		},
		assignment: { id: received.id, revision: received.assignment.revision, tryNumber }
	};
	const attempt: Attempt = {
		id: crypto.randomUUID(),
		learnerId: received.learnerId,
		kind: 'assignment',
		status: 'in-progress',
		title: settings.title,
		startedAt: now,
		updatedAt: now,
		config,
		questions,
		answers: []
	};
	await saveAttempt(attempt);
	return { ok: true, attemptId: attempt.id };
}

/** The cards of a flashcard-mode set that this app has (retired and quiz-only left out). */
export function deckCardIds(received: ReceivedAssignment): string[] {
	return setItems(received.assignment.settings.itemIds, getItem)
		.items.filter((item) => !item.quizOnly)
		.map((item) => item.id);
}

/** Flashcard mode: the result so far, or null until every card has been graded once. */
export async function flashcardResult(
	received: ReceivedAssignment,
	studentName: string
): Promise<AssignmentResult | null> {
	const events = await listEvents(received.learnerId, received.receivedAt);
	return resultFromGrades(deckCardIds(received), events, received.receivedAt, received.assignment, {
		name: studentName,
		id: studentIdFor(received.learnerId, received.id)
	});
}

/** A quiz-mode try's result. */
export function attemptResult(
	received: ReceivedAssignment,
	attempt: Attempt,
	studentName: string
): AssignmentResult {
	const tryNumber = assignmentConfig(attempt)?.tryNumber ?? 1;
	return resultFromAttempt(
		attempt,
		received.assignment,
		{ name: studentName, id: studentIdFor(received.learnerId, received.id) },
		tryNumber
	);
}

/** The address a result code opens on the teacher's device. */
export function resultUrl(code: string): string {
	return `${new URL(resolve('/collect'), location.origin).href}#${code}`;
}

/** Encrypts a result to the teacher, keeps the link with the assignment, returns it. */
export async function makeResultLink(
	received: ReceivedAssignment,
	result: AssignmentResult,
	attemptId?: string,
	now = Date.now()
): Promise<string> {
	const code = await encryptResult(result, received.assignment.teacherKey, bankIndex, getItem);
	const url = resultUrl(code);
	await addResultCode(received.learnerId, received.id, {
		at: now,
		code: url,
		name: result.studentName,
		tryNumber: result.tryNumber,
		...(attemptId ? { attemptId } : {})
	});
	return url;
}

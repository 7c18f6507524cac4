/**
 * The home page's reads for the current learner: the unfinished quiz, the cards due today
 * and the assignments. Only small storage modules behind it (not the one that writes
 * answers, nor the bank), so a first visit to the home page stays small.
 */
import { today } from '$lib/clock';
import type { ReceivedAssignment } from '$lib/domain/assignment';
import type { Attempt } from '$lib/domain/records';
import { listReceived } from '$lib/storage/assignments';
import {
	countAssigned,
	countDueCards,
	deleteUnfinishedAttempt,
	findUnfinishedAttempt
} from '$lib/storage/counts';

export interface HomeSummary {
	/** The most recently touched unfinished quiz, if any. */
	unfinished: Attempt | null;
	/** Flashcards due by the end of the learner's day on this device. */
	due: number;
	/** How many assignments the learner accepted. */
	assigned: number;
}

export async function loadHome(learnerId: string, now = Date.now()): Promise<HomeSummary> {
	const { end } = today(now);
	const [unfinished, due, assigned] = await Promise.all([
		findUnfinishedAttempt(learnerId),
		countDueCards(learnerId, end - 1),
		countAssigned(learnerId)
	]);
	return { unfinished: unfinished ?? null, due, assigned };
}

/** The learner's assignments, the most recently received first. */
export function listAssigned(learnerId: string): Promise<ReceivedAssignment[]> {
	return listReceived(learnerId);
}

/** Discards an unfinished quiz (home offer, quiz history). False when there was none to discard. */
export function discardUnfinishedQuiz(attemptId: string): Promise<boolean> {
	return deleteUnfinishedAttempt(attemptId);
}

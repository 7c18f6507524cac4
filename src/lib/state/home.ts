/**
 * The home page's reads for the current learner: the unfinished quiz, the cards due today
 * and the assignments. Only small storage modules behind it (not the one that writes
 * answers, nor the bank), so a first visit to the home page stays small.
 */
import { today } from '$lib/clock';
import type { Attempt, ReceivedAssignment } from '$lib/domain/records';
import { listReceived } from '$lib/storage/assignments';
import {
	countAssigned,
	countCards,
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
	const [unfinished, due, assigned] = await Promise.all([
		findUnfinishedAttempt(learnerId),
		countDueToday(learnerId, now),
		countAssigned(learnerId)
	]);
	return { unfinished: unfinished ?? null, due, assigned };
}

/**
 * The learner's cards due by the end of today. A learner with no cards (every first visit)
 * has none due, and the clock is not read: the first look at the device's time zone loads
 * the browser's date formatting data, about 100 ms of a cheap phone's main thread.
 */
async function countDueToday(learnerId: string, now: number): Promise<number> {
	if (!(await countCards(learnerId))) return 0;
	return countDueCards(learnerId, today(now).end - 1);
}

/** The learner's assignments, the most recently received first. */
export function listAssigned(learnerId: string): Promise<ReceivedAssignment[]> {
	return listReceived(learnerId);
}

/** Discards an unfinished quiz (home offer, quiz history). False when there was none to discard. */
export function discardUnfinishedQuiz(attemptId: string): Promise<boolean> {
	return deleteUnfinishedAttempt(attemptId);
}

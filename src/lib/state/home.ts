/**
 * The home page's reads for the current learner: the unfinished quiz, today's flashcards and
 * the assignments. Only small storage modules behind it (not the one that writes answers,
 * nor the bank: its summary counts the cards, and the ids no deck shows load only for a
 * learner with cards), so a first visit to the home page stays small.
 */
import summary from 'virtual:factdeck-bank-summary';
import { deviceTimeZone } from '$lib/clock';
import type { Attempt } from '$lib/domain/records';
import { studyToday, type StudyToday } from '$lib/domain/study-today';
import {
	countAssigned,
	deleteUnfinishedAttempt,
	findUnfinishedAttempt,
	listCards
} from '$lib/storage/counts';
import { getNewPerDay } from '$lib/storage/settings';

export interface HomeSummary {
	/** The most recently touched unfinished quiz, if any. */
	unfinished: Attempt | null;
	/** Reviews and new cards ready today, as the "All cards" deck's queue counts them. */
	study: StudyToday;
	/** How many assignments the learner accepted. */
	assigned: number;
}

export async function loadHome(learnerId: string, now = Date.now()): Promise<HomeSummary> {
	const [unfinished, cards, newPerDay, assigned] = await Promise.all([
		findUnfinishedAttempt(learnerId),
		listCards(learnerId),
		getNewPerDay(),
		countAssigned(learnerId)
	]);
	// The ids no deck shows matter only for cards a learner holds: a first visit skips them.
	const notCards = new Set<string>(
		cards.length ? (await import('virtual:factdeck-bank-not-cards')).default : []
	);
	const study = studyToday({
		cards,
		cardCount: summary.cards,
		notCards,
		now,
		// With no cards (every first visit) the day does not matter, and the clock is not read:
		// the first look at the device's time zone loads the browser's date formatting data,
		// about 100 ms of a cheap phone's main thread.
		timeZone: cards.length ? deviceTimeZone() : null,
		newPerDay
	});
	return { unfinished: unfinished ?? null, study, assigned };
}

/** Discards an unfinished quiz (home offer, quiz history). False when there was none to discard. */
export function discardUnfinishedQuiz(attemptId: string): Promise<boolean> {
	return deleteUnfinishedAttempt(attemptId);
}

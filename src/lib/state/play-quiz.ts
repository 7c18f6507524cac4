/**
 * Starts a quiz and opens the player: the one path behind "Quick quiz", "Start the quiz",
 * "Retry the ones I missed" and "Quiz me on these".
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import type { QuizOptions } from '$lib/domain/quiz';
import { startQuiz } from './quiz.svelte';
import { storageStatus } from './storage-status.svelte';

/** The options a caller chooses; every filter defaults to "all". */
export type PlayOptions = Pick<QuizOptions, 'length' | 'mode'> &
	Partial<Omit<QuizOptions, 'length' | 'mode' | 'seed'>>;

/**
 * Generates and stores the quiz, then navigates to it. Returns null on success, or the
 * sentence to show when the quiz could not start (too few questions, storage full).
 */
export async function playNewQuiz(
	learnerId: string,
	options: PlayOptions,
	title: string
): Promise<string | null> {
	try {
		const started = await startQuiz(
			learnerId,
			{ topics: [], difficulties: [], kinds: [], ...options },
			title
		);
		if (!started.ok) return started.reason;
		await goto(resolve(`/quiz/play?attempt=${started.attemptId}`));
		return null;
	} catch (e) {
		return storageStatus.report(e);
	}
}

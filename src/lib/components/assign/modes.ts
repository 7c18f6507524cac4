import type { AssignmentMode } from '$lib/domain/assignment';

/** Each assignment mode as a student and a teacher read it. */
export const MODE_NAMES: Record<AssignmentMode, string> = {
	practice: 'quiz in practice mode (answers shown as you go)',
	test: 'quiz in test mode (no answers until the end)',
	flashcards: 'flashcard deck'
};

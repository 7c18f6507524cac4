/** Helpers for state tests: the storage fixtures, the real bank, and an address for links. */
import { vi } from 'vitest';
import { bank } from '$lib/bank';
import type { AssignmentSettings } from '$lib/domain/assignment';
import type { ItemOf } from '$lib/domain/bank';
import type { Learner } from '$lib/domain/records';

export { freshDatabase, T0, DAY } from '../storage/fixtures';

/** Links are made for this origin (the state layer reads `location`, as in the browser). */
export function onOrigin(origin = 'https://factdeck.test') {
	vi.stubGlobal('location', new URL(`${origin}/`));
}

/** True/false items of the bank that are also cards: their right answer is plain to write. */
export const trueFalseItems = bank.items.filter(
	(i): i is ItemOf<'truefalse'> => i.kind === 'truefalse' && !i.quizOnly
);

export function settings(over: Partial<AssignmentSettings> = {}): AssignmentSettings {
	return {
		title: 'The September offensive',
		instructions: 'Read the article first.',
		itemIds: trueFalseItems.slice(0, 3).map((i) => i.id),
		mode: 'test',
		shuffle: false,
		dueDate: null,
		showAnswers: true,
		tries: 1,
		...over
	};
}

/** The learner the state tests accept assignments for (a name a person typed). */
export const ANA: Learner = { id: 'ana', name: 'Ana', colour: '#1d4ed8', createdAt: 0 };

/** Helpers for storage tests: a fresh fake IndexedDB per test, and record builders. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { closeDB } from '$lib/storage/db';
import type { AnswerEvent, Attempt, CardRecord, Learner } from '$lib/domain/records';

export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
export const DAY = 86_400_000;

/** Closes the app's connection and replaces IndexedDB with an empty one. */
export async function freshDatabase(): Promise<void> {
	await closeDB();
	globalThis.indexedDB = new IDBFactory();
}

export function learner(id: string, createdAt = T0, name = `Learner ${id}`): Learner {
	return { id, name, colour: '#1d4ed8', createdAt };
}

export function event(
	id: string,
	learnerId: string,
	at: number,
	over: Partial<AnswerEvent> = {}
): AnswerEvent {
	return {
		id,
		learnerId,
		itemId: 'p3-item',
		at,
		source: 'quiz',
		correct: true,
		ms: 4200,
		response: { choice: 'Yevlakh' },
		...over
	};
}

export function card(
	learnerId: string,
	itemId: string,
	due: number,
	lastReview?: number
): CardRecord {
	return {
		learnerId,
		itemId,
		due,
		memory: {
			due,
			stability: 3.1,
			difficulty: 5.2,
			elapsedDays: 0,
			scheduledDays: 3,
			learningSteps: 0,
			reps: 1,
			lapses: 0,
			state: 'review',
			lastReview
		}
	};
}

export function attempt(id: string, learnerId: string, over: Partial<Attempt> = {}): Attempt {
	return {
		id,
		learnerId,
		kind: 'quiz',
		status: 'in-progress',
		title: 'Quick quiz',
		startedAt: T0,
		updatedAt: T0,
		config: { options: { length: 10, mode: 'practice', seed: 7 } },
		questions: [{ itemId: 'p3-item', kind: 'single', options: ['a', 'b', 'c', 'd'] }],
		answers: [],
		...over
	};
}

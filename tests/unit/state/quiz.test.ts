import { beforeEach, describe, expect, it } from 'vitest';
import { loadAttempt, openQuiz, startQuiz } from '$lib/state/quiz.svelte';
import { listEvents, getCard, saveAnswer } from '$lib/storage/progress';
import { card, freshDatabase, T0 } from '../storage/fixtures';
import { trueFalseItems } from './fixtures';

beforeEach(freshDatabase);

const [first, second] = trueFalseItems;
const options = {
	length: 'all' as const,
	topics: [],
	difficulties: [],
	kinds: [],
	itemIds: [first.id, second.id]
};

async function started(mode: 'practice' | 'test') {
	const outcome = await startQuiz('ana', { ...options, mode }, 'Two questions');
	if (!outcome.ok) throw new Error(outcome.reason);
	const session = await openQuiz(outcome.attemptId);
	if (!session) throw new Error('no session');
	return session;
}

describe('QuizSession.submit', () => {
	it('saves a right answer with the attempt and as an answer event, then shows feedback', async () => {
		const session = await started('practice');
		const item = session.item!;
		const right = trueFalseItems.find((i) => i.id === item.id)!;
		session.response = { value: right.answer };
		const result = await session.submit(T0);
		expect(result).toMatchObject({ correct: true, score: 1 });
		expect(session.result).toEqual(result);
		const stored = await loadAttempt(session.attempt.id);
		expect(stored?.attempt.answers).toMatchObject([
			{ itemId: item.id, response: { value: right.answer }, correct: true, at: T0 }
		]);
		expect(stored?.received).toBeNull();
		expect(await listEvents('ana')).toMatchObject([
			{ itemId: item.id, source: 'quiz', correct: true, attemptId: session.attempt.id }
		]);
	});

	it('a wrong answer makes that item’s flashcard due at once', async () => {
		const session = await started('test');
		const item = session.item!;
		const later = T0 + 10 * 86_400_000;
		await saveAnswer({
			event: {
				id: 'e0',
				learnerId: 'ana',
				itemId: item.id,
				at: T0 - 1000,
				source: 'flashcard',
				correct: true,
				grade: 'good',
				ms: 1000
			},
			card: card('ana', item.id, later)
		});
		const right = trueFalseItems.find((i) => i.id === item.id)!;
		session.response = { value: !right.answer };
		expect(await session.submit(T0)).toMatchObject({ correct: false });
		expect((await getCard('ana', item.id))?.due).toBe(T0);
		// Test mode: no feedback, the next question at once.
		expect(session.answered).toBe(1);
		expect(session.index).toBe(1);
	});

	it('nothing is saved without a response', async () => {
		const session = await started('practice');
		expect(await session.submit(T0)).toBeNull();
		expect(await listEvents('ana')).toEqual([]);
	});
});

describe('openQuiz', () => {
	it('is null for an attempt that does not exist', async () => {
		expect(await openQuiz('nope')).toBeNull();
		expect(await openQuiz(null)).toBeNull();
		expect(await loadAttempt('nope')).toBeNull();
	});
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssignmentLink, AssignmentSettings } from '$lib/domain/assignment';
import { assignmentAttempts, loadAssignment, startAssignment } from '$lib/state/assignments';
import { acceptLink, joinView, readAssignmentLink } from '$lib/state/join';
import { saveComposed, shareUrl } from '$lib/state/teach';
import { openQuiz } from '$lib/state/quiz.svelte';
import { learners } from '$lib/state/learners.svelte';
import { acceptAssignment as acceptAssignmentRaw } from '$lib/storage/assignments';
import { addLearner, listLearners } from '$lib/storage/learners';
import { ANA, freshDatabase, onOrigin, settings, T0, trueFalseItems } from './fixtures';

beforeEach(async () => {
	await freshDatabase();
	onOrigin();
});
afterEach(() => vi.unstubAllGlobals());

/** A teacher's set, shared and opened by the learner 'ana'; returns the decoded link. */
async function linkFor(over: Partial<AssignmentSettings> = {}): Promise<AssignmentLink> {
	const set = await saveComposed(settings(over), null, T0);
	const decoded = readAssignmentLink(await shareUrl(set));
	if (!decoded.ok) throw new Error(decoded.message);
	return decoded.value;
}

async function accepted(over: Partial<AssignmentSettings> = {}) {
	const link = await linkFor(over);
	await acceptLink(ANA, link, 'Ana Student');
	const { received } = await loadAssignment('ana', link.id);
	if (!received) throw new Error('not accepted');
	return received;
}

describe('accepting a link', () => {
	it('keeps the assignment for that learner only, and knows it has it', async () => {
		const link = await linkFor();
		const zoe = { ...ANA, id: 'zoe', name: 'Zoe' };
		expect(await joinView(ANA, link)).toEqual({ already: false, suggestedName: 'Ana' });
		expect(await acceptLink(ANA, link, 'Ana Student')).toBe('added');
		expect(await joinView(ANA, link)).toEqual({ already: true, suggestedName: 'Ana Student' });
		expect((await joinView(zoe, link)).already).toBe(false);
		const view = await loadAssignment('ana', link.id);
		expect(view.received?.assignment.settings.title).toBe('The September offensive');
		expect(view.received?.studentName).toBe('Ana Student');
		expect(view.attempts).toEqual([]);
		expect(await loadAssignment('zoe', link.id)).toEqual({
			received: null,
			attempts: [],
			graded: 0
		});
	});
});

describe('names asked once', () => {
	it('offers a name typed on another assignment, never the automatic "Learner 1"', async () => {
		const first = { ...ANA, name: 'Learner 1' };
		const one = await linkFor();
		const two = await linkFor({ title: 'Week 2' });
		expect((await joinView(first, one)).suggestedName).toBe('');
		await acceptAssignmentRaw(first.id, one, T0, 'Ada Okafor');
		expect((await joinView(first, two)).suggestedName).toBe('Ada Okafor');
	});

	it('gives the device’s first learner the name typed on accepting, and keeps a typed one', async () => {
		await addLearner({ ...ANA, id: 'first', name: 'Learner 1' });
		await addLearner({ ...ANA, id: 'kim', name: 'Kim' });
		await learners.load();
		const link = await linkFor();
		await acceptLink({ ...ANA, id: 'first', name: 'Learner 1' }, link, '  Ada Okafor ');
		await acceptLink({ ...ANA, id: 'kim', name: 'Kim' }, link, 'Kim Lee');
		const names = Object.fromEntries((await listLearners()).map((l) => [l.id, l.name]));
		expect(names.first).toBe('Ada Okafor');
		expect(names.kim).toBe('Kim');
		expect((await loadAssignment('kim', link.id)).received?.studentName).toBe('Kim Lee');
	});
});

describe('startAssignment', () => {
	it('starts a try with the set’s questions in the teacher’s order, and resumes it after', async () => {
		const received = await accepted();
		const first = await startAssignment(received, T0);
		if (!first.ok) throw new Error(first.reason);
		const session = await openQuiz(first.attemptId);
		expect(session?.attempt).toMatchObject({
			kind: 'assignment',
			status: 'in-progress',
			learnerId: 'ana',
			title: 'The September offensive',
			startedAt: T0
		});
		expect(session?.attempt.questions.map((q) => (q as { itemId: string }).itemId)).toEqual(
			received.assignment.settings.itemIds
		);
		// Not finished: the same try goes on.
		expect(await startAssignment(received, T0 + 1000)).toEqual(first);
		expect((await assignmentAttempts('ana', received.id)).length).toBe(1);
	});

	it('refuses a new try once every try is used', async () => {
		const received = await accepted({ tries: 1 });
		const started = await startAssignment(received, T0);
		if (!started.ok) throw new Error(started.reason);
		const session = await openQuiz(started.attemptId);
		if (!session) throw new Error('no session');
		for (const item of trueFalseItems.slice(0, 3)) {
			session.response = { value: item.answer };
			await session.submit(T0 + 1000);
		}
		await session.finish(T0 + 2000);
		expect(await startAssignment(received, T0 + 3000)).toEqual({
			ok: false,
			reason: 'You have used all 1 try this set allows.'
		});
		const view = await loadAssignment('ana', received.id);
		expect(view.attempts.map((a) => a.status)).toEqual(['finished']);
	});

	it('starts no quiz for a flashcard deck', async () => {
		const received = await accepted({ mode: 'flashcards' });
		expect(await startAssignment(received, T0)).toEqual({
			ok: false,
			reason: 'This set is a flashcard deck.'
		});
	});
});

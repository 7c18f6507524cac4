import { beforeEach, describe, expect, it } from 'vitest';
import {
	addLearner,
	deleteLearner,
	ensureLearner,
	getCurrentLearnerId,
	getLearner,
	listLearners,
	setCurrentLearnerId,
	updateLearner
} from '$lib/storage/learners';
import {
	listAttempts,
	listCards,
	listDayStats,
	listEvents,
	listItemStats,
	saveAnswer,
	saveAttempt
} from '$lib/storage/progress';
import { attempt, card, DAY, event, freshDatabase, learner, T0 } from './fixtures';

beforeEach(freshDatabase);

describe('learners', () => {
	it('creates a default learner on the first visit, once', async () => {
		const first = await ensureLearner('new-1', T0);
		expect(first).toMatchObject({ id: 'new-1', name: 'Learner 1', createdAt: T0 });
		const again = await ensureLearner('new-2', T0 + 1);
		expect(again.id).toBe('new-1');
		expect(await listLearners()).toHaveLength(1);
		expect(await getCurrentLearnerId()).toBe('new-1');
	});

	it('returns the current learner, and falls back to the oldest when it is gone', async () => {
		await addLearner(learner('a', T0));
		await addLearner(learner('b', T0 + 5));
		await setCurrentLearnerId('b');
		expect((await ensureLearner('x', T0)).id).toBe('b');
		await deleteLearner('b');
		expect(await getCurrentLearnerId()).toBeUndefined();
		expect((await ensureLearner('x', T0)).id).toBe('a');
	});

	it('lists learners oldest first, renames and recolours', async () => {
		await addLearner(learner('late', T0 + 10, 'Zoe'));
		await addLearner(learner('early', T0, 'Ana'));
		expect((await listLearners()).map((l) => l.name)).toEqual(['Ana', 'Zoe']);
		const renamed = await updateLearner('late', { name: 'Zoë', colour: '#b91c1c' });
		expect(renamed).toMatchObject({ name: 'Zoë', colour: '#b91c1c', createdAt: T0 + 10 });
		expect(await getLearner('late')).toEqual(renamed);
		await expect(updateLearner('nobody', { name: 'X' })).rejects.toThrow('No learner nobody');
	});

	it('refuses a second learner with the same id', async () => {
		await addLearner(learner('a'));
		await expect(addLearner(learner('a'))).rejects.toThrow();
		expect(await listLearners()).toHaveLength(1);
	});

	it('deletes a learner with all their records and nobody else’s', async () => {
		for (const id of ['gone', 'kept']) {
			await addLearner(learner(id));
			await saveAnswer({
				event: event(`${id}-e1`, id, T0),
				card: card(id, 'p3-item', T0),
				attempt: attempt(`${id}-a1`, id)
			});
		}
		await deleteLearner('gone');
		expect(await listLearners()).toEqual([learner('kept')]);
		expect(await listEvents('gone')).toEqual([]);
		expect(await listCards('gone')).toEqual([]);
		expect(await listAttempts('gone')).toEqual([]);
		expect(await listEvents('kept')).toHaveLength(1);
		expect(await listCards('kept')).toHaveLength(1);
		expect(await listAttempts('kept')).toHaveLength(1);
		await saveAttempt(attempt('kept-a2', 'kept', { startedAt: T0 + 1 }));
		expect((await listAttempts('kept')).map((a) => a.id)).toEqual(['kept-a2', 'kept-a1']);
	});

	it('deletes a learner’s aggregates and nobody else’s', async () => {
		for (const id of ['gone', 'kept']) {
			await addLearner(learner(id));
			await saveAnswer({ event: event(`${id}-e1`, id, T0) });
			await saveAnswer({ event: event(`${id}-e2`, id, T0 + DAY, { itemId: 'p9-other' }) });
		}
		await deleteLearner('gone');
		expect(await listItemStats('gone')).toEqual([]);
		expect(await listDayStats('gone')).toEqual([]);
		expect(await listItemStats('kept')).toHaveLength(2);
		expect(await listDayStats('kept')).toHaveLength(2);
	});
});

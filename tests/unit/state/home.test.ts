import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { today } from '$lib/clock';
import { loadHome } from '$lib/state/home';
import { putCard } from '$lib/storage/progress';
import { card, DAY, freshDatabase, T0 } from '../storage/fixtures';

beforeEach(freshDatabase);
afterEach(() => vi.restoreAllMocks());

describe('loadHome', () => {
	it('counts the cards due by the end of the device day', async () => {
		await putCard(card('ana', 'overdue', T0 - DAY));
		const { end } = today(T0);
		await putCard(card('ana', 'tonight', end - 1));
		await putCard(card('ana', 'tomorrow', end));
		await putCard(card('zoe', 'not hers', T0 - DAY));
		expect(await loadHome('ana', T0)).toEqual({ unfinished: null, due: 2, assigned: 0 });
	});

	it('has nothing due for a learner with no cards, without reading the clock', async () => {
		// The first read of the time zone is the costly part of a first visit's home page.
		const zone = vi.spyOn(Intl, 'DateTimeFormat');
		await putCard(card('zoe', 'not hers', T0 - DAY));
		expect(await loadHome('ana', T0)).toEqual({ unfinished: null, due: 0, assigned: 0 });
		expect(zone).not.toHaveBeenCalled();
	});
});

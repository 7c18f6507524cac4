import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bank } from '$lib/bank';
import { startStudy } from '$lib/state/flashcards.svelte';
import { loadHome } from '$lib/state/home';
import { putCard } from '$lib/storage/progress';
import { setNewPerDay } from '$lib/storage/settings';
import { card } from '../storage/fixtures';
import { DAY, freshDatabase, T0 } from './fixtures';

beforeEach(freshDatabase);
afterEach(() => vi.restoreAllMocks());

const cards = bank.items.filter((i) => !i.quizOnly);
const quizOnly = bank.items.find((i) => i.quizOnly)!;

describe('loadHome', () => {
	it('counts the reviews and new cards of the "All cards" deck, not retired or quiz-only cards', async () => {
		await putCard(card('ana', cards[0].id, T0 - DAY));
		await putCard(card('ana', cards[1].id, T0 + 3 * DAY));
		await putCard(card('ana', bank.retired[0], T0 - DAY));
		await putCard(card('ana', quizOnly.id, T0 - DAY));
		await putCard(card('zoe', cards[2].id, T0 - DAY));
		const home = await loadHome('ana', T0);
		expect(home.study).toEqual({
			reviews: 1,
			fresh: 20,
			unseen: cards.length - 2,
			newPerDay: 20
		});
		// What "Study now" then studies: the same review and new cards.
		const started = await startStudy('ana', { deck: 'all', cram: false, items: null }, T0, 1);
		if (!started.ok) throw new Error(started.problem);
		expect(started.session.queue).toHaveLength(home.study.reviews + home.study.fresh);
		expect(started.cramDeck).toBe('all');
	});

	it('follows the learner’s daily limit', async () => {
		await setNewPerDay(0);
		expect((await loadHome('ana', T0)).study).toMatchObject({ fresh: 0, reviews: 0 });
		await setNewPerDay(500);
		expect((await loadHome('ana', T0)).study.fresh).toBe(cards.length);
	});

	it('counts a first visit without reading the clock', async () => {
		// The first read of the time zone is the costly part of a first visit's home page.
		const zone = vi.spyOn(Intl, 'DateTimeFormat');
		await putCard(card('zoe', cards[0].id, T0 - DAY));
		const home = await loadHome('ana', T0);
		expect(home.study).toMatchObject({ reviews: 0, fresh: 20, unseen: cards.length });
		expect(zone).not.toHaveBeenCalled();
	});
});

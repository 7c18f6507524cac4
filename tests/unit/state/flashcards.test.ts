import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptLink, readAssignmentLink } from '$lib/state/join';
import { loadDecks, readStudyRequest, startStudy } from '$lib/state/flashcards.svelte';
import { saveComposed, shareUrl } from '$lib/state/teach';
import { ANA, freshDatabase, onOrigin, settings, T0, trueFalseItems } from './fixtures';

beforeEach(async () => {
	await freshDatabase();
	onOrigin();
});
afterEach(() => vi.unstubAllGlobals());

async function assignDeck() {
	const set = await saveComposed(settings({ mode: 'flashcards' }), null, T0);
	const decoded = readAssignmentLink(await shareUrl(set));
	if (!decoded.ok) throw new Error(decoded.message);
	await acceptLink(ANA, decoded.value, 'Ana Student');
	return decoded.value;
}

describe('the flashcard decks of a learner', () => {
	it('counts a new learner’s decks without reading the clock', async () => {
		// The first read of the time zone is the costly part of a first visit's deck list.
		const zone = vi.spyOn(Intl, 'DateTimeFormat');
		const { rows } = await loadDecks('ana', T0);
		expect(rows[0]).toMatchObject({ deck: { id: 'all' }, due: 0, fresh: 20 });
		expect(zone).not.toHaveBeenCalled();
		zone.mockRestore();
	});

	it('lists the bank’s decks and each flashcard set assigned, with today’s counts', async () => {
		const link = await assignDeck();
		const { rows, newPerDay } = await loadDecks('ana', T0);
		expect(newPerDay).toBe(20);
		expect(rows[0].deck.id).toBe('all');
		const assigned = rows.find((r) => r.deck.id === `assignment:${link.id}`);
		expect(assigned).toMatchObject({
			deck: { title: 'The September offensive', itemIds: link.settings.itemIds },
			due: 0,
			fresh: 3
		});
		expect((await loadDecks('zoe', T0)).rows.some((r) => r.deck.id.startsWith('assignment:'))).toBe(
			false
		);
	});
});

describe('startStudy', () => {
	it('studies an assigned deck: every card of it first, past the daily limit', async () => {
		const link = await assignDeck();
		const started = await startStudy(
			'ana',
			readStudyRequest(new URLSearchParams(`deck=assignment:${link.id}`)),
			T0,
			7
		);
		if (!started.ok) throw new Error(started.problem);
		expect(started.title).toBe('Study: The September offensive');
		expect(started.assignmentId).toBe(link.id);
		expect(started.session.queue).toEqual(link.settings.itemIds);
		expect(started.session.cram).toBe(false);
	});

	it('reviews exactly the cards a quiz listed, leaving out unknown ids', async () => {
		const ids = trueFalseItems.slice(0, 2).map((i) => i.id);
		const started = await startStudy(
			'ana',
			readStudyRequest(new URLSearchParams(`items=${[...ids, 'nope'].join(',')}`)),
			T0
		);
		if (!started.ok) throw new Error(started.problem);
		expect(started).toMatchObject({
			title: 'Review: questions from your quiz',
			assignmentId: null
		});
		expect(started.session.queue).toEqual(ids);
	});

	it('crams a deck, and says when a deck does not exist', async () => {
		const cram = await startStudy('ana', readStudyRequest(new URLSearchParams('deck=all&cram=1')));
		if (!cram.ok) throw new Error(cram.problem);
		expect(cram.title).toBe('Cram: All cards');
		expect(cram.session.cram).toBe(true);
		expect(
			await startStudy('ana', readStudyRequest(new URLSearchParams('deck=topic:nope')))
		).toEqual({ ok: false, problem: 'This deck does not exist.' });
		expect(await startStudy('ana', readStudyRequest(new URLSearchParams('deck=bad')))).toEqual({
			ok: false,
			problem: 'This deck does not exist.'
		});
	});
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bank, getItem } from '$lib/bank';
import { LIMITS } from '$lib/domain/assignment';
import { exclusionGroupsOf, type Item } from '$lib/domain/bank';
import { closeDB } from '$lib/storage/db';
import { openDraft, SetDraft } from '$lib/state/set-draft.svelte';
import { loadSet, saveComposed, shareUrl } from '$lib/state/teach';
import { freshDatabase, onOrigin, settings, T0, trueFalseItems } from './fixtures';

beforeEach(async () => {
	await freshDatabase();
	onOrigin();
});
afterEach(() => vi.unstubAllGlobals());

const [a, b, c] = trueFalseItems;
const quizOnly = bank.items.filter((i) => i.quizOnly);

describe('a new draft', () => {
	it('starts as a practice quiz, shuffled, one try, with no questions', () => {
		const draft = new SetDraft();
		expect(draft.existing).toBeNull();
		expect(draft.settings).toEqual({
			title: '',
			instructions: '',
			itemIds: [],
			mode: 'practice',
			shuffle: true,
			dueDate: null,
			showAnswers: true,
			tries: 1
		});
		expect(draft.chosen).toEqual([]);
		expect(draft.errors).toEqual([]);
		expect(draft.status).toBe('');
	});

	it('adds a question at the end, and removes it on a second toggle', () => {
		const draft = new SetDraft();
		draft.toggle(a);
		draft.toggle(b);
		expect(draft.chosen).toEqual([a, b]);
		expect(draft.isChosen(a)).toBe(true);
		draft.toggle(a);
		expect(draft.settings.itemIds).toEqual([b.id]);
		expect(draft.isChosen(a)).toBe(false);
	});

	it(`holds at most ${LIMITS.maxItems} questions, and says so instead of adding one more`, () => {
		const draft = new SetDraft();
		const items = bank.items.slice(0, LIMITS.maxItems + 1);
		for (const item of items) draft.toggle(item);
		expect(draft.settings.itemIds).toHaveLength(LIMITS.maxItems);
		expect(draft.isChosen(items[LIMITS.maxItems])).toBe(false);
		expect(draft.status).toBe(`A set holds at most ${LIMITS.maxItems} questions.`);
		draft.toggle(items[0]);
		expect(draft.status).toBe('');
	});

	it('moves a question up or down and says where it went; never past either end', () => {
		const draft = new SetDraft();
		for (const item of [a, b, c]) draft.toggle(item);
		draft.move(2, -1);
		expect(draft.settings.itemIds).toEqual([a.id, c.id, b.id]);
		expect(draft.status).toBe('Moved to position 2.');
		draft.move(0, 1);
		expect(draft.settings.itemIds).toEqual([c.id, a.id, b.id]);
		expect(draft.status).toBe('Moved to position 2.');
		draft.move(0, -1);
		draft.move(2, 1);
		expect(draft.settings.itemIds).toEqual([c.id, a.id, b.id]);
	});
});

describe('pick', () => {
	it('adds as many as asked, across topics, never one that gives a chosen one away', () => {
		const draft = new SetDraft();
		draft.toggle(a);
		draft.pick(bank.items, 8, 42);
		expect(draft.settings.itemIds).toHaveLength(9);
		expect(draft.status).toBe('Added 8 questions.');
		const topics = new Set(draft.chosen.slice(1).map((i) => i.topic));
		expect(topics.size).toBeGreaterThan(1);
		const groups = draft.chosen.flatMap(exclusionGroupsOf);
		expect(new Set(groups).size).toBe(groups.length);
	});

	it('is the same pick for the same seed', () => {
		const one = new SetDraft();
		const two = new SetDraft();
		one.pick(bank.items, 5, 7);
		two.pick(bank.items, 5, 7);
		expect(one.settings.itemIds).toEqual(two.settings.itemIds);
	});

	it('says when fewer match than asked, and when none are left', () => {
		const draft = new SetDraft();
		const pool: Item[] = [a, b];
		draft.pick(pool, 5, 1);
		expect([...draft.settings.itemIds].sort()).toEqual([a.id, b.id].sort());
		expect(draft.status).toBe('Added 2 questions: only 2 more match these filters.');
		draft.pick(pool, 5, 1);
		expect(draft.settings.itemIds).toHaveLength(2);
		expect(draft.status).toMatch(/^No more questions match these filters/);
	});

	it('fills the set up to its limit, not past it', () => {
		const draft = new SetDraft();
		for (const item of bank.items.slice(0, LIMITS.maxItems - 2)) draft.toggle(item);
		draft.pick(bank.items, 10, 3);
		expect(draft.settings.itemIds.length).toBeLessThanOrEqual(LIMITS.maxItems);
		expect(draft.status).toMatch(/^Added [12] questions?[.:]/);
	});
});

describe('validate and save', () => {
	it('refuses a set without a title or questions, saying why, and stores nothing', async () => {
		const draft = new SetDraft();
		expect(await draft.save(T0)).toBeNull();
		expect(draft.errors).toEqual(['Give the set a title.', 'Choose at least one question.']);
		draft.settings.title = 'Week 3';
		draft.toggle(a);
		expect(draft.validate()).toBe(true);
		expect(draft.errors).toEqual([]);
	});

	it('refuses a flashcard deck of quiz-only questions', () => {
		const draft = new SetDraft();
		draft.settings.title = 'Deck';
		draft.settings.mode = 'flashcards';
		draft.toggle(quizOnly[0]);
		expect(draft.validate()).toBe(false);
		expect(draft.errors).toEqual([
			'Every chosen question is quiz-only: a flashcard deck needs at least one card.'
		]);
	});

	it('saves a new set as it would be shared: an empty due date is none, a deck is one try', async () => {
		const draft = new SetDraft();
		draft.settings.title = 'Deck';
		draft.settings.mode = 'flashcards';
		draft.settings.tries = 3;
		draft.settings.dueDate = '';
		draft.toggle(a);
		const set = await draft.save(T0);
		expect(set).toMatchObject({
			title: 'Deck',
			mode: 'flashcards',
			tries: 1,
			dueDate: null,
			itemIds: [a.id],
			revision: 1,
			createdAt: T0
		});
		expect(await loadSet(set!.id)).toEqual(set);
		expect(draft.saving).toBe(false);
	});

	it('shows the answers of a practice quiz, whatever the box said in test mode', async () => {
		const draft = new SetDraft();
		draft.settings.title = 'Practice';
		draft.settings.showAnswers = false;
		draft.toggle(a);
		expect((await draft.save(T0))?.showAnswers).toBe(true);
	});

	it('edits a stored set: a shared one gets a new revision when saved with changes', async () => {
		const stored = await saveComposed(settings(), null, T0);
		await shareUrl(stored);
		const draft = await openDraft(stored.id);
		expect(draft?.existing?.sharedRevision).toBe(1);
		expect(draft?.settings).toMatchObject({ title: stored.title, itemIds: stored.itemIds });
		draft!.move(0, 1);
		const saved = await draft!.save(T0 + 1000);
		expect(saved).toMatchObject({ id: stored.id, revision: 2, sharedRevision: 1 });
		expect(saved?.itemIds).toEqual([stored.itemIds[1], stored.itemIds[0], stored.itemIds[2]]);
		// The stored set the draft started from is left as it was.
		expect(draft!.existing?.itemIds).toEqual(stored.itemIds);
	});

	it('says the set was not saved when storage fails, and keeps the draft', async () => {
		const draft = new SetDraft();
		draft.settings.title = 'Week 3';
		draft.toggle(a);
		await closeDB();
		vi.stubGlobal('indexedDB', undefined);
		expect(await draft.save(T0)).toBeNull();
		expect(draft.errors).toHaveLength(1);
		expect(draft.errors[0]).toMatch(
			/will not let Factdeck store anything.* The set was not saved\.$/
		);
		expect(draft.settings.itemIds).toEqual([a.id]);
		expect(draft.saving).toBe(false);
	});
});

describe('openDraft', () => {
	it('gives a new draft without an id, and null for a set this device does not have', async () => {
		expect((await openDraft(null))?.existing).toBeNull();
		expect(await openDraft('0123456789abcdef')).toBeNull();
	});

	it('gives a new draft that says so when storage cannot be read', async () => {
		await closeDB();
		vi.stubGlobal('indexedDB', undefined);
		const draft = await openDraft('0123456789abcdef');
		expect(draft?.existing).toBeNull();
		expect(draft?.errors[0]).toMatch(/will not let Factdeck store anything/);
	});

	it('copies every setting of the stored set', async () => {
		const stored = await saveComposed(
			settings({ mode: 'test', showAnswers: false, dueDate: '2026-12-04', tries: 0 }),
			null,
			T0
		);
		const draft = await openDraft(stored.id);
		const { title, instructions, itemIds, mode, shuffle, dueDate, showAnswers, tries } = stored;
		expect(draft?.settings).toEqual({
			title,
			instructions,
			itemIds,
			mode,
			shuffle,
			dueDate,
			showAnswers,
			tries
		});
		expect(draft?.chosen).toEqual(stored.itemIds.map(getItem));
	});
});

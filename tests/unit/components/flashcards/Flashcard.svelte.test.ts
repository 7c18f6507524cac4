import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import Flashcard from '../../../../src/lib/components/flashcards/Flashcard.svelte';
import type { Item } from '../../../../src/lib/domain/bank';
import { cardOrder } from '../../../../src/lib/domain/card-order';
import { matching, numeric, ordering, single, trueFalse } from '../quiz/items';

/** What the page holds: the card shown and, through `bind:flipped`, whether it is flipped. */
let page = $state<{ item: Item; flipped: boolean }>({ item: single, flipped: false });

function show(item: Item, flipped = false) {
	page = { item, flipped };
	// Getters and a setter are how a parent's props and `bind:flipped` reach the component.
	return render(Flashcard, {
		get item() {
			return page.item;
		},
		get flipped() {
			return page.flipped;
		},
		set flipped(value) {
			page.flipped = value;
		}
	});
}

const reveal = () => screen.getByRole('button', { name: 'Show answer' });
const back = () => screen.getByRole('region', { name: 'Answer' });
const space = (target: Element | Window = window, init: KeyboardEventInit = {}) =>
	fireEvent.keyDown(target, { key: ' ', ...init });

describe('Flashcard: the front', () => {
	it('lists ordering entries and matching choices in the card order, never the answer order', () => {
		const lists = () =>
			screen.getAllByRole('list').map((l) =>
				within(l)
					.getAllByRole('listitem')
					.map((li) => li.textContent)
			);
		const first = show(ordering);
		expect(lists()).toEqual([cardOrder(ordering.id, ordering.sequence)]);
		expect(lists()[0]).not.toEqual(ordering.sequence);
		first.unmount();
		show(matching);
		const rights = matching.pairs.map((p) => p.right);
		expect(lists()[1]).toEqual(cardOrder(matching.id, rights));
		expect(lists()[1]).not.toEqual(rights);
		expect(lists()[1]).not.toEqual([...rights].reverse());
	});

	it('shows the question and a Show answer button, and nothing of the answer', () => {
		const { container } = show(single);
		expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(single.prompt);
		expect(reveal()).toHaveAttribute('aria-keyshortcuts', 'Space');
		expect(screen.queryByRole('region')).toBeNull();
		expect(container).not.toHaveTextContent('Yevlakh');
		expect(container).not.toHaveTextContent(single.explanation);
		expect(container).not.toHaveTextContent('Source');
		// The options are not shown: the card asks for the answer from memory.
		expect(container).not.toHaveTextContent('Stepanakert');
	});

	it('asks "True or false?" under a statement', () => {
		show(trueFalse);
		expect(screen.getByText('True or false?')).toBeInTheDocument();
	});
});

describe('Flashcard: flipping', () => {
	it('flips on a click, shows the answer, explanation, source and claim, and focuses the back', async () => {
		show(single);
		await fireEvent.click(reveal());
		expect(page.flipped).toBe(true);
		expect(back()).toHaveFocus();
		expect(back()).toHaveAccessibleDescription('Yevlakh');
		expect(within(back()).getByRole('heading', { name: 'Answer' })).toBeInTheDocument();
		expect(back()).toHaveTextContent(single.prompt);
		expect(back()).toHaveTextContent(single.explanation);
		expect(back()).toHaveTextContent('Source: paragraph 3');
		expect(back()).toHaveTextContent("Claim by Azerbaijan's state news agency.");
		expect(back()).not.toHaveTextContent('could not be independently verified');
		// The front is hidden from assistive technology and cannot be pressed again.
		expect(screen.queryByRole('button', { name: 'Show answer' })).toBeNull();
	});

	it('flips on Space and keeps Space from scrolling the page', async () => {
		show(single);
		expect(await space()).toBe(false);
		expect(page.flipped).toBe(true);
		expect(back()).toHaveFocus();
		// Flipped already: Space is the page's again (it scrolls).
		expect(await space(back())).toBe(true);
		expect(page.flipped).toBe(true);
	});

	it('leaves Space alone in a text field, on another button and with a modifier', async () => {
		show(single);
		const field = document.createElement('input');
		const other = document.createElement('button');
		document.body.append(field, other);
		await space(field);
		await space(other);
		await space(window, { ctrlKey: true });
		await space(window, { shiftKey: true });
		expect(page.flipped).toBe(false);
		expect(reveal()).toBeInTheDocument();
		field.remove();
		other.remove();
	});

	it('shows the answer of each kind as a person reads it', () => {
		const cases: [Item, string][] = [
			[trueFalse, 'False'],
			[numeric, '200 people'],
			[ordering, 'The first war ends → The six-week war → The offensive'],
			[matching, 'Emmanuel Macron → France; John Kirby → United States; Vladimir Putin → Russia']
		];
		for (const [item, answer] of cases) {
			const { unmount } = show(item, true);
			expect(back()).toHaveAccessibleDescription(answer);
			unmount();
		}
		expect.hasAssertions();
	});

	it('says when a claim could not be verified, and cites every paragraph', () => {
		show(matching, true);
		expect(back()).toHaveTextContent('Source: paragraphs 12, 13 and 14');
		expect(back()).toHaveTextContent(
			'Claim by Nagorno-Karabakh authorities, reported by Interfax. The article says this could not be independently verified.'
		);
	});

	it('does not move focus when shown flipped from the start', () => {
		show(single, true);
		expect(back()).not.toHaveFocus();
	});
});

describe('Flashcard: the next card', () => {
	it('moves focus to the new front when the page turns the card while focus is on it', async () => {
		show(single);
		await fireEvent.click(reveal());
		expect(back()).toHaveFocus();
		page.item = trueFalse;
		page.flipped = false;
		flushSync();
		expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(trueFalse.prompt);
		expect(reveal()).toHaveFocus();
	});

	it('leaves focus alone when it is elsewhere on the page', async () => {
		show(single);
		await fireEvent.click(reveal());
		const elsewhere = document.createElement('button');
		document.body.append(elsewhere);
		elsewhere.focus();
		page.flipped = false;
		flushSync();
		expect(elsewhere).toHaveFocus();
		elsewhere.remove();
	});
});

import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import QuestionView from '../../../../src/lib/components/quiz/QuestionView.svelte';
import type { Item } from '../../../../src/lib/domain/bank';
import type { AnswerResponse } from '../../../../src/lib/domain/check-answer';
import { presentItem, type QuizQuestion } from '../../../../src/lib/domain/quiz';
import { createRng } from '../../../../src/lib/domain/random';
import { matching, multi, numeric, ordering, single, trueFalse, typed } from './items';

/** What the page would hold through `bind:response`: the latest value the view set. */
let current = $state<{ response: AnswerResponse | null }>({ response: null });

function show(
	item: Item,
	question: QuizQuestion,
	initial: AnswerResponse | null = null,
	locked = false
) {
	current = { response: initial };
	// A getter and setter pair is how a parent's `bind:response` reaches the component.
	return render(QuestionView, {
		item,
		question,
		locked,
		get response() {
			return current.response;
		},
		set response(value) {
			current.response = value;
		}
	});
}

/** The response as plain data. */
const response = () => $state.snapshot(current.response);
const press = (key: string, target: Element | Window = window) =>
	fireEvent.keyDown(target, { key });

describe('QuestionView: single and multi choice', () => {
	const question: QuizQuestion = {
		itemId: single.id,
		kind: 'single',
		options: ['Shusha', 'Yevlakh', 'Yerevan', 'Stepanakert']
	};

	it('shows the prompt as a heading and the options in the order given, as one group', () => {
		show(single, question);
		expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(single.prompt);
		const group = screen.getByRole('group', { name: `${single.prompt} Choose one` });
		const radios = within(group).getAllByRole('radio');
		expect(radios.map((r) => r.getAttribute('value'))).toEqual(question.options);
		expect(radios[1]).toHaveAccessibleName('Yevlakh');
		expect(radios[1]).toHaveAttribute('aria-keyshortcuts', '2');
		expect(radios[0].closest('label')).toHaveTextContent(/^1\s*Shusha$/);
		expect(response()).toBeNull();
	});

	it('sets the response when an option is tapped', async () => {
		show(single, question);
		await fireEvent.click(screen.getByRole('radio', { name: 'Yerevan' }));
		expect(response()).toEqual({ choice: 'Yerevan' });
		expect(screen.getByRole('radio', { name: 'Yerevan' })).toBeChecked();
	});

	it('picks the option with that number when a number key is pressed, and focuses it', async () => {
		show(single, question);
		await press('2');
		expect(response()).toEqual({ choice: 'Yevlakh' });
		expect(screen.getByRole('radio', { name: 'Yevlakh' })).toHaveFocus();
		await press('4', screen.getByRole('radio', { name: 'Yevlakh' }));
		expect(response()).toEqual({ choice: 'Stepanakert' });
		await press('7');
		await fireEvent.keyDown(window, { key: '1', ctrlKey: true });
		expect(response()).toEqual({ choice: 'Stepanakert' });
	});

	it('leaves number keys alone while the person types in a text field', async () => {
		show(single, question);
		const field = document.createElement('input');
		document.body.append(field);
		field.focus();
		await press('1', field);
		expect(response()).toBeNull();
		field.remove();
	});

	it('toggles options of a multi question by tap and by number key, in the order shown', async () => {
		const q: QuizQuestion = { itemId: multi.id, kind: 'multi', options: multi.options };
		show(multi, q);
		expect(screen.getByRole('group')).toHaveAccessibleName(`${multi.prompt} Choose all that apply`);
		await fireEvent.click(screen.getByRole('checkbox', { name: '2020' }));
		await press('1');
		expect(response()).toEqual({ choices: ['1994', '2020'] });
		expect(screen.getByRole('checkbox', { name: '1994' })).toBeChecked();
		await press('2');
		await press('1');
		expect(response()).toBeNull();
	});

	it('shows a restored answer as picked', () => {
		show(single, question, { choice: 'Shusha' });
		expect(screen.getByRole('radio', { name: 'Shusha' })).toBeChecked();
	});
});

describe('QuestionView: true or false', () => {
	const question: QuizQuestion = { itemId: trueFalse.id, kind: 'truefalse' };

	it('offers True and False and sets a boolean, by tap, number or letter', async () => {
		show(trueFalse, question);
		expect(screen.getByRole('group')).toHaveAccessibleName(`${trueFalse.prompt} True or false?`);
		await fireEvent.click(screen.getByRole('radio', { name: 'True' }));
		expect(response()).toEqual({ value: true });
		await press('f');
		expect(response()).toEqual({ value: false });
		expect(screen.getByRole('radio', { name: 'False' })).toHaveFocus();
		await press('1');
		expect(response()).toEqual({ value: true });
		await press('T');
		await press('2');
		expect(response()).toEqual({ value: false });
	});
});

describe('QuestionView: typed and numeric', () => {
	it('sets { text } as the person types, and null when the field is blank', async () => {
		show(typed, { itemId: typed.id, kind: 'typed' });
		const field = screen.getByRole('textbox', { name: 'Your answer' });
		expect(field).toHaveAccessibleDescription('Type your answer');
		expect(field).toHaveAttribute('autocomplete', 'off');
		expect(field).toHaveAttribute('autocapitalize', 'off');
		expect(field).toHaveAttribute('spellcheck', 'false');
		await fireEvent.input(field, { target: { value: 'Yevlax' } });
		expect(response()).toEqual({ text: 'Yevlax' });
		await fireEvent.input(field, { target: { value: '   ' } });
		expect(response()).toBeNull();
	});

	it('asks for a number in the unit, with the decimal keypad', async () => {
		show(numeric, { itemId: numeric.id, kind: 'numeric' });
		const field = screen.getByRole('textbox', { name: 'Your answer, in people' });
		expect(field).toHaveAttribute('inputmode', 'decimal');
		expect(screen.getByText('Type a number (people)')).toBeInTheDocument();
		await fireEvent.input(field, { target: { value: '200' } });
		expect(response()).toEqual({ text: '200' });
		await press('1', field);
		expect(response()).toEqual({ text: '200' });
	});
});

describe('QuestionView: ordering', () => {
	const question: QuizQuestion = {
		itemId: ordering.id,
		kind: 'ordering',
		sequence: ['The offensive', 'The first war ends', 'The six-week war']
	};
	const entries = () =>
		within(screen.getByRole('list', { name: ordering.prompt }))
			.getAllByRole('listitem')
			.map((li) => li.querySelector('.text')?.textContent);

	it('counts the order first shown as an answer', () => {
		show(ordering, question);
		expect(entries()).toEqual(question.sequence);
		expect(response()).toEqual({ order: question.sequence });
		expect(screen.getByText('Use the arrows to move items')).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Move The offensive up' })).toBeDisabled();
		expect(screen.getByRole('button', { name: 'Move The six-week war down' })).toBeDisabled();
	});

	it('moves an entry, announces where it went and keeps focus on it', async () => {
		show(ordering, question);
		const down = screen.getByRole('button', { name: 'Move The offensive down' });
		down.focus();
		await fireEvent.click(down);
		expect(entries()).toEqual(['The first war ends', 'The offensive', 'The six-week war']);
		expect(response()).toEqual({ order: entries() });
		expect(screen.getByRole('status')).toHaveTextContent('The offensive moved to position 2 of 3');
		expect(screen.getByRole('button', { name: 'Move The offensive down' })).toHaveFocus();

		// At the end the same button is disabled, so focus goes to the other one.
		await fireEvent.click(screen.getByRole('button', { name: 'Move The offensive down' }));
		expect(screen.getByRole('status')).toHaveTextContent('The offensive moved to position 3 of 3');
		expect(screen.getByRole('button', { name: 'Move The offensive up' })).toHaveFocus();

		await fireEvent.click(screen.getByRole('button', { name: 'Move The six-week war up' }));
		expect(entries()).toEqual(['The six-week war', 'The first war ends', 'The offensive']);
		expect(screen.getByRole('button', { name: 'Move The six-week war down' })).toHaveFocus();
	});

	it('lets a pointer drag an entry by its handle', async () => {
		const { container } = show(ordering, question);
		const rows = [...container.querySelectorAll('li')];
		rows.forEach((row, i) => {
			row.getBoundingClientRect = () => ({ top: i * 50, height: 50 }) as DOMRect;
		});
		const handle = rows[0].querySelector('.handle')!;
		await fireEvent.pointerDown(handle, { isPrimary: true, pointerId: 1, clientY: 25 });
		await fireEvent.pointerMove(handle, { pointerId: 1, clientY: 80 });
		await fireEvent.pointerUp(handle, { pointerId: 1, clientY: 80 });
		expect(response()).toEqual({
			order: ['The first war ends', 'The offensive', 'The six-week war']
		});
		expect(screen.getByRole('status')).toHaveTextContent('The offensive moved to position 2 of 3');
	});
});

describe('QuestionView: matching', () => {
	const question: QuizQuestion = {
		itemId: matching.id,
		kind: 'matching',
		rights: ['Russia', 'France', 'United States']
	};

	it('makes each pair with one tap, marks a used match, and answers once all are paired', async () => {
		show(matching, question);
		const all = screen.getByRole('group', { name: /Pick the match for each item/ });
		expect(all).toHaveAccessibleName(`${matching.prompt} Pick the match for each item`);
		const macron = screen.getByRole('group', { name: 'Emmanuel Macron' });
		const choices = within(macron).getAllByRole('radio');
		expect(choices.map((c) => (c as HTMLInputElement).value)).toEqual(question.rights);

		await fireEvent.click(within(macron).getByRole('radio', { name: 'France' }));
		const kirby = screen.getByRole('group', { name: 'John Kirby' });
		// France is Macron's now: the other entries show it as used before any checking.
		expect(within(kirby).getByRole('radio', { name: 'France (used)' })).toBeInTheDocument();
		await fireEvent.click(within(kirby).getByRole('radio', { name: 'Russia' }));
		expect(response()).toBeNull();
		const putin = screen.getByRole('group', { name: 'Vladimir Putin' });
		await fireEvent.click(within(putin).getByRole('radio', { name: 'Russia (used)' }));
		expect(response()).toEqual({
			pairs: { 'Emmanuel Macron': 'France', 'John Kirby': 'Russia', 'Vladimir Putin': 'Russia' }
		});
		expect(putin).toHaveAccessibleDescription('Also chosen for John Kirby');
	});

	it('shows a restored answer as checked radios', () => {
		show(matching, question, {
			pairs: { 'Emmanuel Macron': 'France', 'John Kirby': 'United States', 'Vladimir Putin': 'X' }
		});
		const kirby = screen.getByRole('group', { name: 'John Kirby' });
		expect(within(kirby).getByRole('radio', { name: 'United States' })).toBeChecked();
		const putin = screen.getByRole('group', { name: 'Vladimir Putin' });
		expect(within(putin).queryByRole('radio', { checked: true })).toBeNull();
	});
});

describe('QuestionView: locked after submitting', () => {
	it('keeps each kind’s answer visible but disables or freezes its inputs', async () => {
		const rng = createRng(7);
		const cases: [Item, AnswerResponse][] = [
			[single, { choice: 'Yevlakh' }],
			[trueFalse, { value: false }],
			[typed, { text: 'Yevlakh' }],
			[ordering, { order: ordering.sequence }],
			[matching, { pairs: { 'Emmanuel Macron': 'France' } }]
		];
		for (const [item, answer] of cases) {
			const { unmount } = show(item, presentItem(rng, item), answer, true);
			const view = screen.getByRole('heading', { level: 2 }).parentElement!;
			for (const control of within(view).queryAllByRole('radio')) expect(control).toBeDisabled();
			for (const control of within(view).queryAllByRole('button')) expect(control).toBeDisabled();
			for (const control of within(view).queryAllByRole('combobox')) expect(control).toBeDisabled();
			for (const control of within(view).queryAllByRole('textbox')) {
				expect(control).toHaveAttribute('readonly');
				expect(control).toHaveValue('Yevlakh');
			}
			await press('1');
			expect(response()).toEqual(answer);
			unmount();
		}
		expect.hasAssertions();
	});

	it('shows the picked option still checked when locked', () => {
		show(single, presentItem(createRng(1), single), { choice: 'Shusha' }, true);
		expect(screen.getByRole('radio', { name: 'Shusha' })).toBeChecked();
		expect(screen.getByRole('radio', { name: 'Shusha' })).toBeDisabled();
	});
});

import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import GradeButtons from '../../../../src/lib/components/flashcards/GradeButtons.svelte';
import type { Grade } from '../../../../src/lib/domain/records';
import type { Interval } from '../../../../src/lib/domain/scheduler';

const intervals: Record<Grade, Interval> = {
	again: { amount: 1, unit: 'minute' },
	hard: { amount: 6, unit: 'minute' },
	good: { amount: 10, unit: 'minute' },
	easy: { amount: 3, unit: 'day' }
};

function show(disabled = false) {
	const ongrade = vi.fn<(grade: Grade) => void>();
	render(GradeButtons, { intervals, disabled, ongrade });
	return ongrade;
}

const press = (key: string, target: Element | Window = window, init: KeyboardEventInit = {}) =>
	fireEvent.keyDown(target, { key, ...init });

describe('GradeButtons', () => {
	it('shows four buttons in a group, each with its word, its interval and a spoken name', () => {
		show();
		const group = screen.getByRole('group', { name: 'How well did you remember it?' });
		const buttons = within(group).getAllByRole('button');
		expect(buttons.map((b) => b.querySelector('.word')?.textContent)).toEqual([
			'Again',
			'Hard',
			'Good',
			'Easy'
		]);
		expect(buttons.map((b) => b.querySelector('.interval')?.textContent)).toEqual([
			'1m',
			'6m',
			'10m',
			'3d'
		]);
		expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
			'Again, next in 1 minute',
			'Hard, next in 6 minutes',
			'Good, next in 10 minutes',
			'Easy, next in 3 days'
		]);
		expect(buttons.map((b) => b.getAttribute('aria-keyshortcuts'))).toEqual(['1', '2', '3', '4']);
	});

	it('grades on a click', async () => {
		const ongrade = show();
		await fireEvent.click(screen.getByRole('button', { name: 'Hard, next in 6 minutes' }));
		await fireEvent.click(screen.getByRole('button', { name: 'Easy, next in 3 days' }));
		expect(ongrade.mock.calls).toEqual([['hard'], ['easy']]);
	});

	it('grades on the keys 1 to 4, and takes the key from the page', async () => {
		const ongrade = show();
		expect(await press('1')).toBe(false);
		await press('2');
		await press('3', screen.getByRole('button', { name: /^Again/ }));
		await press('4');
		expect(ongrade.mock.calls).toEqual([['again'], ['hard'], ['good'], ['easy']]);
	});

	it('ignores other keys, held keys, modifiers and typing in a text field', async () => {
		const ongrade = show();
		const field = document.createElement('input');
		const area = document.createElement('textarea');
		document.body.append(field, area);
		await press('5');
		await press(' ');
		await press('3', window, { repeat: true });
		await press('3', window, { ctrlKey: true });
		await press('3', window, { metaKey: true });
		await press('3', window, { altKey: true });
		await press('3', field);
		await press('3', area);
		expect(ongrade).not.toHaveBeenCalled();
		// A checkbox takes no typing: the keys grade there.
		const box = document.createElement('input');
		box.type = 'checkbox';
		document.body.append(box);
		await press('3', box);
		expect(ongrade.mock.calls).toEqual([['good']]);
		field.remove();
		area.remove();
		box.remove();
	});

	it('does nothing while disabled', async () => {
		const ongrade = show(true);
		for (const button of screen.getAllByRole('button')) {
			expect(button).toBeDisabled();
			await fireEvent.click(button);
		}
		expect(await press('3')).toBe(true);
		expect(ongrade).not.toHaveBeenCalled();
	});
});

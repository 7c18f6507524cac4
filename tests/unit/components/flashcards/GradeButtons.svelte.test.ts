import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import GradeButtons from '../../../../src/lib/components/flashcards/GradeButtons.svelte';
import { spellInterval } from '../../../../src/lib/components/flashcards/intervals';
import type { Grade } from '../../../../src/lib/domain/records';

const intervals: Record<Grade, string> = { again: '1m', hard: '6m', good: '10m', easy: '3d' };

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

describe('spellInterval', () => {
	it('spells out the short labels of formatInterval', () => {
		expect(spellInterval('1m')).toBe('1 minute');
		expect(spellInterval('10m')).toBe('10 minutes');
		expect(spellInterval('5h')).toBe('5 hours');
		expect(spellInterval('1d')).toBe('1 day');
		expect(spellInterval('3d')).toBe('3 days');
		expect(spellInterval('2mo')).toBe('2 months');
		expect(spellInterval('1.5mo')).toBe('1.5 months');
		expect(spellInterval('1y')).toBe('1 year');
		expect(spellInterval('2.3y')).toBe('2.3 years');
		expect(spellInterval('<1m')).toBe('less than 1 minute');
	});

	it('gives back what it does not know, trimmed', () => {
		expect(spellInterval(' soon ')).toBe('soon');
		expect(spellInterval('3 fortnights')).toBe('3 fortnights');
		expect(spellInterval('')).toBe('');
	});
});

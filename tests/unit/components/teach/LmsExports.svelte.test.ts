import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import LmsExports from '../../../../src/lib/components/teach/LmsExports.svelte';
import type { TeacherSet } from '../../../../src/lib/domain/assignment';
import type { Item } from '../../../../src/lib/domain/bank';
import { EMPTY_SET_MESSAGE } from '../../../../src/lib/domain/lms-text';

// The bank is a build-time virtual module; these tests never reach it (an empty set is
// refused first), but the export module imports it.
vi.mock('$lib/bank', () => ({ getVocabulary: () => [] }));

const SET: TeacherSet = {
	id: '0123456789abcdef',
	revision: 1,
	sharedRevision: 0,
	createdAt: 0,
	updatedAt: 0,
	title: 'Week 3',
	instructions: '',
	itemIds: ['gone-from-the-bank'],
	mode: 'test',
	shuffle: false,
	dueDate: null,
	showAnswers: true,
	tries: 1
};

describe('LmsExports', () => {
	it('offers each export with a line saying where it goes', () => {
		render(LmsExports, { set: SET, items: [] });
		const scorm = screen.getByRole('button', { name: 'Download SCORM package' });
		expect(scorm).toHaveAccessibleDescription(/scores go to your gradebook/);
		for (const name of [
			'Download QTI 2.1 package',
			'Download Moodle XML',
			'Download for Moodle (GIFT)',
			'Download for Anki (text)'
		]) {
			expect(screen.getByRole('button', { name })).toHaveAccessibleDescription(/\w/);
		}
	});

	it('refuses a set with no questions with a sentence, and makes no file', async () => {
		const createObjectURL = vi.fn();
		const original = URL.createObjectURL;
		URL.createObjectURL = createObjectURL;
		render(LmsExports, { set: SET, items: [] });
		for (const name of [
			'Download SCORM package',
			'Download QTI 2.1 package',
			'Download Moodle XML'
		]) {
			await fireEvent.click(screen.getByRole('button', { name }));
			expect(await screen.findByRole('alert')).toHaveTextContent(EMPTY_SET_MESSAGE);
		}
		expect(createObjectURL).not.toHaveBeenCalled();
		URL.createObjectURL = original;
	});

	it('asks for a whole-number pass mark from 0 to 100', async () => {
		const item: Item = {
			id: 'p1-tf',
			kind: 'truefalse',
			topic: 'places',
			difficulty: 1,
			paragraphs: ['p1'],
			prompt: 'The talks were held in Yevlakh.',
			answer: true,
			explanation: 'Paragraph 1 says so.'
		};
		render(LmsExports, { set: SET, items: [item] });
		const passMark = screen.getByRole('textbox', { name: /Pass mark/ });
		await fireEvent.input(passMark, { target: { value: '120' } });
		expect(passMark).toHaveAttribute('aria-invalid', 'true');
		await fireEvent.click(screen.getByRole('button', { name: 'Download SCORM package' }));
		expect(screen.getByRole('alert')).toHaveTextContent(
			'The pass mark must be a whole number from 0 to 100, or empty for none.'
		);
	});
});

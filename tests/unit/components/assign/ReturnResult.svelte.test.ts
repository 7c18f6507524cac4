import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ReturnResult from '../../../../src/lib/components/assign/ReturnResult.svelte';
import type { ReceivedAssignment } from '../../../../src/lib/domain/records';

// The link maker needs the bank and storage: these tests stop before making a link.
vi.mock('$lib/state/assignments', () => ({ makeResultLink: vi.fn() }));

const received: ReceivedAssignment = {
	learnerId: 'ana',
	id: '0123456789abcdef',
	receivedAt: Date.UTC(2026, 10, 2),
	assignment: {
		id: '0123456789abcdef',
		revision: 1,
		bankVersion: 1,
		teacherName: 'Ms Aliyeva',
		teacherKey: 'AAAA',
		settings: {
			title: 'The September offensive',
			instructions: '',
			itemIds: ['p3-item'],
			mode: 'test',
			shuffle: false,
			dueDate: null,
			showAnswers: true,
			tries: 1
		}
	},
	results: []
};

const build = async () => null;

describe('ReturnResult', () => {
	it('offers the learner’s name, and lets the student empty the field', async () => {
		render(ReturnResult, { received, defaultName: 'Ana', build });
		const field = screen.getByRole('textbox', { name: 'Your name, as your teacher knows you' });
		expect(field).toHaveValue('Ana');
		await fireEvent.input(field, { target: { value: '' } });
		expect(field).toHaveValue('');
		await fireEvent.input(field, { target: { value: 'Ana B.' } });
		expect(field).toHaveValue('Ana B.');
	});

	it('shows a link made earlier, and "Make it again" goes back to the name form', async () => {
		render(ReturnResult, {
			received,
			defaultName: 'Ana',
			build,
			existing: 'https://example.test/collect#abc'
		});
		expect(screen.getByDisplayValue('https://example.test/collect#abc')).toBeInTheDocument();
		await fireEvent.click(screen.getByRole('button', { name: 'Make it again with another name' }));
		expect(
			screen.getByRole('textbox', { name: 'Your name, as your teacher knows you' })
		).toHaveValue('Ana');
		expect(screen.queryByDisplayValue('https://example.test/collect#abc')).toBeNull();
	});
});

import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ReturnResult from '../../../../src/lib/components/assign/ReturnResult.svelte';
import type { AssignmentResult } from '../../../../src/lib/domain/assignment';
import type { ReceivedAssignment } from '../../../../src/lib/domain/assignment';
import { makeResultLink } from '$lib/state/assignments';

// The link maker needs the bank and storage: here it writes the name into the link, so a
// test can tell which name a link carries.
vi.mock('$lib/state/assignments', () => ({ makeResultLink: vi.fn() }));
beforeEach(() => {
	vi.mocked(makeResultLink).mockReset();
	vi.mocked(makeResultLink).mockImplementation(
		async (_received, result) =>
			`https://example.test/collect#${encodeURIComponent(result.studentName)}`
	);
});

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
/** A finished result for whatever name the student gives. */
const buildFor = async (name: string): Promise<AssignmentResult> => ({
	assignmentId: received.id,
	revision: 1,
	studentName: name,
	studentId: 'abcdef0123456789',
	tryNumber: 1,
	startedAt: 0,
	finishedAt: 2000,
	score: 1,
	answers: []
});
/** The sentence naming whose result the link on screen is. */
const resultFor = (name: string) =>
	screen.findByText(
		(_, el) => el?.tagName === 'P' && el.textContent === `This result is for ${name}.`
	);
const field = () => screen.getByRole('textbox', { name: 'Your name, as your teacher knows you' });

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

	it('lets a person backspace the name away and type another, as a keyboard does', async () => {
		const user = userEvent.setup();
		render(ReturnResult, { received, defaultName: 'Learner 1', build: buildFor });
		await user.click(field());
		await user.keyboard('{End}' + '{Backspace}'.repeat('Learner 1'.length));
		expect(field()).toHaveValue('');
		await user.keyboard('Ada Okafor');
		expect(field()).toHaveValue('Ada Okafor');
		await user.click(screen.getByRole('button', { name: 'Make my result link' }));
		expect(await resultFor('Ada Okafor')).toBeVisible();
		expect(vi.mocked(makeResultLink).mock.calls[0][1].studentName).toBe('Ada Okafor');
	});

	it('"Make it again with another name" makes a new link with the new name', async () => {
		const user = userEvent.setup();
		const made: string[] = [];
		render(ReturnResult, {
			received,
			defaultName: 'Ana',
			build: buildFor,
			onmade: (url: string) => made.push(url)
		});
		await user.click(screen.getByRole('button', { name: 'Make my result link' }));
		expect(await resultFor('Ana')).toBeVisible();
		await user.click(screen.getByRole('button', { name: 'Make it again with another name' }));
		await user.clear(field());
		await user.type(field(), 'Ana Bakirova');
		await user.click(screen.getByRole('button', { name: 'Make my result link' }));
		expect(await resultFor('Ana Bakirova')).toBeVisible();
		expect(made).toEqual([
			'https://example.test/collect#Ana',
			'https://example.test/collect#Ana%20Bakirova'
		]);
		expect(screen.getByRole('textbox', { name: 'Your result link' })).toHaveValue(made[1]);
	});

	it('shows a link made earlier with its name, and "Make it again" goes back to the name form', async () => {
		render(ReturnResult, {
			received,
			defaultName: 'Ana',
			build,
			existing: { code: 'https://example.test/collect#abc', name: 'Ana B.' }
		});
		expect(screen.getByDisplayValue('https://example.test/collect#abc')).toBeInTheDocument();
		expect(await resultFor('Ana B.')).toBeVisible();
		await fireEvent.click(screen.getByRole('button', { name: 'Make it again with another name' }));
		expect(
			screen.getByRole('textbox', { name: 'Your name, as your teacher knows you' })
		).toHaveValue('Ana');
		expect(screen.queryByDisplayValue('https://example.test/collect#abc')).toBeNull();
	});
});

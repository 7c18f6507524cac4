import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import AssignmentIntro from '../../../../src/lib/components/assign/AssignmentIntro.svelte';
import type { AssignmentLink, AssignmentSettings } from '../../../../src/lib/domain/assignment';

const link = (over: Partial<AssignmentSettings> = {}): AssignmentLink => ({
	id: '0123456789abcdef',
	revision: 1,
	bankVersion: 2,
	teacherName: 'Ms Aliyeva',
	teacherKey: 'AAAA',
	settings: {
		title: 'The September offensive',
		instructions: 'Do it on the bus.',
		itemIds: ['a', 'b', 'c'],
		mode: 'test',
		shuffle: false,
		dueDate: '2026-12-04',
		showAnswers: false,
		tries: 0,
		...over
	}
});

describe('AssignmentIntro', () => {
	it('says who it is from, what it is, when it is due and how many tries it allows', () => {
		render(AssignmentIntro, { link: link() });
		expect(screen.getByText('Assignment from Ms Aliyeva')).toBeInTheDocument();
		expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('The September offensive');
		expect(screen.getByText('Do it on the bus.')).toBeInTheDocument();
		expect(
			screen.getByText('3 questions, quiz in test mode (no answers until the end)')
		).toBeInTheDocument();
		expect(screen.getByText(/^Friday,? 4 December 2026/)).toBeInTheDocument();
		expect(screen.getByText('No limit')).toBeInTheDocument();
	});

	it('counts a deck in flashcards and leaves its tries out', () => {
		render(AssignmentIntro, { link: link({ mode: 'flashcards', itemIds: ['a', 'b'] }) });
		expect(screen.getByText('2 flashcards, flashcard deck')).toBeInTheDocument();
		expect(screen.queryByText('Tries')).toBeNull();
	});

	it('puts the focus on its heading when shown, and again when the focus key changes', async () => {
		const shown = link();
		const { rerender } = render(AssignmentIntro, { link: shown, focusKey: 1 });
		const heading = screen.getByRole('heading', { level: 1 });
		expect(heading).toHaveFocus();
		heading.blur();
		expect(heading).not.toHaveFocus();
		await rerender({ link: shown, focusKey: 2 });
		expect(heading).toHaveFocus();
	});
});

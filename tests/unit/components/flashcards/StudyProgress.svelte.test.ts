import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import StudyProgress from '../../../../src/lib/components/flashcards/StudyProgress.svelte';

describe('StudyProgress', () => {
	it('says which card is shown and fills the bar with the cards done', () => {
		render(StudyProgress, { done: 2, total: 10 });
		expect(screen.getByText('Card 3 of 10')).toBeInTheDocument();
		const bar = screen.getByRole('progressbar', { name: 'Card 3 of 10' });
		expect(bar).toHaveAttribute('value', '2');
		expect(bar).toHaveAttribute('max', '10');
	});

	it('says when every card is done, and copes with an empty session', () => {
		const { unmount } = render(StudyProgress, { done: 10, total: 10 });
		expect(screen.getByRole('progressbar', { name: '10 of 10 done' })).toHaveAttribute(
			'value',
			'10'
		);
		unmount();
		render(StudyProgress, { done: 0, total: 0 });
		expect(screen.getByRole('progressbar', { name: 'No cards' })).toHaveAttribute('value', '0');
	});
});

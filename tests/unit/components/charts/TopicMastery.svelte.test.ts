import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import TopicMastery from '../../../../src/lib/components/charts/TopicMastery.svelte';
import type { TopicMastery as TopicMasteryData } from '../../../../src/lib/domain/progress';

const topic = (
	id: string,
	name: string,
	items: number,
	seen: number,
	mastered: number,
	answers = 0,
	accuracy: number | null = null
): TopicMasteryData => ({ topic: id, name, items, seen, mastered, answers, accuracy });

describe('TopicMastery', () => {
	it('writes each topic’s numbers next to its bar, as text screen readers read', () => {
		const { container } = render(TopicMastery, {
			data: [
				topic('events', 'The events', 20, 8, 3, 12, 0.75),
				topic('people', 'People', 10, 0, 0),
				topic('empty', 'No items', 0, 0, 0)
			]
		});
		const items = within(screen.getByRole('list')).getAllByRole('listitem');
		expect(items).toHaveLength(3);
		expect(items[0]).toHaveTextContent('The events');
		expect(items[0]).toHaveTextContent('3 of 20 mastered');
		expect(items[0]).toHaveTextContent('8 seen, 75% right');
		expect(items[1]).toHaveTextContent('0 of 10 mastered');
		expect(items[1]).toHaveTextContent(/0 seen$/);
		expect(items[2]).toHaveTextContent('0 of 0 mastered');
		const bars = container.querySelectorAll('li svg');
		expect(bars).toHaveLength(3);
		bars.forEach((svg) => expect(svg).toHaveAttribute('aria-hidden', 'true'));
		expect(bars[0].querySelector('.mastered')).toHaveAttribute('width', '15');
		expect(bars[0].querySelector('.seen')).toHaveAttribute('width', '40');
		expect(bars[2].querySelector('.mastered')).toHaveAttribute('width', '0');
	});

	it('explains mastery before anything is answered, instead of empty bars', () => {
		const { container } = render(TopicMastery, {
			data: [topic('events', 'The events', 20, 0, 0), topic('people', 'People', 10, 0, 0)]
		});
		expect(screen.getByText(/Nothing answered yet/)).toHaveTextContent(
			'answered it right 2 times and your latest answer is right'
		);
		expect(screen.queryByRole('list')).toBeNull();
		expect(container.querySelector('svg')).toBeNull();
	});

	it('copes with a bank without topics', () => {
		render(TopicMastery, { data: [] });
		expect(screen.getByText(/no topics/)).toBeInTheDocument();
	});
});

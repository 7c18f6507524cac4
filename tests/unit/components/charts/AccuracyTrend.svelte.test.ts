import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import AccuracyTrend from '../../../../src/lib/components/charts/AccuracyTrend.svelte';
import type { WeekAccuracy } from '../../../../src/lib/domain/progress';

/** 8 weeks from Monday 2 February 2026; [answers, correct] per week. */
function trend(weeks: [number, number][]): WeekAccuracy[] {
	const first = Date.UTC(2026, 1, 2);
	return weeks.map(([answers, correct], i) => ({
		weekStart: new Date(first + i * 7 * 86_400_000).toISOString().slice(0, 10),
		answers,
		correct,
		rate: answers > 0 ? correct / answers : null
	}));
}

describe('AccuracyTrend', () => {
	it('gives the same numbers as a table, gaps included', () => {
		const { container } = render(AccuracyTrend, {
			data: trend([
				[4, 2],
				[0, 0],
				[0, 0],
				[3, 3],
				[0, 0],
				[8, 6],
				[0, 0],
				[3, 1]
			])
		});
		const table = screen.getByRole('table', { name: 'Accuracy per week over the last 8 weeks' });
		const rows = within(table).getAllByRole('row').slice(1);
		expect(rows).toHaveLength(8);
		const row = (i: number) => [
			within(rows[i]).getByRole('rowheader').textContent,
			...within(rows[i])
				.getAllByRole('cell')
				.map((c) => c.textContent)
		];
		expect(row(0)).toEqual([expect.stringMatching(/^Monday,? 2 February 2026$/), '4', '2', '50%']);
		expect(row(1)).toEqual([expect.stringMatching(/9 February/), '0', '0', 'no answers']);
		expect(row(5)).toEqual([expect.stringMatching(/9 March/), '8', '6', '75%']);
		expect(row(7)).toEqual([expect.stringMatching(/23 March/), '3', '1', '33%']);
		const svg = container.querySelector('svg')!;
		expect(svg).toHaveAttribute('aria-hidden', 'true');
		// Four weeks with answers get bars; the four without are gaps, not 0% bars.
		expect(svg.querySelectorAll('rect.bar')).toHaveLength(4);
		expect(svg.querySelectorAll('text.gap')).toHaveLength(4);
	});

	it('shows a 0% week as a bar of its own, distinct from a gap', () => {
		const { container } = render(AccuracyTrend, {
			data: trend([
				[0, 0],
				[0, 0],
				[0, 0],
				[0, 0],
				[0, 0],
				[0, 0],
				[2, 0],
				[0, 0]
			])
		});
		expect(container.querySelectorAll('rect.bar')).toHaveLength(1);
		expect(container.querySelector('text.value:not(.gap)')).toHaveTextContent('0%');
	});

	it('explains an empty trend instead of drawing eight gaps', () => {
		render(AccuracyTrend, { data: trend(Array(8).fill([0, 0])) });
		expect(screen.getByText(/No answers in the last 8 weeks yet/)).toBeInTheDocument();
		expect(screen.queryByRole('table')).toBeNull();
	});
});

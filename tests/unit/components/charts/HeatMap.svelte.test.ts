import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import HeatMap from '../../../../src/lib/components/charts/HeatMap.svelte';
import type { HeatMap as HeatMapData } from '../../../../src/lib/domain/progress';

/** 84 days from Monday 5 January 2026 to Sunday 29 March; today is Wednesday 25 March. */
function heatMap(counts: Record<string, number>): HeatMapData {
	const first = Date.UTC(2026, 0, 5);
	const days = Array.from({ length: 84 }, (_, i) => {
		const date = new Date(first + i * 86_400_000).toISOString().slice(0, 10);
		return { date, count: counts[date] ?? 0 };
	});
	return { days, max: Math.max(...days.map((d) => d.count)), today: '2026-03-25' };
}

const cells = (row: HTMLElement) =>
	within(row)
		.getAllByRole('cell')
		.map((c) => c.textContent?.trim());

describe('HeatMap', () => {
	it('gives the same numbers as a table: one row per week, Monday to Sunday and a total', () => {
		render(HeatMap, {
			data: heatMap({ '2026-01-05': 2, '2026-01-11': 1, '2026-03-23': 5, '2026-03-25': 1 })
		});
		const table = screen.getByRole('table', {
			name: 'Answers per day over the last 12 weeks, one row per week'
		});
		const rows = within(table).getAllByRole('row');
		expect(rows).toHaveLength(13);
		expect(
			within(rows[0])
				.getAllByRole('columnheader')
				.map((h) => h.textContent)
		).toEqual(['Week of', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'Total']);
		expect(within(rows[1]).getByRole('rowheader')).toHaveTextContent('5 Jan');
		expect(cells(rows[1])).toEqual(['2', '0', '0', '0', '0', '0', '1', '3']);
		// The current week: the days after today are still blank.
		expect(within(rows[12]).getByRole('rowheader')).toHaveTextContent('23 Mar');
		expect(cells(rows[12])).toEqual(['5', '0', '1', '', '', '', '', '6']);
		expect(screen.getByText(/9 answers on 4 days in the last 12 weeks/)).toBeInTheDocument();
	});

	it('hides the drawing from screen readers and draws one square per day up to today', () => {
		const { container } = render(HeatMap, { data: heatMap({ '2026-03-23': 4 }) });
		const svg = container.querySelector('figure > svg')!;
		expect(svg).toHaveAttribute('aria-hidden', 'true');
		expect(svg.querySelectorAll('rect.cell')).toHaveLength(84 - 4);
		expect(svg.querySelectorAll('rect.l4')).toHaveLength(1);
		expect(svg.querySelector('rect.today')).not.toBeNull();
		expect(container.querySelector('.legend')).toHaveTextContent(/Less\s*More/);
	});

	it('says what will appear instead of drawing an empty calendar', () => {
		const { container } = render(HeatMap, { data: heatMap({}) });
		expect(screen.getByText(/No answers in the last 12 weeks yet/)).toBeInTheDocument();
		expect(screen.queryByRole('table')).toBeNull();
		expect(container.querySelector('svg')).toBeNull();
	});
});

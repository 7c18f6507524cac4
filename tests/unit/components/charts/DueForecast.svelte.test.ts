import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import DueForecast from '../../../../src/lib/components/charts/DueForecast.svelte';
import type { DueForecast as DueForecastData } from '../../../../src/lib/domain/progress';

/** 14 days from Wednesday 25 March 2026. */
function forecast(counts: number[], overdue = 0, cards = 20): DueForecastData {
	const first = Date.UTC(2026, 2, 25);
	return {
		days: counts.map((count, i) => ({
			date: new Date(first + i * 86_400_000).toISOString().slice(0, 10),
			count
		})),
		overdue,
		max: Math.max(...counts),
		cards
	};
}

describe('DueForecast', () => {
	it('gives the same numbers as a table, today first with its overdue cards', () => {
		const { container } = render(DueForecast, {
			data: forecast([4, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 3)
		});
		const table = screen.getByRole('table', {
			name: 'Flashcards due per day over the next 14 days'
		});
		const rows = within(table).getAllByRole('row').slice(1);
		expect(rows).toHaveLength(14);
		expect(within(rows[0]).getByRole('rowheader')).toHaveTextContent('Today, Wed 25 Mar');
		expect(within(rows[0]).getByRole('cell')).toHaveTextContent('4 (including 3 overdue)');
		expect(within(rows[2]).getByRole('rowheader')).toHaveTextContent('Fri 27 Mar');
		expect(within(rows[2]).getByRole('cell')).toHaveTextContent(/^2$/);
		expect(within(rows[13]).getByRole('rowheader')).toHaveTextContent('Tue 7 Apr');
		expect(within(rows[13]).getByRole('cell')).toHaveTextContent(/^1$/);
		expect(screen.getByText(/7 cards due in the next 14 days, including 3/)).toBeInTheDocument();
		const svg = container.querySelector('svg')!;
		expect(svg).toHaveAttribute('aria-hidden', 'true');
		expect(svg.querySelectorAll('rect.bar')).toHaveLength(3);
	});

	it('explains an empty forecast: no cards yet, or none due soon', () => {
		const { unmount } = render(DueForecast, { data: forecast(Array(14).fill(0), 0, 0) });
		expect(screen.getByText(/No flashcards scheduled yet/)).toBeInTheDocument();
		expect(screen.queryByRole('table')).toBeNull();
		unmount();
		render(DueForecast, { data: forecast(Array(14).fill(0), 0, 1) });
		expect(
			screen.getByText('Nothing is due in the next 14 days: your 1 card comes back later.')
		).toBeInTheDocument();
		expect(screen.queryByRole('table')).toBeNull();
	});
});

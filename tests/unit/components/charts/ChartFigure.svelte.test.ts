import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import ChartFigure from '../../../../src/lib/components/charts/ChartFigure.svelte';

const graphic = createRawSnippet(() => ({
	render: () => '<svg aria-hidden="true" data-testid="drawing"></svg>'
}));
const table = createRawSnippet(() => ({
	render: () => '<tr><th scope="row">Mon</th><td>3</td></tr>'
}));
const frame = { caption: 'Cards per day', columns: ['Day', 'Cards'], table };

describe('ChartFigure', () => {
	it('says why there is no chart instead of drawing an empty one', () => {
		render(ChartFigure, { empty: 'Nothing yet.', summary: '3 cards', graphic, ...frame });
		expect(screen.getByText('Nothing yet.')).toBeInTheDocument();
		expect(screen.queryByRole('figure')).toBeNull();
		expect(screen.queryByTestId('drawing')).toBeNull();
		expect(screen.queryByRole('table')).toBeNull();
	});

	it('frames the drawing with its summary and note, and gives screen readers the table', () => {
		render(ChartFigure, { summary: '3 cards due.', note: 'Bars are days.', graphic, ...frame });
		const figure = screen.getByRole('figure');
		expect(figure).toContainElement(screen.getByTestId('drawing'));
		expect(figure).toHaveTextContent(/^3 cards due\..*Bars are days\./);
		const data = screen.getByRole('table', { name: 'Cards per day' });
		expect(data.parentElement).toHaveClass('visually-hidden');
		expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
			'Day',
			'Cards'
		]);
		expect(screen.getByRole('rowheader', { name: 'Mon' })).toBeInTheDocument();
	});

	it('leaves out the parts a chart does not have', () => {
		render(ChartFigure, { graphic });
		expect(screen.getByRole('figure')).toHaveTextContent('');
		expect(screen.queryByRole('table')).toBeNull();
	});
});

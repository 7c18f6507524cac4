import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Feedback from '../../../../src/lib/components/quiz/Feedback.svelte';
import type { Item } from '../../../../src/lib/domain/bank';
import { checkAnswer, type AnswerResponse } from '../../../../src/lib/domain/check-answer';
import { matching, multi, numeric, ordering, single, trueFalse, typed } from './items';

function show(item: Item, response: AnswerResponse | null) {
	const result = checkAnswer(item, response);
	return render(Feedback, { item, result, response });
}

const region = () => screen.getByRole('region', { name: 'Feedback' });
const verdict = () => region().querySelector('.verdict');

describe('Feedback', () => {
	it('can be reached by its heading and says a wrong answer is wrong, in words, with both answers', () => {
		show(single, { choice: 'Shusha' });
		expect(screen.getByRole('heading', { name: 'Feedback' })).toBeInTheDocument();
		expect(verdict()).toHaveTextContent('✗ Not quite');
		const answers = within(region()).getAllByRole('definition');
		expect(answers.map((a) => a.textContent)).toEqual(['Shusha', 'Yevlakh']);
		expect(within(region()).getByText('Your answer')).toBeInTheDocument();
		expect(within(region()).getByText('Right answer')).toBeInTheDocument();
		expect(region()).toHaveTextContent(single.explanation);
		expect(region()).toHaveTextContent('Source: paragraph 3');
		expect(region()).toHaveTextContent("Claim by Azerbaijan's state news agency.");
		expect(region()).not.toHaveTextContent('could not be independently verified');
	});

	it('says "Right" without repeating the answers, and shows the checker’s note', () => {
		show(typed, { text: 'Yevlahk' });
		expect(verdict()).toHaveTextContent('✓ Right');
		expect(within(region()).queryByText('Right answer')).toBeNull();
		expect(region()).toHaveTextContent('Accepted: the spelling is Yevlakh');
	});

	it('says "No answer" when nothing was given', () => {
		show(trueFalse, null);
		expect(
			within(region())
				.getAllByRole('definition')
				.map((d) => d.textContent)
		).toEqual(['No answer', 'False']);
	});

	it('shows a numeric answer as typed, and warns when the claim could not be verified', () => {
		show(numeric, { text: 'about 150' });
		expect(
			within(region())
				.getAllByRole('definition')
				.map((d) => d.textContent)
		).toEqual(['about 150', '200 people']);
		expect(region()).toHaveTextContent(
			'Claim by Gegham Stepanyan. The article says this could not be independently verified.'
		);
	});

	it('marks each option of a multi question as picked or not, and right or not', () => {
		show(multi, { choices: ['1994', '2008'] });
		const items = within(within(region()).getByRole('list')).getAllByRole('listitem');
		const text = items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
		expect(text).toEqual([
			'✓ 1994 You picked it, and it is right',
			'✗ 2020 You missed it: it is right',
			'✓ 1991 You rightly left it out',
			'✗ 2008 You picked it, but it is wrong',
			'✓ 2016 You rightly left it out'
		]);
		expect(within(region()).getAllByRole('definition')[1]).toHaveTextContent('1994; 2020');
	});

	it('lists the right order with each position marked, and cites every paragraph', () => {
		show(ordering, { order: ['The first war ends', 'The offensive', 'The six-week war'] });
		const items = within(within(region()).getByRole('list')).getAllByRole('listitem');
		expect(items).toHaveLength(3);
		expect(items[0]).toHaveTextContent('1. The first war ends');
		expect(items[0]).toHaveTextContent('You had it here');
		expect(items[0]).toHaveClass('right');
		expect(items[1]).toHaveTextContent('2. The six-week war');
		expect(items[1]).toHaveTextContent('You had The offensive here');
		expect(items[1]).toHaveClass('wrong');
		expect(region()).toHaveTextContent('Source: paragraphs 6 and 10');
	});

	it('gives part credit for matching and marks each pair with its right partner', () => {
		show(matching, {
			pairs: { 'Emmanuel Macron': 'France', 'John Kirby': 'Russia', 'Vladimir Putin': 'Russia' }
		});
		expect(verdict()).toHaveTextContent('◐ 2 of 3 pairs right');
		const items = within(within(region()).getByRole('list')).getAllByRole('listitem');
		expect(items[0]).toHaveTextContent('✓ Emmanuel Macron → France You matched it');
		expect(items[1]).toHaveTextContent('✗ John Kirby → United States You chose Russia');
		expect(region()).toHaveTextContent('Source: paragraphs 12, 13 and 14');
		expect(region()).toHaveTextContent(
			'Claim by Nagorno-Karabakh authorities, reported by Interfax. The article says this could not be independently verified.'
		);
	});

	it('says "Not quite" for matching with no pair right', () => {
		show(matching, null);
		expect(verdict()).toHaveTextContent('✗ Not quite');
		expect(within(region()).getAllByText(/You chose nothing/)).toHaveLength(3);
	});
});

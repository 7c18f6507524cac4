// Items for the quiz component tests, shaped like tests/fixtures/bank-valid/items.yaml.
import type { ItemOf } from '../../../../src/lib/domain/bank';

export const single: ItemOf<'single'> = {
	id: 'p3-talks-city',
	kind: 'single',
	topic: 'places',
	difficulty: 1,
	paragraphs: ['p3'],
	prompt: 'In which city were the talks held?',
	options: ['Yevlakh', 'Stepanakert', 'Shusha', 'Yerevan'],
	answer: 'Yevlakh',
	explanation: 'Paragraph 3 places the talks in Yevlakh.',
	attribution: { claimant: "Azerbaijan's state news agency", verification: 'not-stated' }
};

export const multi: ItemOf<'multi'> = {
	id: 'p10-wars',
	kind: 'multi',
	topic: 'timeline',
	difficulty: 2,
	paragraphs: ['p10'],
	prompt: 'In which years did a war over the region end or take place?',
	options: ['1994', '2020', '1991', '2008', '2016'],
	answers: ['1994', '2020'],
	explanation: 'Paragraph 10 names the war that ended in 1994 and the six-week war of 2020.'
};

export const trueFalse: ItemOf<'truefalse'> = {
	id: 'p8-unverified',
	kind: 'truefalse',
	topic: 'places',
	difficulty: 2,
	paragraphs: ['p8'],
	prompt: 'The article says the casualty figures were independently verified.',
	answer: false,
	explanation: 'Paragraph 8 says the figures could not immediately be verified.'
};

export const typed: ItemOf<'typed'> = {
	id: 'p3-talks-city-typed',
	kind: 'typed',
	topic: 'places',
	difficulty: 2,
	paragraphs: ['p3'],
	prompt: 'Name the city where the talks took place.',
	answer: 'Yevlakh',
	accept: ['Evlakh', 'Yevlax'],
	explanation: 'Paragraph 3 names Yevlakh.'
};

export const numeric: ItemOf<'numeric'> = {
	id: 'p8-killed',
	kind: 'numeric',
	topic: 'places',
	difficulty: 2,
	paragraphs: ['p8'],
	prompt: 'At least how many people were killed, according to the ombudsman?',
	answer: 200,
	tolerance: 0,
	unit: 'people',
	explanation: 'Paragraph 8 gives at least 200.',
	attribution: { claimant: 'Gegham Stepanyan', verification: 'not-verified' }
};

export const ordering: ItemOf<'ordering'> = {
	id: 'p10-order',
	kind: 'ordering',
	topic: 'timeline',
	difficulty: 2,
	paragraphs: ['p10', 'p6'],
	prompt: 'Put these in order, earliest first.',
	sequence: ['The first war ends', 'The six-week war', 'The offensive'],
	explanation: 'Paragraph 10 dates the wars; paragraph 6 the offensive.'
};

export const matching: ItemOf<'matching'> = {
	id: 'p13-who-said',
	kind: 'matching',
	topic: 'places',
	difficulty: 3,
	paragraphs: ['p12', 'p13', 'p14'],
	prompt: 'Match each leader to a country.',
	pairs: [
		{ left: 'Emmanuel Macron', right: 'France' },
		{ left: 'John Kirby', right: 'United States' },
		{ left: 'Vladimir Putin', right: 'Russia' }
	],
	explanation: 'Paragraphs 12 to 14 give each one’s role.',
	attribution: {
		claimant: 'Nagorno-Karabakh authorities',
		via: 'Interfax',
		verification: 'not-verified'
	}
};

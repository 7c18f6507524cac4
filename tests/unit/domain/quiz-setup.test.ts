import { describe, expect, it } from 'vitest';
import { describeFilters, describePool, topicQuiz } from '../../../src/lib/domain/quiz-setup.ts';

const BANK = { matching: 174, perQuiz: 65, rounds: [20, 20, 20, 19, 19, 19, 19, 19, 19] };

describe('describePool', () => {
	it('says why one quiz holds fewer than match, and what Start makes', () => {
		expect(describePool(BANK, 10)).toEqual({
			why: "Questions that would give each other's answers away never share a quiz: one quiz holds at most 65 of the 174 that match. Every question asks all 174, in 9 rounds.",
			status: 'A quiz of 10, from the 174 questions that match.',
			canStart: true
		});
		expect(describePool(BANK, 'every').status).toBe(
			'Every question: all 174, in 9 rounds of about 19.'
		);
	});

	it('has no why when every match fits in one quiz', () => {
		const small = { matching: 12, perQuiz: 12, rounds: [12] };
		expect(describePool(small, 5)).toEqual({
			why: null,
			status: 'A quiz of 5, from the 12 questions that match.',
			canStart: true
		});
		expect(describePool(small, 'every').status).toBe('Every question: all 12 in one quiz.');
	});

	it('says how many fit when more are asked for than one quiz holds', () => {
		expect(describePool({ matching: 7, perQuiz: 7, rounds: [7] }, 10).status).toBe(
			'Only 7 questions match these choices: choose fewer, or every question.'
		);
		const words = describePool({ matching: 9, perQuiz: 7, rounds: [5, 4] }, 10);
		expect(words.status).toBe(
			'Only 7 of the 9 questions that match fit in one quiz: choose fewer, or every question.'
		);
		expect(words.why).toMatch(
			/at most 7 of the 9 that match\. Every question asks all 9, in 2 rounds\.$/
		);
		expect(words.canStart).toBe(true);
		expect(describePool({ matching: 1, perQuiz: 1, rounds: [1] }, 5).status).toBe(
			'Only 1 question matches these choices: choose fewer, or every question.'
		);
	});

	it('cannot start when nothing matches, and says what to do', () => {
		expect(describePool({ matching: 0, perQuiz: 0, rounds: [] }, 'every')).toEqual({
			why: null,
			status: 'No question matches these choices: widen the topics, difficulties or kinds.',
			canStart: false
		});
	});
});

describe('describeFilters', () => {
	it('reads "all" with nothing ticked, else counts what is ticked', () => {
		expect(describeFilters({ topics: 0, difficulties: 0, kinds: 0 })).toBe(
			'All topics, difficulties and kinds'
		);
		expect(describeFilters({ topics: 2, difficulties: 0, kinds: 1 })).toBe(
			'2 topics, all difficulties, 1 kind'
		);
		expect(describeFilters({ topics: 0, difficulties: 1, kinds: 3 })).toBe(
			'All topics, 1 difficulty, 3 kinds'
		);
	});
});

describe('topicQuiz', () => {
	it('asks ten questions of the topic, or all that fit when one quiz holds fewer', () => {
		expect(topicQuiz({ topic: 'claims', name: 'Claims', perQuiz: 27 })).toEqual({
			options: { length: 10, mode: 'practice', smart: true, topics: ['claims'] },
			title: 'Topic quiz: Claims'
		});
		expect(topicQuiz({ topic: 'talks', name: 'Talks', perQuiz: 9 }).options.length).toBe('all');
		expect(topicQuiz({ topic: 'x', name: 'X', perQuiz: 10 }).options.length).toBe(10);
	});
});

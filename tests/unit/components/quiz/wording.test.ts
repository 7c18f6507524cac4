import { describe, expect, it } from 'vitest';
import { keptNote, missingAnswerText } from '../../../../src/lib/components/quiz/wording';
import { matching, multi, single } from './items';

describe('keptNote', () => {
	it('says nothing is kept before the first answer, and how many answers are after it', () => {
		expect(keptNote(0)).toBe('Nothing is answered yet: leaving now keeps no quiz.');
		expect(keptNote(1)).toMatch(/^1 answer is saved\. Resume this quiz from the home page/);
		expect(keptNote(4)).toMatch(/^4 answers are saved\./);
	});
});

describe('missingAnswerText', () => {
	it('says what is missing for the kind of question', () => {
		expect(missingAnswerText(single)).toBe('Choose an answer first.');
		expect(missingAnswerText(multi)).toBe('Tick at least one option first.');
		expect(missingAnswerText(matching)).toBe('Choose a match for every item first.');
	});
});

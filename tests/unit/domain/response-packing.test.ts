import { describe, expect, it } from 'vitest';
import type { ResultAnswer } from '../../../src/lib/domain/assignment.ts';
import type { Item } from '../../../src/lib/domain/bank.ts';
import { ByteReader, ByteWriter } from '../../../src/lib/domain/binary.ts';
import type { AnswerResponse } from '../../../src/lib/domain/check-answer.ts';
import { interpret, readAnswer, writeAnswer } from '../../../src/lib/domain/response-packing.ts';

const base = {
	topic: 't',
	difficulty: 1 as const,
	paragraphs: ['p1'],
	prompt: 'Q?',
	explanation: 'E.'
};
const single: Item = {
	...base,
	id: 'p1-single',
	kind: 'single',
	options: Array.from({ length: 20 }, (_, i) => `Option ${i}`),
	answer: 'Option 0'
};
const typed: Item = {
	...base,
	id: 'p1-typed',
	kind: 'typed',
	answer: 'Gegham Stepanyan',
	accept: ['Stepanyan']
};
const numeric: Item = {
	...base,
	id: 'p1-numeric',
	kind: 'numeric',
	answer: 1.5,
	tolerance: 0,
	unit: 'km'
};

/** The bytes of one answer, and what reading them gives back. */
function pack(item: Item, response: AnswerResponse | null, ms = 7_000) {
	const answer: ResultAnswer = { itemId: item.id, response, grade: null, ms };
	const w = new ByteWriter();
	writeAnswer(w, answer, item, 120);
	const bytes = w.finish();
	const r = new ByteReader(bytes);
	const raw = readAnswer(r, 0);
	r.done();
	return { bytes, back: interpret(raw, item), ms: raw.ms };
}

describe('one answer, format 2', () => {
	it('keeps whole seconds', () => {
		expect(pack(typed, null, 7_499).ms).toBe(7_000);
		expect(pack(typed, null, -5).ms).toBe(0);
	});

	it('puts a choice among the first 15 in the head byte, and any other after it', () => {
		for (const [i, size] of [
			[0, 2],
			[14, 2],
			[15, 3],
			[19, 3]
		]) {
			const { bytes, back } = pack(single, { choice: `Option ${i}` });
			expect(back).toEqual({ choice: `Option ${i}` });
			expect(bytes.length).toBe(size);
		}
	});

	it("keeps a text that is one of the item's answers, in any of four cases, as which one", () => {
		const texts = [
			'Gegham Stepanyan',
			'gegham stepanyan',
			'GEGHAM STEPANYAN',
			'Gegham stepanyan',
			'Stepanyan',
			'stepanyan'
		];
		for (const text of texts) {
			const { bytes, back } = pack(typed, { text });
			expect(back).toEqual({ text });
			expect(bytes.length).toBe(3);
		}
		const other = pack(typed, { text: 'gegham Stepanyan' });
		expect(other.back).toEqual({ text: 'gegham Stepanyan' });
		expect(other.bytes.length).toBe(3 + 'gegham Stepanyan'.length);
		expect(pack(numeric, { text: '1.5' }).bytes.length).toBe(3);
		expect(pack(numeric, { text: '1,5' }).back).toEqual({ text: '1,5' });
	});
});

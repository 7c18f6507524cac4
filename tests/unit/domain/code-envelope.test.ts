import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/lib/domain/assignment.ts';
import { ByteReader, ByteWriter, FormatError } from '../../../src/lib/domain/binary.ts';
import {
	codeText,
	openCode,
	readPositions,
	sealCode,
	writePositions
} from '../../../src/lib/domain/code-envelope.ts';
import { LINK_MESSAGES } from '../../../src/lib/domain/assignment-link.ts';
import { runs } from '../property-runs';

const RUNS = { numRuns: runs(2000), seed: 20_261_207 };

describe('item positions, packed', () => {
	it('round-trip in the fewest bits the largest needs, the fill bits 0', () => {
		fc.assert(
			fc.property(fc.array(fc.nat({ max: 65_535 }), { maxLength: LIMITS.maxItems }), (list) => {
				const w = new ByteWriter();
				writePositions(w, list);
				const bytes = w.finish();
				const bits = Math.max(1, ...list.map((p) => p.toString(2).length));
				expect(bytes[0]).toBe(bits);
				expect(bytes.length).toBe(1 + Math.ceil((list.length * bits) / 8));
				const r = new ByteReader(bytes);
				expect(readPositions(r, list.length)).toEqual(list);
				r.done();
			}),
			RUNS
		);
	});

	it('refuse any other packing of the same positions, and positions past 16 bits', () => {
		const read =
			(...bytes: number[]) =>
			() =>
				readPositions(new ByteReader(new Uint8Array(bytes)), 2);
		expect(read(1, 0b0100_0000)()).toEqual([0, 1]);
		expect(read(2, 0b0001_0000)).toThrow(FormatError);
		expect(read(1, 0b0100_0001)).toThrow(/fill bits/);
		expect(read(1)).toThrow(/ran out/);
		expect(() => writePositions(new ByteWriter(), [65_536])).toThrow(/2\^16/);
	});
});

describe('the envelope', () => {
	it('takes the code after the first #, without spaces or line breaks', () => {
		expect(codeText(' https://x.org/join#FDKA AB\nCD#E ')).toBe('FDKAABCD#E');
		expect(codeText('FDKAAB')).toBe('FDKAAB');
	});

	it('seals a body as FDKA and base32, and opens it to the same bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), (body) => {
				const code = sealCode('assignment', body);
				expect(code).toMatch(/^FDKA[A-Z2-7]+$/);
				const opened = openCode(code, 'assignment', LINK_MESSAGES);
				expect(opened.ok).toBe(true);
				if (!opened.ok) return;
				expect(opened.format).toBe(2);
				expect(opened.bytes.subarray(opened.bodyStart, opened.bodyEnd)).toEqual(body);
			}),
			RUNS
		);
	});
});

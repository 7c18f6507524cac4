import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBank } from '../../../scripts/bank-load.ts';
import type { Item, ItemKind, ItemOf } from '../../../src/lib/domain/bank.ts';
import {
	ANKI_HEADER,
	ankiField,
	escapeGift,
	giftShare,
	toAnki,
	toGift
} from '../../../src/lib/domain/export-formats.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'bank-valid');
const items: Item[] = parse(readFileSync(join(fixtures, 'items.yaml'), 'utf8'));
const byId = new Map(items.map((i) => [i.id, i]));
const fixture = (id: string) => byId.get(id)!;

/** Every GIFT special character, plus a newline and a pair arrow. */
const NASTY = 'a~b=c#d{e}f:g\\h\ni->j';

const base = {
	topic: 'places',
	difficulty: 1 as const,
	paragraphs: ['p3'],
	prompt: `Prompt ${NASTY}?`,
	explanation: `Explained ${NASTY}.`
};

/**
 * What Moodle's GIFT importer (qformat_gift::readquestion) makes of one question: escapes
 * become placeholders, the name sits between the first two `::`, the answer block between
 * the first `{` and the first `}`, general feedback after the last `####`, and the type
 * follows from the block's first character and its `~`, `=` and `->`.
 */
function moodleRead(block: string) {
	const placeholders: Record<string, string> = {};
	let n = 0;
	const text = block.replace(/\\[\\:#={}~n]/g, (escape) => {
		const key = `&&${n++};`;
		placeholders[key] = escape === '\\n' ? '\n' : escape[1];
		return key;
	});
	const post = (s: string) => s.replace(/&&\d+;/g, (key) => placeholders[key]).trim();
	expect(text.startsWith('::')).toBe(true);
	const nameEnd = text.indexOf('::', 2);
	const name = post(text.slice(2, nameEnd));
	const rest = text.slice(nameEnd + 2);
	const open = rest.indexOf('{');
	const close = rest.indexOf('}');
	expect(open).toBeGreaterThan(0);
	expect(close).toBe(rest.length - 1);
	expect(rest.lastIndexOf('{')).toBe(open);
	let answers = rest.slice(open + 1, close).trim();
	const gf = answers.lastIndexOf('####');
	const feedback = gf >= 0 ? post(answers.slice(gf + 4)) : '';
	if (gf >= 0) answers = answers.slice(0, gf).trim();
	let qtype: string;
	if (answers[0] === '#') qtype = 'numerical';
	else if (answers.includes('~')) qtype = 'multichoice';
	else if (answers.includes('=') && answers.includes('->')) qtype = 'match';
	else if (['T', 'TRUE', 'F', 'FALSE'].includes(answers)) qtype = 'truefalse';
	else qtype = 'shortanswer';
	const parts = (sep: string) =>
		answers
			.split(sep)
			.map((a) => a.trim())
			.filter(Boolean);
	return { name, question: post(rest.slice(0, open)), answers, feedback, qtype, parts, post };
}

const QTYPE: Record<ItemKind, string> = {
	single: 'multichoice',
	multi: 'multichoice',
	truefalse: 'truefalse',
	typed: 'shortanswer',
	numeric: 'numerical',
	ordering: 'match',
	matching: 'match'
};

describe('escapeGift', () => {
	it('escapes every special character, and writes newlines as \\n', () => {
		expect(escapeGift('~=#{}:\\')).toBe('\\~\\=\\#\\{\\}\\:\\\\');
		expect(escapeGift('a\nb\r\nc\rd')).toBe('a\\nb\\nc\\nd');
		expect(escapeGift('Plain text, "quoted" (and %).')).toBe('Plain text, "quoted" (and %).');
	});
});

describe('giftShare', () => {
	it('uses the percentages Moodle allows, to 5 decimals', () => {
		expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20].map(giftShare)).toEqual([
			'100',
			'50',
			'33.33333',
			'25',
			'20',
			'16.66667',
			'14.28571',
			'12.5',
			'11.11111',
			'10',
			'5'
		]);
	});

	it('falls back to the largest allowed share below for other counts', () => {
		expect(giftShare(11)).toBe('5');
		expect(giftShare(30)).toBe('5');
	});
});

describe('toGift', () => {
	it('writes each kind in its GIFT syntax', () => {
		expect(toGift(items, 'Factdeck/Week 3')).toBe(
			[
				'$CATEGORY: Factdeck/Week 3',
				'',
				'::p3-talks-city::In which city were the talks held?{',
				'\t~Shusha',
				'\t~Stepanakert',
				'\t~Yerevan',
				'\t=Yevlakh',
				'\t####Paragraph 3 places the talks in Yevlakh. (Article paragraph 3)',
				'}',
				'',
				'::p10-wars::In which years did a war over the region end or take place?{',
				'\t~%-33.33333%1991',
				'\t~%50%1994',
				'\t~%-33.33333%2008',
				'\t~%-33.33333%2016',
				'\t~%50%2020',
				'\t####Paragraph 10 names the war that ended in 1994 and the six-week war of 2020. (Article paragraph 10)',
				'}',
				'',
				'::p8-unverified::The article says the casualty figures were independently verified.{F####Paragraph 8 says the figures could not immediately be verified. (Article paragraph 8)}',
				'',
				'::p3-talks-city-typed::Name the city where the talks took place.{',
				'\t=Yevlakh',
				'\t=Evlakh',
				'\t=Yevlax',
				'\t####Paragraph 3 names Yevlakh. (Article paragraph 3)',
				'}',
				'',
				'::p8-killed::At least how many people were killed, according to the ombudsman? (Answer in people.){#200:0####Paragraph 8 gives at least 200. (Article paragraph 8)}',
				'',
				'::p10-order::Put these in order, earliest first.\\n\\nPut in order\\: match each with its position (1 is first).{',
				'\t=The first war ends -> 1',
				'\t=The offensive -> 3',
				'\t=The six-week war -> 2',
				'\t####Paragraph 10 dates the wars; paragraph 6 the offensive. (Article paragraphs 6 and 10)',
				'}',
				'',
				'::p13-who-said::Match each leader to a country.{',
				'\t=Emmanuel Macron -> France',
				'\t=John Kirby -> United States',
				'\t=Vladimir Putin -> Russia',
				"\t####Paragraphs 12 to 14 give each one's role. (Article paragraphs 12, 13 and 14)",
				'}',
				''
			].join('\n')
		);
	});

	it('writes true as T, a tolerance and a year', () => {
		const tf: ItemOf<'truefalse'> = {
			...(fixture('p8-unverified') as ItemOf<'truefalse'>),
			answer: true
		};
		expect(toGift([tf])).toMatch(/\{T####/);
		const year: ItemOf<'numeric'> = {
			...(fixture('p8-killed') as ItemOf<'numeric'>),
			answer: 1994,
			tolerance: 1.5,
			unit: 'year'
		};
		expect(toGift([year])).toContain('(Answer with a year.){#1994:1.5####');
	});

	it('needs no category', () => {
		expect(toGift([])).toBe('');
		expect(toGift([fixture('p8-killed')], '  ')).toMatch(/^::p8-killed::/);
	});

	it('escapes the special characters in every text, and keeps the structure', () => {
		const nasty: Item[] = [
			{
				...base,
				id: 'nasty-single',
				kind: 'single',
				options: [NASTY, 'x=1', 'y{2}', 'z#3'],
				answer: NASTY
			},
			{
				...base,
				id: 'nasty-multi',
				kind: 'multi',
				options: [NASTY, 'x=1', 'y{2}', 'z#3', 'w~4'],
				answers: [NASTY, 'x=1']
			},
			{ ...base, id: 'nasty-tf', kind: 'truefalse', answer: false },
			{ ...base, id: 'nasty-typed', kind: 'typed', answer: NASTY, accept: ['T'] },
			{
				...base,
				id: 'nasty-numeric',
				kind: 'numeric',
				answer: -2.5,
				tolerance: 0.5,
				unit: 'm:s'
			},
			{ ...base, id: 'nasty-order', kind: 'ordering', sequence: [NASTY, 'b:2', 'c#3'] },
			{
				...base,
				id: 'nasty-match',
				kind: 'matching',
				pairs: [
					{ left: NASTY, right: NASTY },
					{ left: 'k=1', right: 'v}1' },
					{ left: 'k~2', right: 'v{2' }
				]
			}
		];
		const gift = toGift(nasty);
		const blocks = gift.trimEnd().split('\n\n');
		expect(blocks).toHaveLength(nasty.length);
		// With the escapes taken out, nothing special is left but the structure.
		for (const block of blocks) {
			const bare = block.replace(/\\./g, '');
			expect(bare.match(/\{/g)).toHaveLength(1);
			expect(bare.match(/\}/g)).toHaveLength(1);
			expect(bare.match(/::/g)).toHaveLength(2);
		}
		const read = blocks.map(moodleRead);
		expect(read.map((r) => r.qtype)).toEqual(nasty.map((i) => QTYPE[i.kind]));
		for (const [i, r] of read.entries()) {
			expect(r.name).toBe(nasty[i].id);
			expect(r.question.startsWith(`Prompt ${NASTY}?`)).toBe(true);
			expect(r.feedback).toBe(`Explained ${NASTY}. (Article paragraph 3)`);
		}
		const [single, multi, , typed, numeric, order, match] = read;
		expect(single.parts('~').map(single.post)).toContain(`=${NASTY}`);
		expect(multi.parts('~').map(multi.post)).toEqual([
			`%50%${NASTY}`,
			'%-33.33333%w~4',
			'%50%x=1',
			'%-33.33333%y{2}',
			'%-33.33333%z#3'
		]);
		// A short answer with "->" would read as matching: the arrow becomes "→".
		expect(typed.parts('=').map(typed.post)).toEqual([NASTY.replace('->', '→'), 'T']);
		expect(numeric.answers).toBe('#-2.5:0.5');
		expect(numeric.question).toBe(`Prompt ${NASTY}? (Answer in m:s.)`);
		expect(order.question).toContain('Put in order: match each with its position');
		const pairs = (r: typeof match) =>
			r.parts('=').map((p) => {
				const at = p.indexOf('->');
				return [r.post(p.slice(0, at)), r.post(p.slice(at + 2))];
			});
		// Alphabetical would be the answer's order here, so the entries are listed reversed.
		expect(pairs(order)).toEqual([
			['c#3', '3'],
			['b:2', '2'],
			[NASTY.replace('->', '→'), '1']
		]);
		expect(pairs(match)).toEqual([
			[NASTY.replace('->', '→'), NASTY],
			['k=1', 'v}1'],
			['k~2', 'v{2']
		]);
	});

	it('never lists ordering entries in the right order', () => {
		const inOrder: ItemOf<'ordering'> = {
			...(fixture('p10-order') as ItemOf<'ordering'>),
			sequence: ['Alpha', 'Beta', 'Gamma']
		};
		expect(toGift([inOrder])).toContain('\t=Gamma -> 3\n\t=Beta -> 2\n\t=Alpha -> 1\n');
	});

	it('leaves a matching of fewer than 3 pairs out, with a comment', () => {
		const two: ItemOf<'matching'> = {
			...(fixture('p13-who-said') as ItemOf<'matching'>),
			pairs: [
				{ left: 'a', right: 'b' },
				{ left: 'c', right: 'd' }
			]
		};
		expect(toGift([two])).toBe('// p13-who-said left out: GIFT matching needs at least 3 pairs.\n');
	});
});

/**
 * Reads an Anki text import as Anki does (the csv crate: tab separator, `#` comment lines,
 * a field quoted when it starts with a double quote, quotes doubled inside).
 */
function readAnki(text: string): { header: string[]; records: string[][] } {
	const lines = text.split('\n');
	const header: string[] = [];
	while (lines[0]?.startsWith('#')) header.push(lines.shift()!);
	const body = lines.join('\n');
	const records: string[][] = [];
	let record: string[] = [];
	let i = 0;
	while (i < body.length) {
		let field = '';
		if (body[i] === '"') {
			i++;
			for (;;) {
				if (i >= body.length) throw new Error('unclosed quote');
				if (body[i] === '"' && body[i + 1] === '"') {
					field += '"';
					i += 2;
				} else if (body[i] === '"') {
					i++;
					break;
				} else field += body[i++];
			}
		} else {
			while (i < body.length && body[i] !== '\t' && body[i] !== '\n') {
				if (body[i] === '"') throw new Error('stray quote in an unquoted field');
				field += body[i++];
			}
		}
		record.push(field);
		if (body[i] === '\t') i++;
		else if (body[i] === '\n' || i >= body.length) {
			records.push(record);
			record = [];
			i++;
		} else throw new Error(`text after a closing quote at ${i}`);
	}
	return { header, records };
}

describe('toAnki', () => {
	it('starts with the header lines of a Basic note import', () => {
		const text = toAnki([]);
		expect(text).toBe(
			'#separator:tab\n#html:false\n#notetype:Basic\n#columns:Front\tBack\tTags\n#tags column:3\n'
		);
		expect(ANKI_HEADER[0]).toBe('#separator:tab');
	});

	it('writes one note per item: front, back and tags', () => {
		const { header, records } = readAnki(toAnki(items, 'week-3  ukraine'));
		expect(header).toEqual([...ANKI_HEADER]);
		expect(records).toHaveLength(items.length);
		expect(records.every((r) => r.length === 3)).toBe(true);
		expect(records[0]).toEqual([
			'In which city were the talks held?\n\n• Shusha\n• Stepanakert\n• Yerevan\n• Yevlakh',
			'Yevlakh\n\nParagraph 3 places the talks in Yevlakh.\nArticle paragraph 3',
			'places factdeck week-3 ukraine'
		]);
		const back = new Map(records.map((r, i) => [items[i].id, r[1].split('\n\n')[0]]));
		expect(Object.fromEntries(back)).toEqual({
			'p3-talks-city': 'Yevlakh',
			'p10-wars': '• 1994\n• 2020',
			'p8-unverified': 'False',
			'p3-talks-city-typed': 'Yevlakh\nAlso accepted: Evlakh; Yevlax',
			'p8-killed': '200 people',
			'p10-order': '1. The first war ends\n2. The six-week war\n3. The offensive',
			'p13-who-said':
				'Emmanuel Macron → France\nJohn Kirby → United States\nVladimir Putin → Russia'
		});
		const front = new Map(records.map((r, i) => [items[i].id, r[0]]));
		expect(front.get('p8-unverified')).toMatch(/\n\nTrue or false\?$/);
		expect(front.get('p10-wars')).toContain('(Choose all that apply.)');
		expect(front.get('p8-killed')).toMatch(/\(Answer in people\.\)$/);
		expect(front.get('p10-order')).toMatch(
			/\n\n• The first war ends\n• The offensive\n• The six-week war$/
		);
		expect(front.get('p13-who-said')).toContain('Choose from: France; Russia; United States');
		expect(records[1][2]).toBe('timeline factdeck week-3 ukraine');
	});

	it('turns tabs into spaces, quotes newlines, quotes and a leading #', () => {
		expect(ankiField('plain text')).toBe('plain text');
		expect(ankiField('a\tb')).toBe('a b');
		expect(ankiField('a\r\nb')).toBe('"a\nb"');
		expect(ankiField('say "hi"')).toBe('"say ""hi"""');
		expect(ankiField('#1 hit')).toBe('"#1 hit"');
		const odd: ItemOf<'typed'> = {
			...base,
			id: 'odd',
			kind: 'typed',
			prompt: '#hashtag\tquestion "quoted"?',
			answer: 'An\tanswer',
			explanation: 'Line one\nline two'
		};
		const text = toAnki([odd]);
		const body = text.split('\n').slice(ANKI_HEADER.length).join('\n');
		expect(body.split('\t')).toHaveLength(3);
		const { records } = readAnki(text);
		expect(records).toEqual([
			[
				'#hashtag question "quoted"?',
				'An answer\n\nLine one\nline two\nArticle paragraph 3',
				'places factdeck'
			]
		]);
	});
});

describe('exports of the real bank', () => {
	const { bank } = loadBank();
	const all = bank!.items;

	it('writes one GIFT question per item, each of which Moodle reads as its type', () => {
		const gift = toGift(all, 'Factdeck');
		const blocks = gift.trimEnd().split('\n\n');
		expect(blocks[0]).toBe('$CATEGORY: Factdeck');
		expect(blocks).toHaveLength(all.length + 1);
		blocks.slice(1).forEach((block, i) => {
			const item = all[i];
			expect(block.startsWith(`::${item.id}::`)).toBe(true);
			const bare = block.replace(/\\./g, '');
			expect(bare.match(/\{/g)).toHaveLength(1);
			expect(bare.match(/\}/g)).toHaveLength(1);
			expect(bare.endsWith('}')).toBe(true);
			const read = moodleRead(block);
			expect(read.qtype).toBe(QTYPE[item.kind]);
			expect(read.name).toBe(item.id);
			expect(read.question.startsWith(item.prompt)).toBe(true);
			expect(read.feedback.startsWith(item.explanation)).toBe(true);
		});
	});

	it('writes one Anki note per item', () => {
		const { records } = readAnki(toAnki(all));
		expect(records).toHaveLength(all.length);
		records.forEach((record, i) => {
			expect(record).toHaveLength(3);
			expect(record[0].startsWith(all[i].prompt)).toBe(true);
			expect(record[1]).toContain(all[i].explanation);
			expect(record[2]).toBe(`${all[i].topic} factdeck`);
		});
	});
});

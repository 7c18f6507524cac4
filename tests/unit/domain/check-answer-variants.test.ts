// Fair answer checking on the real bank (issue 16, item 4): every form the editorial review
// of 2026-11-30 listed as right, and every wrong form it names, run through checkAnswer with
// the bank's vocabulary, as the quiz does.
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../scripts/bank-load.ts';
import { isOtherWord, readNumber, withoutTitle } from '../../../src/lib/domain/answer-match.ts';
import { bankVocabulary, checkAnswer } from '../../../src/lib/domain/check-answer.ts';

const { bank } = loadBank();
const items = bank!.items;
const context = { vocabulary: bankVocabulary(items) };
const byId = new Map(items.map((i) => [i.id, i]));

type Row = [id: string, text: string, correct: boolean];

const rows = (id: string, texts: string[], correct: boolean): Row[] =>
	texts.map((text) => [id, text, correct]);

const STEPANAKERT = ['Khankendi', 'Xankendi', 'Xankəndi', 'Hankendi', 'Stepanakert'];

const RIGHT: Row[] = [
	// Variants the review listed, item by item.
	...rows('p9-stepanakert-is-capital', STEPANAKERT, true),
	...rows('p31-damage-city', STEPANAKERT, true),
	...rows(
		'p8-stepanyan-office',
		[
			'Nagorno-Karabakh human rights ombudsman',
			"Nagorno-Karabakh's human rights ombudsman",
			'ombudsman of Nagorno-Karabakh',
			'rights ombudsman',
			'human rights defender'
		],
		true
	),
	...rows(
		'p16-crowds-gathered-where',
		[
			'airport in Stepanakert',
			'the airport in Stepanakert',
			'at the airport',
			"Stepanakert's airport"
		],
		true
	),
	...rows(
		'p30-aliyev-targets-claim',
		[
			'military facility',
			'only military facilities',
			'military facilities only',
			'military objectives',
			'military infrastructure'
		],
		true
	),
	...rows('p4-caucasus-mountains', ['South Caucasus Mountains', 'Caucasus range'], true),
	...rows('p10-truce-broker-country', ['Moscow'], true),
	...rows('p11-unsc-meeting-requested-by', ['the French', 'French government', 'French'], true),
	...rows('p14-putin-call-outlet', ['ITAR-TASS', 'Tass agency', 'TASS news'], true),
	...rows(
		'p15-deaths-reported-by',
		['Ministry of Defense of Russia', 'Russian Ministry of Defense', 'MoD'],
		true
	),
	...rows('p17-hajiyev-name', ['Hacıyev', 'Hikmət Hacıyev'], true),
	...rows('p24-turn-to-west', ['Western powers', 'Western allies', 'the Western world'], true),
	...rows('p26-lost-road-link', ['Lachin corridor', 'Lachin road'], true),
	// Added by the accuracy review of bank version 2: the prompt's own frame, full titles.
	...rows('p12-international-law', ['in line with international law'], true),
	...rows('p3-yevlakh-talks-city', ['the city of Yevlakh'], true),
	...rows('p8-stepanyan-office', ['human rights ombudsman of Nagorno-Karabakh'], true),
	...rows('p26-lost-road-link', ['road connection to Armenia'], true),
	...rows('p15-deaths-reported-by', ['Ministry of Defense of the Russian Federation'], true),
	// Titles and honorifics the article uses, before the name.
	...rows(
		'p5-aliyev-declared-victory',
		[
			'President Aliyev',
			'President Ilham Aliyev',
			'Azerbaijan President Ilham Aliyev',
			'Mr. Aliyev'
		],
		true
	),
	...rows('p12-macron-name', ['President Macron', 'French President Emmanuel Macron'], true),
	...rows('p13-kirby-name', ['White House national security spokesman John Kirby'], true),
	...rows(
		'p25-putin-called-armenian-leader',
		['Prime Minister Pashinyan', 'Armenian Prime Minister Nikol Pashinyan', 'Mr Pashinyan'],
		true
	),
	...rows('p27-moscow-pointed-to-whom', ['Prime Minister Pashinyan'], true),
	...rows('p28-internal-business-speaker', ['Kremlin spokesman Dmitry Peskov'], true),
	...rows('p17-hajiyev-name', ['presidential aide Hikmet Hajiyev'], true),
	// A title with a typo in the name is still a typo of the name.
	...rows('p12-macron-name', ['President Macrom'], true),
	// Numbers as words, up to twenty, and the article's own "six-week".
	...rows('p10-second-war-weeks', ['six', 'Six weeks', 'six-week', '6'], true),
	...rows('p21-protest-days', ['two', 'two days'], true),
	...rows('p32-shusha-civilians-killed', ['one', 'One civilian'], true),
	...rows('p8-civilians-among-dead', ['ten', 'Ten civilians'], true),
	...rows('p6-days-from-attacks-to-talks', ['two'], true),
	// Real typos stay forgiven; a plural ending is not another word.
	...rows('p3-reintegration-focus', ['reintegraton', 're-integration'], true),
	...rows('p29-sabotage-accusation', ['sabotages', 'sabotaje'], true)
];

const WRONG: Row[] = [
	// Another word of the language, not a typo.
	...rows('p3-reintegration-focus', ['integration', 'disintegration'], false),
	...rows('p5-aliyev-declared-victory', ['Ilham Alive'], false),
	// A title does not make a wrong name right, and is no answer on its own.
	...rows('p5-aliyev-declared-victory', ['President Putin', 'President'], false),
	...rows('p25-putin-called-armenian-leader', ['Prime Minister Aliyev', 'Prime Minister'], false),
	...rows('p28-internal-business-speaker', ['Kremlin spokesman'], false),
	// Number words: the wrong number, and beyond twenty (not read).
	...rows('p10-second-war-weeks', ['seven', 'sixteen', 'seven-week'], false),
	...rows('p10-second-war-deaths', ['six thousand seven hundred'], false),
	// Still wrong, as before.
	...rows('p9-stepanakert-is-capital', ['Shusha', 'Yevlakh'], false),
	...rows('p30-aliyev-targets-claim', ['civilian areas'], false),
	...rows('p12-international-law', ['national law', 'in line with the cease-fire'], false)
];

describe('fair answer checking on the real bank', () => {
	it.each([...RIGHT, ...WRONG])('%s: "%s" is right: %s', (id, text, correct) => {
		const item = byId.get(id);
		expect(item, id).toBeDefined();
		expect(checkAnswer(item!, { text }, context).correct).toBe(correct);
	});
});

describe('the helpers behind it', () => {
	it.each([
		['President Ilham Aliyev', 'ilham aliyev'],
		['the French President Emmanuel Macron', 'emmanuel macron'],
		['Mr. Pashinyan', 'pashinyan'],
		['Kremlin spokesman Dmitry Peskov', 'dmitry peskov'],
		['President', null],
		['Aliyev', null],
		['presidential palace', null]
	])('withoutTitle(%j) is %j', (input, out) => {
		expect(withoutTitle(input)).toBe(out);
	});

	it.each([
		['six', 6],
		['Six weeks', 6],
		['six-week', 6],
		['twenty', 20],
		['zero', 0],
		['ONE civilian', 1]
	])('readNumber(%j) reads %d', (input, value) => {
		expect(readNumber(input)).toEqual({ status: 'number', value });
	});

	it('reads a number word and digits together as two numbers', () => {
		expect(readNumber('six or 7').status).toBe('several');
		expect(readNumber('someone').status).toBe('none');
	});

	it.each([
		['integration', 'reintegration', true],
		['reintegraton', 'reintegration', false],
		['sabotages', 'sabotage', false],
		['facilities', 'facility', false],
		['ilham alive', 'Ilham Aliyev', true]
	])('isOtherWord(%j, %j) is %s', (typed, form, other) => {
		expect(isOtherWord(typed, form)).toBe(other);
	});
});

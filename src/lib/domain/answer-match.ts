/**
 * The matching rules behind typed and numeric answers: how typed text is compared with the
 * accepted forms (normalisation, leading articles, forgiven typos) and how a number is read
 * from what a person typed. Used by check-answer.ts; pure.
 */
import { NEAR_WORDS } from './near-words.ts';
import { normalizeText } from './text.ts';

const LEADING_ARTICLE = /^(?:the|an|a) /;

/**
 * Titles and honorifics the article puts before a name ("President Ilham Aliyev", "Mr.
 * Pashinyan", "Kremlin spokesman Dmitry Peskov"), as `normalizeText` writes them. A typed
 * answer may start with one (after an optional "the" and nationality), and it is then also
 * compared without it: "President Aliyev" is right where "Aliyev" is.
 */
export const TITLES = [
	'president',
	'prime minister',
	'mr',
	'mister',
	'kremlin spokesman',
	'spokesman',
	'white house national security spokesman',
	'national security spokesman',
	'presidential aide',
	'human rights ombudsman',
	'ombudsman'
] as const;

/** Nationalities the article puts before a title: "Azerbaijan President", "French President". */
const TITLE_NATIONALITIES = [
	'azerbaijan',
	'azerbaijani',
	'azerbaijans',
	'armenian',
	'armenias',
	'french',
	'frances',
	'russian',
	'russias',
	'nagorno karabakh',
	'nagorno karabakhs'
];

const LEADING_TITLE = new RegExp(
	`^(?:(?:the|an|a) )?(?:(?:${TITLE_NATIONALITIES.join('|')}) )?(?:${[...TITLES]
		.sort((a, b) => b.length - a.length)
		.join('|')}) (?=\\S)`
);

/**
 * The typed text without a leading title (see `TITLES`), normalised; null when it has none.
 * Only a title followed by more words is dropped: "President" alone stays an answer.
 */
export function withoutTitle(input: string): string | null {
	const normal = normalizeText(input);
	const stripped = normal.replace(LEADING_TITLE, '');
	return stripped === normal ? null : stripped;
}

/**
 * The key typed answers are compared by: `normalizeText` (case, accents, punctuation,
 * hyphens), then a leading "the", "a" or "an" dropped, then spaces removed. "the Kremlin"
 * and "Kremlin" share a key, as do "Nagorno Karabakh" and "Nagorno-Karabakh".
 */
export function answerKey(input: string): string {
	const normal = normalizeText(input);
	const stripped = normal.replace(LEADING_ARTICLE, '');
	// An answer that is only an article ("A") keeps it.
	return (stripped || normal).replace(/ /g, '');
}

/**
 * How many typos are forgiven against an accepted form, from the length of its key: none
 * under 5 letters, 1 from 5 to 8 letters, 2 from 9 letters. None at all for a form with a
 * digit: a wrong number is a wrong answer, not a typo.
 */
export function typoAllowance(key: string): number {
	if (/\d/.test(key)) return 0;
	const letters = Array.from(key).length;
	if (letters < 5) return 0;
	return letters <= 8 ? 1 : 2;
}

/**
 * Damerau-Levenshtein distance (optimal string alignment: insertions, deletions,
 * substitutions and swaps of two neighbouring letters each cost 1). Stops early once the
 * distance is sure to exceed `limit`, returning `limit + 1`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
	const s = Array.from(a);
	const t = Array.from(b);
	if (Math.abs(s.length - t.length) > limit) return limit + 1;
	if (s.length === 0) return t.length;
	if (t.length === 0) return s.length;
	let before = new Array<number>(t.length + 1).fill(0);
	let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
	let current = new Array<number>(t.length + 1).fill(0);
	for (let i = 1; i <= s.length; i++) {
		current[0] = i;
		let rowMin = i;
		for (let j = 1; j <= t.length; j++) {
			const cost = s[i - 1] === t[j - 1] ? 0 : 1;
			let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
				d = Math.min(d, before[j - 2] + 1);
			}
			current[j] = d;
			if (d < rowMin) rowMin = d;
		}
		if (rowMin > limit) return limit + 1;
		[before, previous, current] = [previous, current, before];
	}
	return previous[t.length];
}

/** How typed text relates to an item's accepted forms. */
export type TypedMatch =
	| { status: 'empty' }
	| { status: 'exact'; form: string }
	| { status: 'typo'; form: string; distance: number }
	| { status: 'wrong' };

/** Keys of the vocabulary, computed once per list (the UI passes the same array each time). */
const vocabularyKeys = new WeakMap<readonly string[], string[]>();

function keysOf(vocabulary: readonly string[]): string[] {
	let keys = vocabularyKeys.get(vocabulary);
	if (!keys) {
		keys = [...new Set(vocabulary.map(answerKey))].filter(Boolean);
		vocabularyKeys.set(vocabulary, keys);
	}
	return keys;
}

/**
 * Compares typed text with the accepted forms (the answer first, then its variants).
 * A typo is forgiven within `typoAllowance` of a form, but only when no vocabulary entry
 * that is not itself an accepted form is as close or closer to what was typed: "Haliyev"
 * is as near "Aliyev" as "Hajiyev", so it is not taken for either.
 */
export function matchTyped(
	input: string,
	forms: readonly string[],
	vocabulary: readonly string[] = []
): TypedMatch {
	const key = answerKey(input);
	if (!key) return { status: 'empty' };
	const untitled = withoutTitle(input);
	// What was typed, and the same without a leading title: both are compared.
	const readings = untitled === null ? [input] : [input, untitled];
	const keys = readings.map(answerKey).filter(Boolean);
	const formKeys = forms.map(answerKey);
	for (const k of keys) {
		const exact = formKeys.indexOf(k);
		if (exact >= 0) return { status: 'exact', form: forms[exact] };
	}
	if (/\d/.test(key)) return { status: 'wrong' };

	let best = -1;
	let bestDistance = Infinity;
	let bestReading = 0;
	keys.forEach((k, r) =>
		formKeys.forEach((formKey, i) => {
			const allowance = typoAllowance(formKey);
			if (allowance === 0) return;
			const d = editDistance(k, formKey, allowance);
			if (d <= allowance && d < bestDistance) {
				best = i;
				bestDistance = d;
				bestReading = r;
			}
		})
	);
	if (best < 0) return { status: 'wrong' };

	const typedKey = keys[bestReading];
	const accepted = new Set(formKeys);
	for (const other of keysOf(vocabulary)) {
		if (accepted.has(other)) continue;
		if (editDistance(typedKey, other, bestDistance) <= bestDistance) return { status: 'wrong' };
	}
	if (isOtherWord(readings[bestReading], forms[best])) return { status: 'wrong' };
	return { status: 'typo', form: forms[best], distance: bestDistance };
}

const nearWords = new Set(NEAR_WORDS);

/** Whether `a` and `b` differ only by a plural ending: sabotage/sabotages, facility/facilities. */
function pluralPair(a: string, b: string): boolean {
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	return (
		long === `${short}s` ||
		long === `${short}es` ||
		(short.endsWith('y') && long === `${short.slice(0, -1)}ies`)
	);
}

/**
 * Whether typed text that is within a typo of `form` holds a word that is really another
 * English word near one of the form's words ("integration" for "reintegration", "alive" for
 * "Aliyev"): such a word is a different answer, not a slip of the keys. Plural endings do not
 * count as another word. The dictionary words near the bank's answers are in near-words.ts.
 */
export function isOtherWord(typed: string, form: string): boolean {
	const formWords = normalizeText(form).split(' ');
	return normalizeText(typed)
		.split(' ')
		.some(
			(word) =>
				!formWords.includes(word) &&
				nearWords.has(word) &&
				!formWords.some((f) => pluralPair(word, f))
		);
}

/** What a person typed, read as a number. */
export type NumberReading =
	| { status: 'number'; value: number }
	| { status: 'none' }
	| { status: 'several'; values: number[] };

// One number: an optional minus, whole part with thousands separators (a comma, or a space,
// followed by exactly three digits) or plain digits, then an optional decimal part. A comma
// that is not followed by exactly three digits is read as a decimal comma ("6,5").
const NUMBER =
	/(?<![\d.,])(-?)(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?: \d{3})+(?!\d)|\d+)(?:[.,](\d+))?/g;

/** Number words a person may type instead of digits, up to twenty ("six", "six-week"). */
export const NUMBER_WORDS = [
	'zero',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten',
	'eleven',
	'twelve',
	'thirteen',
	'fourteen',
	'fifteen',
	'sixteen',
	'seventeen',
	'eighteen',
	'nineteen',
	'twenty'
] as const;

/** Words that make a larger number of number words ("two thousand"): such text is not read. */
const MULTIPLIER = /(?<!\p{L})(?:hundred|thousand|million|billion)(?!\p{L})/iu;

const NUMBER_WORD = new RegExp(`(?<![\\p{L}\\d])(${NUMBER_WORDS.join('|')})(?![\\p{L}\\d])`, 'giu');

/**
 * Reads a number from typed text: "2,000", "2000", "2 000", "2000 peacekeepers" and
 * "about 2,000" all read as 2000; "6.5" as 6.5; a number word up to twenty as its value
 * ("six", "Six weeks", "six-week"). Text with no number, or with more than one ("between 10
 * and 20"), is reported as such rather than guessed at.
 */
export function readNumber(input: string): NumberReading {
	const plain = input.replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/[\u2212\u2013]/g, '-');
	// A word becomes its digits, spaced so that "six-week" does not read as 6 minus something;
	// "two thousand" is left unread rather than read as 2.
	const text = MULTIPLIER.test(plain)
		? plain
		: plain.replace(
				NUMBER_WORD,
				(word) => ` ${NUMBER_WORDS.indexOf(word.toLowerCase() as never)} `
			);
	const values: number[] = [];
	for (const m of text.matchAll(NUMBER)) {
		const whole = m[2].replace(/\D/g, '');
		const value = Number(`${m[1]}${whole}${m[3] ? `.${m[3]}` : ''}`);
		// `+ 0` turns -0 into 0, which JSON would do anyway.
		if (Number.isFinite(value)) values.push(value + 0);
	}
	if (values.length === 0) return { status: 'none' };
	if (values.length > 1) return { status: 'several', values };
	return { status: 'number', value: values[0] };
}

/**
 * A number as a person reads it: thousands grouped with commas ("2,000", "6,700"), except
 * calendar years (`unit` "year"), which are written plain ("1994").
 */
export function formatNumber(value: number, unit = ''): string {
	if (unit === 'year' || !Number.isFinite(value)) return String(value);
	const [whole, fraction] = String(Math.abs(value)).split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

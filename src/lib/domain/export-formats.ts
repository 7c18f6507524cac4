/**
 * Bank items as files other tools import: Moodle GIFT (a question bank) and Anki plain text
 * (one Basic note per item). Pure string builders; the UI downloads the text as a file.
 *
 * Choices, ordering entries and matching answers are listed alphabetically (reversed if that
 * happens to be the answer's order), as on the paper worksheet (listing-order.ts): the bank
 * often stores the answer first, and an import that does not shuffle must not give it away.
 */
import type { Item } from './bank.ts';
import { numericExpected } from './check-answer.ts';
import { unitHint } from './lms-text.ts';
import { alphabetical, notInAnswerOrder } from './listing-order.ts';
import { citeParagraphs } from './wording.ts';

const ORDERING_NOTE = 'Put in order: match each with its position (1 is first).';

// ---------------------------------------------------------------------------------------
// Moodle GIFT

/**
 * Moodle's allowed answer grades, as fractions (question_bank::fraction_options_full): an
 * imported weight must equal one of these to 7 decimals, so percentages are written with 5.
 */
const MOODLE_FRACTIONS = [
	1, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667,
	0.1428571, 0.125, 0.1111111, 0.1, 0.05
];

/**
 * The GIFT percentage of one of `count` equal shares of 100: "50", "33.33333", "14.28571".
 * Moodle allows 1/1 to 1/10 and 1/20; for another count the largest allowed share below it
 * is used (the shares then add up to less than 100; no bank item comes near that).
 */
export function giftShare(count: number): string {
	const exact = 1 / Math.max(1, count);
	const fraction =
		MOODLE_FRACTIONS.find((f) => Math.abs(f - exact) < 5e-7) ??
		MOODLE_FRACTIONS.find((f) => f < exact) ??
		MOODLE_FRACTIONS[MOODLE_FRACTIONS.length - 1];
	return String(Math.round(fraction * 100 * 1e5) / 1e5);
}

/**
 * Text made safe for GIFT: a backslash before \ ~ = # { } and :, newlines written as \n (as
 * Moodle's own export does; carriage returns dropped).
 */
export function escapeGift(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/[\\~=#{}:]/g, (c) => `\\${c}`)
		.replaceAll('\n', '\\n');
}

/**
 * GIFT has no escape for "->", which splits a matching pair and turns a short answer into a
 * matching question: such text gets an arrow character instead.
 */
function noPairArrow(text: string): string {
	return text.replaceAll('->', '→');
}

/** The answer block's lines (without braces), or a reason the item cannot be exported. */
function giftAnswers(item: Item): string[] | { skip: string } {
	const line = (text: string) => `\t${text}`;
	switch (item.kind) {
		case 'single':
			return alphabetical(item.options).map((o) =>
				line(`${o === item.answer ? '=' : '~'}${escapeGift(o)}`)
			);
		case 'multi': {
			const right = new Set(item.answers);
			const rights = item.options.filter((o) => right.has(o)).length;
			const wrongs = item.options.length - rights;
			return alphabetical(item.options).map((o) =>
				line(
					right.has(o)
						? `~%${giftShare(rights)}%${escapeGift(o)}`
						: `~%-${giftShare(wrongs)}%${escapeGift(o)}`
				)
			);
		}
		case 'typed':
			return [item.answer, ...(item.accept ?? [])].map((a) =>
				line(`=${escapeGift(noPairArrow(a))}`)
			);
		case 'matching':
			if (item.pairs.length < 3) return { skip: 'GIFT matching needs at least 3 pairs' };
			return item.pairs.map((p) =>
				line(`=${escapeGift(noPairArrow(p.left))} -> ${escapeGift(p.right)}`)
			);
		case 'ordering': {
			if (item.sequence.length < 3) return { skip: 'GIFT matching needs at least 3 entries' };
			const position = new Map(item.sequence.map((entry, i) => [entry, i + 1]));
			return notInAnswerOrder(item.sequence, item.sequence).map((entry) =>
				line(`=${escapeGift(noPairArrow(entry))} -> ${position.get(entry)}`)
			);
		}
		case 'truefalse':
		case 'numeric':
			return [];
	}
}

function giftQuestion(item: Item): string {
	const answers = giftAnswers(item);
	if (!Array.isArray(answers)) {
		return `// ${item.id.replace(/\s+/g, ' ')} left out: ${answers.skip}.`;
	}
	let prompt = item.prompt;
	if (item.kind === 'numeric') prompt += ` ${unitHint(item)}`;
	if (item.kind === 'ordering') prompt += `\n\n${ORDERING_NOTE}`;
	const head = `::${escapeGift(item.id)}::${escapeGift(prompt)}`;
	const feedback = `####${escapeGift(`${item.explanation} (${citeParagraphs(item.paragraphs)})`)}`;
	switch (item.kind) {
		case 'truefalse':
			return `${head}{${item.answer ? 'T' : 'F'}${feedback}}`;
		case 'numeric':
			return `${head}{#${item.answer}:${item.tolerance}${feedback}}`;
		default:
			return `${head}{\n${answers.join('\n')}\n\t${feedback}\n}`;
	}
}

/**
 * Items as a Moodle GIFT file. Each question is titled with the item id, carries the
 * explanation and the cited paragraphs as general feedback (`####`), and is separated from
 * the next by a blank line. Kinds:
 * - single: multiple choice, `=` the answer, `~` the others.
 * - multi: multiple choice with several answers: each right option `~%P%` with P an equal
 *   share of 100, each wrong option an equal share of -100 (Moodle's allowed percentages).
 * - truefalse: `{T}` or `{F}`. typed: short answer, `=` the answer and each accepted form.
 * - numeric: `{#answer:tolerance}`, the unit said in the question text.
 * - matching: `=left -> right` per pair.
 * - ordering: GIFT has none; exported as matching, each entry paired with its position
 *   (`=entry -> 1`), and the question text says so. Entries are listed out of order since
 *   Moodle shows the left-hand side as written.
 * Moodle refuses matching with fewer than 3 pairs: such an item (the bank allows none) is
 * written as a `//` comment naming it instead of a question.
 * @param category optional: a `$CATEGORY:` line first (Moodle's path syntax, `/` nests).
 */
export function toGift(items: readonly Item[], category?: string): string {
	const blocks: string[] = [];
	const name = category?.replace(/\s+/g, ' ').trim();
	if (name) blocks.push(`$CATEGORY: ${name}`);
	for (const item of items) blocks.push(giftQuestion(item));
	return blocks.map((block) => `${block}\n`).join('\n');
}

// ---------------------------------------------------------------------------------------
// Anki

/** The header lines of an Anki text import (Anki 2.1.55+): a Basic note per line. */
export const ANKI_HEADER = [
	'#separator:tab',
	'#html:false',
	'#notetype:Basic',
	'#columns:Front\tBack\tTags',
	'#tags column:3'
] as const;

/**
 * One field of a tab-separated Anki line. Tabs become spaces. A field with a newline or a
 * double quote, or starting with # (a comment to Anki), is quoted as in CSV, its quotes
 * doubled: Anki reads quoted newlines as line breaks (`<br>` with `#html:false`).
 */
export function ankiField(text: string): string {
	const flat = text.replace(/\r\n?/g, '\n').replaceAll('\t', ' ');
	return /["\n]|^#/.test(flat) ? `"${flat.replaceAll('"', '""')}"` : flat;
}

const bullets = (values: readonly string[]) => values.map((v) => `• ${v}`).join('\n');

function ankiFront(item: Item): string {
	switch (item.kind) {
		case 'single':
			return `${item.prompt}\n\n${bullets(alphabetical(item.options))}`;
		case 'multi':
			return `${item.prompt} (Choose all that apply.)\n\n${bullets(alphabetical(item.options))}`;
		case 'truefalse':
			return `${item.prompt}\n\nTrue or false?`;
		case 'typed':
			return item.prompt;
		case 'numeric':
			return `${item.prompt} ${unitHint(item)}`;
		case 'ordering':
			return `${item.prompt}\n\n${bullets(notInAnswerOrder(item.sequence, item.sequence))}`;
		case 'matching': {
			const rights = item.pairs.map((p) => p.right);
			return `${item.prompt}\n\n${bullets(item.pairs.map((p) => p.left))}\n\nChoose from: ${notInAnswerOrder(rights, rights).join('; ')}`;
		}
	}
}

function ankiAnswer(item: Item): string {
	switch (item.kind) {
		case 'single':
			return item.answer;
		case 'multi':
			return bullets(item.options.filter((o) => item.answers.includes(o)));
		case 'truefalse':
			return item.answer ? 'True' : 'False';
		case 'typed':
			return item.accept?.length
				? `${item.answer}\nAlso accepted: ${item.accept.join('; ')}`
				: item.answer;
		case 'numeric':
			return item.tolerance > 0
				? `${numericExpected(item)} (± ${item.tolerance})`
				: numericExpected(item);
		case 'ordering':
			return item.sequence.map((entry, i) => `${i + 1}. ${entry}`).join('\n');
		case 'matching':
			return item.pairs.map((p) => `${p.left} → ${p.right}`).join('\n');
	}
}

/**
 * Items as an Anki plain-text import: the ANKI_HEADER lines, then one note per line with
 * Front (the prompt, with the options or entries to choose from), Back (the right answer,
 * the explanation and the cited paragraphs) and Tags (the topic id, `factdeck`, and `tags`,
 * a space-separated list added to every note). Fields are written by `ankiField`.
 */
export function toAnki(items: readonly Item[], tags?: string): string {
	const extra = (tags ?? '').split(/\s+/).filter(Boolean);
	const lines: string[] = [...ANKI_HEADER];
	for (const item of items) {
		const back = `${ankiAnswer(item)}\n\n${item.explanation}\n${citeParagraphs(item.paragraphs)}`;
		const noteTags = [...new Set([item.topic, 'factdeck', ...extra])].join(' ');
		lines.push([ankiFront(item), back, noteTags].map(ankiField).join('\t'));
	}
	return lines.map((line) => `${line}\n`).join('');
}

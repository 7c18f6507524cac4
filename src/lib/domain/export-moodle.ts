/**
 * A set's questions as a Moodle XML file (Question bank → Import → Moodle XML format). Every
 * kind has its own Moodle question type, so nothing is approximated as in GIFT:
 * - single / multi → `multichoice` (`single` true / false). Multi: each right option an equal
 *   share of 100%, each wrong option an equal share of -100% (Moodle's allowed grades).
 * - truefalse → `truefalse`; typed → `shortanswer` with the answer and every accepted form
 *   at 100% (a literal `*` escaped, since Moodle reads it as a wildcard), case ignored.
 * - numeric → `numerical` with its tolerance; the unit is said in the question text.
 * - matching → `matching`, one subquestion per pair.
 * - ordering → `ordering` (qtype_ordering, standard since Moodle 4.3): the entries in the
 *   right order, each answer's fraction its position, graded by absolute position.
 * Every question is plain text (`format="plain_text"`: Moodle shows it as text, never as
 * HTML) and carries the explanation and cited paragraphs as general feedback. Pure.
 */
import type { Item } from './bank.ts';
import { giftShare } from './export-formats.ts';
import { generalFeedback, promptText, requireItems } from './lms-text.ts';
import { alphabetical } from './listing-order.ts';
import { attrs, indent, textElement } from './xml.ts';

/** Moodle's `<text>` inside an element with a format: `<name format="…"><text>…</text></name>`. */
function formatted(name: string, text: string): string {
	return `<${name}${attrs({ format: 'plain_text' })}>${textElement('text', text)}</${name}>`;
}

function answer(fraction: string, text: string, extra: string[] = []): string[] {
	return [
		`<answer${attrs({ fraction, format: 'plain_text' })}>`,
		...indent([textElement('text', text), ...extra]),
		'</answer>'
	];
}

/** Moodle short answers treat `*` as "any characters"; `\*` is a literal star. */
function shortAnswerText(text: string): string {
	return text.replaceAll('*', '\\*');
}

/** The number as Moodle reads it: plain decimal, no exponent for the bank's magnitudes. */
function plainNumber(value: number): string {
	return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

function questionType(item: Item): string {
	switch (item.kind) {
		case 'single':
		case 'multi':
			return 'multichoice';
		case 'typed':
			return 'shortanswer';
		case 'numeric':
			return 'numerical';
		default:
			return item.kind;
	}
}

/** The type-specific part of one question. */
function body(item: Item): string[] {
	switch (item.kind) {
		case 'single':
			return [
				'<single>true</single>',
				'<shuffleanswers>true</shuffleanswers>',
				'<answernumbering>abc</answernumbering>',
				...alphabetical(item.options).flatMap((o) => answer(o === item.answer ? '100' : '0', o))
			];
		case 'multi': {
			const right = new Set(item.answers);
			const rights = item.options.filter((o) => right.has(o)).length;
			const wrongs = item.options.length - rights;
			return [
				'<single>false</single>',
				'<shuffleanswers>true</shuffleanswers>',
				'<answernumbering>abc</answernumbering>',
				...alphabetical(item.options).flatMap((o) =>
					answer(right.has(o) ? giftShare(rights) : `-${giftShare(wrongs)}`, o)
				)
			];
		}
		case 'truefalse':
			return [
				...answer(item.answer ? '100' : '0', 'true'),
				...answer(item.answer ? '0' : '100', 'false')
			];
		case 'typed':
			return [
				'<usecase>0</usecase>',
				...[item.answer, ...(item.accept ?? [])].flatMap((a) => answer('100', shortAnswerText(a)))
			];
		case 'numeric':
			return [
				...answer('100', plainNumber(item.answer), [
					textElement('tolerance', plainNumber(item.tolerance))
				]),
				'<unitgradingtype>0</unitgradingtype>',
				'<unitpenalty>0</unitpenalty>',
				'<showunits>3</showunits>',
				'<unitsleft>0</unitsleft>'
			];
		case 'matching':
			return [
				'<shuffleanswers>true</shuffleanswers>',
				...item.pairs.flatMap((p) => [
					`<subquestion${attrs({ format: 'plain_text' })}>`,
					...indent([
						textElement('text', p.left),
						`<answer>${textElement('text', p.right)}</answer>`
					]),
					'</subquestion>'
				])
			];
		case 'ordering':
			return [
				'<layouttype>VERTICAL</layouttype>',
				'<selecttype>ALL</selecttype>',
				'<selectcount>0</selectcount>',
				'<gradingtype>ABSOLUTE_POSITION</gradingtype>',
				'<showgrading>SHOW</showgrading>',
				'<numberingstyle>none</numberingstyle>',
				// Without it Moodle's ordering import makes hint rows with no format.
				'<shownumcorrect>1</shownumcorrect>',
				...item.sequence.flatMap((entry, i) => answer(`${i + 1}`, entry))
			];
	}
}

function question(item: Item): string[] {
	return [
		`<question${attrs({ type: questionType(item) })}>`,
		...indent([
			`<name>${textElement('text', item.id)}</name>`,
			formatted('questiontext', promptText(item)),
			formatted('generalfeedback', generalFeedback(item)),
			'<defaultgrade>1</defaultgrade>',
			'<penalty>0.3333333</penalty>',
			'<hidden>0</hidden>',
			...body(item)
		]),
		'</question>'
	];
}

/**
 * Items as a Moodle XML quiz file, a category question first when `category` is given
 * (the set's title; a `/` would nest categories, so it becomes `-`).
 * @throws ExportError for an empty list.
 */
export function toMoodleXml(items: readonly Item[], category?: string): string {
	requireItems(items);
	const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
	const name = category?.replace(/\s+/g, ' ').replaceAll('/', '-').trim();
	if (name) {
		lines.push(
			...indent([
				`<question${attrs({ type: 'category' })}>`,
				`\t<category>${textElement('text', `$course$/top/${name}`)}</category>`,
				'</question>'
			])
		);
	}
	for (const item of items) lines.push(...indent(question(item)));
	lines.push('</quiz>');
	return lines.map((line) => `${line}\n`).join('');
}

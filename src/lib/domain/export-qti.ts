/**
 * A set's questions as an IMS QTI 2.1 content package (a zip) for Canvas, Blackboard,
 * Brightspace and other QTI tools: `imsmanifest.xml` (IMS Content Packaging 1.1), one
 * `assessmentItem` file per question under `items/`, and `assessment.xml`, an
 * `assessmentTest` holding them in the set's order with its instructions. Pure.
 *
 * Kinds:
 * - single, truefalse → `choiceInteraction` (one choice), scored by match.
 * - multi → `choiceInteraction` (any number of choices), mapped: each right choice an equal
 *   share of 1, each wrong choice an equal share of -1, bounded to 0..1.
 * - typed → `textEntryInteraction` (string), mapped: the answer and every accepted variant
 *   score 1, case ignored.
 * - numeric → `textEntryInteraction` (float), right within the item's absolute tolerance.
 * - ordering → `orderInteraction`, right only in the exact order.
 * - matching → `matchInteraction` (directed pairs), a share of 1 per right pair.
 * Every item has a `modalFeedback` with the explanation and the cited paragraphs, which its
 * response processing always shows, and SCORE from 0 to 1.
 */
import type { Item } from './bank.ts';
import { generalFeedback, promptText, requireItems } from './lms-text.ts';
import type { PackageFiles } from './lms-zip.ts';
import { alphabetical } from './listing-order.ts';
import { attrs, escapeXml, indent, textElement } from './xml.ts';

export const QTI_NAMESPACE = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const QTI_SCHEMA = 'http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const CP_NAMESPACE = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const CP_SCHEMA = 'http://www.imsglobal.org/xsd/imscp_v1p1.xsd';

/** An identifier QTI accepts (an XML name): bank ids are kebab-case, so a prefix suffices. */
export const qtiItemId = (itemId: string) => `I-${itemId}`;
/** The item file of an item inside the package. */
export const qtiItemPath = (itemId: string) => `items/${itemId}.xml`;

interface Choice {
	id: string;
	text: string;
}

const choicesOf = (texts: readonly string[], prefix = 'C'): Choice[] =>
	texts.map((text, i) => ({ id: `${prefix}${i + 1}`, text }));

const value = (text: string, baseType?: string) =>
	`<value${attrs({ baseType })}>${escapeXml(text)}</value>`;

function declaration(
	cardinality: string,
	baseType: string,
	correct: string[],
	mapping: string[] = []
): string[] {
	return [
		`<responseDeclaration${attrs({ identifier: 'RESPONSE', cardinality, baseType })}>`,
		...indent(['<correctResponse>', ...indent(correct.map((v) => value(v))), '</correctResponse>']),
		...indent(mapping),
		'</responseDeclaration>'
	];
}

function mappingOf(
	entries: { key: string; value: number; caseSensitive?: boolean }[],
	bounds: { lower?: number; upper?: number } = {}
): string[] {
	return [
		`<mapping${attrs({ defaultValue: 0, lowerBound: bounds.lower, upperBound: bounds.upper })}>`,
		...indent(
			entries.map(
				(e) =>
					`<mapEntry${attrs({
						mapKey: e.key,
						mappedValue: round(e.value),
						caseSensitive: e.caseSensitive === undefined ? undefined : String(e.caseSensitive)
					})}/>`
			)
		),
		'</mapping>'
	];
}

const round = (n: number) => Math.round(n * 1e7) / 1e7;

const setScore = (expression: string) =>
	`<setOutcomeValue identifier="SCORE">${expression}</setOutcomeValue>`;
const score = (n: number) => `<baseValue baseType="float">${n}</baseValue>`;

/** SCORE 1 when `condition` holds, else 0. */
function scoreIf(condition: string): string[] {
	return [
		'<responseCondition>',
		...indent([
			'<responseIf>',
			...indent([condition, setScore(score(1))]),
			'</responseIf>',
			'<responseElse>',
			...indent([setScore(score(0))]),
			'</responseElse>'
		]),
		'</responseCondition>'
	];
}

const MATCH_CORRECT =
	'<match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>';
const MAPPED = [setScore('<mapResponse identifier="RESPONSE"/>')];

/** What one item needs: its response declaration, body and scoring rules. */
function parts(item: Item): { declaration: string[]; body: string[]; scoring: string[] } {
	const prompt = textElement('prompt', item.prompt);
	switch (item.kind) {
		case 'single':
		case 'truefalse': {
			const texts = item.kind === 'single' ? alphabetical(item.options) : ['True', 'False'];
			const answer = item.kind === 'single' ? item.answer : item.answer ? 'True' : 'False';
			const choices = choicesOf(texts);
			const right = choices.find((c) => c.text === answer)!.id;
			return {
				declaration: declaration('single', 'identifier', [right]),
				body: choiceBody(prompt, choices, 1, item.kind === 'single'),
				scoring: scoreIf(MATCH_CORRECT)
			};
		}
		case 'multi': {
			const choices = choicesOf(alphabetical(item.options));
			const right = new Set(item.answers);
			const rights = choices.filter((c) => right.has(c.text));
			const wrongs = choices.length - rights.length;
			return {
				declaration: declaration(
					'multiple',
					'identifier',
					rights.map((c) => c.id),
					mappingOf(
						choices.map((c) => ({
							key: c.id,
							value: right.has(c.text) ? 1 / rights.length : -1 / Math.max(1, wrongs)
						})),
						{ lower: 0, upper: 1 }
					)
				),
				body: choiceBody(prompt, choices, 0, true),
				scoring: MAPPED
			};
		}
		case 'typed': {
			const forms = [item.answer, ...(item.accept ?? [])];
			return {
				declaration: declaration(
					'single',
					'string',
					[item.answer],
					mappingOf(
						forms.map((f) => ({ key: f, value: 1, caseSensitive: false })),
						{ lower: 0, upper: 1 }
					)
				),
				body: textBody(item.prompt, 30),
				scoring: MAPPED
			};
		}
		case 'numeric':
			return {
				declaration: declaration('single', 'float', [String(item.answer)]),
				body: textBody(promptText(item), 12),
				scoring: scoreIf(
					`<equal${attrs({ toleranceMode: 'absolute', tolerance: `${item.tolerance} ${item.tolerance}` })}><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></equal>`
				)
			};
		case 'ordering': {
			const choices = choicesOf(item.sequence);
			return {
				declaration: declaration(
					'ordered',
					'identifier',
					choices.map((c) => c.id)
				),
				body: [
					`<orderInteraction${attrs({ responseIdentifier: 'RESPONSE', shuffle: 'true' })}>`,
					...indent([prompt, ...choices.map(simpleChoice)]),
					'</orderInteraction>'
				],
				scoring: scoreIf(MATCH_CORRECT)
			};
		}
		case 'matching': {
			const lefts = choicesOf(
				item.pairs.map((p) => p.left),
				'L'
			);
			const rights = choicesOf(alphabetical(item.pairs.map((p) => p.right)), 'R');
			const rightId = (text: string) => rights.find((r) => r.text === text)!.id;
			const pairs = item.pairs.map((p, i) => `${lefts[i].id} ${rightId(p.right)}`);
			const set = (choices: Choice[]) => [
				'<simpleMatchSet>',
				...indent(
					choices.map(
						(c) =>
							`<simpleAssociableChoice${attrs({ identifier: c.id, matchMax: 1 })}>${escapeXml(c.text)}</simpleAssociableChoice>`
					)
				),
				'</simpleMatchSet>'
			];
			return {
				declaration: declaration(
					'multiple',
					'directedPair',
					pairs,
					mappingOf(
						pairs.map((key) => ({ key, value: 1 / pairs.length })),
						{ lower: 0, upper: 1 }
					)
				),
				body: [
					`<matchInteraction${attrs({
						responseIdentifier: 'RESPONSE',
						shuffle: 'true',
						maxAssociations: pairs.length
					})}>`,
					...indent([prompt, ...set(lefts), ...set(rights)]),
					'</matchInteraction>'
				],
				scoring: MAPPED
			};
		}
	}
}

const simpleChoice = (c: Choice) =>
	`<simpleChoice${attrs({ identifier: c.id })}>${escapeXml(c.text)}</simpleChoice>`;

function choiceBody(prompt: string, choices: Choice[], max: number, shuffle: boolean): string[] {
	return [
		`<choiceInteraction${attrs({ responseIdentifier: 'RESPONSE', shuffle: String(shuffle), maxChoices: max })}>`,
		...indent([prompt, ...choices.map(simpleChoice)]),
		'</choiceInteraction>'
	];
}

function textBody(text: string, expectedLength: number): string[] {
	return [
		textElement('p', text),
		`<p><textEntryInteraction${attrs({ responseIdentifier: 'RESPONSE', expectedLength })}/></p>`
	];
}

/** One question as a QTI 2.1 `assessmentItem` document. */
export function qtiItem(item: Item): string {
	const { declaration, body, scoring } = parts(item);
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<assessmentItem${attrs({
			xmlns: QTI_NAMESPACE,
			'xmlns:xsi': XSI,
			'xsi:schemaLocation': `${QTI_NAMESPACE} ${QTI_SCHEMA}`,
			identifier: qtiItemId(item.id),
			title: item.id,
			adaptive: 'false',
			timeDependent: 'false'
		})}>`,
		...indent([
			...declaration,
			'<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">',
			'\t<defaultValue><value>0</value></defaultValue>',
			'</outcomeDeclaration>',
			'<outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float">',
			'\t<defaultValue><value>1</value></defaultValue>',
			'</outcomeDeclaration>',
			'<outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>',
			'<itemBody>',
			...indent(body),
			'</itemBody>',
			'<responseProcessing>',
			...indent([
				...scoring,
				'<setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">GENERAL</baseValue></setOutcomeValue>'
			]),
			'</responseProcessing>',
			`<modalFeedback${attrs({ outcomeIdentifier: 'FEEDBACK', showHide: 'show', identifier: 'GENERAL', title: 'Explanation' })}>`,
			`\t${textElement('p', generalFeedback(item))}`,
			'</modalFeedback>'
		]),
		'</assessmentItem>'
	];
	return lines.map((line) => `${line}\n`).join('');
}

/** What a QTI package says about the set besides its questions. */
export interface QtiSetInfo {
	/** The set's id (16 hex digits): the package and test identifiers are made from it. */
	id: string;
	title: string;
	/** May be empty. */
	instructions: string;
}

/** The set as an `assessmentTest`: one part, one section, the items in the set's order. */
function qtiTest(items: readonly Item[], set: QtiSetInfo): string {
	const rubric = set.instructions.trim()
		? [
				'<rubricBlock view="candidate">',
				...indent(set.instructions.split(/\n+/).map((line) => textElement('p', line))),
				'</rubricBlock>'
			]
		: [];
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<assessmentTest${attrs({
			xmlns: QTI_NAMESPACE,
			'xmlns:xsi': XSI,
			'xsi:schemaLocation': `${QTI_NAMESPACE} ${QTI_SCHEMA}`,
			identifier: `T-${set.id}`,
			title: set.title
		})}>`,
		...indent([
			'<testPart identifier="P1" navigationMode="linear" submissionMode="individual">',
			...indent([
				`<assessmentSection${attrs({ identifier: 'S1', title: set.title, visible: 'true' })}>`,
				...indent([
					...rubric,
					...items.map(
						(item) =>
							`<assessmentItemRef${attrs({ identifier: qtiItemId(item.id), href: qtiItemPath(item.id) })}/>`
					)
				]),
				'</assessmentSection>'
			]),
			'</testPart>'
		]),
		'</assessmentTest>'
	];
	return lines.map((line) => `${line}\n`).join('');
}

function qtiManifest(items: readonly Item[], set: QtiSetInfo): string {
	const file = (href: string) => `<file${attrs({ href })}/>`;
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<manifest${attrs({
			xmlns: CP_NAMESPACE,
			'xmlns:xsi': XSI,
			'xsi:schemaLocation': `${CP_NAMESPACE} ${CP_SCHEMA}`,
			identifier: `M-${set.id}`
		})}>`,
		...indent([
			'<metadata>',
			'\t<schema>QTIv2.1 Package</schema>',
			'\t<schemaversion>1.0.0</schemaversion>',
			'</metadata>',
			'<organizations/>',
			'<resources>',
			...indent([
				`<resource${attrs({ identifier: `R-T-${set.id}`, type: 'imsqti_test_xmlv2p1', href: 'assessment.xml' })}>`,
				`\t${file('assessment.xml')}`,
				...indent(
					items.map((item) => `<dependency${attrs({ identifierref: `R-${qtiItemId(item.id)}` })}/>`)
				),
				'</resource>',
				...items.flatMap((item) => [
					`<resource${attrs({ identifier: `R-${qtiItemId(item.id)}`, type: 'imsqti_item_xmlv2p1', href: qtiItemPath(item.id) })}>`,
					`\t${file(qtiItemPath(item.id))}`,
					'</resource>'
				])
			]),
			'</resources>'
		]),
		'</manifest>'
	];
	return lines.map((line) => `${line}\n`).join('');
}

/**
 * The files of a QTI 2.1 package of `items`: the manifest first, then the test, then one
 * file per item. Zip them with `zipPackage`.
 * @throws ExportError for an empty list.
 */
export function qtiPackageFiles(items: readonly Item[], set: QtiSetInfo): PackageFiles {
	requireItems(items);
	const files: PackageFiles = {
		'imsmanifest.xml': qtiManifest(items, set),
		'assessment.xml': qtiTest(items, set)
	};
	for (const item of items) files[qtiItemPath(item.id)] = qtiItem(item);
	return files;
}

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8 } from 'fflate';
import type { Element } from '@xmldom/xmldom';
import { loadBank } from '../../../scripts/bank-load.ts';
import type { Item, ItemOf } from '../../../src/lib/domain/bank.ts';
import {
	QTI_NAMESPACE,
	qtiItemId,
	qtiItemPath,
	qtiPackageFiles
} from '../../../src/lib/domain/export-qti.ts';
import { EMPTY_SET_MESSAGE } from '../../../src/lib/domain/lms-text.ts';
import { unzipPackage, zipPackage } from '../../../src/lib/domain/lms-zip.ts';
import { child, children, descendants, parseXml } from './xml-parse.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'bank-valid');
const items: Item[] = parse(readFileSync(join(fixtures, 'items.yaml'), 'utf8'));
const byId = new Map(items.map((i) => [i.id, i]));
const fixture = <K extends Item['kind']>(id: string) => byId.get(id) as ItemOf<K>;
const SET = { id: '0123456789abcdef', title: 'Week 3', instructions: 'Answer alone.\nNo notes.' };

/** The package's files, unzipped from the real zip bytes. */
function unpack(list: readonly Item[], set = SET): Record<string, string> {
	const files = unzipPackage(zipPackage(qtiPackageFiles(list, set)));
	return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
}

const files = unpack(items);
const itemRoot = (id: string) => parseXml(files[qtiItemPath(id)]).documentElement!;

/** The texts of `choices` whose identifiers are the correct response values, in order. */
function correctTexts(root: Element, choiceTag: string): string[] {
	const declaration = child(root, 'responseDeclaration');
	const values = children(child(declaration, 'correctResponse'), 'value').map(
		(v) => v.textContent ?? ''
	);
	const texts = new Map(
		descendants(root, choiceTag).map((c) => [c.getAttribute('identifier'), c.textContent])
	);
	return values.map((v) =>
		v
			.split(' ')
			.map((id) => texts.get(id))
			.join(' → ')
	);
}

describe('qtiPackageFiles', () => {
	it('holds a manifest, the test and one item file per question, each referenced and parsing', () => {
		expect(Object.keys(files)).toEqual([
			'imsmanifest.xml',
			'assessment.xml',
			...items.map((i) => qtiItemPath(i.id))
		]);
		const manifest = parseXml(files['imsmanifest.xml']).documentElement!;
		expect(manifest.namespaceURI).toBe('http://www.imsglobal.org/xsd/imscp_v1p1');
		const resources = descendants(manifest, 'resource');
		const hrefs = resources.map((r) => r.getAttribute('href'));
		expect(hrefs).toEqual(['assessment.xml', ...items.map((i) => qtiItemPath(i.id))]);
		for (const r of resources) {
			expect(Object.keys(files)).toContain(r.getAttribute('href'));
			expect(child(r, 'file').getAttribute('href')).toBe(r.getAttribute('href'));
		}
		expect(resources.slice(1).map((r) => r.getAttribute('type'))).toEqual(
			items.map(() => 'imsqti_item_xmlv2p1')
		);
		// The test depends on every item.
		const ids = new Set(resources.map((r) => r.getAttribute('identifier')));
		for (const d of descendants(resources[0], 'dependency')) {
			expect(ids.has(d.getAttribute('identifierref'))).toBe(true);
		}
	});

	it('the test lists the items in order, with the instructions and title', () => {
		const test = parseXml(files['assessment.xml']).documentElement!;
		expect(test.namespaceURI).toBe(QTI_NAMESPACE);
		expect(test.localName).toBe('assessmentTest');
		expect(test.getAttribute('title')).toBe('Week 3');
		const refs = descendants(test, 'assessmentItemRef');
		expect(refs.map((r) => r.getAttribute('href'))).toEqual(items.map((i) => qtiItemPath(i.id)));
		expect(descendants(test, 'rubricBlock')[0].textContent).toContain('Answer alone.');
	});

	it('every item is a QTI 2.1 assessmentItem with the required parts', () => {
		for (const item of items) {
			const root = itemRoot(item.id);
			expect(root.namespaceURI).toBe(QTI_NAMESPACE);
			expect(root.localName).toBe('assessmentItem');
			for (const name of ['identifier', 'title', 'adaptive', 'timeDependent']) {
				expect(root.getAttribute(name), name).toBeTruthy();
			}
			expect(root.getAttribute('identifier')).toBe(qtiItemId(item.id));
			// Declarations, body, processing and feedback, in the order the schema requires.
			const order = children(root, '*').map((e) => e.localName);
			expect(order).toEqual([
				'responseDeclaration',
				'outcomeDeclaration',
				'outcomeDeclaration',
				'outcomeDeclaration',
				'itemBody',
				'responseProcessing',
				'modalFeedback'
			]);
			// Every interaction answers a declared response.
			const body = child(root, 'itemBody');
			const interactions = [
				'choiceInteraction',
				'matchInteraction',
				'orderInteraction',
				'textEntryInteraction'
			].flatMap((name) => descendants(body, name));
			expect(interactions).toHaveLength(1);
			expect(interactions[0].getAttribute('responseIdentifier')).toBe(
				child(root, 'responseDeclaration').getAttribute('identifier')
			);
			const feedback = child(root, 'modalFeedback');
			expect(feedback.getAttribute('outcomeIdentifier')).toBe('FEEDBACK');
			expect(feedback.textContent).toContain(item.explanation);
			expect(feedback.textContent).toMatch(/Article paragraphs? \d/);
			// The processing always sets FEEDBACK to the feedback's identifier.
			expect(child(root, 'responseProcessing').textContent).toContain(
				feedback.getAttribute('identifier')
			);
		}
	});

	it('single, true/false and multiple select are choice interactions with the right answers', () => {
		const single = itemRoot('p3-talks-city');
		expect(descendants(single, 'choiceInteraction')[0].getAttribute('maxChoices')).toBe('1');
		expect(descendants(single, 'simpleChoice').map((c) => c.textContent)).toEqual(
			[...fixture<'single'>('p3-talks-city').options].sort()
		);
		expect(correctTexts(single, 'simpleChoice')).toEqual(['Yevlakh']);

		const tf = itemRoot('p8-unverified');
		expect(descendants(tf, 'simpleChoice').map((c) => c.textContent)).toEqual(['True', 'False']);
		expect(correctTexts(tf, 'simpleChoice')).toEqual(['False']);

		const multi = itemRoot('p10-wars');
		const declaration = child(multi, 'responseDeclaration');
		expect(declaration.getAttribute('cardinality')).toBe('multiple');
		expect(descendants(multi, 'choiceInteraction')[0].getAttribute('maxChoices')).toBe('0');
		expect(correctTexts(multi, 'simpleChoice').sort()).toEqual(['1994', '2020']);
		const mapped = descendants(declaration, 'mapEntry').map((e) =>
			Number(e.getAttribute('mappedValue'))
		);
		const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
		expect(sum(mapped.filter((v) => v > 0))).toBeCloseTo(1, 6);
		expect(sum(mapped.filter((v) => v < 0))).toBeCloseTo(-1, 6);
		expect(child(declaration, 'mapping').getAttribute('lowerBound')).toBe('0');
	});

	it('typed answers take every accepted variant, case ignored', () => {
		const root = itemRoot('p3-talks-city-typed');
		const declaration = child(root, 'responseDeclaration');
		expect(declaration.getAttribute('baseType')).toBe('string');
		expect(descendants(root, 'textEntryInteraction')).toHaveLength(1);
		const entries = descendants(declaration, 'mapEntry');
		expect(entries.map((e) => e.getAttribute('mapKey'))).toEqual(['Yevlakh', 'Evlakh', 'Yevlax']);
		expect(entries.every((e) => e.getAttribute('mappedValue') === '1')).toBe(true);
		expect(entries.every((e) => e.getAttribute('caseSensitive') === 'false')).toBe(true);
	});

	it('numbers are floats, right within their tolerance', () => {
		const item = { ...fixture<'numeric'>('p8-killed'), answer: 6.5, tolerance: 0.25 };
		const root = parseXml(
			strFromU8(unzipPackage(zipPackage(qtiPackageFiles([item], SET)))[qtiItemPath(item.id)])
		).documentElement!;
		const declaration = child(root, 'responseDeclaration');
		expect(declaration.getAttribute('baseType')).toBe('float');
		expect(child(child(declaration, 'correctResponse'), 'value').textContent).toBe('6.5');
		const equal = descendants(root, 'equal')[0];
		expect(equal.getAttribute('toleranceMode')).toBe('absolute');
		expect(equal.getAttribute('tolerance')).toBe('0.25 0.25');
		expect(descendants(root, 'p')[0].textContent).toContain('(Answer in people.)');
	});

	it('ordering is an ordered response in the right order', () => {
		const root = itemRoot('p10-order');
		expect(child(root, 'responseDeclaration').getAttribute('cardinality')).toBe('ordered');
		expect(descendants(root, 'orderInteraction')).toHaveLength(1);
		expect(correctTexts(root, 'simpleChoice')).toEqual(fixture<'ordering'>('p10-order').sequence);
	});

	it('matching pairs every left entry with its right one, a share each', () => {
		const root = itemRoot('p13-who-said');
		const declaration = child(root, 'responseDeclaration');
		expect(declaration.getAttribute('baseType')).toBe('directedPair');
		const interaction = descendants(root, 'matchInteraction')[0];
		expect(children(interaction, 'simpleMatchSet')).toHaveLength(2);
		expect(interaction.getAttribute('maxAssociations')).toBe('3');
		expect(correctTexts(root, 'simpleAssociableChoice')).toEqual(
			fixture<'matching'>('p13-who-said').pairs.map((p) => `${p.left} → ${p.right}`)
		);
		const values = descendants(declaration, 'mapEntry').map((e) => e.getAttribute('mappedValue'));
		expect(values).toEqual(['0.3333333', '0.3333333', '0.3333333']);
	});

	it('escapes the set title, instructions and question text in every file', () => {
		const nasty = '<script>alert(1)</script> & "quotes"';
		const item = { ...fixture<'single'>('p3-talks-city'), prompt: nasty, explanation: nasty };
		const written = unpack([item], { id: SET.id, title: nasty, instructions: nasty });
		for (const [path, text] of Object.entries(written)) {
			expect(text, path).not.toContain('<script>');
			parseXml(text);
		}
		const test = parseXml(written['assessment.xml']).documentElement!;
		expect(test.getAttribute('title')).toBe(nasty);
		expect(descendants(test, 'rubricBlock')[0].textContent?.trim()).toBe(nasty);
		const root = parseXml(written[qtiItemPath(item.id)]).documentElement!;
		expect(descendants(root, 'prompt')[0].textContent).toBe(nasty);
	});

	it('refuses an empty set before anything is zipped', () => {
		expect(() => qtiPackageFiles([], SET)).toThrow(EMPTY_SET_MESSAGE);
	});

	it('packages the whole bank: every item file parses', () => {
		const { bank } = loadBank();
		const all = qtiPackageFiles(bank!.items, SET);
		expect(Object.keys(all)).toHaveLength(bank!.items.length + 2);
		for (const text of Object.values(all)) parseXml(text as string);
	});
});

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { strFromU8 } from 'fflate';
import { parse } from 'yaml';
import type { Item } from '../../../src/lib/domain/bank.ts';
import { EMPTY_SET_MESSAGE } from '../../../src/lib/domain/lms-text.ts';
import { unzipPackage, zipPackage } from '../../../src/lib/domain/lms-zip.ts';
import {
	PACKAGE_FILES,
	PACKAGE_GLOBAL,
	packageData,
	scormManifest,
	scormPackageFiles
} from '../../../src/lib/domain/scorm-package.ts';
import { parseSetData } from '../../../src/lib/domain/scorm-session.ts';
import { child, descendants, parseXml } from './xml-parse.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const items: Item[] = parse(readFileSync(join(fixtures, 'bank-valid', 'items.yaml'), 'utf8'));
const WRAPPER = join(fixtures, 'scorm12', 'scorm12.xsd');
const NASTY = '<script>window.hacked=1</script> & "quotes"';

const SET = {
	id: '0123456789abcdef',
	revision: 2,
	title: 'Week 3',
	instructions: 'Answer alone.',
	itemIds: items.map((i) => i.id),
	mode: 'test' as const,
	shuffle: true,
	dueDate: null,
	showAnswers: false,
	tries: 2
};
const PLAYER = { js: 'console.log("player")', css: 'body{}' };
const data = (over: Partial<typeof SET> = {}, mastery: number | null = 80, teacher = 'Ms A') =>
	packageData({ ...SET, ...over }, items, { masteryScore: mastery, teacherName: teacher }, [
		'Yevlakh',
		'Stepanakert'
	]);

/** Validates a manifest with xmllint against the ADL CAM 1.2 schemas; returns xmllint's output. */
function xmllint(manifest: string): { ok: boolean; output: string } {
	const dir = mkdtempSync(join(tmpdir(), 'scorm-'));
	const file = join(dir, 'imsmanifest.xml');
	writeFileSync(file, manifest);
	const run = spawnSync('xmllint', ['--noout', '--schema', WRAPPER, file], { encoding: 'utf8' });
	return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe('SCORM 1.2 manifest', () => {
	it('validates against the SCORM 1.2 schemas, with and without a mastery score', () => {
		for (const mastery of [80, null]) {
			const result = xmllint(scormManifest(data({}, mastery)));
			expect(result.output, result.output).toMatch(/validates/);
			expect(result.ok).toBe(true);
		}
	});

	it('the validation is real: a bogus attribute and an unknown SCO type fail', () => {
		const manifest = scormManifest(data());
		const bogus = xmllint(manifest.replace('isvisible="true"', 'isvisible="true" bogus="1"'));
		expect(bogus.ok).toBe(false);
		expect(bogus.output).toMatch(/bogus/);
		const badType = xmllint(manifest.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"'));
		expect(badType.ok).toBe(false);
		expect(badType.output).toMatch(/scormtype/);
	});

	it('names one SCO launched from index.html, lists every file, carries the mastery score', () => {
		const root = parseXml(scormManifest(data())).documentElement!;
		const resource = descendants(root, 'resource')[0];
		expect(resource.getAttribute('adlcp:scormtype')).toBe('sco');
		expect(resource.getAttribute('href')).toBe('index.html');
		expect(descendants(resource, 'file').map((f) => f.getAttribute('href'))).toEqual([
			...PACKAGE_FILES
		]);
		expect(descendants(root, 'masteryscore')[0].textContent).toBe('80');
		expect(child(descendants(root, 'item')[0], 'title').textContent).toBe('Week 3');
		expect(
			descendants(parseXml(scormManifest(data({}, null))).documentElement!, 'masteryscore')
		).toHaveLength(0);
	});
});

describe('scormPackageFiles', () => {
	it('zips the manifest and every file it lists, and questions.js carries the set whole', () => {
		const files = unzipPackage(zipPackage(scormPackageFiles(data(), PLAYER)));
		expect(Object.keys(files)).toEqual(['imsmanifest.xml', ...PACKAGE_FILES]);
		expect(strFromU8(files['player.js'])).toBe(PLAYER.js);
		const window: Record<string, unknown> = {};
		runInNewContext(strFromU8(files['questions.js']), { window });
		const carried = parseSetData(window[PACKAGE_GLOBAL]);
		expect(carried).toEqual(data());
		expect(carried?.items.map((i) => i.id)).toEqual(SET.itemIds);
		expect(carried).toMatchObject({ mode: 'test', shuffle: true, showAnswers: false, tries: 2 });
	});

	it('plays a flashcard set as a practice quiz', () => {
		expect(data({ mode: 'flashcards' as 'test' }).mode).toBe('practice');
	});

	it('escapes the title, instructions and teacher name in every file; nothing from them runs', () => {
		const teacher = '<b>Ms</b> & "A"';
		const nasty = data({ title: NASTY, instructions: NASTY }, 50, teacher);
		const files = scormPackageFiles(nasty, PLAYER);
		const manifest = parseXml(files['imsmanifest.xml'] as string).documentElement!;
		expect(descendants(manifest, 'title')[0].textContent).toBe(NASTY);
		const html = files['index.html'] as string;
		// Only the page's own two scripts; the title is text.
		expect(html.match(/<script/g)).toHaveLength(2);
		expect(html).toContain('&lt;script&gt;window.hacked=1&lt;/script&gt; &amp; &quot;quotes&quot;');
		const js = files['questions.js'] as string;
		expect(js).not.toMatch(/[<>&]/);
		const window: Record<string, unknown> = {};
		runInNewContext(js, { window });
		expect(Object.keys(window)).toEqual([PACKAGE_GLOBAL]);
		expect(parseSetData(window[PACKAGE_GLOBAL])).toMatchObject({
			title: NASTY,
			instructions: NASTY,
			teacherName: teacher
		});
	});

	it('refuses a set with no questions before anything is built', () => {
		expect(() => scormPackageFiles({ ...data(), items: [] }, PLAYER)).toThrow(EMPTY_SET_MESSAGE);
	});

	it('refuses package data that was edited into something else', () => {
		expect(parseSetData({ ...data(), format: 2 })).toBeNull();
		expect(parseSetData({ ...data(), tries: -1 })).toBeNull();
		expect(parseSetData({ ...data(), items: [{ ...items[0], kind: 'essay' }] })).toBeNull();
		expect(parseSetData(null)).toBeNull();
	});
});

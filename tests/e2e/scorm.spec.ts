import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { loadBank } from '../../scripts/bank-load';
import type { Item, ItemOf } from '../../src/lib/domain/bank';
import { waitForServiceWorker } from './helpers';

/**
 * The SCORM 1.2 package against a real SCORM run-time: a test LMS page (served from memory
 * at http://lms.test) gives the package's frame `window.API` from scorm-again, as an LMS
 * does, and reads back every CMI value the package wrote.
 */

const { bank } = loadBank();
const first = <K extends Item['kind']>(kind: K) =>
	bank!.items.find((i): i is ItemOf<K> => i.kind === kind && !i.exclusionGroup)!;
const tf = first('truefalse');
const single = first('single');
const typed = first('typed');
const numeric = first('numeric');
const TITLE = 'Week 2: the talks';
const LMS = 'http://lms.test';
const SCORM_AGAIN = readFileSync('node_modules/scorm-again/dist/scorm12.min.js', 'utf8');

/**
 * The test LMS: scorm-again's Scorm12API as `window.API`, the package in a frame, every
 * LMSSetValue logged. `launch(saved)` starts a session (from the CMI data kept from the last
 * one, as an LMS keeps it), `leave()` navigates the frame away.
 */
const LMS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/scorm12.js"></script></head>
<body><section aria-label="Test LMS"><h1>Test LMS</h1>
<iframe id="sco" title="Course content" style="width: 100%; height: 1400px; border: 0"></iframe></section>
<script>
window.lmsLog = [];
window.launch = function (cmi) {
	var api = new Scorm12API({ autocommit: false, logLevel: 5 });
	api.loadFromJSON(cmi, 'cmi');
	api.on('LMSSetValue.cmi.*', function (element, value) { window.lmsLog.push([element, value]); });
	window.API = api;
	document.getElementById('sco').src = '/pkg/index.html';
};
window.leave = function () { document.getElementById('sco').src = 'about:blank'; };
window.cmi = function () { return window.API.renderCMIToJSONObject().cmi; };
</script></body></html>`;

/** Axe on the package's frame (not the test LMS around it), light and dark. */
async function axePackage(page: Page) {
	const { default: AxeBuilder } = await import('@axe-core/playwright');
	const found: string[] = [];
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const results = await new AxeBuilder({ page }).include('#sco').analyze();
		found.push(...results.violations.map((v) => `${colorScheme}: ${v.id}: ${v.help}`));
	}
	await page.emulateMedia({ colorScheme: null });
	expect(found).toEqual([]);
}

async function ready(page: Page, path: string) {
	await page.goto(path);
	await expect(page.getByRole('group', { name: 'Who is studying' })).toBeVisible();
}

async function composeSet(page: Page, title: string, instructions: string) {
	await page.goto('/teach/edit');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('New set');
	await page.getByRole('textbox', { name: 'Title' }).fill(title);
	await page.getByRole('textbox', { name: /Instructions/ }).fill(instructions);
	await page.getByRole('radio', { name: /practice mode/ }).check();
	await page.getByRole('checkbox', { name: /Shuffle/ }).uncheck();
	await page.getByRole('combobox', { name: 'Tries each student may take' }).selectOption('2');
	const main = page.getByRole('main');
	for (const item of [tf, single, typed, numeric]) {
		await main.getByRole('searchbox', { name: 'Words' }).fill(item.prompt.slice(0, 40));
		await main.getByRole('checkbox', { name: item.prompt }).check();
	}
	await page.getByRole('button', { name: 'Save set' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

/** Downloads the set's SCORM package from the set page; returns its files. */
async function downloadPackage(page: Page, passMark: string) {
	const exports = page.getByRole('region', { name: 'Use it in other tools' });
	await exports.getByRole('textbox', { name: /Pass mark/ }).fill(passMark);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		exports.getByRole('button', { name: 'Download SCORM package' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.scorm12\.zip$/);
	return unzipSync(new Uint8Array(readFileSync(await download.path())));
}

/** Serves the LMS page, scorm-again and the package's files at http://lms.test. */
async function serveLms(context: BrowserContext, files: Record<string, Uint8Array>) {
	const types: Record<string, string> = {
		html: 'text/html',
		js: 'text/javascript',
		css: 'text/css',
		xml: 'application/xml'
	};
	await context.route(`${LMS}/**`, (route) => {
		const path = new URL(route.request().url()).pathname;
		if (path === '/lms.html') return route.fulfill({ body: LMS_PAGE, contentType: 'text/html' });
		if (path === '/scorm12.js') return route.fulfill({ body: SCORM_AGAIN, contentType: types.js });
		const file = path.startsWith('/pkg/') ? files[path.slice(5)] : undefined;
		if (!file) return route.fulfill({ status: 404, body: 'not found' });
		const ext = path.split('.').pop()!;
		return route.fulfill({ body: Buffer.from(file), contentType: types[ext] });
	});
}

/** What the LMS reads from the manifest and gives the SCO: the mastery score. */
function masteryFrom(files: Record<string, Uint8Array>): string {
	return /<adlcp:masteryscore>(\d+)<\/adlcp:masteryscore>/.exec(
		strFromU8(files['imsmanifest.xml'])
	)![1];
}

test('a SCORM package plays in an LMS, resumes where the student left, and reports to the gradebook', async ({
	page,
	context
}) => {
	// Composing, building and two LMS sessions of a package: longer than one page.
	test.setTimeout(90_000);
	await ready(page, '/');
	await waitForServiceWorker(page);
	await composeSet(page, TITLE, 'Answer alone.');
	// The package is made offline: the player is one of the app's precached files.
	await context.setOffline(true);
	const files = await downloadPackage(page, '75');
	await context.setOffline(false);
	expect(Object.keys(files).sort()).toEqual(
		['imsmanifest.xml', 'index.html', 'player.css', 'player.js', 'questions.js'].sort()
	);

	const lms = await context.newPage();
	await serveLms(context, files);
	await lms.goto(`${LMS}/lms.html`);
	const student = { core: { student_id: 'S-17', student_name: 'Student, Ana' } };
	await lms.evaluate(
		({ cmi, mastery }) =>
			(window as unknown as { launch(c: unknown): void }).launch({
				...cmi,
				student_data: { mastery_score: mastery }
			}),
		{ cmi: student, mastery: masteryFrom(files) }
	);
	const sco = lms.frameLocator('#sco');
	await expect(sco.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(sco.getByText('Answer alone.')).toBeVisible();
	await expect(sco.getByText('Practice only')).toHaveCount(0);

	// Question 1, right; practice mode shows feedback with the explanation and source.
	await expect(sco.getByRole('heading', { level: 2 })).toHaveText(tf.prompt);
	await sco.getByRole('radio', { name: tf.answer ? 'True' : 'False' }).click();
	await sco.getByRole('button', { name: 'Check answer' }).click();
	await expect(sco.getByRole('status')).toHaveText('Right.');
	const feedback = sco.getByRole('region', { name: 'Feedback' });
	await expect(feedback).toContainText('Right');
	await expect(feedback).toContainText(tf.explanation);
	await expect(feedback.getByText(/^Source: paragraphs? \d/)).toBeVisible();
	await sco.getByRole('button', { name: 'Next question' }).click();

	// Question 2, wrong.
	await expect(sco.getByRole('heading', { level: 2 })).toHaveText(single.prompt);
	const wrong = single.options.find((o) => o !== single.answer)!;
	await sco.getByRole('radio', { name: wrong }).click();
	await sco.getByRole('button', { name: 'Check answer' }).click();
	await expect(sco.getByRole('status')).toHaveText(`Not quite. The answer: ${single.answer}.`);
	await expect(feedback).toContainText(single.explanation);
	await axePackage(lms);

	// The student leaves halfway: the package suspends and ends its LMS session.
	await lms.evaluate(() => (window as unknown as { leave(): void }).leave());
	await expect
		.poll(() =>
			lms.evaluate(
				() => (window as unknown as { cmi(): { core: { exit: string } } }).cmi().core.exit
			)
		)
		.toBe('suspend');
	const first = await lms.evaluate(() => (window as unknown as { cmi(): unknown }).cmi());
	const firstCore = (first as { core: Record<string, unknown> }).core;
	expect(firstCore.lesson_status).toBe('incomplete');
	expect(firstCore.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
	expect(JSON.parse((first as { suspend_data: string }).suspend_data)).toMatchObject({
		at: 2,
		try: 1,
		done: false
	});

	// Coming back: the LMS starts a new session with what it kept, entry "resume".
	await lms.evaluate((cmi) => {
		const kept = cmi as { core: Record<string, string> };
		kept.core = { ...kept.core, entry: 'resume', exit: '', session_time: '' };
		(window as unknown as { launch(c: unknown): void }).launch(kept);
	}, first);
	await expect(sco.getByText('Welcome back: you are at question 3 of 4.')).toBeVisible();
	await expect(sco.getByRole('heading', { level: 2 })).toHaveText(typed.prompt);
	await sco.getByRole('textbox').fill(typed.answer);
	await sco.getByRole('button', { name: 'Check answer' }).click();
	await sco.getByRole('button', { name: 'Next question' }).click();
	await expect(sco.getByRole('heading', { level: 2 })).toHaveText(numeric.prompt);
	await sco.getByRole('textbox').fill(String(numeric.answer));
	await sco.getByRole('button', { name: 'Check answer' }).click();
	await sco.getByRole('button', { name: 'See results' }).click();

	await expect(sco.getByText('3 of 4 (75%) · Passed: the pass mark is 75%')).toBeVisible();
	await expect(sco.getByText('Your score is recorded in your course.')).toBeVisible();
	await expect(sco.getByRole('button', { name: 'Try again (1 try left)' })).toBeVisible();
	// Practice mode shows every answer in the review, with the explanation and source.
	const missed = sco.getByRole('listitem').filter({ hasText: single.prompt });
	await expect(missed).toContainText(`Your answer ${wrong}`);
	await expect(missed).toContainText(`Right answer ${single.answer}`);
	await expect(missed).toContainText(single.explanation);
	await axePackage(lms);

	const cmi = (await lms.evaluate(() => (window as unknown as { cmi(): unknown }).cmi())) as {
		core: Record<string, unknown> & { score: Record<string, string> };
		suspend_data: string;
		interactions: Record<string, Record<string, unknown>>;
	};
	expect(cmi.core.lesson_status).toBe('passed');
	expect(cmi.core.score).toEqual({ raw: '75', min: '0', max: '100' });
	expect(cmi.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
	expect(JSON.parse(cmi.suspend_data)).toMatchObject({ at: 4, try: 1, done: true });

	// Every question as an interaction, in the order answered, across both sessions.
	const interactions = Object.values(cmi.interactions);
	const letter = (i: number) => String.fromCharCode(97 + i);
	expect(interactions.map((x) => [x.id, x.type, x.student_response, x.result])).toEqual([
		[tf.id, 'true-false', tf.answer ? 't' : 'f', 'correct'],
		[single.id, 'choice', letter(single.options.indexOf(wrong)), 'wrong'],
		[typed.id, 'fill-in', typed.answer, 'correct'],
		[numeric.id, 'numeric', String(numeric.answer), 'correct']
	]);
	for (const x of interactions) {
		expect(x.latency).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
		expect(x.weighting).toBe('1');
	}
	expect(
		interactions.map((x) => (x.correct_responses as Record<string, { pattern: string }>)[0].pattern)
	).toEqual([
		tf.answer ? 't' : 'f',
		letter(single.options.indexOf(single.answer)),
		typed.answer,
		String(numeric.answer)
	]);
	// Nothing the LMS refused.
	await expect(sco.getByRole('alert')).toHaveCount(0);
});

test('without an LMS the package is a practice quiz that says no score is recorded', async ({
	page,
	context
}) => {
	test.setTimeout(60_000);
	await ready(page, '/');
	await composeSet(page, TITLE, '');
	const files = await downloadPackage(page, '');
	await serveLms(context, files);
	await page.goto(`${LMS}/pkg/index.html`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(page.getByRole('note')).toHaveText(/Practice only: .* no score is\s+recorded\./s);
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(tf.prompt);
	expect(strFromU8(files['imsmanifest.xml'])).not.toContain('masteryscore');
});

test('a title with markup is text everywhere in the package: nothing runs', async ({
	page,
	context
}) => {
	test.setTimeout(60_000);
	const nasty = '<script>window.hacked=1</script><img src=x onerror="window.hacked=2"> & "quotes"';
	const dialogs: string[] = [];
	context.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
	await ready(page, '/');
	await composeSet(page, nasty.slice(0, 80), nasty.slice(0, 80));
	const files = await downloadPackage(page, '50');
	await serveLms(context, files);
	const requests: string[] = [];
	context.on('request', (r) => requests.push(new URL(r.url()).pathname));
	const lms = await context.newPage();
	await lms.goto(`${LMS}/lms.html`);
	await lms.evaluate(() => (window as unknown as { launch(c: unknown): void }).launch({}));
	const sco = lms.frameLocator('#sco');
	await expect(sco.getByRole('heading', { level: 1 })).toHaveText(nasty.slice(0, 80));
	await expect(sco.getByRole('heading', { level: 2 })).toHaveText(tf.prompt);
	const frame = lms.frame({ url: /\/pkg\/index\.html$/ })!;
	expect(
		await frame.evaluate(() => (window as unknown as { hacked?: number }).hacked)
	).toBeUndefined();
	expect(await frame.title()).toBe(nasty.slice(0, 80));
	expect(await frame.locator('script').count()).toBe(2);
	expect(await frame.locator('img').count()).toBe(0);
	// No image was ever requested (an <img> from the title would have asked for /pkg/x).
	expect(requests.filter((p) => p.endsWith('/x'))).toEqual([]);
	expect(dialogs).toEqual([]);
});

/**
 * `npm run bench`: builds the app, serves the production build, and prints one table of
 * figures against their targets, also written to bench/results.json with the machine and
 * date, and as a page, bench/README.md. Figures, never pass/fail: the machines here are
 * shared and noisy.
 *
 * - first visit of each main route: gzipped JS and CSS (Chromium, service worker blocked);
 * - the total the service worker precaches;
 * - answer to feedback painted in the quiz player (performance marks), plain and at 4x CPU
 *   slowdown (a cheap phone);
 * - Lighthouse 12 (mobile, simulated throttling) on /, /quiz, /flashcards and /progress, each
 *   run in a fresh profile: median scores, LCP, TBT and CLS (scripts/bench-lighthouse.ts),
 *   beside the floor, a bare SvelteKit page with a service worker that the bench builds
 *   (bench/floor) and serves the same way, in the same rounds;
 * - an assignment link opened on a throttled phone, to its preview and to its first question,
 *   cold and warm (scripts/bench-assignment-open.ts);
 * - assignment and result link lengths and QR versions, encode and decode times
 *   (scripts/bench-links.ts);
 * - SCORM 1.2, QTI 2.1 and Moodle XML export sizes for 10, 20 and 50 questions
 *   (scripts/bench-lms.ts);
 * - quiz generation, dashboard, storage and backup figures (the other bench scripts);
 * - where `npm test`'s time goes, from the last `npm run bench:suite` (bench/suite.json).
 */
import { chromium, devices, type Browser } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config.ts';
import { benchAssignmentOpen, OPEN_TARGETS } from './bench-assignment-open.ts';
import { buildFloor, FLOOR_DIR } from './bench-floor.ts';
import { benchQueue } from './bench-flashcards.ts';
import { benchLinks } from './bench-links.ts';
import { benchLmsPackages } from './bench-lms.ts';
import {
	benchLighthouse,
	lighthouseDiagnosis,
	lighthousePages,
	lighthouseRows
} from './bench-lighthouse.ts';
import { benchQuizGeneration } from './bench-quiz.ts';
import { startPreview } from './bench-serve.ts';
import { benchStorage } from './bench-storage.ts';

const ROOT = join(import.meta.dirname, '..');
/** The app's preview server; the floor's is the next port. BENCH_PORT moves both. */
const PORT = Number(process.env.BENCH_PORT || 4179);
const BASE = `http://localhost:${PORT}`;
const FLOOR_BASE = `http://localhost:${PORT + 1}`;
const ROUTES = ['/', '/quiz', '/flashcards', '/progress', '/settings', '/about'];

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const ms = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Row {
	figure: string;
	measured: string;
	target?: string;
	met?: boolean;
}

async function firstVisit(browser: Browser, route: string) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const bodies: Promise<{ type: string; gz: number }>[] = [];
	page.on('response', (response) => {
		const type = response.request().resourceType();
		bodies.push(
			response
				.body()
				.then((body) => {
					// Small stylesheets are inlined into the page (kit.inlineStyleThreshold): count
					// the page's <style> text as CSS.
					if (type !== 'document') return { type, gz: gzipSync(body, { level: 9 }).length };
					const css = [...body.toString().matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)]
						.map((m) => m[1])
						.join('');
					return { type: 'stylesheet', gz: css ? gzipSync(css, { level: 9 }).length : 0 };
				})
				.catch(() => ({ type, gz: 0 }))
		);
	});
	await page.goto(BASE + route, { waitUntil: 'networkidle' });
	const all = await Promise.all(bodies);
	await context.close();
	const sum = (t: string) => all.filter((b) => b.type === t).reduce((s, b) => s + b.gz, 0);
	return { route, jsKB: kb(sum('script')), cssKB: kb(sum('stylesheet')), requests: all.length };
}

function precache() {
	const worker = readFileSync(join(ROOT, 'build', 'prompt-sw.js'), 'utf8');
	const urls = [...worker.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]);
	let gz = 0;
	let raw = 0;
	for (const url of urls) {
		const file = url === '/' ? 'index.html' : url.includes('.') ? url : `${url}.html`;
		const path = join(ROOT, 'build', file.replace(/^\//, ''));
		raw += statSync(path).size;
		gz += gzipSync(readFileSync(path), { level: 9 }).length;
	}
	return { entries: urls.length, rawKB: kb(raw), gzipKB: kb(gz) };
}

/** Median time from "Check answer" to the feedback painted, over one quick quiz. */
async function answerToFeedback(browser: Browser, cpuSlowdown: number): Promise<number> {
	const context = await browser.newContext({ ...devices['Pixel 7'], serviceWorkers: 'block' });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await page.goto(BASE + '/');
	await page.getByRole('button', { name: 'Quick quiz' }).click();
	await page.getByText('Question 1 of 10').waitFor();
	if (cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
	const main = page.getByRole('main');
	for (let i = 0; i < 10; i++) {
		await page.getByText(`Question ${i + 1} of 10`).waitFor();
		// Answered with the keyboard: a tap on a single choice would check it at once (practice
		// mode), and the figure is timed from "Check answer".
		const radios = main.getByRole('radio');
		const groups = new Set<string>();
		for (const radio of await radios.all()) {
			const name = (await radio.getAttribute('name')) ?? '';
			if (groups.has(name)) continue;
			groups.add(name);
			await radio.focus();
			await page.keyboard.press('Space');
		}
		if (!groups.size && (await main.getByRole('checkbox').count())) {
			await main.getByRole('checkbox').first().focus();
			await page.keyboard.press('Space');
		} else if (!groups.size && (await main.getByRole('textbox').count()))
			await main.getByRole('textbox').fill('1994');
		await main.getByRole('button', { name: 'Check answer' }).click();
		await page.getByRole('region', { name: 'Feedback' }).waitFor();
		await page.waitForFunction(
			(n) => performance.getEntriesByName('factdeck:answer-to-feedback').length >= n,
			i + 1
		);
		await main.getByRole('button', { name: i === 9 ? 'See results' : 'Next question' }).click();
	}
	const durations = await page.evaluate(() =>
		performance.getEntriesByName('factdeck:answer-to-feedback').map((e) => e.duration)
	);
	await context.close();
	return median(durations);
}

/** Median script work from a grade saved to the next card on screen, over ten cards. */
async function gradeToNextCard(browser: Browser, cpuSlowdown: number): Promise<number> {
	const context = await browser.newContext({ ...devices['Pixel 7'], serviceWorkers: 'block' });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await page.goto(BASE + '/flashcards/study?deck=all');
	await page.getByText('Card 1 of').waitFor();
	if (cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
	for (let i = 0; i < 10; i++) {
		await page.getByText(`Card ${i + 1} of`).waitFor();
		await page.keyboard.press('Space');
		await page.getByRole('region', { name: 'Answer' }).waitFor();
		await page.keyboard.press('3');
		await page.waitForFunction(
			(n) => performance.getEntriesByName('factdeck:grade-to-next-card').length >= n,
			i + 1
		);
	}
	const durations = await page.evaluate(() =>
		performance.getEntriesByName('factdeck:grade-to-next-card').map((e) => e.duration)
	);
	await context.close();
	return median(durations);
}

const started = performance.now();
const lighthouseRun = { seconds: 0, diagnosis: [] as string[] };

console.log('Building the app and the floor…');
execSync('npm run build', { cwd: ROOT, stdio: 'ignore' });
buildFloor();
const server = await startPreview(ROOT, PORT);
const rows: Row[] = [];
const results: Record<string, unknown> = {};
try {
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	try {
		console.log('Measuring first visits…');
		const visits = [];
		for (const route of ROUTES) visits.push(await firstVisit(browser, route));
		results.firstVisit = visits;
		for (const v of visits) {
			const home = v.route === '/';
			rows.push({
				figure: `first visit ${v.route}: JS / CSS gzipped, requests`,
				measured: `${v.jsKB} KB / ${v.cssKB} KB, ${v.requests}`,
				target: home ? 'JS <= 45 KB' : undefined,
				met: home ? v.jsKB <= 45 : undefined
			});
		}
		const pc = precache();
		results.precache = pc;
		rows.push({
			figure: 'precached by the service worker',
			measured: `${pc.entries} files, ${pc.rawKB} KB (${pc.gzipKB} KB gzipped)`
		});

		console.log('Measuring answer to feedback…');
		const plain = await answerToFeedback(browser, 1);
		const slow = await answerToFeedback(browser, 4);
		results.answerToFeedbackMs = { plain: ms(plain), cpu4x: ms(slow) };
		rows.push({
			figure: 'quiz: answer to feedback painted',
			measured: `${ms(plain)} ms`,
			target: '<= 50 ms',
			met: plain <= 50
		});
		rows.push({
			figure: 'quiz: answer to feedback, 4x CPU slowdown',
			measured: `${ms(slow)} ms`,
			target: '<= 50 ms',
			met: slow <= 50
		});

		console.log('Measuring grade to next card…');
		const next = await gradeToNextCard(browser, 1);
		const nextSlow = await gradeToNextCard(browser, 4);
		results.gradeToNextCardMs = { plain: ms(next), cpu4x: ms(nextSlow) };
		rows.push({
			figure: 'flashcards: grade to next card, script work',
			measured: `${ms(next)} ms`,
			target: '<= 16 ms',
			met: next <= 16
		});
		rows.push({
			figure: 'flashcards: the same, 4x CPU slowdown',
			measured: `${ms(nextSlow)} ms`,
			target: '<= 16 ms',
			met: nextSlow <= 16
		});

		console.log('Measuring assignment link to first question (throttled)…');
		const loadBefore = loadavg()[0];
		const open = await benchAssignmentOpen(browser, BASE);
		const openLoad = `${loadBefore.toFixed(1)} / ${loadavg()[0].toFixed(1)}`;
		results.assignmentOpen = { ...open, load: openLoad };
		const secs = (x: number) => `${(x / 1000).toFixed(2)} s`;
		rows.push({
			figure: 'assignment link to preview, cold / warm (mobile throttling)',
			measured: `${secs(open.cold.preview)} / ${secs(open.warm.preview)}`,
			target: `cold <= ${secs(OPEN_TARGETS.previewMs)}`,
			met: open.cold.preview <= OPEN_TARGETS.previewMs
		});
		rows.push({
			figure: 'assignment link to first question, cold / warm',
			measured: `${secs(open.cold.question)} / ${secs(open.warm.question)}`,
			target: `cold <= ${secs(OPEN_TARGETS.questionMs)}`,
			met: open.cold.question <= OPEN_TARGETS.questionMs
		});
		rows.push({
			figure: 'assignment link: machine load average (1 min), first / last run',
			measured: openLoad
		});
	} finally {
		await browser.close();
	}

	// After the Playwright browser is closed: each run launches its own Chromium.
	console.log('Running Lighthouse (the floor and 4 routes, 3 rounds, a few minutes)…');
	const lighthouseStart = performance.now();
	const floor = await startPreview(FLOOR_DIR, PORT + 1);
	let lighthouse;
	try {
		lighthouse = await benchLighthouse(lighthousePages(BASE, FLOOR_BASE));
	} finally {
		floor.stop();
	}
	lighthouseRun.seconds = (performance.now() - lighthouseStart) / 1000;
	results.lighthouse = lighthouse;
	rows.push(...lighthouseRows(lighthouse));
	lighthouseRun.diagnosis = lighthouseDiagnosis(lighthouse);
} finally {
	server.stop();
}

console.log('Measuring quiz generation…');
const quiz = benchQuizGeneration();
results.quizGeneration = quiz;
rows.push({
	figure: 'quiz generation, 20 of 10,000 items (median)',
	measured: `${ms(quiz.medianMs)} ms`,
	target: '<= 5 ms',
	met: quiz.medianMs <= 5
});

const queue = benchQueue();
results.flashcardQueue = queue;
rows.push({
	figure: "flashcards: today's queue, 10,000 cards (median)",
	measured: `${ms(queue.medianMs)} ms`,
	target: '<= 50 ms',
	met: queue.medianMs <= 50
});

console.log('Measuring assignment and result link sizes…');
const links = await benchLinks();
results.links = links;
rows.push(...links);

console.log('Measuring LMS export sizes…');
rows.push(...(await benchLmsPackages()));

console.log('Measuring storage in Chromium (a few minutes)…');
const storage = await benchStorage();
results.storage = storage;
rows.push({
	figure: 'storage: open database + due count (100k answers)',
	measured: `${storage.openAndCountMs} ms`,
	target: '<= 50 ms',
	met: storage.openAndCountMs <= 50
});
rows.push({
	figure: 'storage: dashboard, read + compute',
	measured: `${storage.dashboardMs} ms`,
	target: '<= 300 ms',
	met: storage.dashboardMs <= 300
});
rows.push({
	figure: 'storage: dashboard from every answer (before v2)',
	measured: `${storage.dashboardFromEventsMs} ms`
});
rows.push({ figure: 'storage: smart quiz history', measured: `${storage.quizHistoryMs} ms` });
rows.push({
	figure: 'storage: upgrade v1 to v2 (backfill)',
	measured: `${storage.migrationMs} ms`
});
rows.push({
	figure: 'storage: backup export (100k answers)',
	measured: `${storage.exportMs} ms, ${storage.backupMB} MB`
});
rows.push({ figure: 'storage: backup import (100k answers)', measured: `${storage.importMs} ms` });
rows.push({ figure: 'storage: database size', measured: `${storage.databaseMB} MB` });

// The suite's own timings: running `npm test` here would double the bench's time, so the
// bench prints the last `npm run bench:suite` (bench/suite.json, committed with its date).
const suiteAt = join(ROOT, 'bench', 'suite.json');
if (existsSync(suiteAt)) {
	const suite = JSON.parse(readFileSync(suiteAt, 'utf8')) as {
		date: string;
		loadAtStart: number;
		totalSeconds: number;
		ok: boolean;
		steps: { step: string; seconds: number; ok: boolean }[];
	};
	results.suite = suite;
	const day = suite.date.slice(0, 10);
	for (const step of suite.steps)
		rows.push({
			figure: `npm test, ${step.step} (bench:suite of ${day})`,
			measured: `${step.seconds} s`
		});
	rows.push({
		figure: `npm test, whole, wall (bench:suite of ${day}, load ${suite.loadAtStart} at the start)`,
		measured: `${suite.totalSeconds} s${suite.ok ? '' : ', FAILED'}`,
		target: '<= 600 s',
		met: suite.ok && suite.totalSeconds <= 600
	});
} else rows.push({ figure: 'npm test timings', measured: 'none: run npm run bench:suite' });

const machine = {
	cpus: cpus().length,
	cpu: cpus()[0]?.model,
	memoryGB: Math.round(totalmem() / 2 ** 30),
	node: process.version
};
const width = Math.max(...rows.map((r) => r.figure.length));
console.log(
	`\nFactdeck benchmark, ${new Date().toISOString()}, ${machine.cpus} cores ${machine.cpu}, Node ${machine.node}\n`
);
for (const r of rows) {
	const verdict = r.met === undefined ? '' : r.met ? '  met' : '  MISSED';
	console.log(`${r.figure.padEnd(width)}  ${r.measured.padEnd(28)} ${r.target ?? ''}${verdict}`);
}
if (lighthouseRun.diagnosis.length) {
	console.log('\nWhat costs the Lighthouse targets missed:');
	for (const line of lighthouseRun.diagnosis) console.log(line);
}
const totalSeconds = (performance.now() - started) / 1000;
results.durationSeconds = {
	total: Math.round(totalSeconds),
	lighthouse: Math.round(lighthouseRun.seconds)
};
console.log(
	`\nTook ${Math.round(totalSeconds)} s, of which Lighthouse ${Math.round(lighthouseRun.seconds)} s.`
);
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(
	join(ROOT, 'bench', 'results.json'),
	JSON.stringify({ date: new Date().toISOString(), machine, rows, results }, null, '\t') + '\n'
);
writeFileSync(join(ROOT, 'bench', 'README.md'), benchReadme());
console.log('\nWritten to bench/results.json and bench/README.md');

/** The figures as a Markdown page: written by every run, never edited by hand. */
function benchReadme(): string {
	const cell = (text: string) => text.replaceAll('|', '\\|');
	const table = [
		'| figure | measured | target |',
		'| --- | --- | --- |',
		...rows.map((r) => {
			const verdict = r.met === undefined ? '' : r.met ? ' (met)' : ' (MISSED)';
			return `| ${cell(r.figure)} | ${cell(r.measured)} | ${cell((r.target ?? '') + verdict)} |`;
		})
	];
	const missed = lighthouseRun.diagnosis.length
		? ['', '## What costs the Lighthouse targets missed', '', ...lighthouseRun.diagnosis]
		: [];
	return [
		'# Benchmarks',
		'',
		'Written by `npm run bench` (scripts/bench.ts); the same figures, with more detail, are in',
		'`results.json`. Do not edit: run the bench again.',
		'',
		`Run ${new Date().toISOString()}, ${machine.cpus} cores ${machine.cpu}, Node ${machine.node};`,
		`it took ${Math.round(totalSeconds)} s, Lighthouse ${Math.round(lighthouseRun.seconds)} s of it.`,
		'',
		...table,
		'',
		'## How each figure is measured',
		'',
		'- **First visits**: every JS and CSS byte a fresh browser downloads for the page, gzipped,',
		'  with the service worker blocked (lazy chunks included); CSS includes the styles inlined',
		'  into the page.',
		'- **Lighthouse**: mobile, simulated throttling, a fresh profile per run, median of 3. The',
		'  floor is bench/floor, a bare SvelteKit page with a service worker built from the same',
		'  dependencies and served the same way, measured in the same rounds as the routes. The',
		'  simulation scales the CPU time it observes: on a busy machine (see the load average)',
		'  TBT and LCP grow for every page, the floor too.',
		'- **Answer to feedback**: from "Check answer" to the feedback painted, the IndexedDB commit',
		'  included; **grade to next card**: the script work from the grade saved to the next card.',
		'- **Assignment links** on a throttled phone (150 ms round trip, 1.6 Mbps, 4x CPU): cold is',
		'  a browser that never saw the app, warm one with the service worker installed; the clock',
		'  runs from the tap on the link, through typing a name, "Accept" and "Start". QR',
		'  versions are those the app’s QR code takes (lean-qr: the address in byte mode, the',
		'  code in alphanumeric mode), on a 35-character host and on localhost; an assignment',
		'  link is compared with version 10 at level M (read from the back of a classroom), a',
		'  result link with version 12 (read off the student’s phone close by).',
		'- **Storage**: a synthetic learner of 100,000 answers over 10,000 cards in a real',
		'  Chromium IndexedDB.',
		'- **npm test**: the step timings of the last `npm run bench:suite` (bench/suite.json, its',
		'  date in each row); the steps of a group run side by side on two cores, so the steps add',
		'  up to more than the wall time.',
		...missed,
		''
	].join('\n');
}

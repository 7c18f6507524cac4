/**
 * `npm run bench:storage`: fills a real Chromium IndexedDB with a synthetic learner of
 * 100,000 answers over 10,000 cards, through the app's own storage code, and prints the
 * figures of issue 4 (median of 3 runs). Also used by `npm run bench`.
 */
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config.ts';

const ROOT = join(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x * 10) / 10;

export interface StorageFigures {
	events: number;
	cards: number;
	openAndCountMs: number;
	/** Read aggregates and cards, then compute: what /progress does. */
	dashboardMs: number;
	dashboardReadMs: number;
	dashboardComputeMs: number;
	/** The path before the aggregates (read every event, then compute), for comparison. */
	dashboardFromEventsMs: number;
	dashboardFromEventsComputeMs: number;
	/** The smart quiz's history from the item aggregates, and from every event. */
	quizHistoryMs: number;
	quizHistoryFromEventsMs: number;
	/** Opening a version 1 database of that size: the upgrade to version 2 and its backfill. */
	migrationMs: number;
	importMs: number;
	exportMs: number;
	backupMB: number;
	databaseMB: number;
}

async function bundle(): Promise<string> {
	const result = await build({
		configFile: false,
		logLevel: 'silent',
		root: ROOT,
		resolve: { alias: { $lib: join(ROOT, 'src', 'lib') } },
		build: {
			write: false,
			minify: true,
			lib: {
				entry: join(ROOT, 'scripts', 'bench-storage', 'entry.ts'),
				formats: ['iife'],
				name: 'FactdeckBench'
			}
		}
	});
	const output = Array.isArray(result) ? result[0] : result;
	if (!('output' in output)) throw new Error('unexpected build result');
	return output.output[0].type === 'chunk' ? output.output[0].code : '';
}

export async function benchStorage(
	events = 100_000,
	cards = 10_000,
	runs = 3
): Promise<StorageFigures> {
	const code = await bundle();
	// IndexedDB needs a real origin: a tiny page served on loopback.
	const server = createServer((_req, res) => {
		res.setHeader('content-type', 'text/html');
		res.end(`<!doctype html><title>bench</title><script>${code}</script>`);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as { port: number }).port;
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	try {
		const samples: Record<string, number>[] = [];
		for (let i = 0; i < runs; i++) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`http://127.0.0.1:${port}/`);
			samples.push(
				await page.evaluate(
					([e, c]) =>
						(
							window as unknown as {
								FactdeckBench: { run(e: number, c: number): Promise<Record<string, number>> };
							}
						).FactdeckBench.run(e, c),
					[events, cards] as const
				)
			);
			await context.close();
		}
		const pick = (key: string) => round(median(samples.map((s) => s[key])));
		return {
			events,
			cards,
			openAndCountMs: pick('openAndCountMs'),
			dashboardMs: pick('dashboardMs'),
			dashboardReadMs: pick('dashboardReadMs'),
			dashboardComputeMs: pick('dashboardComputeMs'),
			dashboardFromEventsMs: pick('dashboardFromEventsMs'),
			dashboardFromEventsComputeMs: pick('dashboardFromEventsComputeMs'),
			quizHistoryMs: pick('quizHistoryMs'),
			quizHistoryFromEventsMs: pick('quizHistoryFromEventsMs'),
			migrationMs: pick('migrationMs'),
			importMs: pick('importMs'),
			exportMs: pick('exportMs'),
			backupMB: pick('backupMB'),
			databaseMB: pick('databaseMB')
		};
	} finally {
		await browser.close();
		server.close();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const f = await benchStorage();
	console.log(
		`Storage, ${f.events.toLocaleString('en')} answers over ${f.cards.toLocaleString('en')} cards (median of 3, real Chromium IndexedDB)`
	);
	console.log(`  open database + due count   ${f.openAndCountMs} ms   (target 50 ms)`);
	console.log(
		`  dashboard (read + compute)  ${f.dashboardMs} ms   (target 300 ms; read ${f.dashboardReadMs} ms, compute ${f.dashboardComputeMs} ms; aggregates and cards)`
	);
	console.log(
		`    before the aggregates     ${f.dashboardFromEventsMs} ms   (every event read; compute ${f.dashboardFromEventsComputeMs} ms)`
	);
	console.log(
		`  smart quiz history          ${f.quizHistoryMs} ms   (from every event: ${f.quizHistoryFromEventsMs} ms)`
	);
	console.log(`  upgrade 1 -> 2 (backfill)   ${f.migrationMs} ms`);
	console.log(`  backup import               ${f.importMs} ms`);
	console.log(`  backup export               ${f.exportMs} ms   (${f.backupMB} MB file)`);
	console.log(`  database size               ${f.databaseMB} MB`);
}

/**
 * Screenshots of the phone screens named in issue 14 (quiz feedback, home, navigation, quiz
 * set-up), at 412×915, for docs/screens/. Needs a preview server: `E2E_PORT=4180 npx tsx scripts/screens.ts
 * after` with `vite preview --port 4180` running (hold the shared e2e lock).
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { loadBank } from './bank-load';
import type { Item } from '../src/lib/domain/bank';
import { presentItem } from '../src/lib/domain/quiz';
import { createRng } from '../src/lib/domain/random';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';

const tag = process.argv[2] ?? 'after';
const base = `http://localhost:${process.env.E2E_PORT ?? 4180}`;
const items = loadBank().bank!.items;
const size = (i: Item) => JSON.stringify(i).length;
const longest = items.filter((i) => i.kind === 'ordering').sort((a, b) => size(b) - size(a))[0];

async function seed(page: Page, item: Item) {
	const questions = [presentItem(createRng(1), item), presentItem(createRng(2), items[0])];
	await page.evaluate(async (questions) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('factdeck');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const get = db.transaction('settings').objectStore('settings').get('currentLearnerId');
		const learnerId = await new Promise((r) => (get.onsuccess = () => r(get.result.value)));
		const now = Date.now();
		const tx = db.transaction('attempts', 'readwrite');
		tx.objectStore('attempts').put({
			id: 'screens',
			learnerId,
			kind: 'quiz',
			status: 'in-progress',
			title: 'Quick quiz',
			startedAt: now,
			updatedAt: now,
			config: {
				options: { length: 2, mode: 'practice', seed: 1, topics: [], difficulties: [], kinds: [] }
			},
			questions,
			answers: []
		});
		await new Promise((resolve) => (tx.oncomplete = resolve));
		db.close();
	}, questions);
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const context = await browser.newContext({
	viewport: { width: 412, height: 915 },
	isMobile: true,
	hasTouch: true,
	serviceWorkers: 'block'
});
const page = await context.newPage();
await page.goto(base + '/');
await page.getByRole('group', { name: 'Who is studying' }).waitFor();
await page.screenshot({ path: `docs/screens/${tag}-home.png` });
await page.getByRole('banner').screenshot({ path: `docs/screens/${tag}-nav.png` });
await page.goto(base + '/quiz');
await page.getByRole('group', { name: 'Who is studying' }).waitFor();
await page.screenshot({ path: `docs/screens/${tag}-quiz-setup.png` });
await seed(page, longest);
await page.goto(base + '/quiz/play?attempt=screens');
await page.getByRole('heading', { level: 2 }).waitFor();
await page.getByRole('button', { name: /Check answer/ }).click();
await page.getByRole('region', { name: 'Feedback' }).waitFor();
await page.screenshot({ path: `docs/screens/${tag}-quiz-feedback.png` });
// The home page's first visit, JS gzipped (as `npm run bench` counts it), for the 45 KB budget.
const fresh = await browser.newContext({ serviceWorkers: 'block' });
const visit = await fresh.newPage();
const scripts: Promise<number>[] = [];
visit.on('response', (r) => {
	if (r.request().resourceType() === 'script')
		scripts.push(
			r.body().then(
				(b) => gzipSync(b, { level: 9 }).length,
				() => 0
			)
		);
});
await visit.goto(base + '/', { waitUntil: 'networkidle' });
const js = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
console.log(`home first visit: ${(js / 1024).toFixed(1)} KB of JS gzipped`);
await browser.close();

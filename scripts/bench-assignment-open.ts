/**
 * Time from opening an assignment link to its first question on screen, on a throttled
 * "cheap phone" (Lighthouse's mobile settings: 150 ms round trip, 1.6 Mbps down, 750 Kbps
 * up, 4x CPU slowdown), for `npm run bench`:
 * - cold: a browser that never saw the app (no service worker, empty cache);
 * - warm: the app installed (service worker active, everything precached).
 * The clock runs from navigation start through typing the student's name, "Accept
 * assignment" and "Start" (each done as soon as it can be) to the first question on screen.
 * Median of three each. Targets (issue 15): cold, the preview with its "Accept" within 1.0 s
 * and the first question within 1.5 s.
 */
import { devices, type Browser, type Page } from '@playwright/test';
import { loadBank, readPublishedIds } from './bank-load.ts';
import { encodeAssignmentLink } from '../src/lib/domain/assignment-link.ts';
import { generateTeacherKeys } from '../src/lib/domain/teacher-keys.ts';

const RUNS = 3;

export const OPEN_TARGETS = { previewMs: 1000, questionMs: 1500 };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function makeLink(base: string, n: number): Promise<string> {
	const { bank } = loadBank();
	if (!bank) throw new Error('the bank does not load');
	const index = { version: bank.version, published: readPublishedIds() };
	const keys = await generateTeacherKeys();
	const itemIds = bank.items.slice(0, 10).map((i) => i.id);
	const payload = encodeAssignmentLink(
		{
			id: (0x1000 + n).toString(16).padStart(16, '0'),
			revision: 1,
			bankVersion: index.version,
			teacherName: 'Ms Aliyeva',
			teacherKey: keys.publicKey,
			settings: {
				title: `Bench set ${n}`,
				instructions: 'Answer every question.',
				itemIds,
				mode: 'practice',
				shuffle: false,
				dueDate: null,
				showAnswers: true,
				tries: 0
			}
		},
		index
	);
	return `${base}/join#${payload}`;
}

async function throttle(page: Page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: 150,
		downloadThroughput: (1.6 * 1024 * 1024) / 8,
		uploadThroughput: (750 * 1024) / 8
	});
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

interface Timing {
	/** Navigation start to the assignment's preview with its "Accept" button usable. */
	preview: number;
	/** Navigation start to the first question, accepting and starting on the way. */
	question: number;
}

/** Opens the link, accepts, starts; times from navigation start. */
async function openToQuestion(page: Page, url: string): Promise<Timing> {
	const t0 = Date.now();
	await page.goto(url, { waitUntil: 'commit' });
	const accept = page.getByRole('button', { name: 'Accept assignment' });
	await accept.waitFor({ timeout: 60_000 });
	const preview = Date.now() - t0;
	// A device that never saw the app has no name to offer: the student types theirs.
	const name = page.getByLabel('Your name, as your teacher knows you');
	if (!(await name.inputValue())) await name.fill('Ada Okafor');
	await accept.click({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Start' }).click({ timeout: 60_000 });
	await page.getByText('Question 1 of 10').waitFor({ timeout: 60_000 });
	return { preview, question: Date.now() - t0 };
}

export interface AssignmentOpenFigures {
	cold: Timing;
	warm: Timing;
}

export async function benchAssignmentOpen(
	browser: Browser,
	base: string
): Promise<AssignmentOpenFigures> {
	const cold: Timing[] = [];
	const warm: Timing[] = [];
	for (let run = 0; run < RUNS; run++) {
		const context = await browser.newContext({ ...devices['Pixel 7'] });
		const page = await context.newPage();
		await throttle(page);
		cold.push(await openToQuestion(page, await makeLink(base, run * 2)));
		// Now installed: wait until the worker controls the page, then open another link.
		await page.evaluate(async () => {
			const reg = await navigator.serviceWorker.ready;
			if (reg.active?.state !== 'activated') {
				await new Promise((r) => reg.active?.addEventListener('statechange', r));
			}
		});
		await page.close();
		const second = await context.newPage();
		await throttle(second);
		warm.push(await openToQuestion(second, await makeLink(base, run * 2 + 1)));
		await context.close();
	}
	const mid = (xs: Timing[]): Timing => ({
		preview: median(xs.map((x) => x.preview)),
		question: median(xs.map((x) => x.question))
	});
	return { cold: mid(cold), warm: mid(warm) };
}

/**
 * How long today's flashcard queue takes to build for a heavy learner: 10,000 cards (made
 * deterministically here, due over the past month and the coming year, ten introduced
 * today) and a deck of 10,000 items, 9,000 of them with a card. `npx tsx
 * scripts/bench-flashcards.ts` prints the figures. Target: a median of 50 ms or less.
 * Figures, not pass/fail: the machines here are shared and noisy.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DAY_MS } from '../src/lib/domain/calendar.ts';
import { buildQueue } from '../src/lib/domain/decks.ts';
import { createRng, randomInt } from '../src/lib/domain/random.ts';
import type { CardRecord } from '../src/lib/domain/records.ts';
import { DEFAULT_NEW_PER_DAY } from '../src/lib/domain/calendar.ts';

export const BENCH_CARDS = 10_000;
export const BENCH_DECK = 10_000;
export const TARGET_MEDIAN_MS = 50;

/** Thursday 26 November 2026, 18:00 in Los Angeles. */
const NOW = Date.parse('2026-11-26T18:00:00-08:00');
const TIME_ZONE = 'America/Los_Angeles';

/**
 * The learner's cards by item id, as storage would hand them over (through structured
 * clone, so plain objects): 1,000 on items outside the deck, the rest on the deck's first
 * 9,000 items, leaving 1,000 new.
 */
export function syntheticCards(count = BENCH_CARDS): Map<string, CardRecord> {
	const rng = createRng(61);
	const cards = new Map<string, CardRecord>();
	for (let n = 0; n < count; n++) {
		const itemId = n < count / 10 ? `elsewhere-${n}` : `item-${n - count / 10}`;
		const due = NOW + randomInt(rng, -30 * DAY_MS, 365 * DAY_MS);
		const lastReview = due - randomInt(rng, 1, 60) * DAY_MS;
		// Ten cards were introduced in the last hour (today), the others long before.
		const introducedAt =
			n % 1000 === 0 ? NOW - randomInt(rng, 0, 3600_000) : NOW - randomInt(rng, 100, 400) * DAY_MS;
		cards.set(
			itemId,
			structuredClone({
				learnerId: 'bench',
				itemId,
				due,
				introducedAt,
				memory: {
					due,
					stability: randomInt(rng, 1, 3000) / 10,
					difficulty: randomInt(rng, 10, 100) / 10,
					elapsedDays: randomInt(rng, 0, 60),
					scheduledDays: randomInt(rng, 1, 365),
					learningSteps: 0,
					reps: randomInt(rng, 1, 30),
					lapses: randomInt(rng, 0, 5),
					state: 'review',
					lastReview
				}
			})
		);
	}
	return cards;
}

function percentile(sorted: number[], p: number): number {
	const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, index)];
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/**
 * Times `buildQueue` for the synthetic learner and deck, a new seed each run, after a few
 * warm-up runs. Each run starts with a fresh LocalCalendar, as the app's would.
 */
export function benchQueue(options: { runs?: number } = {}): {
	medianMs: number;
	p95Ms: number;
	runs: number;
	/** The very first call, before any warm-up. */
	firstMs: number;
	dueCount: number;
} {
	const runs = options.runs ?? 200;
	const cards = syntheticCards();
	const itemIds = Array.from({ length: BENCH_DECK }, (_, i) => `item-${i}`);
	const build = (seed: number) =>
		buildQueue({
			itemIds,
			cards,
			now: NOW,
			timeZone: TIME_ZONE,
			newPerDay: DEFAULT_NEW_PER_DAY,
			seed
		});
	// The first call also pays for compiling the code and creating the zone's Intl formatter,
	// as a page's first queue does.
	const coldStart = performance.now();
	build(-1);
	const firstMs = round(performance.now() - coldStart);
	for (let seed = 1; seed < 20; seed++) build(-seed - 1);
	const times: number[] = [];
	let dueCount = 0;
	for (let seed = 0; seed < runs; seed++) {
		const start = performance.now();
		const queue = build(seed);
		times.push(performance.now() - start);
		dueCount = queue.dueCount;
		if (queue.fresh.length === 0 || queue.dueCount === 0) {
			throw new Error('the benchmark queue is empty');
		}
	}
	times.sort((a, b) => a - b);
	return {
		medianMs: round(percentile(times, 50)),
		p95Ms: round(percentile(times, 95)),
		runs,
		firstMs,
		dueCount
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { medianMs, p95Ms, runs, firstMs, dueCount } = benchQueue();
	const verdict = medianMs <= TARGET_MEDIAN_MS ? 'met' : 'NOT met';
	console.log(
		`today's queue, ${BENCH_CARDS.toLocaleString('en')} cards, deck of ${BENCH_DECK.toLocaleString('en')} items ` +
			`(${dueCount} due), ${runs} runs: median ${medianMs} ms, p95 ${p95Ms} ms, first call ${firstMs} ms ` +
			`(target: median <= ${TARGET_MEDIAN_MS} ms: ${verdict})`
	);
}

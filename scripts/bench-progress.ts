/**
 * Times computeDashboard (computation only, no storage) for a synthetic learner: 100,000
 * answer events over 10,000 cards spread over the past year, in Europe/Paris. The data is
 * deterministic (a seeded generator, a fixed `now`), so runs differ only by the machine.
 * Target: 300 ms or less. `npx tsx scripts/bench-progress.ts` prints the figure; the storage
 * benchmark can import benchDashboard().
 */
import { pathToFileURL } from 'node:url';
import { DAY_MS } from '../src/lib/domain/calendar.ts';
import { computeDashboard, type DashboardInput } from '../src/lib/domain/progress.ts';
import type { AnswerEvent, CardRecord } from '../src/lib/domain/records.ts';

const EVENTS = 100_000;
const CARDS = 10_000;
const TOPICS = 8;
/** Friday 27 November 2026, 18:00 in Paris. */
const NOW = Date.parse('2026-11-27T18:00:00+01:00');
const TARGET_MS = 300;

/** mulberry32: small, fast, and the same sequence on every machine. */
function generator(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The learner: whole AnswerEvent and CardRecord objects, as storage would hand them over. */
export function syntheticLearner(): DashboardInput {
	const random = generator(20261127);
	const topics = Array.from({ length: TOPICS }, (_, i) => ({
		id: `topic-${i}`,
		name: `Topic ${i}`
	}));
	const items = Array.from({ length: CARDS }, (_, i) => ({
		id: `item-${i}`,
		topic: topics[i % TOPICS].id,
		prompt: `Question number ${i}?`
	}));
	const events: AnswerEvent[] = [];
	for (let i = 0; i < EVENTS; i++) {
		const correct = random() < 0.75;
		events.push({
			id: `event-${i}`,
			learnerId: 'bench',
			itemId: items[Math.floor(random() * CARDS)].id,
			// Unsorted times over the past 365 days: the harder case for the day cache.
			at: NOW - Math.floor(random() * 365 * DAY_MS),
			source: random() < 0.5 ? 'quiz' : 'flashcard',
			correct,
			ms: 2000 + Math.floor(random() * 10_000)
		});
	}
	const cards: CardRecord[] = items.map((item) => {
		const due = NOW + Math.floor((random() * 90 - 30) * DAY_MS);
		return {
			learnerId: 'bench',
			itemId: item.id,
			due,
			memory: {
				due,
				stability: 5,
				difficulty: 5,
				elapsedDays: 3,
				scheduledDays: 7,
				learningSteps: 0,
				reps: 4,
				lapses: 1,
				state: 'review'
			}
		};
	});
	return { events, cards, items, topics, now: NOW, timeZone: 'Europe/Paris' };
}

/** The median time of `runs` dashboard computations, after a few warm-up runs. */
export function benchDashboard(runs = 21): { medianMs: number; runs: number; events: number } {
	const input = syntheticLearner();
	for (let i = 0; i < 3; i++) computeDashboard(input);
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		computeDashboard(input);
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	const medianMs = Math.round(times[Math.floor(runs / 2)] * 10) / 10;
	return { medianMs, runs, events: input.events.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { medianMs, runs, events } = benchDashboard();
	const verdict = medianMs <= TARGET_MS ? 'met' : 'NOT met';
	console.log(
		`computeDashboard: ${events.toLocaleString('en')} events, ${CARDS.toLocaleString('en')} cards: ` +
			`median ${medianMs} ms over ${runs} runs (target ${TARGET_MS} ms: ${verdict})`
	);
}

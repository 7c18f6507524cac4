/**
 * How long the quiz generator takes on a large bank: a 20-question quiz from a synthetic
 * bank of 10,000 items (built deterministically here), many times over with a new seed
 * each time. `npx tsx scripts/bench-quiz.ts` prints the figures. Target: a median of 5 ms
 * or less. Figures, not pass/fail: the machines here are shared and noisy.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ITEM_KINDS, type Item } from '../src/lib/domain/bank.ts';
import { DAY_MS } from '../src/lib/domain/calendar.ts';
import { generateQuiz, type QuizHistory } from '../src/lib/domain/quiz.ts';
import { createRng, randomInt, type Rng } from '../src/lib/domain/random.ts';

export const BENCH_ITEMS = 10_000;
export const TARGET_MEDIAN_MS = 5;
const TOPICS = [
	'people',
	'places',
	'timeline',
	'casualties',
	'claims',
	'reactions',
	'background',
	'talks'
];

const words = (rng: Rng, n: number, prefix: string) =>
	Array.from({ length: n }, (_, i) => `${prefix} ${i} ${randomInt(rng, 0, 99_999)}`);

/**
 * A bank of `count` items of every kind, the same every time; one in six has an exclusion
 * group. It goes through JSON once, as the real bank does (the Vite plugin bundles it as a
 * JSON literal): objects built by spreading, as below, can end up in V8's slow dictionary
 * mode, and the benchmark would then time property lookups the app never makes.
 */
export function syntheticBank(count = BENCH_ITEMS): Item[] {
	return JSON.parse(JSON.stringify(buildItems(count)));
}

function buildItems(count: number): Item[] {
	const rng = createRng(20231);
	return Array.from({ length: count }, (_, n): Item => {
		const base = {
			id: `p${(n % 32) + 1}-item-${n}`,
			topic: TOPICS[randomInt(rng, 0, TOPICS.length - 1)],
			difficulty: ([1, 2, 3] as const)[randomInt(rng, 0, 2)],
			paragraphs: [`p${(n % 32) + 1}`],
			prompt: `Synthetic question ${n}?`,
			explanation: `Synthetic explanation ${n}.`,
			...(randomInt(rng, 0, 5) === 0 ? { exclusionGroup: `group-${randomInt(rng, 0, 299)}` } : {})
		};
		const options = words(rng, 5, 'option');
		switch (ITEM_KINDS[n % ITEM_KINDS.length]) {
			case 'single':
				return { ...base, kind: 'single', options, answer: options[0] };
			case 'multi':
				return { ...base, kind: 'multi', options, answers: options.slice(0, 2) };
			case 'truefalse':
				return { ...base, kind: 'truefalse', answer: n % 2 === 0 };
			case 'typed':
				return { ...base, kind: 'typed', answer: options[0], accept: options.slice(1, 3) };
			case 'numeric':
				return { ...base, kind: 'numeric', answer: 100 + n, tolerance: 0, unit: 'people' };
			case 'ordering':
				return { ...base, kind: 'ordering', sequence: options.slice(0, 4) };
			case 'matching':
				return {
					...base,
					kind: 'matching',
					pairs: options.slice(0, 4).map((left, i) => ({ left, right: `right ${i}` }))
				};
		}
	});
}

/** A history covering about half the bank, for the smart variant. */
function syntheticHistory(items: Item[]): QuizHistory {
	const rng = createRng(7);
	const history: QuizHistory = {};
	for (const item of items) {
		if (randomInt(rng, 0, 1) === 0) continue;
		const seen = randomInt(rng, 1, 8);
		history[item.id] = {
			seen,
			correct: randomInt(rng, 0, seen),
			lastAt: 1_764_000_000_000 + randomInt(rng, 0, 30 * DAY_MS)
		};
	}
	return history;
}

function percentile(sorted: number[], p: number): number {
	const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, index)];
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/**
 * Times `generateQuiz` for a 20-question quiz over the whole synthetic bank, a new seed each
 * run, after a few warm-up runs. With `smart`, a smart quiz with a history of half the bank.
 */
export function benchQuizGeneration(options: { runs?: number; smart?: boolean } = {}): {
	medianMs: number;
	p95Ms: number;
	runs: number;
} {
	const runs = options.runs ?? 300;
	const items = syntheticBank();
	const history = options.smart ? syntheticHistory(items) : undefined;
	const quiz = (seed: number) =>
		generateQuiz(
			items,
			{
				length: 20,
				topics: [],
				difficulties: [],
				kinds: [],
				mode: 'practice',
				seed,
				smart: options.smart
			},
			history
		);
	for (let seed = 0; seed < 30; seed++) quiz(-seed - 1);
	const times: number[] = [];
	for (let seed = 0; seed < runs; seed++) {
		const start = performance.now();
		const result = quiz(seed);
		times.push(performance.now() - start);
		if (!result.ok || result.questions.length !== 20) throw new Error('the benchmark quiz failed');
	}
	times.sort((a, b) => a - b);
	return { medianMs: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), runs };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	for (const smart of [false, true]) {
		const { medianMs, p95Ms, runs } = benchQuizGeneration({ smart });
		const verdict = medianMs <= TARGET_MEDIAN_MS ? 'met' : 'NOT met';
		console.log(
			`${smart ? 'smart ' : ''}quiz of 20 from ${BENCH_ITEMS.toLocaleString('en')} items, ${runs} runs: ` +
				`median ${medianMs} ms, p95 ${p95Ms} ms (target: median <= ${TARGET_MEDIAN_MS} ms: ${verdict})`
		);
	}
}

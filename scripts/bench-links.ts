/**
 * How long assignment links and result links get, whether they fit a QR code a phone can
 * scan at arm's length, and how long encoding and decoding take. Uses the real bank (ids,
 * items and published positions). `npx tsx scripts/bench-links.ts` prints the figures;
 * `benchLinks()` returns them as rows for scripts/bench.ts. Figures, not pass/fail: the
 * machines here are shared and noisy.
 *
 * QR sizes. A link is put in a QR code as it is (byte mode: lowercase letters keep it out of
 * the denser alphanumeric mode), so its length in bytes decides the version. The capacities
 * below are the standard's byte-mode table (ISO/IEC 18004, table 7), checked at run time
 * against the version uqr's `encode` picks for the same text.
 *
 * Why version 10 at level M is the mark: version 10 is 57 × 57 modules. Printed 5 cm wide
 * on a worksheet (or shown on a phone or a projected slide at the same apparent size), a
 * module is under 0.9 mm; a phone camera held at arm's length (40 to 60 cm) still resolves
 * that reliably, and level M still reads with 15 % of the code creased, smudged or in glare.
 * Past version 10 the modules shrink below what a mid-range camera focuses on at that
 * distance unless the code is printed larger, and level L (7 %) gives up much of the margin
 * a folded worksheet needs. It is a rule of thumb, not part of the standard.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { encode as qrEncode } from 'uqr';
import type {
	AssignmentLink,
	AssignmentResult,
	BankIndex,
	ResultAnswer
} from '../src/lib/domain/assignment.ts';
import { decodeAssignmentLink, encodeAssignmentLink } from '../src/lib/domain/assignment-link.ts';
import type { Item } from '../src/lib/domain/bank.ts';
import type { AnswerResponse } from '../src/lib/domain/check-answer.ts';
import { createRng, randomInt, shuffle, type Rng } from '../src/lib/domain/random.ts';
import { decryptResult, encryptResult } from '../src/lib/domain/result-code.ts';
import { generateTeacherKeys, type TeacherKeys } from '../src/lib/domain/teacher-keys.ts';
import { loadBank, readPublishedIds } from './bank-load.ts';

export interface Row {
	figure: string;
	measured: string;
	target?: string;
}

export const JOIN_ORIGIN = 'https://factdeck.example.org/join#';
export const COLLECT_ORIGIN = 'https://factdeck.example.org/collect#';
const SIZES = [10, 20, 50];
const RUNS = 200;
/** The largest version a phone reads at arm's length from a printed or on-screen code. */
export const QR_VERSION_MARK = 10;

/** Byte-mode capacity in bytes of QR versions 1 to 40 (ISO/IEC 18004, table 7). */
const QR_BYTES = {
	L: [
		17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858,
		929, 1003, 1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431,
		2563, 2699, 2809, 2953
	],
	M: [
		14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
		711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989,
		2099, 2213, 2331
	]
} as const;

/** The smallest QR version holding `text` in byte mode at `level`, or null past version 40. */
export function qrVersion(text: string, level: 'L' | 'M'): number | null {
	const bytes = new TextEncoder().encode(text).length;
	const index = QR_BYTES[level].findIndex((capacity) => capacity >= bytes);
	const version = index === -1 ? null : index + 1;
	// The table, checked against a real encoder (which throws past version 40).
	let picked: number | null;
	try {
		picked = qrEncode(text, { ecc: level, boostEcc: false }).version;
	} catch {
		picked = null;
	}
	if (picked !== version) {
		throw new Error(`QR table says version ${version}, uqr picks ${picked} (${level}, ${bytes} B)`);
	}
	return version;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${Math.round(x * 1000) / 1000} ms`;

async function timeRuns(run: () => unknown): Promise<number> {
	for (let i = 0; i < 10; i++) await run();
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const start = performance.now();
		await run();
		times.push(performance.now() - start);
	}
	return median(times);
}

/** What a student could answer: right most of the time, wrong or near-miss otherwise. */
function realisticResponse(rng: Rng, item: Item): AnswerResponse | null {
	const right = randomInt(rng, 0, 9) < 7;
	if (randomInt(rng, 0, 29) === 0) return null;
	switch (item.kind) {
		case 'single':
			return { choice: right ? item.answer : shuffle(rng, item.options)[0] };
		case 'multi':
			return {
				choices: right
					? shuffle(rng, item.answers)
					: shuffle(rng, item.options).slice(0, randomInt(rng, 1, 3))
			};
		case 'truefalse':
			return { value: right ? item.answer : !item.answer };
		case 'typed':
			// A typo now and then: the checker forgives it, the code keeps it as typed.
			return { text: right ? item.answer.toLowerCase() : `${item.answer.slice(0, -2)}an` };
		case 'numeric':
			return { text: right ? String(item.answer) : `about ${Math.round(item.answer * 1.3)}` };
		case 'ordering':
			return { order: right ? [...item.sequence] : shuffle(rng, item.sequence) };
		case 'matching': {
			const rights = item.pairs.map((p) => p.right);
			const chosen = right ? rights : shuffle(rng, rights);
			return { pairs: Object.fromEntries(item.pairs.map((p, i) => [p.left, chosen[i]])) };
		}
	}
}

interface Fixture {
	index: BankIndex;
	lookup: (id: string) => Item | undefined;
	items: Item[];
	keys: TeacherKeys;
}

async function fixture(): Promise<Fixture> {
	const { bank, errors } = loadBank();
	if (!bank) throw new Error(`the bank does not load: ${errors[0]?.message}`);
	const byId = new Map(bank.items.map((i) => [i.id, i]));
	const published = readPublishedIds();
	return {
		index: { version: bank.version, published },
		lookup: (id) => byId.get(id),
		// Live published items, in publication order.
		items: published.map((id) => byId.get(id)).filter((i): i is Item => i !== undefined),
		keys: await generateTeacherKeys()
	};
}

/** `n` items spread evenly over the published list (so positions past 127 come up). */
function spread(items: Item[], n: number): Item[] {
	if (n > items.length) throw new Error(`the bank has only ${items.length} items`);
	return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]);
}

function linkFor(f: Fixture, chosen: Item[]): AssignmentLink {
	return {
		id: '5f3a9c01d2e4b687',
		revision: 3,
		bankVersion: f.index.version,
		teacherName: 'Ms Anahit Grigoryan',
		teacherKey: f.keys.publicKey,
		settings: {
			// 40 and 120 characters.
			title: 'Nagorno-Karabakh 2023: week 3 check quiz',
			instructions:
				'Read paragraphs 1 to 12 of the article first. Answer on your own; you have two tries and the best one counts. Good luck!',
			itemIds: chosen.map((i) => i.id),
			mode: 'test',
			shuffle: true,
			dueDate: '2026-12-04',
			showAnswers: true,
			tries: 2
		}
	};
}

function resultFor(f: Fixture, chosen: Item[], seed: number): AssignmentResult {
	const rng = createRng(seed);
	const answers: ResultAnswer[] = chosen.map((item) => ({
		itemId: item.id,
		response: realisticResponse(rng, item),
		grade: null,
		ms: randomInt(rng, 40, 900) * 100
	}));
	const started = 1_796_000_000;
	return {
		assignmentId: '5f3a9c01d2e4b687',
		revision: 3,
		studentName: 'Davit Sargsyan',
		studentId: '9a8b7c6d5e4f3021',
		tryNumber: 1,
		startedAt: started * 1000,
		finishedAt: (started + Math.round(answers.reduce((s, a) => s + a.ms, 0) / 1000)) * 1000,
		score: Math.round(chosen.length * 0.7 * 100) / 100,
		answers
	};
}

function qrRows(what: string, url: string): Row[] {
	const m = qrVersion(url, 'M');
	const l = qrVersion(url, 'L');
	const fits = m !== null && m <= QR_VERSION_MARK;
	return [
		{
			figure: `${what}: QR version, level M / L`,
			measured: `${m ?? '> 40'} / ${l ?? '> 40'} (${fits ? 'fits' : 'over'} v${QR_VERSION_MARK}-M)`,
			target: `<= v${QR_VERSION_MARK} at M`
		}
	];
}

/** Every figure, as rows for the benchmark table. */
export async function benchLinks(): Promise<Row[]> {
	const f = await fixture();
	const rows: Row[] = [];
	for (const n of SIZES) {
		const chosen = spread(f.items, n);
		const link = linkFor(f, chosen);
		const code = encodeAssignmentLink(link, f.index);
		const url = JOIN_ORIGIN + code;
		const decoded = decodeAssignmentLink(url, f.index);
		if (!decoded.ok) throw new Error(`the ${n}-item link does not decode: ${decoded.message}`);
		const what = `assignment link, ${n} items`;
		rows.push({ figure: `${what}: length`, measured: `${url.length} chars (code ${code.length})` });
		rows.push(...qrRows(what, url));
		rows.push({
			figure: `${what}: encode / decode (median of ${RUNS})`,
			measured: `${ms(await timeRuns(() => encodeAssignmentLink(link, f.index)))} / ${ms(
				await timeRuns(() => decodeAssignmentLink(url, f.index))
			)}`
		});
	}
	for (const n of SIZES) {
		const chosen = spread(f.items, n);
		const result = resultFor(f, chosen, n);
		const code = await encryptResult(result, f.keys.publicKey, f.index, f.lookup);
		const url = COLLECT_ORIGIN + code;
		const back = await decryptResult(url, f.keys, f.index, f.lookup);
		if (!back.ok) throw new Error(`the ${n}-answer result does not decrypt: ${back.message}`);
		const what = `result link, ${n} answers`;
		rows.push({ figure: `${what}: length`, measured: `${url.length} chars (code ${code.length})` });
		rows.push(...qrRows(what, url));
		rows.push({
			figure: `${what}: encrypt / decrypt (median of ${RUNS})`,
			measured: `${ms(
				await timeRuns(() => encryptResult(result, f.keys.publicKey, f.index, f.lookup))
			)} / ${ms(await timeRuns(() => decryptResult(url, f.keys, f.index, f.lookup)))}`
		});
	}
	return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const rows = await benchLinks();
	const width = Math.max(...rows.map((r) => r.figure.length));
	console.log(`\nFactdeck links, ${new Date().toISOString()}, Node ${process.version}\n`);
	for (const r of rows) {
		console.log(`${r.figure.padEnd(width)}  ${r.measured.padEnd(34)} ${r.target ?? ''}`);
	}
}

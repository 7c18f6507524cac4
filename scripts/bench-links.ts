/**
 * How long assignment links and result links get, which QR version holds them, and how long
 * encoding and decoding take. Uses the real bank (ids, items and published positions).
 * `npx tsx scripts/bench-links.ts` prints the figures; `benchLinks()` returns them as rows
 * for scripts/bench.ts. Figures, not pass/fail: the machines here are shared and noisy.
 *
 * QR sizes. A link goes into its QR code as the app's QrCode component puts it: lean-qr
 * picks the segments (the address before '#' in byte mode, the code after it, uppercase
 * base32, in alphanumeric mode), and the version is the smallest that holds them at the
 * level asked for. Each version is checked against the standard's capacities (ISO/IEC 18004,
 * table 7, in data codewords) for those two segments: the encoder may only do as well or
 * better. Format 1, the base64url links made before format 2, is shown beside the targets
 * for comparison (its frozen encoder is tests/unit/domain/format-1.ts).
 *
 * Why version 10 at level M is the mark for an assignment link: version 10 is 57 × 57
 * modules. Printed 5 cm wide on a worksheet (or projected on a classroom wall at the same
 * apparent size), a module is under 0.9 mm; a phone camera at arm's length or from the back
 * of a classroom still resolves that, and level M still reads with 15 % of the code creased,
 * smudged or in glare. A result link is read off the student's own phone at close range, so
 * version 12 (65 × 65) is its mark. Rules of thumb, not part of the standard.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { correction, generate } from 'lean-qr';
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
import { encodeAssignmentLinkV1, encryptResultV1 } from '../tests/unit/domain/format-1.ts';
import { loadBank, readPublishedIds } from './bank-load.ts';

export interface Row {
	figure: string;
	measured: string;
	target?: string;
	met?: boolean;
}

/** A school's host (35 characters with the scheme), and the one `npm start` serves on. */
export const HOSTS = ['https://factdeck.example-school.org', 'http://localhost:4173'] as const;
const SIZES = [10, 20, 50];
const INSTRUCTIONS = [0, 200, 400];
const RUNS = 100;
/** The largest version for an assignment link (read at a distance) and a result link. */
export const QR_MARK = { assignment: 10, result: 12 } as const;

/** Data codewords of QR versions 1 to 40 (ISO/IEC 18004, table 7). */
const DATA_CODEWORDS = {
	L: [
		19, 34, 55, 80, 108, 136, 156, 194, 232, 274, 324, 370, 428, 461, 523, 589, 647, 721, 795, 861,
		932, 1006, 1094, 1174, 1276, 1370, 1468, 1531, 1631, 1735, 1843, 1955, 2071, 2191, 2306, 2434,
		2566, 2702, 2812, 2956
	],
	M: [
		16, 28, 44, 64, 86, 108, 124, 154, 182, 216, 254, 290, 334, 365, 415, 453, 507, 563, 627, 669,
		714, 782, 860, 914, 1000, 1062, 1128, 1193, 1267, 1373, 1455, 1541, 1631, 1725, 1812, 1914,
		1992, 2102, 2216, 2334
	]
} as const;

type Level = keyof typeof DATA_CODEWORDS;

/**
 * Bits of the link at a version: the address up to '#' as a byte segment and the code after
 * it as an alphanumeric one, or (a code with lowercase letters, format 1) all of it in bytes.
 */
function segmentBits(url: string, version: number): number {
	const hash = url.indexOf('#') + 1;
	const byteCount = version <= 9 ? 8 : 16;
	const alnumCount = version <= 9 ? 9 : version <= 26 ? 11 : 13;
	if (!/^[0-9A-Z $%*+./:-]*$/.test(url.slice(hash))) return 4 + byteCount + 8 * url.length;
	const chars = url.length - hash;
	return 4 + byteCount + 8 * hash + 4 + alnumCount + 11 * Math.floor(chars / 2) + 6 * (chars % 2);
}

/** The smallest version holding `url` as the app's QR code does, or null past version 40. */
export function qrVersion(url: string, level: Level): number | null {
	let picked: number | null;
	try {
		const qr = generate(url, {
			minCorrectionLevel: correction[level],
			maxCorrectionLevel: correction[level]
		});
		picked = (qr.size - 17) / 4;
	} catch {
		picked = null;
	}
	// The standard's table for those segments: lean-qr may find better, never worse.
	const index = DATA_CODEWORDS[level].findIndex((c, i) => c * 8 >= segmentBits(url, i + 1));
	const table = index === -1 ? null : index + 1;
	if (table !== null && (picked === null || picked > table)) {
		throw new Error(`lean-qr picks version ${picked}, the table ${table} (${level}, ${url})`);
	}
	return picked;
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

/** Instructions of `n` characters, in sentences as a teacher writes them. */
function instructions(n: number): string {
	const sentence = 'Read paragraphs 1 to 12 first, then answer on your own. ';
	return sentence
		.repeat(Math.ceil(n / sentence.length))
		.slice(0, n)
		.trim();
}

function linkFor(f: Fixture, chosen: Item[], instructionChars: number): AssignmentLink {
	return {
		id: '5f3a9c01d2e4b687',
		revision: 3,
		bankVersion: f.index.version,
		// 20 characters, and a title of 40.
		teacherName: 'Mr Davit Harutyunyan',
		teacherKey: f.keys.publicKey,
		settings: {
			title: 'Nagorno-Karabakh 2023: week 3 check quiz',
			instructions: instructions(instructionChars),
			itemIds: chosen.map((i) => i.id),
			mode: 'test',
			shuffle: true,
			dueDate: '2026-12-04',
			showAnswers: true,
			tries: 2
		}
	};
}

function resultFor(chosen: Item[], seed: number): AssignmentResult {
	const rng = createRng(seed);
	const answers: ResultAnswer[] = chosen.map((item) => ({
		itemId: item.id,
		response: realisticResponse(rng, item),
		grade: null,
		ms: randomInt(rng, 4, 90) * 1000
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

const versions = (url: string) =>
	`v${qrVersion(url, 'M') ?? '> 40'} / v${qrVersion(url, 'L') ?? '> 40'}`;

/** Length and QR versions of a code on each host; a target row for the first host. */
function sizeRows(what: string, path: string, code: string, mark?: number): Row[] {
	return HOSTS.map((host, i) => {
		const url = `${host}${path}#${code}`;
		const m = qrVersion(url, 'M');
		const row: Row = {
			figure: `${what}, on ${host.replace(/^https?:\/\//, '')}: QR M / L, length`,
			measured: `${versions(url)}, ${url.length} chars`
		};
		if (mark !== undefined && i === 0) {
			row.target = `<= v${mark} at M`;
			row.met = m !== null && m <= mark;
		}
		return row;
	});
}

/** Every figure, as rows for the benchmark table. */
export async function benchLinks(): Promise<Row[]> {
	const f = await fixture();
	const rows: Row[] = [];
	for (const n of SIZES) {
		const chosen = spread(f.items, n);
		for (const chars of INSTRUCTIONS) {
			const link = linkFor(f, chosen, chars);
			const code = encodeAssignmentLink(link, f.index);
			const decoded = decodeAssignmentLink(`${HOSTS[0]}/join#${code}`, f.index);
			if (!decoded.ok) throw new Error(`the ${n}-item link does not decode: ${decoded.message}`);
			const what = `assignment link, ${n} items, ${chars} chars of instructions`;
			const target = n === 20 && chars === 0 ? QR_MARK.assignment : undefined;
			rows.push(...sizeRows(what, '/join', code, target));
			if (target !== undefined) {
				rows.push(...sizeRows(`${what}, format 1`, '/join', encodeAssignmentLinkV1(link, f.index)));
				rows.push({
					figure: `${what}: encode / decode (median of ${RUNS})`,
					measured: `${ms(await timeRuns(() => encodeAssignmentLink(link, f.index)))} / ${ms(
						await timeRuns(() => decodeAssignmentLink(code, f.index))
					)}`
				});
			}
		}
	}
	for (const n of SIZES) {
		const chosen = spread(f.items, n);
		const result = resultFor(chosen, n);
		const code = await encryptResult(result, f.keys.publicKey, f.index, f.lookup);
		const back = await decryptResult(code, f.keys, f.index, f.lookup);
		if (!back.ok) throw new Error(`the ${n}-answer result does not decrypt: ${back.message}`);
		const what = `result link, ${n} answers`;
		const target = n === 20 ? QR_MARK.result : undefined;
		rows.push(...sizeRows(what, '/collect', code, target));
		if (target !== undefined) {
			const old = await encryptResultV1(result, f.keys.publicKey, f.index, f.lookup);
			rows.push(...sizeRows(`${what}, format 1`, '/collect', old));
			rows.push({
				figure: `${what}: encrypt / decrypt (median of ${RUNS})`,
				measured: `${ms(
					await timeRuns(() => encryptResult(result, f.keys.publicKey, f.index, f.lookup))
				)} / ${ms(await timeRuns(() => decryptResult(code, f.keys, f.index, f.lookup)))}`
			});
		}
	}
	return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const rows = await benchLinks();
	const width = Math.max(...rows.map((r) => r.figure.length));
	console.log(`\nFactdeck links, ${new Date().toISOString()}, Node ${process.version}\n`);
	for (const r of rows) {
		const verdict = r.met === undefined ? '' : r.met ? ' (met)' : ' (MISSED)';
		console.log(`${r.figure.padEnd(width)}  ${r.measured.padEnd(26)} ${r.target ?? ''}${verdict}`);
	}
}
